import type { LoggerService } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { pino, type Logger } from 'pino';
import { currentContext } from './request-context.js';
import type { LogLevel } from '../config/app-config.js';

/** A path with a personal link's token masked: logs and the audit trail must not be able to answer a survey. */
export function withoutLinkToken(url: string): string {
  return url.replace(/^\/api\/s\/[^/?#]+/, '/api/s/[token]');
}

/** One structured logger for the process; every line inside a request carries its id. */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'fie' },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const context = currentContext();
      return context ? { requestId: context.requestId } : {};
    },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.passwordHash'], censor: '[redacted]' },
  });
}

/** Nest's own messages (start-up, routes, errors) through the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.write('info', message, context);
  }
  /** Nest passes (message, stack, context); our own code passes (fields, message, context). */
  error(message: unknown, trace?: string, context?: string) {
    if (typeof message === 'object' && message !== null) this.logger.error({ context, ...message }, trace ?? 'error');
    else this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.write('trace', message, context);
  }
  fatal(message: unknown, context?: string) {
    this.write('fatal', message, context);
  }

  private write(level: 'info' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, context?: string) {
    if (typeof message === 'object' && message !== null) this.logger[level]({ context, ...message });
    else this.logger[level]({ context }, String(message));
  }
}

/**
 * One line per API request when it ends: id, method, path (link tokens masked), status and
 * duration; warn for 4xx, error for 5xx. Nothing is built unless that level is logged, so a
 * busy answering day pays next to nothing at the default level for what is not written.
 */
export function logRequests(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!req.path.startsWith('/api/') || req.path === '/api/health') return next();
    const started = performance.now();
    const done = (aborted: boolean) => {
      res.removeListener('finish', finished);
      res.removeListener('close', closed);
      const status = res.statusCode;
      const level = aborted ? 'warn' : status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        { req: { id: req.id, method: req.method, url: withoutLinkToken(req.originalUrl) }, res: { statusCode: status }, responseTime: Math.round(performance.now() - started) },
        aborted ? 'request aborted' : 'request completed',
      );
    };
    const finished = () => done(false);
    const closed = () => done(!res.writableFinished);
    res.once('finish', finished);
    res.once('close', closed);
    next();
  };
}
