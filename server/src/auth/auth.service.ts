import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppError, ErrorCode } from '../common/errors.js';
import { describeMutation } from '../common/request-context.js';
import type { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { SESSION_HOURS, type Principal, principalOf } from './auth.types.js';
import { UNKNOWN_USER_HASH, verifyPassword } from './password-hasher.js';
import { LoginThrottleService } from './login-throttle.service.js';

interface SessionClaims {
  sub: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottleService,
  ) {}

  /** The same answer for an unknown user and a wrong password, in the same time. */
  async login(username: string, password: string, clientKey: string): Promise<{ user: User; accessToken: string; expiresIn: number }> {
    await this.throttle.assertAllowed(clientKey, username);
    const user = await this.users.findByUsername(username);
    const valid = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    describeMutation({ entity: 'session', entityId: username.toLowerCase() });
    if (!user || !valid || !user.active) {
      await this.throttle.recordFailure(clientKey, username);
      throw new AppError(ErrorCode.InvalidCredentials);
    }
    await this.throttle.clear(clientKey, username);
    await this.users.recordLogin(user.id);
    const expiresIn = SESSION_HOURS * 3600;
    const accessToken = await this.jwt.signAsync({ sub: user.id } satisfies SessionClaims, { expiresIn });
    return { user, accessToken, expiresIn };
  }

  /** The signed-in user behind a token, or null when the token or the account is no longer valid. */
  async resolve(token: string): Promise<Principal | null> {
    let claims: SessionClaims;
    try {
      claims = await this.jwt.verifyAsync<SessionClaims>(token);
    } catch {
      return null;
    }
    // Read the account on every request so disabling it or changing its role takes effect at once.
    const user = typeof claims.sub === 'string' ? await this.users.findById(claims.sub) : null;
    if (!user || !user.active) return null;
    return principalOf(user);
  }

  async changePassword(principal: Principal, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.findById(principal.id);
    if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) throw new AppError(ErrorCode.WrongPassword);
    await this.users.setPassword(user, newPassword);
  }
}
