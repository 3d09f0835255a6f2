import { Chart, type ChartConfiguration, type ChartType } from 'chart.js';
import { useEffect, useRef, type RefObject } from 'react';

/**
 * A chart.js chart drawn on a canvas and kept in step with `config`: updated in place, so a
 * refresh moves the bars instead of drawing the chart again, and destroyed with the component.
 * The caller registers the chart.js parts it needs.
 */
export function useChart<TType extends ChartType>(config: ChartConfiguration<TType>): RefObject<HTMLCanvasElement | null> {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<Chart<TType>>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const chart = chartRef.current;
    if (!chart) {
      chartRef.current = new Chart(canvas, config);
      return;
    }
    chart.data = config.data;
    chart.options = config.options ?? ({} as NonNullable<typeof config.options>);
    chart.update();
  }, [config]);

  useEffect(
    () => () => {
      chartRef.current?.destroy();
      chartRef.current = null;
    },
    [],
  );

  return canvasRef;
}

/** The bar chart of the progress and case figures. */
export const useBarChart = useChart<'bar'>;
