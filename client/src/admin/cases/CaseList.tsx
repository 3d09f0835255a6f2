import { FileExcelOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Table, Typography, type TableColumnsType } from 'antd';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../shared/format';
import { localName } from '../BilingualName';
import { DownloadButton } from '../DownloadButton';
import { FilterSelect } from '../FilterSelect';
import { LoadFailure } from '../LoadFailure';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useRemoteData } from '../useRemoteData';
import { downloadCases, fetchCases, type CaseDto, type CaseStatus } from './caseApi';
import { CASE_STATUSES } from './caseCategories';
import { caseSearchText, formatOfficeDate, unitName } from './caseFormat';
import { CaseDrawer } from './CaseDrawer';
import { CaseStatusTag } from './CaseStatusTag';
import { NewCaseModal } from './NewCaseModal';
import './cases.css';

interface CaseListProps {
  campaignId: string;
  /** The office enters cases it received by phone, letter or visit. */
  canCreate?: boolean;
  /** Hide the unit column where every case is the caller's own. */
  showUnit?: boolean;
}

/** The cases of a campaign with filters, and the drawer of the one clicked. */
export function CaseList({ campaignId, canCreate = false, showUnit = true }: CaseListProps) {
  const { t } = useConsoleTranslation();
  const language = currentLanguage();
  const [status, setStatus] = useState<CaseStatus>();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search);
  const [openCase, setOpenCase] = useState<string>();
  const [creating, setCreating] = useState(false);

  const load = useCallback(() => fetchCases(campaignId, { ...(status ? { status } : {}), ...(overdueOnly ? { overdue: true } : {}) }), [campaignId, status, overdueOnly]);
  const cases = useRemoteData(load);
  const rows = useMemo(() => {
    const words = deferredSearch.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const all = cases.data ?? [];
    if (words.length === 0) return all;
    return all.filter((item) => {
      const text = caseSearchText(item);
      return words.every((word) => text.includes(word));
    });
  }, [cases.data, deferredSearch]);

  const columns: TableColumnsType<CaseDto> = [
    {
      key: 'number',
      title: t('cases.columns.number'),
      dataIndex: 'number',
      fixed: 'start',
      sorter: (a, b) => a.number.localeCompare(b.number),
      render: (number: string) => <Typography.Link>{number}</Typography.Link>,
    },
    { key: 'status', title: t('cases.columns.status'), render: (_, item) => <CaseStatusTag status={item.status} /> },
    {
      key: 'text',
      title: t('cases.fields.text'),
      render: (_, item) => (
        <Typography.Text ellipsis className="console-case-summary">
          {item.text}
        </Typography.Text>
      ),
    },
    { key: 'category', title: t('cases.columns.category'), render: (_, item) => (item.category ? localName(item.category.nameZh, item.category.nameEn) : '—') },
    ...(showUnit ? [{ key: 'unit', title: t('cases.columns.unit'), render: (_: unknown, item: CaseDto) => unitName(item.unit) }] : []),
    {
      key: 'deadline',
      title: t('cases.columns.deadline'),
      sorter: (a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? ''),
      render: (_, item) =>
        item.deadline ? (
          <Typography.Text type={item.overdue ? 'danger' : undefined} strong={item.overdue} className="console-nowrap">
            {formatOfficeDate(item.deadline, language)}
            {item.overdue && ` · ${t('cases.overdue')}`}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    { key: 'source', title: t('cases.columns.source'), render: (_, item) => t(`cases.sources.${item.source}`) },
    {
      key: 'createdAt',
      title: t('cases.columns.createdAt'),
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.createdAt.localeCompare(b.createdAt),
      render: (_, item) => <span className="console-nowrap">{formatDateTime(item.createdAt, language)}</span>,
    },
  ];

  return (
    <>
      <div className="console-toolbar">
        <FilterSelect<CaseStatus>
          placeholder={t('cases.allStatuses')}
          label={t('cases.columns.status')}
          value={status}
          options={CASE_STATUSES.map((value) => ({ value, label: t(`cases.statuses.${value}`) }))}
          onChange={setStatus}
        />
        <Checkbox checked={overdueOnly} onChange={(event) => setOverdueOnly(event.target.checked)}>
          {t('cases.overdueOnly')}
        </Checkbox>
        <Input.Search
          allowClear
          value={search}
          placeholder={t('cases.searchPlaceholder')}
          aria-label={t('cases.searchPlaceholder')}
          onChange={(event) => setSearch(event.target.value)}
          className="console-search"
        />
        <Button icon={<ReloadOutlined />} loading={cases.loading} onClick={cases.reload}>
          {t('refresh')}
        </Button>
        <DownloadButton icon={<FileExcelOutlined />} download={() => downloadCases(campaignId, {})}>
          {t('cases.export')}
        </DownloadButton>
        {canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('cases.create')}
          </Button>
        )}
      </div>
      {cases.error !== undefined && <LoadFailure error={cases.error} onRetry={cases.reload} />}
      <Table<CaseDto>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={cases.loading && !cases.data}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('cases.count', { count: total }) }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('cases.empty') }}
        onRow={(item) => ({ onClick: () => setOpenCase(item.id), className: 'console-clickable-row' })}
        className="console-cases-table"
      />
      <CaseDrawer caseId={openCase} onClose={() => setOpenCase(undefined)} onChanged={cases.reload} />
      {canCreate && (
        <NewCaseModal
          campaignId={campaignId}
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            cases.reload();
            setOpenCase(created.id);
          }}
        />
      )}
    </>
  );
}
