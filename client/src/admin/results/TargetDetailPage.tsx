import { Alert, Breadcrumb, Card, Descriptions, Result, Skeleton, Table, Tag, Typography, type DescriptionsProps, type TableColumnsType } from 'antd';
import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { localName } from '../BilingualName';
import { LoadFailure } from '../LoadFailure';
import { PageHeader } from '../PageHeader';
import { isOfficeStaff } from '../roles';
import { CONSOLE_HOME, useCurrentUser } from '../session';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { AwardBadge, FlagList } from './ranking/FlagTags';
import { formatChange, formatRank, formatRate, formatRateWithInterval, formatScore } from './ranking/rankingFormat';
import './ranking/ranking.css';
import { targetPath } from './ranking/TargetRankingTables';
import { UnitComposite } from './ranking/UnitComposite';
import { answerCodesOf, answerLabel, criterionLabel } from './resultLabels';
import { orderedEvaluations, useResults, type EvaluationResultDto, type ResultsDto, type TargetResultDto } from './useResults';

// chart.js comes with the charts alone: the figures show without waiting for it.
const TargetCharts = lazy(() => import('./charts/TargetCharts').then((module) => ({ default: module.TargetCharts })));

/** A per-criterion breakdown needs at least this many ballots behind it (DESIGN.md, privacy). */
const BREAKDOWN_MIN_BALLOTS = 5;

/**
 * One target of one evaluation: its figures, criteria and answers, the change against the
 * previous campaign and its flags in words. Department and district users reach their own unit:
 * the results API gives them nothing else.
 */
export function Component() {
  const { t } = useConsoleTranslation();
  const { id = '', kind = '', code = '' } = useParams();
  const results = useResults(id);
  const data = results.data;
  const evaluation = data?.evaluations.find((candidate) => candidate.kind === kind);
  const target = evaluation?.targets.find((candidate) => candidate.code === code);
  const title = target ? localName(target.nameZh, target.nameEn) : code;

  return (
    <>
      <DetailBreadcrumb campaignId={id} results={data ?? undefined} evaluation={evaluation} title={title} />
      <PageHeader title={title} />
      {results.error !== undefined && <LoadFailure error={results.error} onRetry={results.reload} />}
      {data === undefined && results.error === undefined && <Skeleton active paragraph={{ rows: 10 }} />}
      {data === null && <Result status="info" title={t('results.empty.title')} />}
      {data && !target && <Result status="404" title={t('results.detail.notFound')} />}
      {data && evaluation && target && <TargetDetail campaignId={id} results={data} evaluation={evaluation} target={target} />}
    </>
  );
}

interface BreadcrumbProps {
  campaignId: string;
  results: ResultsDto | undefined;
  evaluation: EvaluationResultDto | undefined;
  title: string;
}

function DetailBreadcrumb({ campaignId, results, evaluation, title }: BreadcrumbProps) {
  const { t } = useConsoleTranslation();
  // The campaign's page is the office's; a department or district user has this page alone.
  const staff = isOfficeStaff(useCurrentUser());
  const campaignTitle = results?.campaignTitle ?? t('nav.campaigns');
  const resultsLink = `${CONSOLE_HOME}/campaigns/${campaignId}?${new URLSearchParams({ tab: 'results', ...(evaluation ? { evaluation: evaluation.kind } : {}) })}`;
  return (
    <Breadcrumb
      className="console-breadcrumb"
      items={[
        ...(staff ? [{ title: <Link to={`${CONSOLE_HOME}/campaigns`}>{t('campaigns.detail.back')}</Link> }] : []),
        { title: staff ? <Link to={resultsLink}>{campaignTitle}</Link> : campaignTitle },
        ...(evaluation ? [{ title: localName(evaluation.titleZh, evaluation.titleEn) }] : []),
        { title },
      ]}
    />
  );
}

interface TargetDetailProps {
  campaignId: string;
  results: ResultsDto;
  evaluation: EvaluationResultDto;
  target: TargetResultDto;
}

function TargetDetail({ campaignId, results, evaluation, target }: TargetDetailProps) {
  const { t } = useConsoleTranslation();
  const unit = results.composite.find((candidate) => candidate.unitType === evaluation.targetGroup && candidate.code === target.code);
  const breakdown = target.n >= BREAKDOWN_MIN_BALLOTS && Object.keys(target.answerCounts).length > 0;

  return (
    <div className="results-detail">
      <div className="results-detail__heading">
        <Typography.Text type="secondary">
          {localName(evaluation.titleZh, evaluation.titleEn)} · {target.category} · {target.code}
        </Typography.Text>
        {target.awarded && <AwardBadge />}
      </div>
      <Card size="small" title={t('results.detail.figures')}>
        <TargetFigures results={results} target={target} />
      </Card>
      {target.flags.length > 0 && (
        <Card size="small" title={t('results.detail.flags')}>
          <FlagList flags={target.flags} />
        </Card>
      )}
      {breakdown ? (
        <>
          <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
            <TargetCharts target={target} criteria={evaluation.criteria} />
          </Suspense>
          <Card size="small" title={t('results.detail.table')}>
            <CriteriaTable target={target} criteria={evaluation.criteria} />
          </Card>
        </>
      ) : (
        <Alert type="info" showIcon title={t('results.detail.tooFew', { n: target.n, min: BREAKDOWN_MIN_BALLOTS })} />
      )}
      {unit && (
        <Card size="small" title={t('results.detail.composite')}>
          <UnitComposite unit={unit} />
        </Card>
      )}
      <OtherEvaluations campaignId={campaignId} results={results} evaluation={evaluation} code={target.code} />
    </div>
  );
}

