import { theme } from 'antd';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
  type TooltipItem,
} from 'chart.js';
import { useMemo } from 'react';
import type { ProgressCountsDto } from '../../api/models';
import { currentLanguage } from '../../i18n';
import { formatPercent } from '../../shared/format';
import { shortened } from '../chartLabels';
import { useBarChart } from '../useBarChart';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { PROGRESS_SEGMENTS, SEGMENT_COLORS, segmentCounts, shareOf } from './progressFigures';

// Only what a horizontal stacked bar chart needs, so the rest of chart.js is left out of the build.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const ROW_HEIGHT = 30;
// Room for the axis and the legend below the bars.
const FRAME_HEIGHT = 84;

export interface ProgressChartRow {
  label: string;
  counts: ProgressCountsDto;
}

interface ProgressChartProps {
  rows: ProgressChartRow[];
  /** What the chart shows, for screen readers. */
  description: string;
}

/**
 * Horizontal bars, one per group, split into the share of raters who submitted, have a
 * draft, only opened the link and did not open it. Horizontal so that long district names
 * stay readable on a phone, with the legend below.
 */
export function ProgressChart({ rows, description }: ProgressChartProps) {
  const { t } = useConsoleTranslation();
  const { token } = theme.useToken();
  const language = currentLanguage();

  const config = useMemo((): ChartConfiguration<'bar'> => {
    const parts = rows.map((row) => segmentCounts(row.counts));
    const percent = (share: number) => formatPercent(share, language);
    return {
      type: 'bar',
      data: {
        labels: rows.map((row) => row.label),
        datasets: PROGRESS_SEGMENTS.map((segment) => ({
          label: t(`progress.segments.${segment}`),
          data: rows.map((row, index) => shareOf(parts[index]![segment], row.counts) * 100),
          backgroundColor: SEGMENT_COLORS[segment],
          maxBarThickness: 22,
        })),
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        font: { family: token.fontFamily },
        color: token.colorText,
        interaction: { mode: 'index', axis: 'y', intersect: false },
        scales: {
          x: {
            stacked: true,
            min: 0,
            max: 100,
            ticks: { callback: (value) => percent(Number(value) / 100), color: token.colorTextSecondary, font: { family: token.fontFamily } },
            grid: { color: token.colorBorderSecondary },
          },
          y: {
            stacked: true,
            grid: { display: false },
            ticks: {
              color: token.colorText,
              font: { family: token.fontFamily },
              autoSkip: false,
              callback(value) {
                // Narrow screens get short labels so the bars keep most of the width.
                const maxWidth = this.chart.width < 480 ? 12 : 24;
                return shortened(this.getLabelForValue(Number(value)), maxWidth);
              },
            },
          },
        },
        plugins: {
          legend: {
            position: 'bottom',
            labels: { boxWidth: 12, boxHeight: 12, color: token.colorText, font: { family: token.fontFamily } },
          },
          tooltip: {
            titleFont: { family: token.fontFamily },
            bodyFont: { family: token.fontFamily },
            footerFont: { family: token.fontFamily },
            callbacks: {
              title: (items: TooltipItem<'bar'>[]) => rows[items[0]?.dataIndex ?? 0]?.label ?? '',
              label: (item: TooltipItem<'bar'>) => {
                const segment = PROGRESS_SEGMENTS[item.datasetIndex]!;
                const counts = rows[item.dataIndex]!.counts;
                const count = parts[item.dataIndex]![segment];
                return t('progress.segmentShare', { label: t(`progress.segments.${segment}`), count, share: percent(shareOf(count, counts)) });
              },
              footer: (items: TooltipItem<'bar'>[]) => {
                const counts = rows[items[0]?.dataIndex ?? 0]?.counts;
                return counts ? t('progress.rateLine', { rate: percent(counts.rate), submitted: counts.submitted, invited: counts.invited }) : '';
              },
            },
          },
        },
      },
    };
  }, [rows, t, language, token]);

  const canvasRef = useBarChart(config);

  return (
    <div className="console-progress-chart" style={{ height: rows.length * ROW_HEIGHT + FRAME_HEIGHT }}>
      <canvas ref={canvasRef} role="img" aria-label={description} />
    </div>
  );
}
