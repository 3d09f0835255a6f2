import type { AppConfig } from '../config/app-config.js';
import { ConfigError } from '../config/app-config.js';
import { generatePassword } from '../auth/password-hasher.js';
import { AppError, ErrorCode } from '../common/errors.js';
import type { DatabaseKind } from '../database/database.js';
import type { UsersService } from './users.service.js';

export interface FirstAdmin {
  username: string;
  /** Set only when the password was generated now; it is shown once and never stored in clear. */
  generatedPassword?: string;
}

const DEFAULT_ADMIN = 'admin';

/**
 * The first administrator: from ADMIN_USERNAME/ADMIN_PASSWORD when set and not yet
 * there; on the embedded default with none set and no users, one with a generated
 * password. A real database with no users and no variables is a configuration error.
 */
export async function ensureFirstAdmin(users: UsersService, config: AppConfig, database: DatabaseKind): Promise<FirstAdmin | null> {
  if (config.admin) {
    if (await users.findByUsername(config.admin.username)) return { username: config.admin.username };
    return createAdmin(users, config.admin.username, config.admin.password, false);
  }
  if ((await users.count()) > 0) return null;
  if (database !== 'embedded') {
    throw new ConfigError('ADMIN_USERNAME and ADMIN_PASSWORD: must be set to create the first administrator in an empty database');
  }
  return createAdmin(users, DEFAULT_ADMIN, generatePassword(), true);
}

async function createAdmin(users: UsersService, username: string, password: string, generated: boolean): Promise<FirstAdmin> {
  try {
    await users.create({ username, displayName: '管理员 Administrator', role: 'admin', password });
  } catch (error) {
    // Another instance starting at the same moment created it first.
    if (error instanceof AppError && error.code === ErrorCode.UsernameTaken) return { username };
    throw error;
  }
  return { username, ...(generated ? { generatedPassword: password } : {}) };
}
