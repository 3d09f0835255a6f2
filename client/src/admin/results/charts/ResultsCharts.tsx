import { Card, Empty, Typography } from 'antd';
import { useMemo } from 'react';
import { currentLanguage } from '../../../i18n';
import { localName } from '../../BilingualName';
import { useConsoleTranslation } from '../../useConsoleTranslation';
import { UNIT_TYPES } from '../ranking/CompositeRankingTables';
import { byCategory } from '../ranking/rankingFormat';
import type { EvaluationResultDto, ResultsDto } from '../useResults';
import { CriteriaHeatmap } from './CriteriaHeatmap';
import { FunnelPlot } from './FunnelPlot';
import { RankIntervalChart, type RankIntervalRow } from './RankIntervalChart';
import { ResponseRateChart } from './ResponseRateChart';
import { ScoreBarsChart } from './ScoreBarsChart';
import './charts.css';

interface ResultsChartsProps {
  campaignId: string;
  results: ResultsDto;
  evaluations: EvaluationResultDto[];
  /** The evaluation the per-target charts show. */
  evaluation: EvaluationResultDto;
}

/** The figures of the results: response, scores, rank intervals, funnel plot and criteria. */
export function ResultsCharts({ campaignId, results, evaluations, evaluation }: ResultsChartsProps) {
  const { t } = useConsoleTranslation();
  const language = currentLanguage();
  const scored = evaluation.targets.some((target) => target.score !== null);

  // The composite decides the awards: its rank intervals, a chart per unit type and category.
  const rankGroups = useMemo(
    () =>
      UNIT_TYPES.flatMap((type) =>
        byCategory(results.composite.filter((unit) => unit.unitType === type && unit.rank !== null && unit.rankInterval !== null)).map(([category, units]) => ({
          key: `${type}:${category}`,
          title: `${t(`results.composite.titles.${type}`)} · ${category}`,
          rows: units.map((unit): RankIntervalRow => ({ label: localName(unit.nameZh, unit.nameEn), rank: unit.rank!, interval: unit.rankInterval! })),
        })),
      ),
    // The labels follow the language.
    [results, t, language],
  );

  return (
    <div className="results-charts">
      <Card size="small" title={t('results.charts.response')}>
        <ResponseRateChart evaluations={evaluations} />
      </Card>
      <Card size="small" title={t('results.charts.scores')}>
        {scored && evaluation.targets.some((target) => target.shrunkScoreInterval) && (
          <Typography.Paragraph type="secondary" className="results-note">
            {t('results.charts.scoresHint')}
          </Typography.Paragraph>
        )}
        {scored ? <ScoreBarsChart targets={evaluation.targets} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('results.noTargets')} />}
      </Card>
      <Card size="small" title={t('results.charts.ranks')}>
        <Typography.Paragraph type="secondary" className="results-note">
          {t('results.charts.ranksHint')}
        </Typography.Paragraph>
        {rankGroups.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('results.charts.noRanks')} />
        ) : (
          rankGroups.map((group) => (
            <section key={group.key} className="results-chart-group">
              <Typography.Text strong>{group.title}</Typography.Text>
              <RankIntervalChart rows={group.rows} />
            </section>
          ))
        )}
      </Card>
      <Card size="small" title={t('results.charts.funnel')}>
        <Typography.Paragraph type="secondary" className="results-note">
          {evaluation.withinSd ? t('results.charts.funnelHint', { sd: evaluation.withinSd.toFixed(2) }) : t('results.charts.funnelNoSd')}
        </Typography.Paragraph>
        {scored ? <FunnelPlot evaluation={evaluation} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('results.noTargets')} />}
      </Card>
      <Card size="small" title={t('results.charts.criteria')}>
        <CriteriaHeatmap campaignId={campaignId} evaluation={evaluation} />
      </Card>
    </div>
  );
}
