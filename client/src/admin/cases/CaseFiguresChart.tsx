import { theme } from 'antd';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { currentLanguage } from '../../i18n';
import { formatPercent } from '../../shared/format';
import { useBarChart } from '../useBarChart';
import { useConsoleTranslation } from '../useConsoleTranslation';

// Only what a horizontal bar chart needs.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const ROW_HEIGHT = 44;
const FRAME_HEIGHT = 84;

export interface CaseFiguresChartRow {
  label: string;
  closureRate: number | null;
  onTimeRate: number | null;
}

/** Closure rate and on-time rate per unit as horizontal bars; a unit without cases to count has no bar. */
export function CaseFiguresChart({ rows, description }: { rows: CaseFiguresChartRow[]; description: string }) {
  const { t } = useConsoleTranslation();
  const { token } = theme.useToken();
  const language = currentLanguage();

  const config = useMemo((): ChartConfiguration<'bar'> => {
    const percent = (share: number) => formatPercent(share, language);
    const font = { family: token.fontFamily };
    return {
      type: 'bar',
      data: {
        labels: rows.map((row) => row.label),
        datasets: [
          { label: t('cases.figures.columns.closureRate'), data: rows.map((row) => (row.closureRate === null ? Number.NaN : row.closureRate * 100)), backgroundColor: token.colorSuccess, maxBarThickness: 16 },
          { label: t('cases.figures.columns.onTimeRate'), data: rows.map((row) => (row.onTimeRate === null ? Number.NaN : row.onTimeRate * 100)), backgroundColor: token.colorPrimary, maxBarThickness: 16 },
        ],
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        font,
        color: token.colorText,
        scales: {
          x: { min: 0, max: 100, ticks: { callback: (value) => percent(Number(value) / 100), color: token.colorTextSecondary, font }, grid: { color: token.colorBorderSecondary } },
          y: { grid: { display: false }, ticks: { color: token.colorText, font, autoSkip: false } },
        },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 12, boxHeight: 12, color: token.colorText, font } },
          tooltip: {
            titleFont: font,
            bodyFont: font,
            callbacks: {
              label: (item) => `${item.dataset.label ?? ''}: ${Number.isNaN(item.parsed.x) ? '—' : percent((item.parsed.x ?? 0) / 100)}`,
            },
          },
        },
      },
    };
  }, [rows, t, language, token]);

  const canvasRef = useBarChart(config);

  return (
    <div className="console-case-figures-chart" style={{ height: rows.length * ROW_HEIGHT + FRAME_HEIGHT }}>
      <canvas ref={canvasRef} role="img" aria-label={description} />
    </div>
  );
}
