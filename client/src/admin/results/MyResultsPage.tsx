import { Alert, Card, Descriptions, Empty, Select, Skeleton, Typography, type DescriptionsProps } from 'antd';
import { useCallback } from 'react';
import { Link, useSearchParams } from 'react-router';
import { fetchCampaigns } from '../../api/endpoints';
import type { CampaignDto, UserDto } from '../../api/models';
import { localName } from '../BilingualName';
import { LoadFailure } from '../LoadFailure';
import { PageHeader } from '../PageHeader';
import { useCurrentUser } from '../session';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useRemoteData } from '../useRemoteData';
import { AwardBadge, FlagList } from './ranking/FlagTags';
import { formatRank, formatRateWithInterval, formatScore } from './ranking/rankingFormat';
import './ranking/ranking.css';
import { targetPath } from './ranking/TargetRankingTables';
import { UnitComposite } from './ranking/UnitComposite';
import { fetchResults, orderedEvaluations, type CompositeResultDto, type EvaluationResultDto, type ResultsDto, type TargetResultDto } from './useResults';
import './myResults.css';

type OwnUnit = NonNullable<UserDto['unit']>;

/** Campaigns that may have results, newest first: a draft has none. */
function campaignsWithResults(campaigns: readonly CampaignDto[]): CampaignDto[] {
  return campaigns.filter((campaign) => campaign.status !== 'draft').sort((a, b) => b.year - a.year || b.createdAt.localeCompare(a.createdAt));
}

interface Shown {
  campaignId: string | undefined;
  /** null while the campaign's results have never been computed. */
  results: ResultsDto | null;
}

/**
 * The campaign in the address and its results; without one, the newest campaign that has results,
 * or else the newest one, whose results are not computed yet.
 */
async function resultsToShow(candidates: readonly CampaignDto[], requested: string | undefined): Promise<Shown> {
  if (requested) return { campaignId: requested, results: await fetchResults(requested) };
  for (const campaign of candidates) {
    const results = await fetchResults(campaign.id);
    if (results) return { campaignId: campaign.id, results };
  }
  return { campaignId: candidates[0]?.id, results: null };
}

/**
 * 我的结果: how the evaluations rated the department or district of the signed-in user, and its
 * composite. The results API gives these users their own unit's rows alone.
 */
export function Component() {
  const { t } = useConsoleTranslation();
  const [params] = useSearchParams();
  const load = useCallback(() => fetchCampaigns().then(campaignsWithResults), []);
  const campaigns = useRemoteData(load);
  const requested = params.get('campaign') ?? undefined;

  return (
    <>
      <PageHeader title={t('myResults.title')} />
      {campaigns.error !== undefined && <LoadFailure error={campaigns.error} onRetry={campaigns.reload} />}
      {campaigns.data === undefined && campaigns.error === undefined && <Skeleton active paragraph={{ rows: 6 }} />}
      {campaigns.data?.length === 0 && <Alert type="info" showIcon title={t('myResults.noCampaigns')} />}
      {campaigns.data && campaigns.data.length > 0 && <CampaignResults key={requested ?? ''} candidates={campaigns.data} requested={requested} />}
    </>
  );
}

function CampaignResults({ candidates, requested }: { candidates: CampaignDto[]; requested: string | undefined }) {
  const { t } = useConsoleTranslation();
  const [, setParams] = useSearchParams();
  const unit = useCurrentUser().unit;
  const load = useCallback(() => resultsToShow(candidates, requested), [candidates, requested]);
  const shown = useRemoteData(load);
  const campaignId = shown.data?.campaignId ?? requested;
  const results = shown.data?.results;

  return (
    <>
      {candidates.length > 1 && (
        <div className="console-toolbar">
          <Select
            aria-label={t('myResults.campaign')}
            value={campaignId}
            loading={shown.loading}
            options={candidates.map((campaign) => ({ value: campaign.id, label: campaign.title }))}
            onChange={(next: string) => setParams({ campaign: next }, { replace: true })}
            className="my-results-campaign"
          />
        </div>
      )}
      {shown.error !== undefined && <LoadFailure error={shown.error} onRetry={shown.reload} />}
      {shown.data === undefined && shown.error === undefined && <Skeleton active paragraph={{ rows: 8 }} />}
      {shown.data && results === null && <NotComputed campaign={candidates.find((campaign) => campaign.id === campaignId)} />}
      {results && campaignId && (unit ? <UnitResults campaignId={campaignId} results={results} unit={unit} /> : <Alert type="warning" showIcon title={t('myResults.noUnit')} />)}
    </>
  );
}

