import type { Role } from '../users/user.entity.js';

/** Who is calling, as the auth guard resolved it. */
export interface Principal {
  id: string;
  username: string;
  role: Role;
}

declare module 'express-serve-static-core' {
  interface Request {
    user?: Principal;
  }
}

export const SESSION_COOKIE = 'fie_session';
export const SESSION_HOURS = 12;
