import createClient from 'openapi-fetch';
import { currentLanguage } from '../i18n';
import { apiErrorFromBody, networkFailure } from './errors';
import type { paths } from './schema';

/**
 * Typed client for the server's OpenAPI document. The console authenticates
 * with the HttpOnly cookie set at login, so every request carries credentials
 * and no token is kept in JavaScript.
 */
export const api = createClient<paths>({ credentials: 'include' });

api.use({
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLanguage());
    return request;
  },
});

interface ClientResult<Data> {
  data?: Data;
  error?: unknown;
  response: Response;
}

/**
 * Resolves to the response body of a successful call and throws an ApiError
 * otherwise, so callers can use ordinary try/catch.
 */
export async function unwrap<Data>(pending: Promise<ClientResult<Data>>): Promise<Data> {
  let result: ClientResult<Data>;
  try {
    result = await pending;
  } catch (cause) {
    throw networkFailure(cause);
  }
  if (!result.response.ok) {
    throw apiErrorFromBody(result.response.status, result.error);
  }
  return result.data as Data;
}

/** The name a download should get: the server's Content-Disposition, preferring the UTF-8 form. */
export function fileNameFromDisposition(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // Malformed escapes: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() || undefined;
}

/** Hands a blob to the browser as a file download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoked later: some browsers read the URL after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Downloads a file the server sends (an export or a template) through the typed
 * client, so errors arrive as ApiError like any other call.
 */
export async function unwrapDownload(pending: Promise<ClientResult<Blob>>, fallbackName: string): Promise<void> {
  let result: ClientResult<Blob>;
  try {
    result = await pending;
  } catch (cause) {
    throw networkFailure(cause);
  }
  if (!result.response.ok || !result.data) {
    throw apiErrorFromBody(result.response.status, result.error);
  }
  saveBlob(result.data, fileNameFromDisposition(result.response.headers.get('Content-Disposition')) ?? fallbackName);
}
