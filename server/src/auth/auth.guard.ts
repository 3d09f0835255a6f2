import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { IS_PUBLIC, ROLES } from '../common/decorators.js';
import { AppError, ErrorCode } from '../common/errors.js';
import type { Role } from '../users/user.entity.js';
import { AuthService } from './auth.service.js';
import { SESSION_COOKIE } from './auth.types.js';

/**
 * Registered once for the whole app: every route needs a valid session unless marked
 * @Public(), and its caller's role must be among the route's @Roles().
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = context.switchToHttp().getRequest<Request>();
    const token = bearerToken(req) ?? (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const principal = token ? await this.auth.resolve(token) : null;
    if (!principal) throw new AppError(ErrorCode.Unauthenticated);
    req.user = principal;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (!roles || !roles.includes(principal.role)) throw new AppError(ErrorCode.Forbidden);
    return true;
  }
}

function bearerToken(req: Request): string | undefined {
  const header = req.get('authorization');
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}
