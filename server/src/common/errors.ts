import { HttpStatus } from '@nestjs/common';

/** Every error the API answers with has one of these codes; clients switch on the code. */
export enum ErrorCode {
  BadRequest = 'BAD_REQUEST',
  MalformedJson = 'MALFORMED_JSON',
  ValidationFailed = 'VALIDATION_FAILED',
  Unauthenticated = 'UNAUTHENTICATED',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  WrongPassword = 'WRONG_PASSWORD',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  RouteNotFound = 'ROUTE_NOT_FOUND',
  MethodNotAllowed = 'METHOD_NOT_ALLOWED',
  Conflict = 'CONFLICT',
  UsernameTaken = 'USERNAME_TAKEN',
  LastAdmin = 'LAST_ADMIN',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  TooManyLoginAttempts = 'TOO_MANY_LOGIN_ATTEMPTS',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  Internal = 'INTERNAL_ERROR',
  DatabaseUnavailable = 'DATABASE_UNAVAILABLE',
}

export interface LocalisedText {
  zh: string;
  en: string;
}

const catalogue: Record<ErrorCode, { status: number } & LocalisedText> = {
  [ErrorCode.BadRequest]: { status: 400, zh: '请求无效。', en: 'The request is not valid.' },
  [ErrorCode.MalformedJson]: { status: 400, zh: '请求内容不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  [ErrorCode.ValidationFailed]: { status: 400, zh: '提交的内容有误，请检查后重试。', en: 'Some of the data sent is not valid; please check it and try again.' },
  [ErrorCode.Unauthenticated]: { status: 401, zh: '请先登录。', en: 'Please sign in first.' },
  [ErrorCode.InvalidCredentials]: { status: 401, zh: '用户名或密码错误。', en: 'Wrong username or password.' },
  [ErrorCode.WrongPassword]: { status: 400, zh: '当前密码不正确。', en: 'The current password is not correct.' },
  [ErrorCode.Forbidden]: { status: 403, zh: '您没有权限执行此操作。', en: 'You do not have permission to do this.' },
  [ErrorCode.NotFound]: { status: 404, zh: '未找到所请求的内容。', en: 'What you asked for was not found.' },
  [ErrorCode.RouteNotFound]: { status: 404, zh: '接口不存在。', en: 'There is no such API route.' },
  [ErrorCode.MethodNotAllowed]: { status: 405, zh: '不支持此请求方法。', en: 'This method is not allowed here.' },
  [ErrorCode.Conflict]: { status: 409, zh: '与现有数据冲突。', en: 'This conflicts with existing data.' },
  [ErrorCode.UsernameTaken]: { status: 409, zh: '该用户名已被使用。', en: 'This username is already taken.' },
  [ErrorCode.LastAdmin]: { status: 409, zh: '至少需要保留一个启用的管理员账号。', en: 'At least one active administrator must remain.' },
  [ErrorCode.PayloadTooLarge]: { status: 413, zh: '请求内容过大（上限 1 MB）。', en: 'The request is too large (limit 1 MB).' },
  [ErrorCode.UnsupportedMediaType]: { status: 415, zh: '不支持的内容类型。', en: 'This content type is not supported.' },
  [ErrorCode.TooManyLoginAttempts]: { status: 429, zh: '登录失败次数过多，请 15 分钟后再试。', en: 'Too many failed sign-in attempts; please try again in 15 minutes.' },
  [ErrorCode.TooManyRequests]: { status: 429, zh: '请求过于频繁，请稍后再试。', en: 'Too many requests; please try again shortly.' },
  [ErrorCode.Internal]: { status: 500, zh: '服务器内部错误，请稍后再试。', en: 'Something went wrong on the server; please try again later.' },
  [ErrorCode.DatabaseUnavailable]: { status: 503, zh: '数据库暂时不可用，请稍后再试。', en: 'The database is unavailable for the moment; please try again later.' },
};

export function describeError(code: ErrorCode): { status: number } & LocalisedText {
  return catalogue[code];
}

/** A field-level problem, as listed in `errors` of a 400/422 answer. */
export interface FieldError {
  field: string;
  message: string;
}

/** The one way the application raises an error meant for a person to read. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(catalogue[code].en);
    this.status = catalogue[code].status;
  }
}

/** The generic code for a status raised by Nest or Express itself. */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case HttpStatus.BAD_REQUEST: return ErrorCode.BadRequest;
    case HttpStatus.UNAUTHORIZED: return ErrorCode.Unauthenticated;
    case HttpStatus.FORBIDDEN: return ErrorCode.Forbidden;
    case HttpStatus.NOT_FOUND: return ErrorCode.NotFound;
    case HttpStatus.METHOD_NOT_ALLOWED: return ErrorCode.MethodNotAllowed;
    case HttpStatus.CONFLICT: return ErrorCode.Conflict;
    case HttpStatus.PAYLOAD_TOO_LARGE: return ErrorCode.PayloadTooLarge;
    case HttpStatus.UNSUPPORTED_MEDIA_TYPE: return ErrorCode.UnsupportedMediaType;
    case HttpStatus.TOO_MANY_REQUESTS: return ErrorCode.TooManyRequests;
    default: return status >= 500 ? ErrorCode.Internal : ErrorCode.BadRequest;
  }
}
