import { Table, type TableColumnsType, type TableColumnType } from 'antd';
import type { DirectoryKind } from '../../api/models';
import type { Language } from '../../i18n';
import { formatDateTime } from '../../shared/format';
import { BilingualName, localName } from '../BilingualName';
import { LoadFailure } from '../LoadFailure';
import { isAdmin } from '../roles';
import { useCurrentUser } from '../session';
import { tablePagination } from '../tablePagination';
import { useConsoleTranslation } from '../useConsoleTranslation';
import type { ListParams } from '../useListParams';
import type { RemoteData } from '../useRemoteData';
import { toFormValues } from './directoryRecords';
import { RecordActions } from './RecordActions';
import type { RecordEditor } from './useRecordEditor';

interface NamedRecord {
  nameZh: string;
  nameEn: string;
}

export function codeColumn<T>(title: string, field: 'code' | 'uscc'): TableColumnType<T> {
  return {
    key: field,
    title,
    dataIndex: field,
    render: (code: string) => <span className="console-monospace console-nowrap">{code}</span>,
  };
}

export function nameColumn<T extends NamedRecord>(title: string): TableColumnType<T> {
  return { key: 'name', title, render: (_, record) => <BilingualName zh={record.nameZh} en={record.nameEn} /> };
}

export function updatedAtColumn<T>(title: string, language: Language): TableColumnType<T> {
  return {
    key: 'updatedAt',
    title,
    dataIndex: 'updatedAt',
    responsive: ['lg'],
    render: (updatedAt: string) => <span className="console-nowrap">{formatDateTime(updatedAt, language)}</span>,
  };
}

interface DirectoryTableProps<T> {
  kind: DirectoryKind;
  columns: TableColumnsType<T>;
  /** The code or USCC of a record. */
  recordKey: (record: T) => string;
  remote: RemoteData<{ total: number; items: T[] }>;
  list: Pick<ListParams<string>, 'page' | 'pageSize' | 'setPagination'>;
  editor: RecordEditor;
}

/** A server-paginated list of the directory; administrators get edit and delete on each row. */
export function DirectoryTable<T extends NamedRecord>({ kind, columns, recordKey, remote, list, editor }: DirectoryTableProps<T>) {
  const { t } = useConsoleTranslation();
  const admin = isAdmin(useCurrentUser());
  const actions: TableColumnType<T> = {
    key: 'actions',
    title: t('directory.fields.actions'),
    fixed: 'end',
    render: (_, record) => (
      <RecordActions
        kind={kind}
        recordKey={recordKey(record)}
        name={localName(record.nameZh, record.nameEn)}
        onEdit={() => editor.edit(toFormValues(record))}
        onDeleted={remote.reload}
      />
    ),
  };
  return (
    <>
      {remote.error !== undefined && <LoadFailure error={remote.error} onRetry={remote.reload} />}
      <Table<T>
        rowKey={recordKey}
        columns={admin ? [...columns, actions] : columns}
        dataSource={remote.data?.items ?? []}
        loading={remote.loading}
        scroll={{ x: 'max-content' }}
        pagination={tablePagination(list, remote.data?.total, (total) => t('list.total', { total }))}
        className="console-table"
      />
    </>
  );
}
