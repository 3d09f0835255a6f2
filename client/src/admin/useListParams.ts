import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export const PAGE_SIZE_OPTIONS = [20, 50, 100];
const DEFAULT_PAGE_SIZE = 20;

export interface ListParams<Filter extends string> {
  q: string;
  page: number;
  pageSize: number;
  filters: Partial<Record<Filter, string>>;
  setSearch: (q: string) => void;
  setFilter: (name: Filter, value: string | undefined) => void;
  setPagination: (page: number, pageSize: number) => void;
}

function positiveInteger(value: string | null, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/**
 * Search, filters and paging of a server-paginated table, kept in the address so a
 * reload, a shared link or the back button shows the same rows. Other parameters of
 * the address (a tab, say) are left alone.
 */
export function useListParams<Filter extends string>(filterNames: readonly Filter[]): ListParams<Filter> {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = positiveInteger(params.get('page'), 1);
  const pageSize = Math.min(positiveInteger(params.get('pageSize'), DEFAULT_PAGE_SIZE), Math.max(...PAGE_SIZE_OPTIONS));
  // A string, so the memo below changes only when a filter's value does.
  const filterKey = JSON.stringify(filterNames.map((name) => params.get(name) ?? ''));

  const filters = useMemo(() => {
    const values: Partial<Record<Filter, string>> = {};
    (JSON.parse(filterKey) as string[]).forEach((value, index) => {
      if (value) values[filterNames[index]!] = value;
    });
    return values;
  }, [filterKey, filterNames]);

  const update = useCallback(
    (changes: Record<string, string | undefined>) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [name, value] of Object.entries(changes)) {
            if (value) next.set(name, value);
            else next.delete(name);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const setSearch = useCallback((value: string) => update({ q: value.trim() || undefined, page: undefined }), [update]);
  const setFilter = useCallback((name: Filter, value: string | undefined) => update({ [name]: value, page: undefined }), [update]);
  const setPagination = useCallback(
    (nextPage: number, nextPageSize: number) =>
      update({
        // A new page size starts again from the first page.
        page: nextPageSize === pageSize && nextPage > 1 ? String(nextPage) : undefined,
        pageSize: nextPageSize === DEFAULT_PAGE_SIZE ? undefined : String(nextPageSize),
      }),
    [update, pageSize],
  );

  return { q, page, pageSize, filters, setSearch, setFilter, setPagination };
}
