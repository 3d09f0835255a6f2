import { AuditEntry } from '../audit/audit-entry.entity.js';
import { LoginFailure } from '../auth/login-failure.entity.js';
import { User } from '../users/user.entity.js';

/** Every entity, for the app and the migration CLI alike. */
export const entities = [User, AuditEntry, LoginFailure];
