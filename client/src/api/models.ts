import type { components } from './schema';

type Schemas = components['schemas'];

export type HealthDto = Schemas['HealthDto'];
export type LoginDto = Schemas['LoginDto'];
export type LoginResponseDto = Schemas['LoginResponseDto'];
export type ChangePasswordDto = Schemas['ChangePasswordDto'];
export type UserDto = Schemas['UserDto'];
export type UserRole = UserDto['role'];
export type CreateUserDto = Schemas['CreateUserDto'];
export type UpdateUserDto = Schemas['UpdateUserDto'];
export type AuditPageDto = Schemas['AuditPageDto'];
export type AuditEntryDto = Schemas['AuditEntryDto'];
