import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import { hashPassword } from '../auth/password-hasher.js';
import { AppError, ErrorCode, type FieldError } from '../common/errors.js';
import { Department, District } from '../directory/directory.entities.js';
import { describeMutation } from '../common/request-context.js';
import { CreateUserDto, mapUser, UpdateUserDto, type UserDto } from './dto/user.dto.js';
import { User, type Role } from './user.entity.js';

const WITH_UNIT = { department: true, district: true } as const;

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly dataSource: DataSource,
  ) {}

  async list(): Promise<UserDto[]> {
    const users = await this.users.find({ order: { createdAt: 'ASC' }, relations: WITH_UNIT });
    return users.map(mapUser);
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOne({ where: { id }, relations: WITH_UNIT });
  }

  /** Case-insensitive, served by the unique index on lower(username). */
  findByUsername(username: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.department', 'department')
      .leftJoinAndSelect('u.district', 'district')
      .where('lower(u.username) = lower(:username)', { username })
      .getOne();
  }

  async create(input: CreateUserDto): Promise<UserDto> {
    const unit = await this.unitFor(this.dataSource.manager, input.role, input.unitCode ?? null);
    const user = this.users.create({
      username: input.username,
      displayName: input.displayName.trim(),
      role: input.role,
      ...unit,
      passwordHash: await hashPassword(input.password),
      active: true,
      lastLoginAt: null,
    });
    try {
      await this.users.insert(user);
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) {
        throw new AppError(ErrorCode.UsernameTaken);
      }
      throw error;
    }
    const created = mapUser((await this.users.findOne({ where: { id: user.id }, relations: WITH_UNIT }))!);
    describeMutation({ entity: 'user', entityId: created.id, before: null, after: { ...created } });
    return created;
  }

  async update(id: string, input: UpdateUserDto): Promise<UserDto> {
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    return this.dataSource.transaction(async (manager) => {
      const locked = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!locked) throw new AppError(ErrorCode.NotFound);
      const user = (await manager.findOne(User, { where: { id }, relations: WITH_UNIT }))!;
      const before = mapUser(user);
      const losesAdmin = user.role === 'admin' && user.active && (input.active === false || (input.role !== undefined && input.role !== 'admin'));
      if (losesAdmin) await this.assertAnotherActiveAdmin(manager, user.id);

      if (input.displayName !== undefined) user.displayName = input.displayName.trim();
      if (input.role !== undefined || input.unitCode !== undefined) {
        const role = input.role ?? user.role;
        // A role with a unit keeps its unit unless another is given; a role without one drops it.
        const keptCode = role === 'department' ? (user.department?.code ?? null) : role === 'district' ? (user.district?.code ?? null) : null;
        Object.assign(user, await this.unitFor(manager, role, input.unitCode !== undefined ? input.unitCode : keptCode));
        user.role = role;
      }
      if (input.active !== undefined) user.active = input.active;
      if (passwordHash) user.passwordHash = passwordHash;
      await manager.save(user);
      const after = mapUser((await manager.findOne(User, { where: { id }, relations: WITH_UNIT }))!);
      describeMutation({
        entity: 'user',
        entityId: user.id,
        before: { ...before },
        after: { ...after, ...(passwordHash ? { passwordChanged: true } : {}) },
      });
      return after;
    });
  }

  async setPassword(user: User, password: string): Promise<void> {
    await this.users.update({ id: user.id }, { passwordHash: await hashPassword(password) });
    describeMutation({ entity: 'user', entityId: user.id, before: null, after: { passwordChanged: true } });
  }

  async recordLogin(userId: string): Promise<void> {
    await this.users.update({ id: userId }, { lastLoginAt: new Date() });
  }

  count(): Promise<number> {
    return this.users.count();
  }

  /** The unit columns for a role: a department or district user must name its unit by code, others none. */
  private async unitFor(
    manager: EntityManager,
    role: Role,
    code: string | null,
  ): Promise<{ departmentId: string | null; districtId: string | null; department: Department | null; district: District | null }> {
    const none = { departmentId: null, districtId: null, department: null, district: null };
    const refuse = (zh: string, en: string): never => {
      const errors: FieldError[] = [{ field: 'unitCode', message: en, messages: { zh, en } }];
      throw new AppError(ErrorCode.ValidationFailed, { errors });
    };
    const trimmed = code?.trim() || null;
    if (role !== 'department' && role !== 'district') {
      if (trimmed) refuse('只有部门用户和区县用户属于某个单位。', 'Only department and district users belong to a unit.');
      return none;
    }
    const kind = role === 'department' ? { zh: '部门', en: 'department' } : { zh: '区县', en: 'district' };
    if (!trimmed) return refuse(`请选择该用户所属的${kind.zh}。`, `Choose the ${kind.en} this user works for.`);
    if (role === 'department') {
      const department = await manager.findOneBy(Department, { code: trimmed });
      if (!department) return refuse(`名录中没有代码为 ${trimmed} 的部门。`, `The directory has no department with code ${trimmed}.`);
      return { ...none, departmentId: department.id, department };
    }
    const district = await manager.findOneBy(District, { code: trimmed });
    if (!district) return refuse(`名录中没有代码为 ${trimmed} 的区县。`, `The directory has no district with code ${trimmed}.`);
    return { ...none, districtId: district.id, district };
  }

  /** Locks every active admin row so two concurrent demotions cannot both pass. */
  private async assertAnotherActiveAdmin(manager: EntityManager, exceptId: string): Promise<void> {
    const admins = await manager
      .createQueryBuilder(User, 'u')
      .setLock('pessimistic_write')
      .where("u.role = 'admin' AND u.active AND u.id <> :exceptId", { exceptId })
      .getMany();
    if (admins.length === 0) throw new AppError(ErrorCode.LastAdmin);
  }
}
