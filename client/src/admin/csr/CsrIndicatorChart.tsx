import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration, type TooltipItem } from 'chart.js';
import { useMemo } from 'react';
import { currentLanguage } from '../../i18n';
import { localName } from '../BilingualName';
import { barChartHeight, horizontalBarOptions, useChartTheme } from '../results/charts/chartTheme';
import { ChartBox } from '../results/charts/ChartBox';
import '../results/charts/charts.css';
import { formatRate, formatScore } from '../results/ranking/rankingFormat';
import { useConsoleTranslation } from '../useConsoleTranslation';
import type { CsrEnterpriseResultDto, CsrIndicator } from './csrApi';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

interface CsrIndicatorChartProps {
  enterprise: CsrEnterpriseResultDto;
  /** In the order the results list them. */
  indicators: readonly CsrIndicator[];
}

/**
 * One enterprise's five indicators: each score (0–100) beside what it adds to the composite at
 * its weight, so the bars of the second colour add up to the composite. A missing indicator has
 * no bars, and its weight went to the others.
 */
export function CsrIndicatorChart({ enterprise, indicators }: CsrIndicatorChartProps) {
  const { t } = useConsoleTranslation();
  const theme = useChartTheme();
  const language = currentLanguage();

  const config = useMemo((): ChartConfiguration<'bar'> => {
    const results = indicators.map((indicator) => enterprise.indicators?.[indicator]);
    const scores = results.map((result) => result?.score ?? null);
    const labels = indicators.map((indicator, index) =>
      scores[index] === null ? t('csr.results.chart.missing', { indicator: t(`csr.indicators.${indicator}`) }) : t(`csr.indicators.${indicator}`),
    );
    // chart.js leaves a NaN bar out.
    const contributions = scores.map((score, index) => (score === null ? Number.NaN : score * results[index]!.weight));
    return {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { label: t('csr.results.chart.score'), data: scores.map((score) => score ?? Number.NaN), backgroundColor: theme.light, maxBarThickness: 16 },
          { label: t('csr.results.chart.contribution'), data: contributions, backgroundColor: theme.primary, maxBarThickness: 16 },
        ],
      },
      options: horizontalBarOptions(theme, {
        x: { min: 0, max: 100 },
        plugins: {
          tooltip: {
            callbacks: {
              title: (items: TooltipItem<'bar'>[]) => labels[items[0]?.dataIndex ?? 0] ?? '',
              label: (item: TooltipItem<'bar'>) => {
                if (item.datasetIndex === 0) return `${item.dataset.label ?? ''}: ${formatScore(item.parsed.x)}`;
                const weight = results[item.dataIndex]?.weight ?? 0;
                return t('csr.results.chart.contributionLine', { contribution: formatScore(item.parsed.x), weight: formatRate(weight) });
              },
            },
          },
        },
      }),
    };
  }, [enterprise, indicators, t, theme, language]);

  return (
    <ChartBox
      config={config}
      height={barChartHeight(indicators.length, 44)}
      description={t('csr.results.chart.description', { name: localName(enterprise.nameZh, enterprise.nameEn) })}
    />
  );
}
