import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration, type TooltipItem } from 'chart.js';
import { useMemo } from 'react';
import { currentLanguage } from '../../../i18n';
import { useConsoleTranslation } from '../../useConsoleTranslation';
import { formatRange } from '../ranking/rankingFormat';
import { barChartHeight, horizontalBarOptions, useChartTheme } from './chartTheme';
import { ChartBox } from './ChartBox';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface RankIntervalRow {
  label: string;
  rank: number;
  interval: number[];
}

// Half the width of a bar around a rank, so that an interval of one rank still shows.
const PAD = 0.4;
const MARK = 0.07;

/**
 * The 90% rank interval of each ranked unit from the resampling, as a floating bar from its best
 * to its worst rank, with the rank itself marked: overlapping bars are units the data cannot
 * tell apart.
 */
export function RankIntervalChart({ rows }: { rows: RankIntervalRow[] }) {
  const { t } = useConsoleTranslation();
  const theme = useChartTheme();
  const language = currentLanguage();
  const sorted = useMemo(() => [...rows].sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label)), [rows]);

  const config = useMemo((): ChartConfiguration<'bar'> => {
    const worst = Math.max(1, ...sorted.map((row) => row.interval[1] ?? row.rank));
    return {
      type: 'bar',
      data: {
        labels: sorted.map((row) => row.label),
        datasets: [
          {
            label: t('results.charts.rankInterval'),
            data: sorted.map((row) => [row.interval[0]! - PAD, row.interval[1]! + PAD]),
            backgroundColor: theme.light,
            maxBarThickness: 16,
            grouped: false,
            // Drawn under the mark of the rank (chart.js draws a lower order on top).
            order: 1,
          },
          {
            label: t('results.charts.rankAxis'),
            data: sorted.map((row) => [row.rank - MARK, row.rank + MARK]),
            backgroundColor: theme.primary,
            maxBarThickness: 16,
            grouped: false,
            order: 0,
          },
        ],
      },
      options: horizontalBarOptions(theme, {
        x: {
          min: 1 - PAD - 0.1,
          max: worst + PAD + 0.1,
          ticks: { stepSize: 1, precision: 0, color: theme.secondary, font: theme.font, callback: (value) => (Number.isInteger(Number(value)) ? value : '') },
          title: { display: true, text: t('results.charts.rankAxis'), color: theme.secondary, font: theme.font },
        },
        plugins: {
          tooltip: {
            filter: (item: TooltipItem<'bar'>) => item.datasetIndex === 0,
            callbacks: {
              title: (items: TooltipItem<'bar'>[]) => sorted[items[0]?.dataIndex ?? 0]?.label ?? '',
              label: (item: TooltipItem<'bar'>) => {
                const row = sorted[item.dataIndex]!;
                return t('results.charts.rankLine', { rank: row.rank, interval: formatRange(row.interval) });
              },
            },
          },
        },
      }),
    };
  }, [sorted, t, theme, language]);

  return <ChartBox config={config} height={barChartHeight(sorted.length)} description={t('results.charts.rankDescription')} />;
}
