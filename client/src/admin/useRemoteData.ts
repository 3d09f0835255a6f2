import { useCallback, useEffect, useState } from 'react';
import { isUnauthorized, useRedirectToLogin } from './session';

export interface RemoteData<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** When the current data arrived. */
  loadedAt: Date | undefined;
  reload: () => void;
}

/**
 * Loads data for a page and reloads it whenever `load` changes (memoize it
 * with useCallback). Earlier data stays visible while a reload runs, so tables
 * keep their rows during paging. An expired session redirects to the login page.
 */
export function useRemoteData<T>(load: () => Promise<T>): RemoteData<T> {
  const redirectToLogin = useRedirectToLogin();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [loadedAt, setLoadedAt] = useState<Date>();
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    load().then(
      (result) => {
        if (!current) return;
        setData(result);
        setError(undefined);
        setLoadedAt(new Date());
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        if (isUnauthorized(failure)) {
          redirectToLogin();
          return;
        }
        setError(failure);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [load, generation, redirectToLogin]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data, error, loading, loadedAt, reload };
}
