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
