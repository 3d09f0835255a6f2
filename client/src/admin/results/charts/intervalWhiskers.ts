import type { BarElement, ChartType, Plugin } from 'chart.js';

export interface IntervalWhiskersOptions {
  /** The dataset whose bars get whiskers. */
  datasetIndex: number;
  /** [lower, upper] on the value axis, a bar each; null where a bar has none. */
  intervals: readonly (readonly number[] | null)[];
  color: string;
}

declare module 'chart.js' {
  // With chart.js's own type parameter, so that the declarations merge.
  interface PluginOptionsByType<TType extends ChartType> {
    intervalWhiskers?: IntervalWhiskersOptions;
  }
}

/**
 * An interval drawn across each bar of one dataset of a horizontal bar chart: a line from its
 * lower to its upper end, with a cap at either end. Given to the chart that uses it, not
 * registered for every chart.
 */
export const intervalWhiskers: Plugin<'bar', IntervalWhiskersOptions> = {
  id: 'intervalWhiskers',
  afterDatasetsDraw(chart, _args, options) {
    const { datasetIndex, intervals, color } = options;
    if (!intervals || !chart.isDatasetVisible(datasetIndex)) return;
    const meta = chart.getDatasetMeta(datasetIndex);
    const scale = meta.vScale;
    if (!scale) return;
    const { ctx, chartArea } = chart;
    ctx.save();
    ctx.beginPath();
    ctx.rect(chartArea.left, chartArea.top, chartArea.width, chartArea.height);
    ctx.clip();
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    meta.data.forEach((element, index) => {
      const interval = intervals[index];
      if (!interval || interval.length !== 2) return;
      const low = scale.getPixelForValue(interval[0]!);
      const high = scale.getPixelForValue(interval[1]!);
      // The bar's middle and thickness as drawn now (they animate).
      const { y, height } = (element as unknown as BarElement).getProps(['y', 'height']);
      if (y === null || ![low, high, y, height].every(Number.isFinite)) return;
      const cap = Math.max(3, height * 0.35);
      ctx.moveTo(low, y);
      ctx.lineTo(high, y);
      ctx.moveTo(low, y - cap);
      ctx.lineTo(low, y + cap);
      ctx.moveTo(high, y - cap);
      ctx.lineTo(high, y + cap);
    });
    ctx.stroke();
    ctx.restore();
  },
};
