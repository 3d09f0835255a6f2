/**
 * SCORING.md §5: ballots the office should look at before it scores — straight-lining,
 * speeding and near-duplicate ballots. Flags only: nothing here drops a ballot; the office
 * voids one (with a reason) if the review finds it wanting.
 */
import type { ScoringConfig } from './scoring-config.js';

// The hot loops call these through local names: looking up a global such as Math is slow
// where the module runs inside a vm context, as under Jest (20 times slower end to end).
const { ceil, floor, imul, max, min } = Math;

export interface QualityBallot {
  /** The response id. */
  id: string;
  /** Seconds from first save to submission; null when unknown. */
  seconds: number | null;
  /** Distinct targets this ballot rated. */
  targets: number;
  /**
   * The ballot's answers, sorted ascending: cell = position * 16 + answerIndex, where position
   * identifies a (target, criterion) pair within the evaluation and answerIndex (0–15) an
   * answer code. A position holds at most one answer.
   */
  cells: Uint32Array;
}

export type QualityFlagKind = 'straight-lining' | 'speeding' | 'duplicate';

export interface QualityFlag {
  ballotId: string;
  kind: QualityFlagKind;
  detail: { share?: number; seconds?: number; medianSeconds?: number; otherBallotId?: string };
}

export type DataQualitySettings = ScoringConfig['dataQuality'];

/** Speeding needs a median worth the name. */
const SPEEDING_MIN_TIMED_BALLOTS = 5;
/** Two ballots are duplicates only where together they answered at least this many positions. */
const DUPLICATE_MIN_UNION = 10;
/** Below this many ballots every pair is compared, so the duplicates found are exact. */
export const ALL_PAIRS_BELOW = 2000;

/** The flags of an evaluation's ballots, sorted by kind, ballot and other ballot. */
export function dataQualityFlags(ballots: readonly QualityBallot[], settings: DataQualitySettings): QualityFlag[] {
  const straightLining = straightLiningFlags(ballots, settings);
  // Uniform ballots trivially match each other: the long ones are in the queue already, and two
  // short ones that both say 满意 to everything (two districts, say) are agreement, not copying.
  const straightLiners = new Set(straightLining.map((flag) => flag.ballotId));
  const rest = ballots.filter((ballot) => !straightLiners.has(ballot.id) && !uniform(ballot));
  const flags = [...straightLining, ...speedingFlags(ballots, settings), ...duplicateFlags(rest, settings.duplicateAnswerShare)];
  return flags.sort(compareFlags);
}

function uniform(ballot: QualityBallot): boolean {
  const first = ballot.cells[0] & 15;
  for (let i = 1; i < ballot.cells.length; i++) if ((ballot.cells[i] & 15) !== first) return false;
  return true;
}

function straightLiningFlags(ballots: readonly QualityBallot[], settings: DataQualitySettings): QualityFlag[] {
  const flags: QualityFlag[] = [];
  for (const ballot of ballots) {
    if (ballot.targets < settings.straightLiningMinTargets || ballot.cells.length === 0) continue;
    // A ratio of integers compares exactly with the configured share at the boundary (9/10 === 0.9).
    const share = mostFrequentAnswerCount(ballot.cells) / ballot.cells.length;
    if (share >= settings.straightLiningShare) flags.push({ ballotId: ballot.id, kind: 'straight-lining', detail: { share } });
  }
  return flags;
}

function mostFrequentAnswerCount(cells: Uint32Array): number {
  const counts = new Uint32Array(16);
  for (const cell of cells) counts[cell & 15]++;
  return max(...counts);
}

function speedingFlags(ballots: readonly QualityBallot[], settings: DataQualitySettings): QualityFlag[] {
  const timed = ballots.filter((ballot): ballot is QualityBallot & { seconds: number } => ballot.seconds !== null);
  if (timed.length < SPEEDING_MIN_TIMED_BALLOTS) return [];
  const medianSeconds = median(timed.map((ballot) => ballot.seconds));
  // A median of zero (a clock fault) gives no limit to be under.
  if (medianSeconds <= 0) return [];
  // As a ratio, like the straight-lining share: exactly a fifth of the median is not under it.
  return timed
    .filter((ballot) => ballot.seconds / medianSeconds < settings.speedingShareOfMedian)
    .map((ballot) => ({ ballotId: ballot.id, kind: 'speeding', detail: { seconds: ballot.seconds, medianSeconds } }));
}

