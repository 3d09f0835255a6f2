import './report.css';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Spin, Typography } from 'antd';
import { useCallback } from 'react';
import { Link, useLoaderData, useParams } from 'react-router';
import { fetchCampaign } from '../../api/endpoints';
import type { CampaignDto } from '../../api/models';
import { currentLanguage, type Language } from '../../i18n';
import { AWARDS, categoryName, compareCategories, CSR_CATEGORY, type AwardUnitType } from '../../public/resultNames';
import { formatDateTime, formatPercent } from '../../shared/format';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { AccessDenied } from '../AdminOnly';
import { ConsoleProviders } from '../ConsoleProviders';
import { proposalShare } from '../csr/csrFigures';
import { LoadFailure } from '../LoadFailure';
import { isOfficeStaff } from '../roles';
import { CONSOLE_HOME, requireSignedInUser } from '../session';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useRemoteData } from '../useRemoteData';
import { byRankThenScore, DASH, formatRange, formatRate, formatRateWithInterval, formatScore } from './ranking/rankingFormat';
import { answerLabel, flagLabel } from './resultLabels';
import { fetchResults, orderedEvaluations, type CompositeResultDto, type EvaluationResultDto, type ResultsDto, type TargetResultDto, type UnitType } from './useResults';
import type { CsrResultsDto } from '../csr/csrApi';
import { weightShares, type ScoringConfig } from '../campaigns/scoringConfigForm';

/**
 * The printable report of a campaign's results on A4: facts, awards, rankings per category and
 * the method in words and numbers. A page of its own, outside the console's frame, so that only
 * the report prints.
 */
export const loader = requireSignedInUser;

export function Component() {
  const user = useLoaderData<typeof loader>();
  return <ConsoleProviders>{isOfficeStaff(user) ? <ReportPage /> : <ReportAccessDenied />}</ConsoleProviders>;
}

function ReportAccessDenied() {
  const { t } = useConsoleTranslation();
  return <AccessDenied staffPage extra={<Link to={CONSOLE_HOME}>{t('notFound.backToOverview')}</Link>} />;
}

interface ReportData {
  campaign: CampaignDto;
  results: ResultsDto | null;
}

function ReportPage() {
  const { t } = useConsoleTranslation();
  const { id = '' } = useParams();
  const load = useCallback(async (): Promise<ReportData> => {
    const [campaign, results] = await Promise.all([fetchCampaign(id), fetchResults(id)]);
    return { campaign, results };
  }, [id]);
  const data = useRemoteData(load);
  const results = data.data?.results;
  useDocumentTitle(results ? t('awards.report.title', { year: results.year }) : undefined);

  return (
    <div className="report-page">
      <div className="report-toolbar">
        <Link to={`${CONSOLE_HOME}/campaigns/${id}?tab=results&view=awards`} className="report-toolbar__back">
          <ArrowLeftOutlined /> {t('awards.report.back')}
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} disabled={!results} onClick={() => window.print()}>
          {t('awards.report.print')}
        </Button>
        <Typography.Text type="secondary">{t('awards.report.printHint')}</Typography.Text>
      </div>
      {data.error !== undefined && (
        <div className="report-message">
          <LoadFailure error={data.error} onRetry={data.reload} />
        </div>
      )}
      {data.loading && !data.data && (
        <div className="report-message">
          <Spin />
        </div>
      )}
      {data.data && !results && (
        <div className="report-message">
          <Empty description={t('awards.notComputed')} />
        </div>
      )}
      {data.data && results && <Report campaign={data.data.campaign} results={results} />}
    </div>
  );
}

function Report({ campaign, results }: { campaign: CampaignDto; results: ResultsDto }) {
  const { t } = useConsoleTranslation();
  const language = currentLanguage();
  const confirmed = results.awardsConfirmedAt !== null;
  return (
    <article className="report" aria-label={t('awards.report.title', { year: results.year })}>
      <header className="report__head">
        <h1 className="report__title" lang="zh-CN">
          {t('awards.report.title', { year: results.year })}
        </h1>
        <p className="report__subtitle" lang="en">
          {t('awards.report.subtitle', { year: results.year })}
        </p>
        {!confirmed && <Alert type="warning" showIcon title={t('awards.report.draftNote')} className="report__draft" />}
      </header>
      <Facts campaign={campaign} results={results} language={language} />
      <Awards results={results} language={language} />
      <Rankings results={results} language={language} />
      <Method results={results} language={language} />
      <footer className="report__footer">
        {t('awards.report.footer', { time: formatDateTime(new Date().toISOString(), language) })}
        {!confirmed && ` ${t('awards.report.notConfirmedFooter')}`}
      </footer>
    </article>
  );
}

