import { SetMetadata } from '@nestjs/common';
import type { Role } from '../users/user.entity.js';

export const IS_PUBLIC = 'fie:public';
export const ROLES = 'fie:roles';

/** Anyone may call this route, signed in or not. Every other route needs a session. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * The roles that may call this route. Every non-public route must say; a route that
 * does not is refused to everyone, so forgetting fails closed.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export const ALL_ROLES: Role[] = ['admin', 'viewer', 'department', 'district'];

export const NOT_AUDITED = 'fie:not-audited';

/** A mutation the audit log leaves out; say at the route why its own records suffice. */
export const NotAudited = () => SetMetadata(NOT_AUDITED, true);
