import type { UserDto, UserRole } from '../api/models';

export const ROLES: readonly UserRole[] = ['admin', 'viewer', 'department', 'district'];

export const ROLE_TAG_COLORS: Record<UserRole, string> = {
  admin: 'red',
  viewer: 'gold',
  department: 'blue',
  district: 'green',
};

export function isAdmin(user: Pick<UserDto, 'role'>): boolean {
  return user.role === 'admin';
}

/** The office and its leadership: they browse the directory and the campaigns. */
export function isOfficeStaff(user: Pick<UserDto, 'role'>): boolean {
  return user.role === 'admin' || user.role === 'viewer';
}
