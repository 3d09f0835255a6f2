import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ROLES, type Role, type User } from '../user.entity.js';

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  username: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role: Role;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', type: String, nullable: true })
  lastLoginAt: string | null;

  @ApiProperty({ type: () => UserUnitDto, nullable: true, description: 'The department or district a department or district user works for.' })
  unit: UserUnitDto | null;
}

export class UserUnitDto {
  @ApiProperty({ enum: ['department', 'district'] }) kind: 'department' | 'district';
  @ApiProperty() code: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
}

/** The only way a user leaves the server: never the entity, never the hash. Load `department` and `district` first. */
export function mapUser(user: User): UserDto {
  const unit = user.department
    ? { kind: 'department' as const, code: user.department.code, nameZh: user.department.nameZh, nameEn: user.department.nameEn }
    : user.district
      ? { kind: 'district' as const, code: user.district.code, nameZh: user.district.nameZh, nameEn: user.district.nameEn }
      : null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt ? user.lastLoginAt.toISOString() : null,
    unit,
  };
}

const UNIT_CODE_DESCRIPTION = 'For a department user the code of its department, for a district user the code of its district; other roles have none.';

const USERNAME = /^[A-Za-z0-9_.@-]{3,64}$/;
const USERNAME_MESSAGE = 'username must be 3–64 letters, digits or _.@-';

export class CreateUserDto {
  @ApiProperty({ pattern: USERNAME.source })
  @Matches(USERNAME, { message: USERNAME_MESSAGE })
  username: string;

  @ApiProperty({ minLength: 1, maxLength: 100 })
  @IsString() @MinLength(1) @MaxLength(100)
  displayName: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  @IsIn(ROLES)
  role: Role;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString() @MinLength(10) @MaxLength(200)
  password: string;

  @ApiProperty({ required: false, type: String, nullable: true, description: UNIT_CODE_DESCRIPTION })
  @IsOptional() @IsString() @MaxLength(64)
  unitCode?: string | null;
}

export class UpdateUserDto {
  @ApiProperty({ required: false, minLength: 1, maxLength: 100 })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100)
  displayName?: string;

  @ApiProperty({ required: false, enum: ROLES, enumName: 'Role' })
  @IsOptional() @IsIn(ROLES)
  role?: Role;

  @ApiProperty({ required: false })
  @IsOptional() @IsBoolean()
  active?: boolean;

  @ApiProperty({ required: false, minLength: 10, maxLength: 200 })
  @IsOptional() @IsString() @MinLength(10) @MaxLength(200)
  password?: string;

  @ApiProperty({ required: false, type: String, nullable: true, description: UNIT_CODE_DESCRIPTION })
  @ValidateIf((_o, value) => value !== null && value !== undefined) @IsString() @MaxLength(64)
  unitCode?: string | null;
}
