import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration, type TooltipItem } from 'chart.js';
import { Card } from 'antd';
import { useMemo } from 'react';
import { currentLanguage } from '../../../i18n';
import { useConsoleTranslation } from '../../useConsoleTranslation';
import { formatRate, formatScore } from '../ranking/rankingFormat';
import { ANSWER_COLORS, answerCodesOf, answerLabel, criterionLabel } from '../resultLabels';
import type { TargetResultDto } from '../useResults';
import { barChartHeight, horizontalBarOptions, useChartTheme } from './chartTheme';
import { ChartBox } from './ChartBox';
import './charts.css';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

interface TargetChartsProps {
  target: TargetResultDto;
  /** The evaluation's criteria, in the questionnaire's order. */
  criteria: string[];
}

/** A target's criterion means and, per criterion, how its raters answered. */
export function TargetCharts({ target, criteria }: TargetChartsProps) {
  const { t } = useConsoleTranslation();
  return (
    <div className="results-charts">
      <Card size="small" title={t('results.detail.criteria')}>
        <CriterionBars target={target} criteria={criteria} />
      </Card>
      <Card size="small" title={t('results.detail.answers')}>
        <AnswerDistribution target={target} criteria={criteria} />
      </Card>
    </div>
  );
}

function CriterionBars({ target, criteria }: TargetChartsProps) {
  const { t } = useConsoleTranslation();
  const theme = useChartTheme();
  const language = currentLanguage();
  const config = useMemo((): ChartConfiguration<'bar'> => {
    const labels = criteria.map(criterionLabel);
    return {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            label: t('results.detail.criterionMean'),
            data: criteria.map((criterion) => target.criteria[criterion] ?? Number.NaN),
            backgroundColor: theme.primary,
            maxBarThickness: 18,
          },
        ],
      },
      options: horizontalBarOptions(theme, {
        x: { min: 0, max: 100 },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: (items: TooltipItem<'bar'>[]) => labels[items[0]?.dataIndex ?? 0] ?? '',
              label: (item: TooltipItem<'bar'>) => `${item.dataset.label ?? ''}: ${formatScore(item.parsed.x)}`,
            },
          },
        },
      }),
    };
  }, [target, criteria, t, theme, language]);
  return <ChartBox config={config} height={barChartHeight(criteria.length, 34, 40)} description={t('results.detail.criteriaDescription')} />;
}

/** Each criterion's answers as one bar of 100%, split by answer: 满意, 基本满意, 不满意, 不了解. */
function AnswerDistribution({ target, criteria }: TargetChartsProps) {
  const { t } = useConsoleTranslation();
  const theme = useChartTheme();
  const language = currentLanguage();
  const config = useMemo((): ChartConfiguration<'bar'> => {
    const labels = criteria.map(criterionLabel);
    const totals = criteria.map((criterion) => Object.values(target.answerCounts[criterion] ?? {}).reduce((sum, count) => sum + count, 0));
    const answers = answerCodesOf(target.answerCounts);
    const share = (criterion: string, index: number, answer: string) => (totals[index] ? ((target.answerCounts[criterion]?.[answer] ?? 0) / totals[index]!) * 100 : 0);
    return {
      type: 'bar',
      data: {
        labels,
        datasets: answers.map((answer) => ({
          label: answerLabel(answer),
          data: criteria.map((criterion, index) => share(criterion, index, answer)),
          backgroundColor: ANSWER_COLORS[answer] ?? theme.secondary,
          maxBarThickness: 22,
        })),
      },
      options: horizontalBarOptions(theme, {
        x: { min: 0, max: 100, ticks: { color: theme.secondary, font: theme.font, callback: (value) => `${value}%` } },
        stacked: true,
        plugins: {
          tooltip: {
            callbacks: {
              title: (items: TooltipItem<'bar'>[]) => labels[items[0]?.dataIndex ?? 0] ?? '',
              label: (item: TooltipItem<'bar'>) => {
                const criterion = criteria[item.dataIndex]!;
                const count = target.answerCounts[criterion]?.[answers[item.datasetIndex]!] ?? 0;
                return t('results.detail.answerLine', { answer: item.dataset.label ?? '', count, share: formatRate((item.parsed.x ?? 0) / 100) });
              },
            },
          },
        },
      }),
    };
  }, [target, criteria, t, theme, language]);
  return <ChartBox config={config} height={barChartHeight(criteria.length, 34)} description={t('results.detail.answersDescription')} />;
}
