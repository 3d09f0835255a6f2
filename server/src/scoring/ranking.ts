/**
 * Competition ranking (1, 2, 2, 4) with SCORING.md §3's tie-break chain. Keys are held per
 * unit index in typed arrays, already rounded as published, so the bootstrap can rank a
 * category two thousand times without allocating.
 */

export interface RankKeys {
  /** Composite in hundredths; higher first. */
  composite: Float64Array;
  /** Enterprise S* in hundredths; higher first. */
  enterprise: Float64Array;
  /** Enterprise 满意率 in ten-thousandths; higher first. */
  satisfaction: Float64Array;
  /** Enterprise 不满意率 in ten-thousandths; lower first. */
  dissatisfaction: Float64Array;
  /** Inspection score in hundredths; higher first. */
  inspection: Float64Array;
}

/** A value rounded to `decimals` as an integer key; `missing` (±Infinity) where there is none. */
export function rankKey(value: number | null, decimals: number, missing: number): number {
  return value === null || Number.isNaN(value) ? missing : Math.round(value * 10 ** decimals);
}

export const MISSING_HIGHER_FIRST = -Infinity;
export const MISSING_LOWER_FIRST = Infinity;

/** Negative when a ranks before b, 0 when they share the rank. */
export function compareUnits(keys: RankKeys, a: number, b: number): number {
  return (
    difference(keys.composite, b, a) ||
    difference(keys.enterprise, b, a) ||
    difference(keys.satisfaction, b, a) ||
    difference(keys.dissatisfaction, a, b) ||
    difference(keys.inspection, b, a)
  );
}

/** first − second, with two equal infinities (two missing values) a tie rather than NaN. */
function difference(key: Float64Array, first: number, second: number): number {
  const d = key[first] - key[second];
  return d === d ? d : 0;
}

/**
 * Ranks `count` units (indices in `members`) into ranks[unit]; `order` is scratch space of at
 * least `count` entries. Insertion sort: categories hold tens of units.
 */
export function competitionRanks(members: ArrayLike<number>, count: number, keys: RankKeys, order: Int32Array, ranks: Int32Array): void {
  for (let i = 0; i < count; i++) {
    const unit = members[i];
    let j = i;
    while (j > 0 && compareUnits(keys, order[j - 1], unit) > 0) {
      order[j] = order[j - 1];
      j--;
    }
    order[j] = unit;
  }
  for (let i = 0; i < count; i++) {
    const unit = order[i];
    ranks[unit] = i > 0 && compareUnits(keys, order[i - 1], unit) === 0 ? ranks[order[i - 1]] : i + 1;
  }
}
