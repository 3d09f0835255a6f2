import { CalculatorOutlined, FileExcelOutlined, FileTextOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Popconfirm, Progress, Segmented, Select, Skeleton, Tooltip, Typography } from 'antd';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { CampaignDto } from '../../api/models';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../shared/format';
import { localName } from '../BilingualName';
import { CsrResultsView } from '../csr/CsrResultsView';
import { DownloadButton } from '../DownloadButton';
import { LoadFailure } from '../LoadFailure';
import { isAdmin, isOfficeStaff } from '../roles';
import { useCurrentUser } from '../session';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useReportError } from '../useReportError';
import { CompositeRankingTables } from './ranking/CompositeRankingTables';
import { formatRate } from './ranking/rankingFormat';
import { TargetRankingTables } from './ranking/TargetRankingTables';
import './ranking/ranking.css';
import {
  downloadRatings,
  downloadResults,
  orderedEvaluations,
  responseRate,
  useComputation,
  useResults,
  type ComputationDto,
  type EvaluationResultDto,
  type ResultsDto,
} from './useResults';

// chart.js comes with the charts view alone: the tables show without waiting for it.
const ResultsCharts = lazy(() => import('./charts/ResultsCharts').then((module) => ({ default: module.ResultsCharts })));

/**
 * A further view of the results, shown after the built-in ones: the slot for the awards
 * confirmation panel and the data-quality queue, which the campaign page passes in.
 */
export interface ResultsSection {
  key: string;
  label: string;
  render: (results: ResultsDto, reload: () => void) => ReactNode;
}

type BuiltInView = 'rankings' | 'composite' | 'charts' | 'csr';
const BUILT_IN_VIEWS: readonly BuiltInView[] = ['rankings', 'composite', 'charts', 'csr'];

/** The built-in views these results have: 社会责任先进企业 only where the campaign has declarations. */
const viewsOf = (results: ResultsDto): BuiltInView[] => BUILT_IN_VIEWS.filter((view) => view !== 'csr' || results.csr !== null);

interface ResultsTabProps {
  campaign: CampaignDto;
  /** Further views (awards, data quality), each a segment after the built-in ones. */
  sections?: readonly ResultsSection[];
}

/** The results tab of a campaign: computing them, the rankings, the composite, the charts and 社会责任先进企业. */
export function ResultsTab({ campaign, sections = [] }: ResultsTabProps) {
  const { t } = useConsoleTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const results = useResults(campaign.id);
  const computation = useComputation(campaign.id, isOfficeStaff(user), (finished) => {
    if (finished.status === 'done') void message.success(t('results.compute.finished'));
    results.reload();
  });
  const data = results.data;

  return (
    <>
      <ResultsToolbar campaign={campaign} results={data} onCompute={computation.start} computing={computation.running} onReload={results.reload} loading={results.loading} />
      {computation.running && computation.state && <ComputationProgress state={computation.state} />}
      {computation.state?.status === 'failed' && (
        <Alert type="error" showIcon title={t('results.compute.failed')} description={computation.state.error} className="console-form-alert" />
      )}
      {results.error !== undefined && <LoadFailure error={results.error} onRetry={results.reload} />}
      {data === undefined && results.error === undefined && <Skeleton active paragraph={{ rows: 8 }} />}
      {data === null && <NotComputed campaign={campaign} computing={computation.running} onCompute={computation.start} />}
      {data && <ResultsViews campaignId={campaign.id} results={data} sections={sections} onReload={results.reload} />}
    </>
  );
}

interface ToolbarProps {
  campaign: CampaignDto;
  results: ResultsDto | null | undefined;
  onCompute: () => Promise<void>;
  computing: boolean;
  onReload: () => void;
  loading: boolean;
}

