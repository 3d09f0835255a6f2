import { currentLanguage, i18next } from '../i18n';

/** The JSON body the server sends with every error response. */
export interface ApiErrorBody {
  statusCode: number;
  code?: string;
  message: string;
  messages?: { zh?: string; en?: string };
  requestId?: string;
  errors?: unknown;
}

/** Status used when the request never got an HTTP response (offline, DNS, CORS, aborted). */
export const NETWORK_FAILURE_STATUS = 0;

export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody | null;

  constructor(status: number, body: ApiErrorBody | null, options?: { cause?: unknown }) {
    super(body?.message ?? (status === NETWORK_FAILURE_STATUS ? 'Network request failed' : `HTTP ${status}`), options);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }

  get code(): string | undefined {
    return this.body?.code;
  }

  get requestId(): string | undefined {
    return this.body?.requestId;
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ApiErrorBody>;
  return typeof candidate.statusCode === 'number' && typeof candidate.message === 'string';
}

export function apiErrorFromBody(status: number, body: unknown): ApiError {
  return new ApiError(status, isApiErrorBody(body) ? body : null);
}

export function networkFailure(cause: unknown): ApiError {
  return new ApiError(NETWORK_FAILURE_STATUS, null, { cause });
}

/** Reads an error response, tolerating proxies that answer with HTML or nothing at all. */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    const text = await response.text();
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return apiErrorFromBody(response.status, body);
}

/** The message to show the user for any thrown value, in the current UI language. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.body) {
      const localized = currentLanguage() === 'en' ? error.body.messages?.en : error.body.messages?.zh;
      return localized || error.body.message;
    }
    if (error.status === NETWORK_FAILURE_STATUS) return i18next.t('errors.network');
    return i18next.t('errors.server', { status: error.status });
  }
  return i18next.t('errors.unknown');
}

/** A problem with one field of a form, as a 400 answer lists it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** A problem in one cell of an imported file; `row` is the row number Excel shows. */
export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

interface LocalizedEntry {
  message?: unknown;
  messages?: { zh?: string; en?: string };
}

function localizedMessage(entry: LocalizedEntry): string {
  const localized = currentLanguage() === 'en' ? entry.messages?.en : entry.messages?.zh;
  return localized || (typeof entry.message === 'string' ? entry.message : '');
}

function errorEntries(error: unknown): Record<string, unknown>[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.body?.errors)) return [];
  return error.body.errors.filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null);
}

/** The per-field problems of a failed request, in the current UI language. */
export function fieldProblems(error: unknown): FieldProblem[] {
  return errorEntries(error)
    .filter((entry) => typeof entry.field === 'string')
    .map((entry) => ({ field: entry.field as string, message: localizedMessage(entry) }));
}

/** The per-cell problems of a rejected import, in the current UI language. */
export function rowProblems(error: unknown): RowProblem[] {
  return errorEntries(error)
    .filter((entry) => typeof entry.row === 'number')
    .map((entry) => ({ row: entry.row as number, column: typeof entry.column === 'string' ? entry.column : '', message: localizedMessage(entry) }));
}
