/**
 * The bootstrap's random numbers: sfc32 (Doty-Humphrey's small fast counting generator),
 * seeded from the SHA-256 of a text so a campaign's results reproduce exactly. The state is
 * an Int32Array of four words so the hot loop can keep it in locals; `sumOfDraws` repeats
 * the step inline because a call per draw costs about a third of the run time.
 */
import { createHash } from 'node:crypto';

export type RandomState = Int32Array;

const TWO_TO_MINUS_32 = 2 ** -32;

export function seededState(seed: string): RandomState {
  const digest = createHash('sha256').update(seed, 'utf8').digest();
  const state = new Int32Array([digest.readInt32BE(0), digest.readInt32BE(4), digest.readInt32BE(8), digest.readInt32BE(12)]);
  // The generator's authors discard the first outputs so that similar seeds diverge.
  for (let i = 0; i < 12; i++) nextUint32(state);
  return state;
}

export function nextUint32(state: RandomState): number {
  let a = state[0];
  const b = state[1];
  let c = state[2];
  const d = state[3];
  const t = (((a + b) | 0) + d) | 0;
  state[3] = (d + 1) | 0;
  a = b ^ (b >>> 9);
  state[0] = a;
  state[1] = (c + (c << 3)) | 0;
  c = (c << 21) | (c >>> 11);
  state[2] = (c + t) | 0;
  return t >>> 0;
}

/** A uniform index in [0, n): the high part of a 32-bit draw times n, as `sumOfDraws` takes it. */
export function drawIndex(state: RandomState, n: number): number {
  return Math.floor(nextUint32(state) * n * TWO_TO_MINUS_32);
}

/** The sum of n draws with replacement from values[offset … offset + n). */
export function sumOfDraws(values: Float64Array, offset: number, n: number, state: RandomState): number {
  const pool = values.subarray(offset, offset + n);
  // Exact: n·2⁻³² is a power-of-two scaling, and draw·n stays below 2⁵³.
  const scale = n * TWO_TO_MINUS_32;
  let a = state[0];
  let b = state[1];
  let c = state[2];
  let d = state[3];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    sum += pool[((t >>> 0) * scale) | 0];
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
  return sum;
}

/** The mean of n draws from values[offset … offset + n) without their single highest and lowest. */
export function trimmedMeanOfDraws(values: Float64Array, offset: number, n: number, state: RandomState): number {
  let sum = 0;
  let lowest = Infinity;
  let highest = -Infinity;
  for (let i = 0; i < n; i++) {
    const value = values[offset + drawIndex(state, n)];
    sum += value;
    if (value < lowest) lowest = value;
    if (value > highest) highest = value;
  }
  return (sum - highest - lowest) / (n - 2);
}