function ResultsToolbar({ campaign, results, onCompute, computing, onReload, loading }: ToolbarProps) {
  const { t } = useConsoleTranslation();
  const language = currentLanguage();
  const user = useCurrentUser();
  return (
    <div className="console-toolbar">
      {isAdmin(user) && results && <ComputeButton campaign={campaign} recompute onCompute={onCompute} computing={computing} />}
      <Button icon={<ReloadOutlined />} loading={loading} onClick={onReload}>
        {t('refresh')}
      </Button>
      {isOfficeStaff(user) && results && (
        <>
          <DownloadButton icon={<FileExcelOutlined />} download={() => downloadResults(campaign.id)}>
            {t('results.downloadResults')}
          </DownloadButton>
          <DownloadButton icon={<FileTextOutlined />} download={() => downloadRatings(campaign.id)}>
            {t('results.downloadRatings')}
          </DownloadButton>
        </>
      )}
      {results && (
        <Typography.Text type="secondary" className="results-meta">
          <span>{t('results.computedAt', { time: formatDateTime(results.computedAt, language, { withSeconds: true }) })}</span>
          <span>
            {t('results.configHash')}{' '}
            <Typography.Text code copyable={{ text: results.configHash }} className="results-hash">
              {results.configHash.slice(0, 12)}
            </Typography.Text>
          </span>
          {results.previousCampaign && <span>{t('results.comparedWith', { campaign: results.previousCampaign })}</span>}
        </Typography.Text>
      )}
    </div>
  );
}

interface ComputeButtonProps {
  campaign: CampaignDto;
  /** Results exist: computing replaces them, so the office is asked first. */
  recompute: boolean;
  onCompute: () => Promise<void>;
  computing: boolean;
}

function ComputeButton({ campaign, recompute, onCompute, computing }: ComputeButtonProps) {
  const { t } = useConsoleTranslation();
  const reportError = useReportError();
  const [starting, setStarting] = useState(false);
  const allowed = campaign.status === 'open' || campaign.status === 'closed';
  const run = async () => {
    setStarting(true);
    try {
      await onCompute();
    } catch (error) {
      reportError(error);
    } finally {
      setStarting(false);
    }
  };
  const label = t(recompute ? 'results.compute.again' : 'results.compute.start');
  const button = (onClick?: () => void) => (
    <Button type={recompute ? 'default' : 'primary'} icon={<CalculatorOutlined />} loading={starting || computing} disabled={!allowed} onClick={onClick}>
      {label}
    </Button>
  );
  if (!allowed) return <Tooltip title={t(campaign.status === 'draft' ? 'results.compute.notOpenYet' : 'results.compute.frozen')}>{button()}</Tooltip>;
  if (!recompute) return button(() => void run());
  return (
    <Popconfirm title={t('results.compute.confirmTitle')} description={t('results.compute.confirmText')} okText={label} cancelText={t('results.compute.cancel')} onConfirm={() => run()}>
      {button()}
    </Popconfirm>
  );
}

/** Weight of each phase in the bar: reading the ballots is quick, the resampling is the work. */
function progressPercent(state: ComputationDto): number {
  if (state.phase === 'saving') return 97;
  if (state.phase === 'resampling' && state.total > 0) return 3 + Math.round((state.done / state.total) * 94);
  return 2;
}

function ComputationProgress({ state }: { state: ComputationDto }) {
  const { t } = useConsoleTranslation();
  const phase = state.phase === 'resampling' || state.phase === 'saving' ? state.phase : 'loading';
  return (
    <Card size="small" className="results-computation" role="status">
      <Typography.Text strong>{t(`results.compute.phases.${phase}`, { done: state.done, total: state.total })}</Typography.Text>
      <Progress percent={progressPercent(state)} status="active" aria-label={t('results.compute.progress')} />
    </Card>
  );
}

function NotComputed({ campaign, computing, onCompute }: { campaign: CampaignDto; computing: boolean; onCompute: () => Promise<void> }) {
  const { t } = useConsoleTranslation();
  const admin = isAdmin(useCurrentUser());
  const description = computing ? t('results.empty.computing') : campaign.status === 'draft' ? t('results.empty.draft') : t(admin ? 'results.empty.admin' : 'results.empty.others');
  return (
    <Empty description={<Typography.Text>{t('results.empty.title')}</Typography.Text>} className="results-empty">
      <Typography.Paragraph type="secondary">{description}</Typography.Paragraph>
      {admin && !computing && campaign.status !== 'draft' && <ComputeButton campaign={campaign} recompute={false} onCompute={onCompute} computing={computing} />}
    </Empty>
  );
}

