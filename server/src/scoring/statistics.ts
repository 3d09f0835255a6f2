/** The statistics of SCORING.md §2–3, over plain arrays or typed-array views. */

/** z of a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

/** Wilson score interval of successes / total; null without observations. */
export function wilsonInterval(successes: number, total: number, z = Z_95): [number, number] | null {
  if (total <= 0) return null;
  const p = successes / total;
  const z2 = z * z;
  const denominator = 1 + z2 / total;
  const centre = (p + z2 / (2 * total)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

/** The mean without the single highest and single lowest value (needs at least 3 values). */
export function trimmedMean(values: ArrayLike<number>): number {
  let lowest = Infinity;
  let highest = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < lowest) lowest = values[i];
    if (values[i] > highest) highest = values[i];
  }
  return (sum(values) - highest - lowest) / (values.length - 2);
}

export interface ShrinkageTarget {
  /** Ballot target scores. */
  scores: ArrayLike<number>;
  /** The target's raw score S. */
  score: number;
}

/**
 * K = σ²/τ² by moments (§2): σ² the pooled within-target variance of the ballot scores,
 * τ² the variance of S between targets less the mean of σ²/n, both over the targets with at
 * least two ballots. The fallback where fewer than two such targets exist or τ² ≤ 0.
 */
export function shrinkageConstant(targets: readonly ShrinkageTarget[], fallbackK: number): { k: number; estimated: boolean } {
  const used = targets.filter((target) => target.scores.length >= 2);
  if (used.length < 2) return { k: fallbackK, estimated: false };
  let squares = 0;
  let degrees = 0;
  for (const { scores } of used) {
    const centre = sum(scores) / scores.length;
    for (let i = 0; i < scores.length; i++) squares += (scores[i] - centre) ** 2;
    degrees += scores.length - 1;
  }
  const within = squares / degrees;
  const grandMean = used.reduce((total, target) => total + target.score, 0) / used.length;
  const between = used.reduce((total, target) => total + (target.score - grandMean) ** 2, 0) / (used.length - 1);
  const noise = used.reduce((total, target) => total + within / target.scores.length, 0) / used.length;
  const tau2 = between - noise;
  return tau2 > 0 ? { k: within / tau2, estimated: true } : { k: fallbackK, estimated: false };
}

/** S* = (n·S + K·m) / (n + K); S itself where n + K is 0. */
export function shrink(n: number, score: number, k: number, categoryMean: number): number {
  return n + k > 0 ? (n * score + k * categoryMean) / (n + k) : score;
}

/**
 * The nearest-rank percentile p of a sample given as counts by value (counts[v] = how often
 * v occurred, total = the sample size): the smallest v with at least ⌈p·total⌉ values ≤ v.
 */
export function percentileOfCounts(counts: ArrayLike<number>, total: number, p: number): number {
  // The tolerance stops a product a rounding error above a whole number from skipping a value.
  const wanted = Math.max(1, Math.ceil(p * total - 1e-9));
  let seen = 0;
  for (let value = 0; value < counts.length; value++) {
    seen += counts[value];
    if (seen >= wanted) return value;
  }
  return counts.length - 1;
}

/**
 * The nearest-rank percentile p of a sample sorted ascending: its ⌈p·length⌉-th value, as
 * percentileOfCounts takes it from counts.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const wanted = Math.max(1, Math.ceil(p * sorted.length - 1e-9));
  return sorted[Math.min(wanted, sorted.length) - 1];
}
