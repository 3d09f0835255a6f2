import type { Request } from 'express';
import { AppError, describeError, ErrorCode, type FieldError } from './errors.js';

/** The one error shape of the API. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  /** In the language the request asked for (Accept-Language), Chinese by default. */
  message: string;
  messages: { zh: string; en: string };
  requestId: string;
  errors?: FieldError[];
}

export function prefersEnglish(req: Request): boolean {
  const first = (req.get('accept-language') ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en');
}

export function errorBody(req: Request, code: ErrorCode, status?: number, errors?: FieldError[]): ErrorBody {
  const text = describeError(code);
  return {
    statusCode: status ?? text.status,
    code,
    message: prefersEnglish(req) ? text.en : text.zh,
    messages: { zh: text.zh, en: text.en },
    requestId: req.id,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function appErrorBody(req: Request, error: AppError): ErrorBody {
  return errorBody(req, error.code, error.status, error.details.errors);
}
