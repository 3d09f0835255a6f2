import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration, type TooltipItem } from 'chart.js';
import { useMemo } from 'react';
import { currentLanguage } from '../../../i18n';
import { localName } from '../../BilingualName';
import { useConsoleTranslation } from '../../useConsoleTranslation';
import { formatScore } from '../ranking/rankingFormat';
import type { TargetResultDto } from '../useResults';
import { barChartHeight, horizontalBarOptions, useChartTheme } from './chartTheme';
import { ChartBox } from './ChartBox';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** S* per target, best first, with S beside it: how far shrinkage moved each score. */
export function ScoreBarsChart({ targets }: { targets: TargetResultDto[] }) {
  const { t } = useConsoleTranslation();
  const theme = useChartTheme();
  const language = currentLanguage();
  const rows = useMemo(() => targets.filter((target) => target.shrunkScore !== null).sort((a, b) => b.shrunkScore! - a.shrunkScore!), [targets]);

  const config = useMemo((): ChartConfiguration<'bar'> => {
    const names = rows.map((row) => localName(row.nameZh, row.nameEn));
    return {
      type: 'bar',
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
          tooltip: {
            callbacks: {
              title: (items: TooltipItem<'bar'>[]) => names[items[0]?.dataIndex ?? 0] ?? '',
              label: (item: TooltipItem<'bar'>) => `${item.dataset.label ?? ''}: ${formatScore(item.parsed.x)}`,
              footer: (items: TooltipItem<'bar'>[]) => t('results.charts.ballotsLine', { n: rows[items[0]?.dataIndex ?? 0]?.n ?? 0 }),
            },
          },
        },
      }),
    };
  }, [rows, t, theme, language]);

  return <ChartBox config={config} height={barChartHeight(rows.length, 36)} description={t('results.charts.scoresDescription')} />;
}
