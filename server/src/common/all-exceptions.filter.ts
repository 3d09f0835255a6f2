import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { AppError, codeForStatus, ErrorCode } from './errors.js';
import { appErrorBody, errorBody, type ErrorBody } from './error-body.js';

const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '08006', '08001']);

/** Turns anything thrown into the one error shape; never a stack trace in a response. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost) {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const body = this.toBody(req, exception);
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, method: req.method, path: req.path, code: body.code }, 'request failed');
    }
    if (exception instanceof AppError) {
      for (const [name, value] of Object.entries(exception.details.headers ?? {})) res.setHeader(name, value);
    }
    if (!res.headersSent) res.status(body.statusCode).json(body);
  }

  private toBody(req: Request, exception: unknown): ErrorBody {
    if (exception instanceof AppError) return appErrorBody(req, exception);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Nest's own 404 for a path no controller serves reads "Cannot GET /api/…".
      if (status === 404 && exception.message.startsWith(`Cannot ${req.method} `)) return errorBody(req, ErrorCode.RouteNotFound, 404);
      return errorBody(req, codeForStatus(status), status);
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code;
      if (code === '23505') return errorBody(req, ErrorCode.Conflict);
      if (code && CONNECTION_ERRORS.has(code)) return errorBody(req, ErrorCode.DatabaseUnavailable);
    }
    const errno = (exception as { code?: string } | null)?.code;
    if (errno && CONNECTION_ERRORS.has(errno)) return errorBody(req, ErrorCode.DatabaseUnavailable);
    return errorBody(req, ErrorCode.Internal);
  }
}