/** Department and district users cannot compute: the results come when the campaign closes. */
function NotComputed({ campaign }: { campaign: CampaignDto | undefined }) {
  const { t } = useConsoleTranslation();
  return (
    <Empty description={<Typography.Text>{t('results.empty.title')}</Typography.Text>} className="results-empty">
      <Typography.Paragraph type="secondary">{t(campaign?.status === 'draft' ? 'results.empty.draft' : 'results.empty.others')}</Typography.Paragraph>
    </Empty>
  );
}

interface Rated {
  evaluation: EvaluationResultDto;
  target: TargetResultDto;
}

function UnitResults({ campaignId, results, unit }: { campaignId: string; results: ResultsDto; unit: OwnUnit }) {
  const { t } = useConsoleTranslation();
  const rated: Rated[] = orderedEvaluations(results)
    .filter((evaluation) => evaluation.targetGroup === unit.kind)
    .flatMap((evaluation) => {
      const target = evaluation.targets.find((candidate) => candidate.code === unit.code);
      return target ? [{ evaluation, target }] : [];
    });
  const composite = results.composite.find((candidate) => candidate.unitType === unit.kind && candidate.code === unit.code);
  const category = composite?.category ?? rated[0]?.target.category;

  return (
    <div className="results-detail">
      <div className="results-detail__heading">
        <Typography.Title level={5} className="my-results-unit">
          {localName(unit.nameZh, unit.nameEn)}
        </Typography.Title>
        <Typography.Text type="secondary">
          {results.campaignTitle}
          {category && ` · ${category}`} · {unit.code}
        </Typography.Text>
      </div>
      {results.campaignStatus === 'open' && <Alert type="info" showIcon title={t('results.provisional')} />}
      {rated.length === 0 && !composite && <Alert type="info" showIcon title={t('myResults.notRated')} />}
      {rated.map(({ evaluation, target }) => (
        <Card key={evaluation.kind} size="small" title={localName(evaluation.titleZh, evaluation.titleEn)} className="my-results-card">
          <EvaluationFigures target={target} />
          {target.flags.length > 0 && <FlagList flags={target.flags} />}
          <Link to={targetPath(campaignId, evaluation.kind, target.code)} className="my-results-details">
            {t('myResults.details')}
          </Link>
        </Card>
      ))}
      {composite && (
        <Card size="small" title={t('results.detail.composite')} className="my-results-card">
          <UnitComposite unit={composite} />
          <UnitAward results={results} unit={composite} />
        </Card>
      )}
    </div>
  );
}

function EvaluationFigures({ target }: { target: TargetResultDto }) {
  const { t } = useConsoleTranslation();
  const items: DescriptionsProps['items'] = [
    { key: 'score', label: t('results.columns.score'), children: formatScore(target.score) },
    { key: 'shrunkScore', label: t('results.columns.shrunkScore'), children: formatScore(target.shrunkScore) },
    { key: 'n', label: t('results.columns.n'), children: target.n },
    { key: 'satisfaction', label: t('results.columns.satisfaction'), children: formatRateWithInterval(target.satisfactionRate, target.satisfactionCi) },
    {
      key: 'rank',
      label: t('myResults.rankInCategory', { category: target.category }),
      children: target.ranked ? formatRank(target.rank, target.rankInterval) : t('results.detail.notRanked'),
    },
  ];
  return <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} className="my-results-figures" />;
}

/** The award is the office's business until the results are published; then the unit sees its own. */
function UnitAward({ results, unit }: { results: ResultsDto; unit: CompositeResultDto }) {
  const { t } = useConsoleTranslation();
  if (results.campaignStatus !== 'published') {
    return (
      <Typography.Paragraph type="secondary" className="my-results-award-note">
        {t('myResults.awardAfterPublication')}
      </Typography.Paragraph>
    );
  }
  const award = results.awards.find((candidate) => candidate.unitType === unit.unitType && candidate.code === unit.code);
  const items: DescriptionsProps['items'] = [
    {
      key: 'award',
      label: t('myResults.award'),
      children: award?.awarded ? <AwardBadge label={t('myResults.awarded', { award: t(`awards.kinds.${award.award}`) })} /> : t('myResults.notAwarded'),
    },
    { key: 'proposed', label: t('myResults.proposed'), children: t((award?.proposed ?? unit.inQuota) ? 'myResults.yes' : 'myResults.no') },
  ];
  return <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={items} className="my-results-award" />;
}
