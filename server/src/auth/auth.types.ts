import type { Role, User } from '../users/user.entity.js';

/** Who is calling, as the auth guard resolved it. */
export interface Principal {
  id: string;
  username: string;
  role: Role;
  /** The unit of a department or district user, whose results and cases it may see. */
  departmentId: string | null;
  districtId: string | null;
}

declare module 'express-serve-static-core' {
  interface Request {
    user?: Principal;
  }
}

export const SESSION_COOKIE = 'fie_session';
export const SESSION_HOURS = 12;

export function principalOf(user: User): Principal {
  return { id: user.id, username: user.username, role: user.role, departmentId: user.departmentId, districtId: user.districtId };
}
