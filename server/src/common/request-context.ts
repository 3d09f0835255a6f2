import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export interface AuditDescription {
  entity: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** What one request carries through the async calls it makes. */
export interface RequestContext {
  requestId: string;
  /** Set by a service to tell the audit log which record a mutation touched. */
  audit?: AuditDescription;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const currentContext = (): RequestContext | undefined => storage.getStore();

/** Lets a service describe the record a mutation changed; the audit interceptor writes it. */
export function describeMutation(description: AuditDescription): void {
  const context = storage.getStore();
  if (context) context.audit = description;
}

const INCOMING_ID = /^[A-Za-z0-9._-]{1,64}$/;

declare module 'express-serve-static-core' {
  interface Request {
    id: string;
  }
}

/** First middleware: a request id on every request, response and log line. */
export function assignRequestId(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.get('x-request-id');
  req.id = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', req.id);
  next();
}

/**
 * Opens the async context. Registered after the body parsers: their stream callbacks
 * would otherwise run outside it.
 */
export function runInContext(req: Request, _res: Response, next: NextFunction): void {
  storage.run({ requestId: req.id }, next);
}