function Facts({ campaign, results, language }: { campaign: CampaignDto; results: ResultsDto; language: Language }) {
  const { t } = useConsoleTranslation();
  const time = (iso: string | null) => (iso ? formatDateTime(iso, language, { withSeconds: true }) : DASH);
  const evaluations = orderedEvaluations(results);
  return (
    <section className="report__section">
      <h2 className="report__heading">{t('awards.report.facts.title')}</h2>
      <table className="report-table report-table--facts">
        <tbody>
          <tr>
            <th scope="row">{t('awards.report.facts.campaign')}</th>
            <td>
              {campaign.title}（{campaign.slug}）
            </td>
          </tr>
          <tr>
            <th scope="row">{t('awards.report.facts.status')}</th>
            <td>{t(`campaigns.statuses.${campaign.status}`)}</td>
          </tr>
          <tr>
            <th scope="row">{t('awards.report.facts.computedAt')}</th>
            <td>{time(results.computedAt)}</td>
          </tr>
          <tr>
            <th scope="row">{t('awards.report.facts.confirmedAt')}</th>
            <td>{results.awardsConfirmedAt ? time(results.awardsConfirmedAt) : t('awards.status.notConfirmed')}</td>
          </tr>
          <tr>
            <th scope="row">{t('awards.report.facts.configHash')}</th>
            <td className="report__hash">{results.configHash}</td>
          </tr>
        </tbody>
      </table>
      <table className="report-table">
        <thead>
          <tr>
            <th>{t('awards.report.facts.evaluation')}</th>
            <th className="report-table__number">{t('awards.report.facts.invited')}</th>
            <th className="report-table__number">{t('awards.report.facts.ballots')}</th>
            <th className="report-table__number">{t('awards.report.facts.voided')}</th>
            <th>{t('awards.report.facts.quorum')}</th>
          </tr>
        </thead>
        <tbody>
          {evaluations.map((evaluation) => (
            <tr key={evaluation.evaluationId}>
              <td>
                <Names zh={evaluation.titleZh} en={evaluation.titleEn} language={language} />
              </td>
              <td className="report-table__number">{evaluation.invited}</td>
              <td className="report-table__number">{evaluation.ballots}</td>
              <td className="report-table__number">{evaluation.voided}</td>
              <td>{evaluation.raterGroup === 'district' ? t(evaluation.quorumMet ? 'awards.report.facts.yes' : 'awards.report.facts.no') : DASH}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The awarded units of each award, per category, in ranking order. */
function Awards({ results, language }: { results: ResultsDto; language: Language }) {
  const { t } = useConsoleTranslation();
  return (
    <section className="report__section report__section--break">
      <h2 className="report__heading">{t('awards.report.awards.title')}</h2>
      {AWARDS.map((award) => {
        const categories = categoriesOf(results, award.unitType);
        if (categories.length === 0) return null;
        return (
          <section key={award.kind} className="report__award">
            <h3 className="report__subheading">
              {award.names.zh} <span lang="en">{award.names.en}</span>
            </h3>
            {categories.map((category) => {
              const winners = results.awards.filter((line) => line.award === award.kind && line.category === category && line.awarded);
              return (
                <div key={category} className="report__category">
                  <h4 className="report__category-title">
                    <CategoryName category={category} language={language} />
                  </h4>
                  {winners.length === 0 ? (
                    <p className="report__none">{t('awards.report.awards.none')}</p>
                  ) : (
                    <table className="report-table">
                      <thead>
                        <tr>
                          <th className="report-table__rank">{t('awards.report.ranking.columns.rank')}</th>
                          <th className="report-table__unit">{t('awards.report.ranking.columns.unit')}</th>
                          <th className="report-table__number">{t('awards.report.ranking.columns.composite')}</th>
                          {resampled(award.unitType) && <th className="report-table__number">{t('awards.report.ranking.columns.pInQuota')}</th>}
                          <th>{t('awards.columns.decision')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {winners.map((winner) => (
                          <tr key={winner.code}>
                            <td className="report-table__rank">{winner.rank ?? DASH}</td>
                            <td>
                              <Names zh={winner.nameZh} en={winner.nameEn} language={language} />
                            </td>
                            <td className="report-table__number">{formatScore(winner.composite)}</td>
                            {resampled(award.unitType) && <td className="report-table__number">{formatRate(winner.pInQuota)}</td>}
                            <td>
                              {winner.overrideReason !== null ? (
                                <>
                                  {t('awards.report.awards.overridden')}
                                  <span className="report__note">{winner.overrideReason}</span>
                                </>
                              ) : (
                                t('awards.proposed')
                              )}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </div>
              );
            })}
          </section>
        );
      })}
    </section>
  );
}

const COMPONENTS: Record<UnitType, readonly ('enterprises' | 'districts' | 'inspection' | 'objective')[]> = {
  department: ['enterprises', 'districts', 'inspection'],
  district: ['enterprises', 'objective'],
};

/** Where the awards come from the composite: the unit types whose tables have its components. */
const COMPOSITE_TYPES: readonly UnitType[] = ['department', 'district'];

/** The composite's ranks were resampled; the CSR selection's were not. */
const resampled = (unitType: AwardUnitType) => unitType !== 'enterprise';

/** Units of a type the office awarded. */
const awardedCodes = (results: ResultsDto, unitType: AwardUnitType) => new Set(results.awards.filter((line) => line.unitType === unitType && line.awarded).map((line) => line.code));

/** Per unit type and category: the composite ranking, the enterprises' rating behind it, and the CSR selection. */
function Rankings({ results, language }: { results: ResultsDto; language: Language }) {
  const { t } = useConsoleTranslation();
  const enterpriseEvaluations = orderedEvaluations(results).filter((evaluation) => evaluation.raterGroup === 'enterprise');
  return (
    <section className="report__section report__section--break">
      <h2 className="report__heading">{t('awards.report.ranking.title')}</h2>
      {COMPOSITE_TYPES.map((type) =>
        categoriesOf(results, type).map((category) => (
          <CompositeTable
            key={`${type}:${category}`}
            units={results.composite.filter((unit) => unit.unitType === type && unit.category === category)}
            type={type}
            category={category}
            awarded={awardedCodes(results, type)}
            language={language}
          />
        )),
      )}
      {results.csr && <CsrTable csr={results.csr} awarded={awardedCodes(results, 'enterprise')} language={language} />}
      {enterpriseEvaluations.map((evaluation) =>
        [...new Set(evaluation.targets.map((target) => target.category))].sort(compareCategories).map((category) => (
          <EnterpriseTable key={`${evaluation.evaluationId}:${category}`} evaluation={evaluation} category={category} language={language} />
        )),
      )}
    </section>
  );
}

interface CompositeTableProps {
  units: CompositeResultDto[];
  type: UnitType;
  category: string;
  awarded: Set<string>;
  language: Language;
}

function CompositeTable({ units, type, category, awarded, language }: CompositeTableProps) {
  const { t } = useConsoleTranslation();
  const rows = [...units].sort(byRankThenScore((unit) => unit.rank, (unit) => unit.composite));
  return (
    <div className="report__table-block">
      <h3 className="report__subheading">{t('awards.report.ranking.composite', { category: categoryName(category, language) })}</h3>
      <table className="report-table report-table--ranking">
        <thead>
          <tr>
            <th className="report-table__rank">{t('awards.report.ranking.columns.rank')}</th>
            <th className="report-table__unit">{t('awards.report.ranking.columns.unit')}</th>
            {COMPONENTS[type].map((component) => (
              <th key={component} className="report-table__number">
                {t(`awards.report.ranking.columns.${component}`)}
              </th>
            ))}
            {type === 'department' && <th className="report-table__number">{t('awards.report.ranking.columns.deduction')}</th>}
            <th className="report-table__number">{t('awards.report.ranking.columns.composite')}</th>
            <th className="report-table__number">{t('awards.report.ranking.columns.rankInterval')}</th>
            <th className="report-table__number">{t('awards.report.ranking.columns.pInQuota')}</th>
            <th>{t('awards.report.ranking.columns.award')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((unit) => (
            <tr key={unit.code}>
              <td className="report-table__rank">{unit.rank ?? DASH}</td>
              <td>
                <Names zh={unit.nameZh} en={unit.nameEn} language={language} />
                <Flags flags={unit.flags} />
              </td>
              {COMPONENTS[type].map((component) => (
                <td key={component} className="report-table__number">
                  {formatScore(unit.components[component])}
                </td>
              ))}
              {type === 'department' && <td className="report-table__number">{unit.deduction > 0 ? `−${unit.deduction}` : '0'}</td>}
              <td className="report-table__number report-table__strong">{formatScore(unit.composite)}</td>
              <td className="report-table__number">{formatRange(unit.rankInterval)}</td>
              <td className="report-table__number">{formatRate(unit.pInQuota)}</td>
              <td className="report-table__award">{awarded.has(unit.code) ? '★' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EnterpriseTable({ evaluation, category, language }: { evaluation: EvaluationResultDto; category: string; language: Language }) {
  const { t } = useConsoleTranslation();
  const rows = evaluation.targets
    .filter((target) => target.category === category)
    .sort((a: TargetResultDto, b: TargetResultDto) => (b.shrunkScore ?? -1) - (a.shrunkScore ?? -1) || a.code.localeCompare(b.code));
  const title = language === 'en' ? evaluation.titleEn || evaluation.titleZh : evaluation.titleZh;
  return (
    <div className="report__table-block">
      <h3 className="report__subheading">{t('awards.report.ranking.enterprise', { evaluation: title, category: categoryName(category, language) })}</h3>
      <table className="report-table report-table--ranking">
        <thead>
          <tr>
            <th className="report-table__unit">{t('awards.report.ranking.columns.unit')}</th>
            <th className="report-table__number">{t('awards.report.ranking.columns.n')}</th>
            <th className="report-table__number">{t('awards.report.ranking.columns.score')}</th>
            <th className="report-table__number">{t('awards.report.ranking.columns.shrunk')}</th>
            <th className="report-table__number">{t('awards.report.ranking.columns.satisfaction')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((target) => (
            <tr key={target.code}>
              <td>
                <Names zh={target.nameZh} en={target.nameEn} language={language} />
                <Flags flags={target.flags} />
              </td>
              <td className="report-table__number">{target.n}</td>
              <td className="report-table__number">{formatScore(target.score)}</td>
              <td className="report-table__number report-table__strong">{formatScore(target.shrunkScore)}</td>
              <td className="report-table__number">{formatRateWithInterval(target.satisfactionRate, target.satisfactionCi)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** 社会责任先进企业: the enterprises not vetoed, ranked over every size band, with their indicators; the vetoed counted above. */
function CsrTable({ csr, awarded, language }: { csr: CsrResultsDto; awarded: Set<string>; language: Language }) {
  const { t } = useConsoleTranslation();
  const rows = csr.enterprises.filter((enterprise) => enterprise.vetoReasons.length === 0);
  return (
    <div className="report__table-block report__csr">
      <h3 className="report__subheading">{t('csr.report.title')}</h3>
      <p className="report__summary">
        {t('csr.report.summary', {
          declarations: csr.declarations,
          ranked: csr.ranked,
          vetoed: csr.enterprises.length - rows.length,
          unplaced: csr.unplaced.length,
          count: csr.proposal.count,
          proposed: csr.proposal.proposed,
        })}
      </p>
      <table className="report-table report-table--ranking">
        <thead>
          <tr>
            <th className="report-table__rank">{t('awards.report.ranking.columns.rank')}</th>
            <th className="report-table__unit">{t('awards.report.ranking.columns.unit')}</th>
            <th>{t('csr.results.columns.sizeBand')}</th>
            <th className="report-table__number">{t('awards.report.ranking.columns.composite')}</th>
            {csr.indicators.map((indicator) => (
              <th key={indicator} className="report-table__number">
                {t(`csr.indicators.${indicator}`)}
              </th>
            ))}
            <th className="report-table__number">{t('csr.results.columns.rankRange')}</th>
            <th>{t('awards.report.ranking.columns.award')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((enterprise) => (
            <tr key={enterprise.uscc}>
              <td className="report-table__rank">{enterprise.rank ?? DASH}</td>
              <td>
                <Names zh={enterprise.nameZh} en={enterprise.nameEn} language={language} />
                <Flags flags={enterprise.flags} />
              </td>
              <td>{t(`directory.sizeBands.${enterprise.sizeBand}`)}</td>
              <td className="report-table__number report-table__strong">{formatScore(enterprise.composite)}</td>
              {csr.indicators.map((indicator) => (
                <td key={indicator} className="report-table__number">
                  {formatScore(enterprise.indicators?.[indicator].score)}
                </td>
              ))}
              <td className="report-table__number">{formatRange(enterprise.sensitivity.rankRange)}</td>
              <td className="report-table__award">{awarded.has(enterprise.uscc) ? '★' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Method({ results, language }: { results: ResultsDto; language: Language }) {
  const { t } = useConsoleTranslation();
  const config = results.config as unknown as ScoringConfig;
  const percent = (share: number) => formatPercent(share, language);
  const points = Object.entries(config.points.values)
    .sort(([, a], [, b]) => b - a)
    .map(([code, value]) => `${answerLabel(code)} ${value}`)
    .join(language === 'en' ? ', ' : '、');
  const paragraphs = [
    t('awards.report.method.points', { points }),
    t('awards.report.method.satisfaction'),
    t('awards.report.method.score', { fallbackK: config.shrinkage.fallbackK }),
    t('awards.report.method.eligibility', {
      rankedMin: config.eligibility.enterprise.rankedMin,
      flaggedMin: config.eligibility.enterprise.flaggedMin,
      quorum: percent(config.eligibility.district.quorumShare),
      trimAtLeast: config.eligibility.district.trimAtLeast,
    }),
    t('awards.report.method.departments', {
      ...sharesOf(config.composite.departments, language),
      deduction: config.composite.overdueCaseDeduction,
      maxDeduction: config.composite.maxDeduction,
    }),
    t('awards.report.method.districts', sharesOf(config.composite.districts, language)),
    t('awards.report.method.quota', { share: percent(config.awards.quotaShare), minimum: config.awards.quotaMinimum, threshold: config.awards.threshold }),
    t('awards.report.method.uncertainty', {
      resamples: config.uncertainty.resamples.toLocaleString(language),
      interval: percent(config.uncertainty.rankInterval),
      low: percent(config.uncertainty.reviewBand[0]),
      high: percent(config.uncertainty.reviewBand[1]),
    }),
    t('awards.report.method.quality', {
      straightShare: percent(config.dataQuality.straightLiningShare),
      straightMin: config.dataQuality.straightLiningMinTargets,
      speeding: percent(config.dataQuality.speedingShareOfMedian),
      duplicate: percent(config.dataQuality.duplicateAnswerShare),
    }),
    ...(results.csr ? [csrMethod(results, results.csr, config, t, language)] : []),
    t('awards.report.method.hash', { hash: results.configHash, time: formatDateTime(results.computedAt, language, { withSeconds: true }) }),
  ];
  return (
    <section className="report__section report__section--break report__method">
      <h2 className="report__heading">{t('awards.report.method.title')}</h2>
      {paragraphs.map((text, index) => (
        <p key={index}>{text}</p>
      ))}
    </section>
  );
}

/** 社会责任先进企业 in words: the weights, the scaling, the vetoes and how many places. */
function csrMethod(results: ResultsDto, csr: CsrResultsDto, config: ScoringConfig, t: ReturnType<typeof useConsoleTranslation>['t'], language: Language): string {
  const share = proposalShare(results);
  const quota = csr.proposal.basis === 'count' || share === null ? t('csr.report.quotaCount', { count: csr.proposal.count }) : t('csr.report.quotaShare', { share: formatPercent(share, language) });
  return t('csr.report.method', { ...sharesOf(config.csr.weights, language), quota });
}

/** Weights as the parts of their total the engine makes of them: they need not add up to 100. */
function sharesOf<K extends string>(weights: Record<K, number>, language: Language): Record<K, string> {
  const shares = weightShares(weights);
  const entries = (Object.keys(weights) as K[]).map((key) => {
    const share = shares?.[key];
    return [key, share === undefined ? DASH : formatPercent(share, language)] as const;
  });
  return Object.fromEntries(entries) as Record<K, string>;
}

/** A name in the page's language with the other language's below it. */
function Names({ zh, en, language }: { zh: string; en: string; language: Language }) {
  const english = language === 'en' && en !== '';
  const secondary = english ? zh : en;
  return (
    <span className="report__names">
      <span lang={english ? 'en' : 'zh-CN'}>{english ? en : zh}</span>
      {secondary && secondary !== (english ? en : zh) && (
        <span className="report__names-secondary" lang={english ? 'zh-CN' : 'en'}>
          {secondary}
        </span>
      )}
    </span>
  );
}

/** The scoring flags under a unit's name, in the page's language. */
function Flags({ flags }: { flags: string[] }) {
  if (flags.length === 0) return null;
  return <span className="report__flags">{flags.map(flagLabel).join(' · ')}</span>;
}

function CategoryName({ category, language }: { category: string; language: Language }) {
  const english = categoryName(category, 'en');
  return <Names zh={category} en={english === category ? '' : english} language={language} />;
}

function categoriesOf(results: ResultsDto, unitType: AwardUnitType): string[] {
  if (unitType === 'enterprise') return results.csr ? [CSR_CATEGORY] : [];
  return [...new Set(results.composite.filter((unit) => unit.unitType === unitType).map((unit) => unit.category))].sort(compareCategories);
}