/** The middle value; for an even count the mean of the two middle values. */
function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median needs at least one value');
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function duplicateFlags(ballots: readonly QualityBallot[], threshold: number): QualityFlag[] {
  // Ballots in id order, so which pairs a capped bucket reports does not depend on the input order.
  const ordered = [...ballots].sort((a, b) => compareText(a.id, b.id));
  const pairs = ordered.length < ALL_PAIRS_BELOW ? allSimilarPairs(ordered, threshold) : bandedSimilarPairs(ordered, threshold);
  return pairs.flatMap(({ first, second, share }) => [
    { ballotId: ordered[first].id, kind: 'duplicate' as const, detail: { otherBallotId: ordered[second].id, share } },
    { ballotId: ordered[second].id, kind: 'duplicate' as const, detail: { otherBallotId: ordered[first].id, share } },
  ]);
}

interface SimilarPair {
  first: number;
  second: number;
  share: number;
}

function allSimilarPairs(ballots: readonly QualityBallot[], threshold: number): SimilarPair[] {
  const shareOf = pairShare(ballots, threshold);
  const pairs: SimilarPair[] = [];
  for (let first = 0; first < ballots.length; first++) {
    for (let second = first + 1; second < ballots.length; second++) {
      const share = shareOf(first, second);
      if (share > 0) pairs.push({ first, second, share });
    }
  }
  return pairs;
}

/** Buckets larger than this are not compared pair by pair but against their leaders. */
const BUCKET_CAP = 32;
/** How many leaders an oversized bucket keeps. */
const BUCKET_LEADERS = 8;

/**
 * Candidate pairs by banding, each verified exactly: no false flags, and no missed pair
 * except through the bucket cap below.
 *
 * Positions are cut into fixed bands of w consecutive positions; a ballot's content in a band
 * (its cells there) is hashed, and ballots with the same content in some band are candidates.
 * A pair matching on more than a share t of the u positions either answered has fewer than
 * (1 − t)·u mismatched positions, while those u positions touch at least u / w bands. With
 * w ≤ 1 / (1 − t) — 6 at t = 0.85 — some touched band holds no mismatch, so its content is the
 * same on both ballots: for 0 ≤ t < 1 every qualifying pair is a candidate, wherever its
 * differences lie. The trade-off is the width: wider bands draw fewer chance candidates (content
 * repeats less) but lose this guarantee. At width 8 a 200-cell pair at 85 % with randomly placed
 * differences is still found with probability 1 − (1 − 0.85⁸)²⁵ ≈ 0.9997, yet a pair at 85.5 %
 * whose 29 differences leave no band of 8 clean is missed (the tests plant one); at width 10,
 * 1 − (1 − 0.85¹⁰)²⁰ ≈ 0.988 is too low even by chance. Width 6 would miss a random pair with
 * probability (1 − 0.85⁶)³³ ≈ 2·10⁻⁷, and by the argument above it misses none.
 *
 * Common content (say "satisfied" on every criterion of a popular department, or a band holding
 * only two cells) fills buckets with hundreds of ballots, and comparing them all would be
 * quadratic. A bucket of more than BUCKET_CAP ballots is therefore compared against at most
 * BUCKET_LEADERS leaders: in id order each member is compared with the current leaders; one that
 * matches none takes a free place, or the place of a leader that has matched nothing yet (in
 * turn, so a newcomer stays for the next BUCKET_LEADERS unmatched members). A crowd of
 * near-identical ballots is therefore still flagged: once two of its members arrive within that
 * span, one of them leads and every later member is flagged against it — one flag per member
 * rather than one per pair of the crowd. Work stays linear in the number of bands: a band costs
 * at most BUCKET_CAP comparisons. Pairs that also share a rarer band are compared pair by pair
 * through that band as usual.
 */
function bandedSimilarPairs(ballots: readonly QualityBallot[], threshold: number): SimilarPair[] {
  const { entryStart, entryBucket, entrySlot, bucketStart, bucketMembers } = bandIndex(ballots, bandWidth(threshold));
  const leaders = new BucketLeaders(bucketStart);
  const shareOf = pairShare(ballots, threshold);
  // checkedBy[other] === ballot: the pair was compared while visiting ballot, with share shareWith[other].
  const checkedBy = new Int32Array(ballots.length).fill(-1);
  const shareWith = new Float64Array(ballots.length);
  const pairs: SimilarPair[] = [];
  const found = new Set<number>();
  const isSimilar = (ballot: number, other: number): boolean => {
    if (checkedBy[other] !== ballot) {
      checkedBy[other] = ballot;
      shareWith[other] = shareOf(ballot, other);
      // A leader (an earlier ballot) may have met this ballot in a small bucket already.
      const key = min(ballot, other) * ballots.length + max(ballot, other);
      if (shareWith[other] > 0 && !found.has(key)) {
        found.add(key);
        pairs.push({ first: min(ballot, other), second: max(ballot, other), share: shareWith[other] });
      }
    }
    return shareWith[other] > 0;
  };
  for (let ballot = 0; ballot < ballots.length; ballot++) {
    for (let entry = entryStart[ballot]; entry < entryStart[ballot + 1]; entry++) {
      const bucket = entryBucket[entry];
      const end = bucketStart[bucket + 1];
      if (end - bucketStart[bucket] <= BUCKET_CAP) {
        // Members are in ballot order: the later ones follow this ballot's slot.
        for (let slot = entrySlot[entry] + 1; slot < end; slot++) isSimilar(ballot, bucketMembers[slot]);
      } else {
        leaders.visit(bucket, ballot, isSimilar);
      }
    }
  }
  return pairs;
}

