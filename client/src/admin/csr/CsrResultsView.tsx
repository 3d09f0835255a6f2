import { Card, Empty, Skeleton, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { currentLanguage, type Language } from '../../i18n';
import { formatPercent } from '../../shared/format';
import { BilingualName, localName } from '../BilingualName';
import { AwardBadge, FlagTags } from '../results/ranking/FlagTags';
import { DASH, formatRange, formatRate, formatScore } from '../results/ranking/rankingFormat';
import { STICKY_HEADER } from '../results/ranking/TargetRankingTables';
import { flagLabel } from '../results/resultLabels';
import type { ResultsDto } from '../results/useResults';
import { IN_PAGES } from '../tablePagination';
import { useConsoleTranslation } from '../useConsoleTranslation';
import type { CsrEnterpriseResultDto, CsrFigureName, CsrResultsDto } from './csrApi';
import { formatFigure, proposalShare, SOURCE_COLORS, VETO_FIGURES } from './csrFigures';
import { SizeBandTag } from './SizeBandTag';
import './csr.css';

// chart.js comes with the chart alone: the ranking shows without waiting for it.
const CsrIndicatorChart = lazy(() => import('./CsrIndicatorChart').then((module) => ({ default: module.CsrIndicatorChart })));

/** The flag the veto list says in full: the ranking leaves the vetoed out. */
const VETOED = '一票否决';

type Translate = ReturnType<typeof useConsoleTranslation>['t'];

/**
 * 社会责任先进企业 in the results: the proposal, the ranking over every size band with each
 * indicator and the rank range of the sensitivity runs, one enterprise's indicators drawn, the
 * vetoed enterprises with their reasons, and the declarations that could not be placed in a band.
 */
export function CsrResultsView({ results, csr }: { results: ResultsDto; csr: CsrResultsDto }) {
  const { t } = useConsoleTranslation();
  const language = currentLanguage();
  const candidates = csr.enterprises.filter((enterprise) => enterprise.vetoReasons.length === 0);
  const vetoed = csr.enterprises.filter((enterprise) => enterprise.vetoReasons.length > 0);
  const [selected, setSelected] = useState<string>();
  const shown = candidates.find((enterprise) => enterprise.uscc === selected) ?? candidates.find((enterprise) => enterprise.rank !== null);
  const confirmed = results.awardsConfirmedAt !== null;
  const awarded = new Set(results.awards.filter((award) => award.unitType === 'enterprise' && award.awarded).map((award) => award.code));

  const columns: TableColumnsType<CsrEnterpriseResultDto> = [
    { key: 'rank', title: t('csr.results.columns.rank'), className: 'console-nowrap', render: (_, enterprise) => enterprise.rank ?? t('csr.results.notRanked') },
    {
      key: 'name',
      title: t('csr.results.columns.name'),
      render: (_, enterprise) => (
        <div className="results-name">
          <Typography.Link
            onClick={() => setSelected(enterprise.uscc)}
            aria-label={t('csr.results.selectHint', { name: localName(enterprise.nameZh, enterprise.nameEn) })}
          >
            {localName(enterprise.nameZh, enterprise.nameEn)}
          </Typography.Link>
          <Typography.Text type="secondary" className="results-name__code">
            {enterprise.uscc}
          </Typography.Text>
          {enterprise.proposed && <Tag color="gold">{t('csr.results.proposed')}</Tag>}
          {confirmed && awarded.has(enterprise.uscc) && <AwardBadge label={t('csr.results.awarded')} />}
        </div>
      ),
    },
    { key: 'sizeBand', title: t('csr.results.columns.sizeBand'), render: (_, enterprise) => <SizeBandTag band={enterprise.sizeBand} /> },
    { key: 'composite', title: t('csr.results.columns.composite'), align: 'right', render: (_, enterprise) => <Typography.Text strong>{formatScore(enterprise.composite)}</Typography.Text> },
    ...csr.indicators.map((indicator) => ({
      key: indicator,
      title: t(`csr.indicators.${indicator}`),
      align: 'right' as const,
      render: (_: unknown, enterprise: CsrEnterpriseResultDto) => {
        const result = enterprise.indicators?.[indicator];
        return (
          <div className="results-component">
            <span>{formatScore(result?.score)}</span>
            {result && result.score !== null && (
              <Typography.Text type="secondary" className="results-component__weight">
                {t('csr.results.weight', { weight: formatRate(result.weight) })}
              </Typography.Text>
            )}
          </div>
        );
      },
    })),
    {
      key: 'rankRange',
      title: t('csr.results.columns.rankRange'),
      align: 'right',
      className: 'console-nowrap',
      render: (_, enterprise) =>
        enterprise.sensitivity.rankRange ? (
          <Tooltip
            title={t('csr.results.rankRangeHint', {
              rank: enterprise.rank ?? DASH,
              zScore: enterprise.sensitivity.zScore.rank ?? DASH,
              equalWeights: enterprise.sensitivity.equalWeights.rank ?? DASH,
            })}
          >
            <span className="csr-rank-range">{formatRange(enterprise.sensitivity.rankRange)}</span>
          </Tooltip>
        ) : (
          DASH
        ),
    },
    { key: 'sources', title: t('csr.results.columns.sources'), render: (_, enterprise) => <CheckedFigures enterprise={enterprise} t={t} language={language} /> },
    { key: 'flags', title: t('csr.results.columns.flags'), render: (_, enterprise) => <FlagTags flags={enterprise.flags.filter((flag) => flag !== VETOED)} /> },
  ];

  return (
    <div className="csr-results">
      <Proposal results={results} csr={csr} language={language} />
      <section className="results-category">
        <Typography.Title level={5} className="results-category__title">
          {t('csr.results.title')}
        </Typography.Title>
        <Table<CsrEnterpriseResultDto>
          rowKey="uscc"
          size="small"
          columns={columns}
          dataSource={candidates}
          // Dozens to hundreds of applicants: pages keep the chart of the row clicked within reach.
          pagination={IN_PAGES}
          sticky={STICKY_HEADER}
          scroll={{ x: 'max-content' }}
          onRow={(enterprise) => ({ onClick: () => setSelected(enterprise.uscc) })}
          rowClassName={(enterprise) => (enterprise.uscc === shown?.uscc ? 'csr-row--selected' : '')}
          locale={{ emptyText: t('csr.results.emptyRanking') }}
          className="results-table csr-ranking-table"
        />
      </section>
      <Card size="small" title={t('csr.results.chart.title')} className="csr-indicators">
        <Typography.Paragraph type="secondary" className="results-note">
          {t('csr.results.chart.hint')}
        </Typography.Paragraph>
        {shown ? (
          <>
            <Typography.Text strong>{t('csr.results.chart.heading', { name: localName(shown.nameZh, shown.nameEn), composite: formatScore(shown.composite) })}</Typography.Text>
            {shown.indicators ? (
              <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
                <CsrIndicatorChart enterprise={shown} indicators={csr.indicators} />
              </Suspense>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('csr.results.chart.none')} />
            )}
          </>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('csr.results.emptyRanking')} />
        )}
      </Card>
      <Card
        size="small"
        title={
          <span>
            {t('csr.results.vetoes.title')} <Tag className="csr-count">{t('csr.results.vetoes.count', { count: vetoed.length })}</Tag>
          </span>
        }
        className="csr-vetoes"
      >
        {vetoed.length === 0 ? (
          <Typography.Text type="secondary">{t('csr.results.vetoes.empty')}</Typography.Text>
        ) : (
          <>
            <Typography.Paragraph type="secondary" className="results-note">
              {t('csr.results.vetoes.intro')}
            </Typography.Paragraph>
            <ul className="csr-list">
              {vetoed.map((enterprise) => (
                <li key={enterprise.uscc} className="csr-list__item">
                  <div className="csr-list__who">
                    <BilingualName zh={enterprise.nameZh} en={enterprise.nameEn} strong />
                    <Typography.Text type="secondary" className="console-monospace">
                      {enterprise.uscc}
                    </Typography.Text>
                    <SizeBandTag band={enterprise.sizeBand} />
                  </div>
                  <ul className="csr-reasons">
                    {enterprise.vetoReasons.map((reason) => {
                      const source = VETO_FIGURES[reason] ? enterprise.figures[VETO_FIGURES[reason]]?.source : undefined;
                      return (
                        <li key={reason}>
                          <Tag color="error">{flagLabel(reason)}</Tag>
                          {source && source !== 'declared' && <Tag color={SOURCE_COLORS[source]}>{t(`csr.sources.${source}`)}</Tag>}
                        </li>
                      );
                    })}
                  </ul>
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>
      {csr.unplaced.length > 0 && (
        <Card
          size="small"
          title={
            <span>
              {t('csr.results.unplaced.title')} <Tag className="csr-count">{t('csr.results.unplaced.count', { count: csr.unplaced.length })}</Tag>
            </span>
          }
          className="csr-unplaced"
        >
          <Typography.Paragraph type="secondary" className="results-note">
            {t('csr.results.unplaced.intro')}
          </Typography.Paragraph>
          <ul className="csr-list">
            {csr.unplaced.map((enterprise) => (
              <li key={enterprise.uscc} className="csr-list__item csr-list__who">
                <BilingualName zh={enterprise.nameZh} en={enterprise.nameEn} />
                <Typography.Text type="secondary" className="console-monospace">
                  {enterprise.uscc}
                </Typography.Text>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}

/** How many are proposed and why that many, and what each size band brought. */
function Proposal({ results, csr, language }: { results: ResultsDto; csr: CsrResultsDto; language: Language }) {
  const { t } = useConsoleTranslation();
  const share = proposalShare(results);
  return (
    <div className="csr-proposal">
      <Typography.Paragraph strong className="results-summary">
        {t('csr.results.summary', { declarations: csr.declarations, ranked: csr.ranked, count: csr.proposal.count, proposed: csr.proposal.proposed })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" className="results-summary">
        {csr.proposal.basis === 'count' || share === null
          ? t('csr.results.quotaCount', { count: csr.proposal.count })
          : t('csr.results.quotaShare', { ranked: csr.ranked, share: formatPercent(share, language) })}
        {csr.proposal.proposed > csr.proposal.count && ` ${t('csr.results.tie')}`}
      </Typography.Paragraph>
      <div className="csr-bands">
        {csr.bands
          .filter((band) => band.applicants > 0)
          .map((band) => (
            <Tag key={band.sizeBand}>{t('csr.results.band', { band: t(`directory.sizeBands.${band.sizeBand}`), applicants: band.applicants, vetoed: band.vetoed, ranked: band.ranked })}</Tag>
          ))}
        <Typography.Text type="secondary" className="csr-bands__hint">
          {t('csr.results.bandsHint')}
        </Typography.Text>
      </div>
    </div>
  );
}

/** The figures that count otherwise than declared, or that the scoring could not use: a tag each, the figures in its tooltip. */
function CheckedFigures({ enterprise, t, language }: { enterprise: CsrEnterpriseResultDto; t: Translate; language: Language }) {
  const names = Object.keys(enterprise.figures) as CsrFigureName[];
  const checked = names.filter((name) => enterprise.figures[name]!.source !== 'declared');
  const problems = Object.entries(enterprise.figureProblems) as [CsrFigureName, 'missing' | 'invalid'][];
  if (checked.length === 0 && problems.length === 0) return null;
  return (
    <span className="results-flags">
      {checked.length > 0 && (
        <Tooltip
          title={checked.map((name) => (
            <div key={name}>
              {t('csr.results.figureLine', {
                figure: t(`csr.figures.${name}`),
                value: formatFigure(name, enterprise.figures[name]!.value, t, language),
                source: t(`csr.sources.${enterprise.figures[name]!.source}`),
              })}
            </div>
          ))}
        >
          <Tag color="processing" className="results-flag csr-checked">
            {t('csr.results.checkedFigures', { count: checked.length })}
          </Tag>
        </Tooltip>
      )}
      {problems.length > 0 && (
        <Tooltip
          title={problems.map(([name, problem]) => (
            <div key={name}>{t('csr.results.problemLine', { figure: t(`csr.figures.${name}`), problem: t(`csr.results.problems.${problem}`) })}</div>
          ))}
        >
          <Tag color="warning" className="results-flag">
            {t('csr.results.problemFigures', { count: problems.length })}
          </Tag>
        </Tooltip>
      )}
    </span>
  );
}
