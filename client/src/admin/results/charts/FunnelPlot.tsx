import { Chart, Legend, LinearScale, LineElement, PointElement, ScatterController, Tooltip, type ChartConfiguration, type ChartDataset, type TooltipItem } from 'chart.js';
import { useMemo } from 'react';
import { currentLanguage } from '../../../i18n';
import { localName } from '../../BilingualName';
import { useConsoleTranslation } from '../../useConsoleTranslation';
import { formatScore } from '../ranking/rankingFormat';
import type { EvaluationResultDto } from '../useResults';
import { useChartTheme } from './chartTheme';
import { ChartBox } from './ChartBox';
import { funnelMean, funnelZone, limitCurve, Z_95, Z_998, type FunnelPoint, type FunnelZone } from './funnelLimits';

Chart.register(ScatterController, PointElement, LineElement, LinearScale, Legend, Tooltip);

const HEIGHT = 340;
const ZONES: readonly FunnelZone[] = ['inside', 'beyond95', 'beyond998'];
// A gap between the upper and the lower branch of one limit, drawn as one line.
const BREAK = { x: Number.NaN, y: Number.NaN };

/**
 * S against n for one evaluation, with the limits mean ± 1.96·σ/√n and ± 3.09·σ/√n: a unit
 * outside them differs from the mean by more than its sample size explains (Spiegelhalter).
 */
export function FunnelPlot({ evaluation }: { evaluation: EvaluationResultDto }) {
  const { t } = useConsoleTranslation();
  const theme = useChartTheme();
  const language = currentLanguage();
  const points = useMemo(
    (): FunnelPoint[] =>
      evaluation.targets
        .filter((target) => target.n >= 1 && target.score !== null)
        .map((target) => ({ code: target.code, label: localName(target.nameZh, target.nameEn), n: target.n, score: target.score! })),
    // The labels follow the language.
    [evaluation, language],
  );
  const sd = evaluation.withinSd;
  const mean = funnelMean(points);

  const config = useMemo((): ChartConfiguration<'scatter'> => {
    const maxN = Math.max(2, ...points.map((point) => point.n)) * 1.1;
    const limits = mean !== null && sd !== null && sd > 0;
    const zoneOf = (point: FunnelPoint): FunnelZone => (limits ? funnelZone(point, mean, sd) : 'inside');
    const zoneStyle: Record<FunnelZone, { color: string; radius: number }> = {
      inside: { color: theme.primary, radius: 4 },
      beyond95: { color: theme.warning, radius: 6 },
      beyond998: { color: theme.error, radius: 7 },
    };
    const groups = ZONES.map((zone) => ({ zone, points: points.filter((point) => zoneOf(point) === zone) })).filter((group) => group.points.length > 0);
    const unitSets = groups.map(({ zone, points: members }): ChartDataset<'scatter'> => ({
      label: t(`results.charts.funnelZones.${zone}`),
      data: members.map((point) => ({ x: point.n, y: point.score })),
      backgroundColor: zoneStyle[zone].color,
      borderColor: zoneStyle[zone].color,
      pointRadius: zoneStyle[zone].radius,
      pointHoverRadius: zoneStyle[zone].radius + 2,
      // A score of 100 sits on the top edge; its point is drawn whole.
      clip: 10,
    }));
    const line = (label: string, data: { x: number; y: number }[], color: string, dash: number[]): ChartDataset<'scatter'> => ({
      label,
      data,
      showLine: true,
      borderColor: color,
      backgroundColor: color,
      borderWidth: 1.5,
      borderDash: dash,
      pointRadius: 0,
      pointHoverRadius: 0,
    });
    const limitSets = limits
      ? [
          line(t('results.charts.funnelMean'), [{ x: 1, y: mean }, { x: maxN, y: mean }], theme.secondary, []),
          line(t('results.charts.funnel95'), [...limitCurve(mean, sd, Z_95, maxN), BREAK, ...limitCurve(mean, sd, -Z_95, maxN)], theme.warning, [6, 4]),
          line(t('results.charts.funnel998'), [...limitCurve(mean, sd, Z_998, maxN), BREAK, ...limitCurve(mean, sd, -Z_998, maxN)], theme.error, [2, 3]),
        ]
      : [];
    const unitAt = (item: TooltipItem<'scatter'>) => groups[item.datasetIndex]?.points[item.dataIndex];
    return {
      type: 'scatter',
      data: { datasets: [...unitSets, ...limitSets] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        font: theme.font,
        color: theme.text,
        scales: {
          x: {
            min: 0,
            max: Math.ceil(maxN),
            ticks: { color: theme.secondary, font: theme.font, precision: 0 },
            grid: { color: theme.grid },
            title: { display: true, text: t('results.charts.funnelN'), color: theme.secondary, font: theme.font },
          },
          y: {
            min: 0,
            max: 100,
            ticks: { color: theme.secondary, font: theme.font },
            grid: { color: theme.grid },
            title: { display: true, text: t('results.columns.score'), color: theme.secondary, font: theme.font },
          },
        },
        plugins: {
          legend: theme.legend,
          tooltip: {
            ...theme.tooltip,
            // Only the units answer; the limit lines have nothing to say point by point.
            filter: (item: TooltipItem<'scatter'>) => item.datasetIndex < unitSets.length,
            callbacks: {
              title: (items: TooltipItem<'scatter'>[]) => (items[0] ? (unitAt(items[0])?.label ?? '') : ''),
              label: (item: TooltipItem<'scatter'>) => t('results.charts.funnelPoint', { score: formatScore(item.parsed.y), n: item.parsed.x }),
            },
          },
        },
      },
    };
  }, [points, mean, sd, t, theme]);

  return <ChartBox config={config} height={HEIGHT} description={t('results.charts.funnelDescription')} />;
}
