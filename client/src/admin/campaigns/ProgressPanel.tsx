import { DownOutlined, FileExcelOutlined, ReloadOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Col, Dropdown, Empty, Progress, Row, Segmented, Skeleton, Space, Table, Typography, type TableColumnsType } from 'antd';
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { downloadNonResponders, fetchProgress } from '../../api/endpoints';
import type { CampaignDto, EvaluationProgressDto, GroupProgressDto, ProgressCountsDto, ProgressDto } from '../../api/models';
import { currentLanguage } from '../../i18n';
import { formatDateTime, formatPercent } from '../../shared/format';
import { localName } from '../BilingualName';
import { DownloadButton } from '../DownloadButton';
import { LoadFailure } from '../LoadFailure';
import { isAdmin } from '../roles';
import { CONSOLE_HOME, useCurrentUser } from '../session';
import { useAutoRefresh } from '../useAutoRefresh';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useRemoteData } from '../useRemoteData';
import { groupsOf, isProgressGrouping, PROGRESS_GROUPINGS, PROGRESS_SEGMENTS, SEGMENT_COLORS, segmentCounts, shareOf, type ProgressGrouping, type ProgressSegment } from './progressFigures';
import { ProgressLegend, StackedProgressBar } from './StackedProgressBar';

// chart.js comes with the chart alone: the figures and the table show without waiting for it.
const ProgressChart = lazy(() => import('./ProgressChart').then((module) => ({ default: module.ProgressChart })));

const AUTO_REFRESH_MS = 60_000;
// Offered in the order of a reminder round: those who have not even opened their link first.
const LINK_STATUSES: readonly ProgressSegment[] = ['not-opened', 'opened', 'draft', 'submitted'];

/** How far the raters of a campaign have got: rates, per evaluation, and enterprises by group. */
export function ProgressPanel({ campaign }: { campaign: CampaignDto }) {
  const { t } = useConsoleTranslation();
  const language = currentLanguage();
  const admin = isAdmin(useCurrentUser());
  const navigate = useNavigate();
  const load = useCallback(() => fetchProgress(campaign.id), [campaign.id]);
  const progress = useRemoteData(load);
  useAutoRefresh(progress.reload, progress.loadedAt, AUTO_REFRESH_MS);
  const data = progress.data;

  // Pushed, not replaced, so that the back button returns here from the links.
  const openLinks = (status?: ProgressSegment) =>
    void navigate(`${CONSOLE_HOME}/campaigns/${campaign.id}?${new URLSearchParams(status ? { tab: 'links', status } : { tab: 'links' })}`);

  return (
    <>
      <div className="console-toolbar">
        <Button icon={<ReloadOutlined />} loading={progress.loading} onClick={progress.reload}>
          {t('refresh')}
        </Button>
        {admin && data && data.overall.invited > 0 && (
          <>
            <DownloadButton icon={<FileExcelOutlined />} download={() => downloadNonResponders(campaign.id)}>
              {t('progress.exportNonResponders')}
            </DownloadButton>
            <Dropdown
              trigger={['click']}
              menu={{
                items: LINK_STATUSES.map((status) => ({ key: status, label: t(`links.statuses.${status}`) })),
                onClick: ({ key }) => openLinks(key as ProgressSegment),
              }}
            >
              <Button icon={<UnorderedListOutlined />}>
                {t('progress.linksByStatus')} <DownOutlined />
              </Button>
            </Dropdown>
          </>
        )}
        {data && (
          <Typography.Text type="secondary" className="console-progress-updated">
            {t('progress.updatedAt', { time: formatDateTime(data.computedAt, language, { withSeconds: true }) })}
          </Typography.Text>
        )}
      </div>
      {progress.error !== undefined && <LoadFailure error={progress.error} onRetry={progress.reload} />}
      {!data && progress.error === undefined && <Skeleton active paragraph={{ rows: 8 }} />}
      {data &&
        (data.overall.invited === 0 ? (
          <Empty description={t('progress.noLinks')} className="console-progress-empty">
            {admin && (
              <Button type="primary" onClick={() => openLinks()}>
                {t('progress.goToLinks')}
              </Button>
            )}
          </Empty>
        ) : (
          <Space orientation="vertical" size="middle" className="console-block">
            <RateCards progress={data} />
            <EvaluationsCard evaluations={data.byEvaluation} />
            <GroupsCard progress={data} />
            <Typography.Paragraph type="secondary" className="console-progress-note">
              {t('progress.rateHint')}
            </Typography.Paragraph>
          </Space>
        ))}
    </>
  );
}

function RateCards({ progress }: { progress: ProgressDto }) {
  const { t } = useConsoleTranslation();
  const cards = [
    { key: 'overall', counts: progress.overall },
    { key: 'enterprises', counts: progress.enterprises },
    { key: 'districtGovernments', counts: progress.districtGovernments },
  ] as const;
  return (
    <Row gutter={[16, 16]}>
      {cards.map(({ key, counts }) => (
        <Col key={key} xs={24} md={8}>
          <RateCard title={t(`progress.rates.${key}`)} counts={counts} />
        </Col>
      ))}
    </Row>
  );
}

