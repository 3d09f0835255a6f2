import { ReloadOutlined } from '@ant-design/icons';
import { Button, Descriptions, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { fetchAuditPage } from '../../api/endpoints';
import type { AuditEntryDto } from '../../api/models';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../shared/format';
import { AdminOnly } from '../AdminOnly';
import { LoadFailure } from '../LoadFailure';
import { PageHeader } from '../PageHeader';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useRemoteData } from '../useRemoteData';

const PAGE_SIZES = [20, 50, 100];
const DEFAULT_PAGE_SIZE = 50;

export function Component() {
  return (
    <AdminOnly>
      <AuditPage />
    </AdminOnly>
  );
}

const METHOD_COLORS: Record<string, string> = {
  GET: 'default',
  POST: 'green',
  PUT: 'orange',
  PATCH: 'gold',
  DELETE: 'red',
};

function statusCodeColor(statusCode: number): string {
  if (statusCode >= 500) return 'red';
  if (statusCode >= 400) return 'orange';
  if (statusCode >= 300) return 'blue';
  return 'green';
}

function hasDetails(entry: AuditEntryDto): boolean {
  return entry.entity !== null || entry.before !== null || entry.after !== null;
}

function AuditPage() {
  const { t } = useConsoleTranslation();
  const language = currentLanguage();
  const [pagination, setPagination] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const load = useCallback(
    () => fetchAuditPage({ limit: pagination.pageSize, offset: (pagination.page - 1) * pagination.pageSize }),
    [pagination],
  );
  const audit = useRemoteData(load);

  const columns: TableColumnsType<AuditEntryDto> = [
    {
      key: 'at',
      title: t('audit.columns.at'),
      dataIndex: 'at',
      render: (at: string) => <span className="console-nowrap">{formatDateTime(at, language, { withSeconds: true })}</span>,
    },
    {
      key: 'actor',
      title: t('audit.columns.actor'),
      dataIndex: 'actorUsername',
      render: (actorUsername: string | null) =>
        actorUsername ?? <Typography.Text type="secondary">{t('audit.anonymous')}</Typography.Text>,
    },
    {
      key: 'action',
      title: t('audit.columns.action'),
      dataIndex: 'action',
      render: (action: string) => <Typography.Text code>{action}</Typography.Text>,
    },
    {
      key: 'request',
      title: t('audit.columns.request'),
      responsive: ['md'],
      render: (_, entry) => (
        <span className="console-request">
          <Tag color={METHOD_COLORS[entry.method.toUpperCase()] ?? 'default'}>{entry.method.toUpperCase()}</Tag>
          <Typography.Text className="console-request__path">{entry.path}</Typography.Text>
        </span>
      ),
    },
    {
      key: 'statusCode',
      title: t('audit.columns.statusCode'),
      dataIndex: 'statusCode',
      render: (statusCode: number) => <Tag color={statusCodeColor(statusCode)}>{statusCode}</Tag>,
    },
    {
      key: 'requestId',
      title: t('audit.columns.requestId'),
      dataIndex: 'requestId',
      responsive: ['lg'],
      width: 190,
      // Shortened here; the expanded row shows the full id.
      render: (requestId: string) => (
        <Typography.Text copyable={{ text: requestId }} ellipsis={{ tooltip: requestId }} className="console-monospace console-request-id">
          {requestId}
        </Typography.Text>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.audit')}
        actions={
          <Button icon={<ReloadOutlined />} onClick={audit.reload} loading={audit.loading}>
            {t('refresh')}
          </Button>
        }
      />
      {audit.error !== undefined && <LoadFailure error={audit.error} onRetry={audit.reload} />}
      <Table<AuditEntryDto>
        rowKey="id"
        columns={columns}
        dataSource={audit.data?.items ?? []}
        loading={audit.loading}
        scroll={{ x: 'max-content' }}
        expandable={{
          // A fixed column makes antd pin expanded rows to the visible width instead of the scrolled table width.
          fixed: 'start',
          rowExpandable: hasDetails,
          expandedRowRender: (entry) => <AuditEntryDetails entry={entry} />,
        }}
        pagination={{
          current: pagination.page,
          pageSize: pagination.pageSize,
          total: audit.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('audit.total', { total }),
          onChange: (page, pageSize) =>
            setPagination((previous) => ({ page: pageSize === previous.pageSize ? page : 1, pageSize })),
        }}
        className="console-table"
      />
    </>
  );
}

/** Expanded row: the request summary hidden from narrow screens, then the record before and after the change. */
function AuditEntryDetails({ entry }: { entry: AuditEntryDto }) {
  const { t } = useConsoleTranslation();
  const record = entry.entity ? [entry.entity, entry.entityId].filter(Boolean).join(' · ') : t('audit.none');
  return (
    <div className="console-audit-details">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'entity', label: t('audit.entity'), children: record },
          {
            key: 'request',
            label: t('audit.columns.request'),
            children: (
              <Typography.Text className="console-monospace">
                {entry.method.toUpperCase()} {entry.path}
              </Typography.Text>
            ),
          },
          {
            key: 'requestId',
            label: t('audit.columns.requestId'),
            children: (
              <Typography.Text copyable className="console-monospace">
                {entry.requestId}
              </Typography.Text>
            ),
          },
        ]}
      />
      <div className="console-audit-snapshots">
        <JsonSnapshot title={t('audit.before')} value={entry.before} />
        <JsonSnapshot title={t('audit.after')} value={entry.after} />
      </div>
    </div>
  );
}

function JsonSnapshot({ title, value }: { title: string; value: unknown }) {
  const { t } = useConsoleTranslation();
  return (
    <section>
      <Typography.Text strong>{title}</Typography.Text>
      {value === null || value === undefined ? (
        <div className="console-json console-json--empty">{t('audit.none')}</div>
      ) : (
        <pre className="console-json">{JSON.stringify(value, null, 2)}</pre>
      )}
    </section>
  );
}
