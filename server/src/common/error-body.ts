import type { Request } from 'express';
import { AppError, describeError, ErrorCode, type FieldError, type RowError } from './errors.js';

/** The one error shape of the API. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  /** In the language the request asked for (Accept-Language), Chinese by default. */
  message: string;
  messages: { zh: string; en: string };
  requestId: string;
  errors?: (FieldError | (RowError & { message: string }))[];
}

export function prefersEnglish(req: Request): boolean {
  const first = (req.get('accept-language') ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en');
}

export function errorBody(req: Request, code: ErrorCode, status?: number, errors?: FieldError[] | RowError[]): ErrorBody {
  const text = describeError(code);
  const english = prefersEnglish(req);
  return {
    statusCode: status ?? text.status,
    code,
    message: english ? text.en : text.zh,
    messages: { zh: text.zh, en: text.en },
    requestId: req.id,
    ...(errors && errors.length > 0 ? { errors: (errors as (FieldError | RowError)[]).map((e) => (e.messages ? { ...e, message: english ? e.messages.en : e.messages.zh } : (e as FieldError))) } : {}),
  };
}

export function appErrorBody(req: Request, error: AppError): ErrorBody {
  return errorBody(req, error.code, error.status, error.details.errors);
}