/** A big response rate with a bar (green: submitted, gold: drafts) and the counts behind it. */
function RateCard({ title, counts }: { title: string; counts: ProgressCountsDto }) {
  const { t } = useConsoleTranslation();
  const language = currentLanguage();
  const submitted = shareOf(counts.submitted, counts) * 100;
  return (
    <Card size="small" className="console-card-full-height">
      <div className="console-rate">
        <span className="console-rate__title">{title}</span>
        <span className="console-rate__value">{counts.invited ? formatPercent(counts.rate, language) : '—'}</span>
      </div>
      <Progress
        percent={submitted + shareOf(counts.draft, counts) * 100}
        success={{ percent: submitted, strokeColor: SEGMENT_COLORS.submitted }}
        strokeColor={SEGMENT_COLORS.draft}
        showInfo={false}
        aria-label={title}
      />
      <div className="console-rate__counts">
        <Typography.Text strong>{t('progress.submittedOfInvited', { submitted: counts.submitted, invited: counts.invited })}</Typography.Text>
        <Typography.Text type="secondary">{t('progress.openedAndDraft', { opened: counts.opened, draft: counts.draft })}</Typography.Text>
      </div>
    </Card>
  );
}

function EvaluationsCard({ evaluations }: { evaluations: EvaluationProgressDto[] }) {
  const { t } = useConsoleTranslation();
  const language = currentLanguage();
  return (
    <Card title={t('progress.byEvaluation')} extra={<span className="console-hide-on-phone"><ProgressLegend /></span>}>
      <ul className="console-evaluation-progress">
        {evaluations.map((evaluation) => (
          <li key={evaluation.evaluationId}>
            <div className="console-evaluation-progress__head">
              <span>{localName(evaluation.titleZh, evaluation.titleEn)}</span>
              <Typography.Text type="secondary" className="console-nowrap">
                {t('progress.submittedOfInvited', { submitted: evaluation.submitted, invited: evaluation.invited })} ·{' '}
                {evaluation.invited ? formatPercent(evaluation.rate, language) : '—'}
              </Typography.Text>
            </div>
            <StackedProgressBar counts={evaluation} />
          </li>
        ))}
      </ul>
      <div className="console-show-on-phone">
        <ProgressLegend />
      </div>
    </Card>
  );
}

/** Enterprises by district, industry, country or size band: a chart and the same numbers as a table. */
function GroupsCard({ progress }: { progress: ProgressDto }) {
  const { t } = useConsoleTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('by');
  const grouping: ProgressGrouping = isProgressGrouping(requested) ? requested : 'district';
  const language = currentLanguage();
  const groups = useMemo(() => groupsOf(progress, grouping), [progress, grouping]);
  // The language is a dependency because localName reads it.
  const rows = useMemo(
    () => groups.map((group) => ({ label: localName(group.labelZh, group.labelEn), counts: group })),
    [groups, language],
  );

  const selectGrouping = (next: ProgressGrouping) =>
    setParams(
      (previous) => {
        const updated = new URLSearchParams(previous);
        if (next === 'district') updated.delete('by');
        else updated.set('by', next);
        return updated;
      },
      { replace: true },
    );

  return (
    <Card title={t('progress.byGroup')}>
      <Segmented<ProgressGrouping>
        value={grouping}
        onChange={selectGrouping}
        options={PROGRESS_GROUPINGS.map((value) => ({ value, label: t(`progress.groupings.${value}`) }))}
        className="console-progress-groupings"
      />
      {groups.length === 0 ? (
        <Empty description={t('progress.noEnterprises')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <>
          <Suspense fallback={<Skeleton active title={false} paragraph={{ rows: 4 }} />}>
            <ProgressChart rows={rows} description={t('progress.chartDescription', { grouping: t(`progress.groupColumns.${grouping}`) })} />
          </Suspense>
          <GroupsTable grouping={grouping} groups={groups} />
        </>
      )}
    </Card>
  );
}

type GroupColumn = 'invited' | ProgressSegment | 'rate';

function GroupsTable({ grouping, groups }: { grouping: ProgressGrouping; groups: GroupProgressDto[] }) {
  const { t } = useConsoleTranslation();
  const language = currentLanguage();
  const parts = useMemo(() => new Map(groups.map((group) => [group.key, segmentCounts(group)])), [groups]);
  const valueOf = (group: GroupProgressDto, column: GroupColumn): number =>
    column === 'invited' || column === 'rate' ? group[column] : parts.get(group.key)![column];
  const numberColumn = (column: GroupColumn, title: string) => ({
    key: column,
    title,
    align: 'right' as const,
    sorter: (a: GroupProgressDto, b: GroupProgressDto) => valueOf(a, column) - valueOf(b, column),
    render: (_: unknown, group: GroupProgressDto) => valueOf(group, column),
  });
  // The rate comes right after the name, so it stays in view when a phone scrolls the rest sideways.
  const columns: TableColumnsType<GroupProgressDto> = [
    {
      key: 'label',
      title: t(`progress.groupColumns.${grouping}`),
      fixed: 'start',
      sorter: (a, b) => localName(a.labelZh, a.labelEn).localeCompare(localName(b.labelZh, b.labelEn), language),
      render: (_, group) => localName(group.labelZh, group.labelEn),
    },
    {
      ...numberColumn('rate', t('progress.columns.rate')),
      render: (_, group) => formatPercent(group.rate, language),
    },
    numberColumn('invited', t('progress.columns.invited')),
    ...PROGRESS_SEGMENTS.map((segment) => numberColumn(segment, t(`progress.segments.${segment}`))),
  ];
  return (
    <Table<GroupProgressDto>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={groups}
      pagination={false}
      scroll={{ x: 'max-content' }}
      className="console-progress-table"
    />
  );
}