/** The leaders of the oversized buckets, BUCKET_LEADERS places each. */
class BucketLeaders {
  private readonly group: Int32Array;
  private readonly leader: Int32Array;
  private readonly matched: Uint8Array;
  private readonly count: Uint8Array;
  private readonly next: Uint8Array;

  constructor(bucketStart: Int32Array) {
    const buckets = bucketStart.length - 1;
    this.group = new Int32Array(buckets).fill(-1);
    let groups = 0;
    for (let bucket = 0; bucket < buckets; bucket++) {
      if (bucketStart[bucket + 1] - bucketStart[bucket] > BUCKET_CAP) this.group[bucket] = groups++;
    }
    this.leader = new Int32Array(groups * BUCKET_LEADERS);
    this.matched = new Uint8Array(groups * BUCKET_LEADERS);
    this.count = new Uint8Array(groups);
    this.next = new Uint8Array(groups);
  }

  /** Compares the ballot with the bucket's leaders; if it matches none, it may lead. */
  visit(bucket: number, ballot: number, isSimilar: (ballot: number, leader: number) => boolean): void {
    const group = this.group[bucket];
    const base = group * BUCKET_LEADERS;
    let matchedAny = false;
    for (let place = base; place < base + this.count[group]; place++) {
      if (!isSimilar(ballot, this.leader[place])) continue;
      this.matched[place] = 1;
      matchedAny = true;
    }
    if (matchedAny) return;
    if (this.count[group] < BUCKET_LEADERS) {
      this.leader[base + this.count[group]++] = ballot;
      return;
    }
    for (let turn = 0; turn < BUCKET_LEADERS; turn++) {
      const place = base + ((this.next[group] + turn) % BUCKET_LEADERS);
      if (this.matched[place]) continue;
      this.leader[place] = ballot;
      this.next[group] = (place - base + 1) % BUCKET_LEADERS;
      return;
    }
  }
}

/** The widest band that still guarantees a clean band to every pair above the threshold. */
function bandWidth(threshold: number): number {
  return max(1, floor(1 / (1 - threshold)));
}

/**
 * Every ballot's non-empty bands as entries (a ballot's entries are consecutive, from
 * entryStart[ballot]), each in the bucket of its content; a bucket's members, in ballot order,
 * are bucketMembers[bucketStart[bucket] … bucketStart[bucket + 1]), and entrySlot is an entry's
 * own place there.
 */
function bandIndex(ballots: readonly QualityBallot[], width: number) {
  const totalCells = ballots.reduce((sum, ballot) => sum + ballot.cells.length, 0);
  const entryStart = new Int32Array(ballots.length + 1);
  const keyHigh = new Int32Array(totalCells);
  const keyLow = new Int32Array(totalCells);
  let entries = 0;
  for (let ballot = 0; ballot < ballots.length; ballot++) {
    const cells = ballots[ballot].cells;
    let start = 0;
    while (start < cells.length) {
      const band = floor((cells[start] >>> 4) / width);
      let high = 0x811c9dc5;
      let low = 0x2545f491;
      let end = start;
      for (; end < cells.length && floor((cells[end] >>> 4) / width) === band; end++) {
        high = mix32(high ^ cells[end]);
        low = mix32(imul(low, 0x27d4eb2f) ^ cells[end]);
      }
      keyHigh[entries] = high;
      keyLow[entries] = low;
      entries++;
      start = end;
    }
    entryStart[ballot + 1] = entries;
  }
  const { entryBucket, bucketCount } = bucketsByKey(keyHigh.subarray(0, entries), keyLow.subarray(0, entries));
  const bucketStart = new Int32Array(bucketCount + 1);
  for (const bucket of entryBucket) bucketStart[bucket + 1]++;
  for (let bucket = 0; bucket < bucketCount; bucket++) bucketStart[bucket + 1] += bucketStart[bucket];
  const fill = bucketStart.slice(0, bucketCount);
  const bucketMembers = new Int32Array(entries);
  const entrySlot = new Int32Array(entries);
  for (let ballot = 0; ballot < ballots.length; ballot++) {
    for (let entry = entryStart[ballot]; entry < entryStart[ballot + 1]; entry++) {
      const slot = fill[entryBucket[entry]]++;
      bucketMembers[slot] = ballot;
      entrySlot[entry] = slot;
    }
  }
  return { entryStart, entryBucket, entrySlot, bucketStart, bucketMembers };
}

