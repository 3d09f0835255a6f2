import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration, type TooltipItem } from 'chart.js';
import { useMemo } from 'react';
import { currentLanguage } from '../../../i18n';
import { localName } from '../../BilingualName';
import { useConsoleTranslation } from '../../useConsoleTranslation';
import { formatScore, formatScoreRange } from '../ranking/rankingFormat';
import type { TargetResultDto } from '../useResults';
import { barChartHeight, horizontalBarOptions, useChartTheme } from './chartTheme';
import { ChartBox } from './ChartBox';
import { intervalWhiskers } from './intervalWhiskers';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/**
 * S* per target, best first, with its 90% interval from the resampling as whiskers and S beside
 * it: how far shrinkage moved each score, and how far the data pin it down.
 */
export function ScoreBarsChart({ targets }: { targets: TargetResultDto[] }) {
  const { t } = useConsoleTranslation();
  const theme = useChartTheme();
  const language = currentLanguage();
  const rows = useMemo(() => targets.filter((target) => target.shrunkScore !== null).sort((a, b) => b.shrunkScore! - a.shrunkScore!), [targets]);

  const config = useMemo((): ChartConfiguration<'bar'> => {
    const names = rows.map((row) => localName(row.nameZh, row.nameEn));
    // Results computed before S* had an interval lack the field.
    const intervals = rows.map((row) => row.shrunkScoreInterval ?? null);
    return {
      type: 'bar',
      plugins: [intervalWhiskers],
      data: {
        labels: names,
        datasets: [
          { label: t('results.columns.shrunkScore'), data: rows.map((row) => row.shrunkScore ?? Number.NaN), backgroundColor: theme.primary, maxBarThickness: 14 },
          { label: t('results.columns.score'), data: rows.map((row) => row.score ?? Number.NaN), backgroundColor: theme.light, maxBarThickness: 14 },
        ],
      },
      options: horizontalBarOptions(theme, {
        x: { min: 0, max: 100 },
        plugins: {
          intervalWhiskers: { datasetIndex: 0, intervals, color: theme.text },
          tooltip: {
            callbacks: {
              title: (items: TooltipItem<'bar'>[]) => names[items[0]?.dataIndex ?? 0] ?? '',
              label: (item: TooltipItem<'bar'>) => {
                const line = `${item.dataset.label ?? ''}: ${formatScore(item.parsed.x)}`;
                const interval = item.datasetIndex === 0 ? intervals[item.dataIndex] : null;
                return interval ? `${line}${t('results.charts.scoreInterval', { interval: formatScoreRange(interval) })}` : line;
              },
              footer: (items: TooltipItem<'bar'>[]) => t('results.charts.ballotsLine', { n: rows[items[0]?.dataIndex ?? 0]?.n ?? 0 }),
            },
          },
        },
      }),
    };
  }, [rows, t, theme, language]);

  return <ChartBox config={config} height={barChartHeight(rows.length, 36)} description={t('results.charts.scoresDescription')} />;
}