function TargetFigures({ results, target }: { results: ResultsDto; target: TargetResultDto }) {
  const { t } = useConsoleTranslation();
  const change = target.previousScore !== null && target.score !== null ? target.score - target.previousScore : null;
  const items: DescriptionsProps['items'] = [
    {
      key: 'score',
      label: t('results.columns.score'),
      children: (
        <span className="results-detail__score">
          <Typography.Text strong>{formatScore(target.score)}</Typography.Text>
          {change !== null && (
            <Tag color={change > 0 ? 'success' : change < 0 ? 'error' : 'default'} title={results.previousCampaign ?? undefined}>
              {t('results.detail.change', { change: formatChange(change) })}
            </Tag>
          )}
        </span>
      ),
    },
    { key: 'shrunkScore', label: t('results.columns.shrunkScore'), children: formatScore(target.shrunkScore) },
    ...(target.previousScore !== null
      ? [{ key: 'previous', label: t('results.detail.previous', { campaign: results.previousCampaign ?? '' }), children: formatScore(target.previousScore) }]
      : []),
    { key: 'n', label: t('results.columns.n'), children: t('results.detail.ballots', { n: target.n, seen: target.seen }) },
    { key: 'coverage', label: t('results.columns.coverage'), children: formatRate(target.coverage) },
    { key: 'satisfaction', label: t('results.columns.satisfaction'), children: formatRateWithInterval(target.satisfactionRate, target.satisfactionCi) },
    { key: 'dissatisfaction', label: t('results.columns.dissatisfaction'), children: formatRate(target.dissatisfactionRate) },
    { key: 'rank', label: t('results.columns.rank'), children: target.ranked ? formatRank(target.rank, target.rankInterval) : t('results.detail.notRanked') },
    { key: 'pInQuota', label: t('results.columns.pInQuota'), children: formatRate(target.pInQuota) },
    { key: 'composite', label: t('results.columns.composite'), children: formatScore(target.composite) },
  ];
  return <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />;
}

interface CriterionRow {
  criterion: string;
  mean: number | null;
  counts: Record<string, number>;
}

/** The criteria in figures: the mean and the count of each answer. */
function CriteriaTable({ target, criteria }: { target: TargetResultDto; criteria: string[] }) {
  const { t } = useConsoleTranslation();
  const answers = answerCodesOf(target.answerCounts);
  const rows: CriterionRow[] = criteria.map((criterion) => ({ criterion, mean: target.criteria[criterion] ?? null, counts: target.answerCounts[criterion] ?? {} }));
  const columns: TableColumnsType<CriterionRow> = [
    { key: 'criterion', title: t('results.detail.criterion'), render: (_, row) => criterionLabel(row.criterion) },
    { key: 'mean', title: t('results.detail.criterionMean'), align: 'right', render: (_, row) => formatScore(row.mean) },
    ...answers.map((answer) => ({
      key: answer,
      title: answerLabel(answer),
      align: 'right' as const,
      render: (_: unknown, row: CriterionRow) => row.counts[answer] ?? 0,
    })),
  ];
  return <Table<CriterionRow> rowKey="criterion" size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} className="results-table results-criteria-table" />;
}

/** The same unit in the campaign's other evaluations, e.g. a department as the districts rated it. */
function OtherEvaluations({ campaignId, results, evaluation, code }: { campaignId: string; results: ResultsDto; evaluation: EvaluationResultDto; code: string }) {
  const { t } = useConsoleTranslation();
  const others = orderedEvaluations(results)
    .filter((candidate) => candidate.kind !== evaluation.kind && candidate.targetGroup === evaluation.targetGroup)
    .flatMap((candidate) => {
      const target = candidate.targets.find((row) => row.code === code);
      return target ? [{ evaluation: candidate, target }] : [];
    });
  if (others.length === 0) return null;
  return (
    <Card size="small" title={t('results.detail.otherEvaluations')}>
      <ul className="results-other-evaluations">
        {others.map(({ evaluation: other, target }) => (
          <li key={other.kind}>
            <Link to={targetPath(campaignId, other.kind, code)}>{localName(other.titleZh, other.titleEn)}</Link>
            <Typography.Text type="secondary">
              {' '}
              {t('results.detail.otherLine', { score: formatScore(target.score), shrunk: formatScore(target.shrunkScore), n: target.n })}
            </Typography.Text>
          </li>
        ))}
      </ul>
    </Card>
  );
}
