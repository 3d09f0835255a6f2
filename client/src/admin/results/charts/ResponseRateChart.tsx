import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration, type TooltipItem } from 'chart.js';
import { useMemo } from 'react';
import { currentLanguage } from '../../../i18n';
import { localName } from '../../BilingualName';
import { shortened } from '../../chartLabels';
import { useConsoleTranslation } from '../../useConsoleTranslation';
import { formatRate } from '../ranking/rankingFormat';
import { responseRate, type EvaluationResultDto } from '../useResults';
import { barChartHeight, horizontalBarOptions, labelRoom, useChartTheme } from './chartTheme';
import { ChartBox } from './ChartBox';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Raters invited and ballots counted per evaluation, the response rate under each name. */
export function ResponseRateChart({ evaluations }: { evaluations: EvaluationResultDto[] }) {
  const { t } = useConsoleTranslation();
  const theme = useChartTheme();
  const language = currentLanguage();

  const config = useMemo((): ChartConfiguration<'bar'> => {
    const titles = evaluations.map((evaluation) => localName(evaluation.titleZh, evaluation.titleEn));
    const rateLine = (evaluation: EvaluationResultDto) =>
      t('results.charts.responseLine', { ballots: evaluation.ballots, invited: evaluation.invited, rate: formatRate(responseRate(evaluation)) });
    return {
      type: 'bar',
      data: {
        labels: titles,
        datasets: [
          { label: t('results.charts.invited'), data: evaluations.map((evaluation) => evaluation.invited), backgroundColor: theme.light, maxBarThickness: 14 },
          { label: t('results.charts.ballots'), data: evaluations.map((evaluation) => evaluation.ballots), backgroundColor: theme.primary, maxBarThickness: 14 },
        ],
      },
      options: horizontalBarOptions(theme, {
        x: { min: 0, ticks: { precision: 0, color: theme.secondary, font: theme.font } },
        label(value) {
          const index = Number(value);
          return [shortened(titles[index] ?? '', labelRoom(this.chart.width)), rateLine(evaluations[index]!)];
        },
        plugins: {
          tooltip: {
            callbacks: {
              title: (items: TooltipItem<'bar'>[]) => titles[items[0]?.dataIndex ?? 0] ?? '',
              footer: (items: TooltipItem<'bar'>[]) => rateLine(evaluations[items[0]?.dataIndex ?? 0]!),
            },
          },
        },
      }),
    };
  }, [evaluations, t, theme, language]);

  return <ChartBox config={config} height={barChartHeight(evaluations.length, 64)} description={t('results.charts.responseDescription')} />;
}
