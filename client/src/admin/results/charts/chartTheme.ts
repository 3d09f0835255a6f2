import { theme } from 'antd';
import type { ChartConfiguration, Scale } from 'chart.js';
import { useMemo } from 'react';
import { shortened } from '../../chartLabels';

/** Colours and type of the console's theme, in the shapes chart.js options take. */
export interface ChartTheme {
  font: { family: string };
  text: string;
  secondary: string;
  grid: string;
  primary: string;
  light: string;
  warning: string;
  error: string;
  success: string;
  legend: { position: 'bottom'; labels: { boxWidth: number; boxHeight: number; color: string; font: { family: string } } };
  tooltip: { titleFont: { family: string }; bodyFont: { family: string }; footerFont: { family: string } };
}

export function useChartTheme(): ChartTheme {
  const { token } = theme.useToken();
  return useMemo(() => {
    const font = { family: token.fontFamily };
    return {
      font,
      text: token.colorText,
      secondary: token.colorTextSecondary,
      grid: token.colorBorderSecondary,
      primary: token.colorPrimary,
      light: token.colorPrimaryBorder,
      warning: token.colorWarning,
      error: token.colorError,
      success: token.colorSuccess,
      legend: { position: 'bottom', labels: { boxWidth: 12, boxHeight: 12, color: token.colorText, font } },
      tooltip: { titleFont: font, bodyFont: font, footerFont: font },
    };
  }, [token]);
}

/** How many Latin letters (a Chinese character counts two) a category label may take on a chart this wide. */
export function labelRoom(chartWidth: number): number {
  return chartWidth < 480 ? 12 : 26;
}

/** Category labels cut short on a narrow chart so the bars keep most of the width; tooltips show them whole. */
export function fittedLabel(this: Scale, value: string | number): string {
  return shortened(this.getLabelForValue(Number(value)), labelRoom(this.chart.width));
}

/** Height of a horizontal bar chart: a row per bar and room for the axis and legend. */
export function barChartHeight(rows: number, rowHeight = 30, frame = 84): number {
  return Math.max(rows, 1) * rowHeight + frame;
}

type BarOptions = NonNullable<ChartConfiguration<'bar'>['options']>;
type BarScale = NonNullable<BarOptions['scales']>[string];
type LabelCallback = (this: Scale, value: string | number) => string | string[];

interface HorizontalBarParts {
  /** The value axis. */
  x: BarScale;
  /** Stacked bars (shares adding up to 100%). */
  stacked?: boolean;
  /** How a row's label is written; by default cut to fit. */
  label?: LabelCallback;
  /** Legend and tooltip callbacks; the theme's fonts are added. */
  plugins?: BarOptions['plugins'];
}

/** The options the results' horizontal bar charts share: a row a unit or criterion, its label fitted, the legend below. */
export function horizontalBarOptions(theme: ChartTheme, { x, stacked = false, label = fittedLabel, plugins = {} }: HorizontalBarParts): BarOptions {
  return {
    indexAxis: 'y',
    responsive: true,
    maintainAspectRatio: false,
    font: theme.font,
    color: theme.text,
    interaction: { mode: 'index', axis: 'y', intersect: false },
    scales: {
      x: { stacked, ticks: { color: theme.secondary, font: theme.font }, grid: { color: theme.grid }, ...x },
      y: { stacked, grid: { display: false }, ticks: { color: theme.text, font: theme.font, autoSkip: false, callback: label } },
    },
    plugins: { legend: theme.legend, ...plugins, tooltip: { ...theme.tooltip, ...plugins.tooltip } },
  };
}
