/** Two-sided control limits of a funnel plot: 95% and 99.8% (Spiegelhalter 2005). */
export const Z_95 = 1.96;
export const Z_998 = 3.09;

export interface FunnelPoint {
  code: string;
  label: string;
  n: number;
  score: number;
}

export type FunnelZone = 'inside' | 'beyond95' | 'beyond998';

/** Where a unit's score lies against the limits mean ± z·σ/√n at its own n. */
export function funnelZone(point: FunnelPoint, mean: number, sd: number): FunnelZone {
  const distance = Math.abs(point.score - mean) / (sd / Math.sqrt(point.n));
  if (distance > Z_998) return 'beyond998';
  if (distance > Z_95) return 'beyond95';
  return 'inside';
}

/** The mean of the units' scores, each counted once. */
export function funnelMean(points: readonly FunnelPoint[]): number | null {
  if (points.length === 0) return null;
  return points.reduce((sum, point) => sum + point.score, 0) / points.length;
}

/** A limit curve from n = 1 to `maxN`, sampled densely where it bends (small n). */
export function limitCurve(mean: number, sd: number, z: number, maxN: number): { x: number; y: number }[] {
  const steps = 60;
  const curve: { x: number; y: number }[] = [];
  for (let step = 0; step <= steps; step++) {
    // Even steps on √n bunch the samples at the small n where the curve is steep.
    const n = (1 + (Math.sqrt(maxN) - 1) * (step / steps)) ** 2;
    curve.push({ x: n, y: Math.min(100, Math.max(0, mean + (z * sd) / Math.sqrt(n))) });
  }
  return curve;
}
