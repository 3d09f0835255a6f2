import type { TablePaginationConfig } from 'antd';
import { PAGE_SIZE_OPTIONS, type ListParams } from './useListParams';

/** antd pagination for a server-paginated table whose paging lives in the address. */
export function tablePagination(
  list: Pick<ListParams<string>, 'page' | 'pageSize' | 'setPagination'>,
  total: number | undefined,
  showTotal: (total: number) => string,
): TablePaginationConfig {
  return {
    current: list.page,
    pageSize: list.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZE_OPTIONS,
    showTotal,
    onChange: list.setPagination,
  };
}

/** antd pagination for a table given all its rows at once: pages of 20, more on request. */
export const IN_PAGES: TablePaginationConfig = { defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: PAGE_SIZE_OPTIONS, hideOnSinglePage: true };
