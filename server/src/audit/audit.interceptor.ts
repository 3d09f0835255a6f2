import { CallHandler, ExecutionContext, HttpException, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, concatMap, from, Observable, throwError } from 'rxjs';
import { NOT_AUDITED } from '../common/decorators.js';
import { AppError } from '../common/errors.js';
import { withoutLinkToken } from '../common/logger.js';
import { currentContext } from '../common/request-context.js';
import { AuditService } from './audit.service.js';

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Writes every mutating request to the audit log, refused or not: who, which route,
 * the outcome, and the record before and after when the service described it.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly audit: AuditService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    if (!MUTATIONS.has(req.method)) return next.handle();
    if (this.reflector.getAllAndOverride<boolean>(NOT_AUDITED, [context.getHandler(), context.getClass()])) return next.handle();
    // A dry run (an import preview, a questionnaire checked as it is typed) changes nothing.
    if (req.query.dryRun === 'true' || req.query.dryRun === '1') return next.handle();
    const action = `${context.getClass().name}.${context.getHandler().name}`;
    const write = (statusCode: number) => this.write(req, action, statusCode);
    return next.handle().pipe(
      concatMap((value) => from(write(context.switchToHttp().getResponse<Response>().statusCode)).pipe(concatMap(() => [value]))),
      catchError((error: unknown) => from(write(statusOf(error))).pipe(concatMap(() => throwError(() => error)))),
    );
  }

  private async write(req: Request, action: string, statusCode: number): Promise<void> {
    const described = currentContext()?.audit;
    try {
      await this.audit.record({
        actorId: req.user?.id ?? null,
        actorUsername: req.user?.username ?? null,
        action,
        method: req.method,
        // A link token in the log would let whoever reads it answer as the rater.
        path: withoutLinkToken(req.originalUrl.split('?')[0]!).slice(0, 500),
        statusCode,
        entity: described?.entity ?? null,
        entityId: described?.entityId ?? null,
        before: described?.before ?? null,
        after: described?.after ?? null,
        requestId: req.id,
      });
    } catch (error) {
      this.logger.error({ err: error, action }, 'could not write the audit log');
      throw error;
    }
  }
}

function statusOf(error: unknown): number {
  if (error instanceof AppError) return error.status;
  if (error instanceof HttpException) return error.getStatus();
  return 500;
}