interface ResultsViewsProps {
  campaignId: string;
  results: ResultsDto;
  sections: readonly ResultsSection[];
  onReload: () => void;
}

function ResultsViews({ campaignId, results, sections, onReload }: ResultsViewsProps) {
  const { t } = useConsoleTranslation();
  const [params, setParams] = useSearchParams();
  const evaluations = orderedEvaluations(results);
  const builtIn = viewsOf(results);
  const keys: string[] = [...builtIn, ...sections.map((section) => section.key)];
  const requested = params.get('view');
  const view = requested && keys.includes(requested) ? requested : 'rankings';
  const evaluation = evaluations.find((candidate) => candidate.kind === params.get('evaluation')) ?? evaluations[0];

  // The tab's other parameters (the campaign tab itself) stay; the default view leaves the address clean.
  const setParam = (name: string, value: string | undefined) =>
    setParams(
      (previous) => {
        const updated = new URLSearchParams(previous);
        if (value === undefined) updated.delete(name);
        else updated.set(name, value);
        return updated;
      },
      { replace: true },
    );

  const section = sections.find((candidate) => candidate.key === view);
  const evaluationPicker = evaluation && (
    <Select
      aria-label={t('results.evaluation')}
      value={evaluation.kind}
      options={evaluations.map((candidate) => ({ value: candidate.kind, label: localName(candidate.titleZh, candidate.titleEn) }))}
      onChange={(kind: string) => setParam('evaluation', kind)}
      className="results-evaluation-picker"
      popupMatchSelectWidth={false}
    />
  );

  return (
    <>
      {results.campaignStatus === 'open' && <Alert type="info" showIcon title={t('results.provisional')} className="console-form-alert" />}
      <div className="results-views">
        <Segmented<string>
          value={view}
          onChange={(next) => setParam('view', next === 'rankings' ? undefined : next)}
          options={[...builtIn.map((key) => ({ value: key, label: t(`results.views.${key}`) })), ...sections.map((extra) => ({ value: extra.key, label: extra.label }))]}
        />
      </div>
      {view === 'rankings' && evaluation && (
        <>
          <div className="console-toolbar">{evaluationPicker}</div>
          <EvaluationSummary evaluation={evaluation} />
          <TargetRankingTables campaignId={campaignId} evaluation={evaluation} />
        </>
      )}
      {view === 'composite' && <CompositeRankingTables campaignId={campaignId} results={results} />}
      {view === 'charts' && evaluation && (
        <>
          <div className="console-toolbar">{evaluationPicker}</div>
          <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
            <ResultsCharts campaignId={campaignId} results={results} evaluations={evaluations} evaluation={evaluation} />
          </Suspense>
        </>
      )}
      {(view === 'rankings' || view === 'charts') && !evaluation && <Empty description={t('results.noTargets')} />}
      {view === 'csr' && results.csr && <CsrResultsView results={results} csr={results.csr} />}
      {section?.render(results, onReload)}
    </>
  );
}

/** Who answered one evaluation and what its scoring estimated. */
function EvaluationSummary({ evaluation }: { evaluation: EvaluationResultDto }) {
  const { t } = useConsoleTranslation();
  return (
    <>
      {!evaluation.quorumMet && <Alert type="warning" showIcon title={t('results.quorumNotMet')} className="console-form-alert" />}
      <Typography.Paragraph type="secondary" className="results-summary">
        {t('results.summary', {
          ballots: evaluation.ballots,
          invited: evaluation.invited,
          rate: formatRate(responseRate(evaluation)),
          voided: evaluation.voided,
          k: evaluation.k.toFixed(2),
        })}
        {evaluation.kEstimated ? t('results.kEstimated') : t('results.kFallback')}
        {evaluation.withinSd !== null && ` · σ = ${evaluation.withinSd.toFixed(2)}`}
      </Typography.Paragraph>
    </>
  );
}