/**
 * Numbers the distinct 64-bit keys (open addressing). The cells carry their positions, so equal
 * content means the same band; a hash collision only adds candidates, which the exact
 * comparison then rejects.
 */
function bucketsByKey(keyHigh: Int32Array, keyLow: Int32Array): { entryBucket: Int32Array; bucketCount: number } {
  const capacity = 2 ** ceil(Math.log2(keyHigh.length * 2 + 2));
  const mask = capacity - 1;
  const slotBucket = new Int32Array(capacity).fill(-1);
  const bucketHigh = new Int32Array(keyHigh.length);
  const bucketLow = new Int32Array(keyHigh.length);
  const entryBucket = new Int32Array(keyHigh.length);
  let bucketCount = 0;
  for (let entry = 0; entry < keyHigh.length; entry++) {
    const high = keyHigh[entry];
    const low = keyLow[entry];
    let slot = low & mask;
    while (slotBucket[slot] !== -1 && (bucketHigh[slotBucket[slot]] !== high || bucketLow[slotBucket[slot]] !== low)) slot = (slot + 1) & mask;
    if (slotBucket[slot] === -1) {
      bucketHigh[bucketCount] = high;
      bucketLow[bucketCount] = low;
      slotBucket[slot] = bucketCount++;
    }
    entryBucket[entry] = slotBucket[slot];
  }
  return { entryBucket, bucketCount };
}

function mix32(value: number): number {
  let h = imul(value ^ (value >>> 16), 0x85ebca6b);
  h = imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const SKETCH_WORDS = 16;

/**
 * The share of two ballots (by index) as similarShare gives it, after a cheap test that rejects
 * most candidates: each ballot's cells hashed into a 512-bit sketch. A bit set in one sketch only
 * stands for a cell of that ballot alone, and a mismatched position accounts for at most two such
 * cells, so half the differing bits bound the mismatches from below. 512 bits keep the sketches of
 * 200-answer ballots sparse enough to tell apart even where every ballot rates the same targets.
 */
function pairShare(ballots: readonly QualityBallot[], threshold: number): (first: number, second: number) => number {
  const sketches = new Int32Array(ballots.length * SKETCH_WORDS);
  ballots.forEach((ballot, index) => {
    for (const cell of ballot.cells) {
      const bit = mix32(cell) & (SKETCH_WORDS * 32 - 1);
      sketches[index * SKETCH_WORDS + (bit >>> 5)] |= 1 << (bit & 31);
    }
  });
  return (first, second) => {
    const a = ballots[first].cells;
    const b = ballots[second].cells;
    let differing = 0;
    for (let word = 0; word < SKETCH_WORDS; word++) differing += bitCount(sketches[first * SKETCH_WORDS + word] ^ sketches[second * SKETCH_WORDS + word]);
    const bestMatches = min(a.length, b.length);
    if (bestMatches / (bestMatches + ceil(differing / 2)) <= threshold) return 0;
    return similarShare(a, b, threshold);
  };
}

function bitCount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return imul(x, 0x01010101) >>> 24;
}

/**
 * The share of the positions either ballot answered on which both gave the same answer, when
 * it exceeds the threshold over at least DUPLICATE_MIN_UNION positions; otherwise 0. Walks both
 * sorted ballots once and stops as soon as even matching on all that remains could not pass.
 */
function similarShare(a: Uint32Array, b: Uint32Array, threshold: number): number {
  let i = 0;
  let j = 0;
  let matches = 0;
  let mismatches = 0;
  while (i < a.length && j < b.length) {
    const positionA = a[i] >>> 4;
    const positionB = b[j] >>> 4;
    if (positionA === positionB && a[i] === b[j]) {
      matches++;
      i++;
      j++;
      continue;
    }
    if (positionA <= positionB) i++;
    if (positionB <= positionA) j++;
    mismatches++;
    const bestMatches = matches + min(a.length - i, b.length - j);
    if (bestMatches / (bestMatches + mismatches) <= threshold) return 0;
  }
  mismatches += a.length - i + (b.length - j);
  const union = matches + mismatches;
  if (union < DUPLICATE_MIN_UNION) return 0;
  const share = matches / union;
  return share > threshold ? share : 0;
}

function compareFlags(a: QualityFlag, b: QualityFlag): number {
  return compareText(a.kind, b.kind) || compareText(a.ballotId, b.ballotId) || compareText(a.detail.otherBallotId ?? '', b.detail.otherBallotId ?? '');
}

/** By UTF-16 code units, the same on every machine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
