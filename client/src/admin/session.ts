import { useCallback } from 'react';
import { redirect, useNavigate, useRouteLoaderData, type LoaderFunctionArgs } from 'react-router';
import { fetchCurrentUser } from '../api/endpoints';
import { ApiError } from '../api/errors';
import type { UserDto } from '../api/models';
import { loginPathFor } from '../shared/navigation';

export const CONSOLE_HOME = '/admin';

export function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/** Loader of the /admin route: the signed-in user, or a redirect to the login page. */
export async function requireSignedInUser({ request }: LoaderFunctionArgs): Promise<UserDto> {
  try {
    return await fetchCurrentUser();
  } catch (error) {
    if (isUnauthorized(error)) throw redirect(loginPathFor(new URL(request.url)));
    throw error;
  }
}

export function useCurrentUser(): UserDto {
  const user = useRouteLoaderData<typeof requireSignedInUser>('admin');
  if (!user) throw new Error('useCurrentUser must be used below the /admin route');
  return user;
}

/** Sends the user to the login page (coming back here afterwards) when the session has expired. */
export function useRedirectToLogin(): () => void {
  const navigate = useNavigate();
  // Reads the address at call time so the callback stays stable across navigations.
  return useCallback(() => {
    void navigate(loginPathFor(window.location), { replace: true });
  }, [navigate]);
}
