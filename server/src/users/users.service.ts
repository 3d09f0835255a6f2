import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import { hashPassword } from '../auth/password-hasher.js';
import { AppError, ErrorCode } from '../common/errors.js';
import { describeMutation } from '../common/request-context.js';
import { CreateUserDto, mapUser, UpdateUserDto, type UserDto } from './dto/user.dto.js';
import { User } from './user.entity.js';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly dataSource: DataSource,
  ) {}

  async list(): Promise<UserDto[]> {
    const users = await this.users.find({ order: { createdAt: 'ASC' } });
    return users.map(mapUser);
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  /** Case-insensitive, served by the unique index on lower(username). */
  findByUsername(username: string): Promise<User | null> {
    return this.users.createQueryBuilder('u').where('lower(u.username) = lower(:username)', { username }).getOne();
  }

  async create(input: CreateUserDto): Promise<UserDto> {
    const user = this.users.create({
      username: input.username,
      displayName: input.displayName.trim(),
      role: input.role,
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
    const created = mapUser((await this.users.findOneBy({ id: user.id }))!);
    describeMutation({ entity: 'user', entityId: created.id, before: null, after: { ...created } });
    return created;
  }

  async update(id: string, input: UpdateUserDto): Promise<UserDto> {
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new AppError(ErrorCode.NotFound);
      const before = mapUser(user);
      const losesAdmin = user.role === 'admin' && user.active && (input.active === false || (input.role !== undefined && input.role !== 'admin'));
      if (losesAdmin) await this.assertAnotherActiveAdmin(manager, user.id);

      if (input.displayName !== undefined) user.displayName = input.displayName.trim();
      if (input.role !== undefined) user.role = input.role;
      if (input.active !== undefined) user.active = input.active;
      if (passwordHash) user.passwordHash = passwordHash;
      await manager.save(user);
      const after = mapUser(user);
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
