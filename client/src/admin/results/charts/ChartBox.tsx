import type { ChartConfiguration, ChartType } from 'chart.js';
import { useChart } from '../../useBarChart';

interface ChartBoxProps<TType extends ChartType> {
  config: ChartConfiguration<TType>;
  height: number;
  /** What the chart shows, for screen readers. */
  description: string;
}

/** A chart as wide as its container: it redraws when the container resizes (a phone turned). */
export function ChartBox<TType extends ChartType>({ config, height, description }: ChartBoxProps<TType>) {
  const canvasRef = useChart(config);
  return (
    <div className="results-chart" style={{ height }}>
      <canvas ref={canvasRef} role="img" aria-label={description} />
    </div>
  );
}
