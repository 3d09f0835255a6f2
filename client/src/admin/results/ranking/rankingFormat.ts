/**
 * How the results pages write numbers: scores with 2 decimals, rates as percentages with 1,
 * intervals after their value in brackets. A missing value is a dash.
 */
export const DASH = '—';

export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? DASH : score.toFixed(2);
}

/** 0.92 → 92.0% */
export function formatRate(share: number | null | undefined): string {
  return share === null || share === undefined ? DASH : `${(share * 100).toFixed(1)}%`;
}

/** 92.0% (88.1–94.9) */
export function formatRateWithInterval(share: number | null, interval: number[] | null): string {
  if (share === null) return DASH;
  if (!interval || interval.length !== 2) return formatRate(share);
  return `${formatRate(share)} (${(interval[0]! * 100).toFixed(1)}–${(interval[1]! * 100).toFixed(1)})`;
}

/** 85.1–90.4: an interval of scores, to 1 decimal. */
export function formatScoreRange(interval: number[] | null | undefined): string {
  if (!interval || interval.length !== 2) return DASH;
  return `${interval[0]!.toFixed(1)}–${interval[1]!.toFixed(1)}`;
}

/** 1–4, or 2 where both ends are the same. */
export function formatRange(range: number[] | null): string {
  if (!range || range.length !== 2) return DASH;
  return range[0] === range[1] ? String(range[0]) : `${range[0]}–${range[1]}`;
}

/** 2 (1–4): the rank and its 90% interval from the resampling. */
export function formatRank(rank: number | null, interval: number[] | null): string {
  if (rank === null) return DASH;
  return interval && interval.length === 2 ? `${rank} (${interval[0]}–${interval[1]})` : String(rank);
}

/** +3.2, −1.0: a change in points, signed. */
export function formatChange(change: number): string {
  const rounded = Math.round(change * 10) / 10;
  if (rounded === 0) return '±0.0';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(1)}`;
}

/** Sorts ranked rows first by rank, the rest by score, best first. */
export function byRankThenScore<T>(rank: (row: T) => number | null, score: (row: T) => number | null): (a: T, b: T) => number {
  return (a, b) => (rank(a) ?? Number.POSITIVE_INFINITY) - (rank(b) ?? Number.POSITIVE_INFINITY) || (score(b) ?? -1) - (score(a) ?? -1);
}

/** Groups rows by category, the categories in the order of their names. */
export function byCategory<T extends { category: string }>(rows: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.category);
    if (group) group.push(row);
    else groups.set(row.category, [row]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh-CN'));
}
