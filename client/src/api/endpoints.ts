import { api, unwrap } from './client';
import type {
  AuditPageDto,
  ChangePasswordDto,
  CreateUserDto,
  HealthDto,
  LoginDto,
  LoginResponseDto,
  UpdateUserDto,
  UserDto,
} from './models';

export function fetchHealth(): Promise<HealthDto> {
  return unwrap(api.GET('/api/health'));
}

export function login(credentials: LoginDto): Promise<LoginResponseDto> {
  return unwrap(api.POST('/api/auth/login', { body: credentials }));
}

export async function logout(): Promise<void> {
  await unwrap(api.POST('/api/auth/logout'));
}

export function fetchCurrentUser(): Promise<UserDto> {
  return unwrap(api.GET('/api/auth/me'));
}

export async function changeOwnPassword(change: ChangePasswordDto): Promise<void> {
  await unwrap(api.POST('/api/auth/password', { body: change }));
}

export function fetchUsers(): Promise<UserDto[]> {
  return unwrap(api.GET('/api/users'));
}

export function createUser(user: CreateUserDto): Promise<UserDto> {
  return unwrap(api.POST('/api/users', { body: user }));
}

export function updateUser(id: string, changes: UpdateUserDto): Promise<UserDto> {
  return unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body: changes }));
}

export function fetchAuditPage(page: { limit: number; offset: number }): Promise<AuditPageDto> {
  return unwrap(api.GET('/api/audit', { params: { query: page } }));
}
