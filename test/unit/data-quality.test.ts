import { describe, expect, it } from '@jest/globals';

import { randomInt, seededRandom, type Random } from '../../server/src/common/random.js';
import { ALL_PAIRS_BELOW, dataQualityFlags, type QualityBallot, type QualityFlag } from '../../server/src/scoring/data-quality.js';
import { defaultScoringConfig } from '../../server/src/scoring/scoring-config.js';

const SETTINGS = defaultScoringConfig().dataQuality;

/** Answers by position: answers[position] is an answer index, null where the ballot skipped the position. */
type Answers = readonly (number | null)[];

function newBallot(id: string, answers: Answers, overrides: Partial<Omit<QualityBallot, 'id' | 'cells'>> = {}): QualityBallot {
  const cells = answers.flatMap((answer, position) => (answer === null ? [] : [position * 16 + answer]));
  return { id, seconds: null, targets: 5, cells: Uint32Array.from(cells), ...overrides };
}

/** Answers that vary (no answer covers more than a fifth), so the ballot is not straight-lining. */
function varied(count: number, offset = 0): number[] {
  return Array.from({ length: count }, (_, position) => (position * 3 + (position >> 2) + offset) % 5);
}

/** The answers with a different answer at the given positions. */
function changedAt(answers: Answers, positions: Iterable<number>): (number | null)[] {
  const changed = [...answers];
  for (const position of positions) changed[position] = ((changed[position] ?? 0) + 1) % 5;
  return changed;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => from + index);

/** Flags as [kind, ballot, other ballot, share] rows, easy to compare whole. */
function rows(flags: readonly QualityFlag[]): (string | number | undefined)[][] {
  return flags.map((flag) => [flag.kind, flag.ballotId, flag.detail.otherBallotId, flag.detail.share]);
}

describe('straight-lining', () => {
  const mostlyFirst = (same: number, total: number) => [...Array<number>(same).fill(0), ...Array<number>(total - same).fill(1)];

  it('flags a ballot whose most frequent answer covers exactly 90 % of its answers', () => {
    expect(dataQualityFlags([newBallot('b1', mostlyFirst(18, 20), { targets: 10 })], SETTINGS)).toEqual([
      { ballotId: 'b1', kind: 'straight-lining', detail: { share: 0.9 } },
    ]);
  });

  it('leaves a ballot at 85 % alone', () => {
    expect(dataQualityFlags([newBallot('b1', mostlyFirst(17, 20), { targets: 10 })], SETTINGS)).toEqual([]);
  });

  it('needs at least 10 targets: a uniform ballot on 9 targets is not flagged, on 10 it is', () => {
    const uniform = mostlyFirst(20, 20);
    expect(dataQualityFlags([newBallot('nine', uniform, { targets: 9 })], SETTINGS)).toEqual([]);
    expect(dataQualityFlags([newBallot('ten', uniform, { targets: 10 })], SETTINGS)).toEqual([
      { ballotId: 'ten', kind: 'straight-lining', detail: { share: 1 } },
    ]);
  });

  it('counts the most frequent answer whichever answer it is', () => {
    const answers = [...Array<number>(9).fill(3), 1];
    expect(rows(dataQualityFlags([newBallot('b1', answers, { targets: 10 })], SETTINGS))).toEqual([['straight-lining', 'b1', undefined, 0.9]]);
  });
});

describe('speeding', () => {
  // Four answers each: too few to be anyone's duplicate.
  const timed = (seconds: (number | null)[]) => seconds.map((value, index) => newBallot(`s${index}`, varied(4), { seconds: value }));

  it('flags completion under a fifth of the median, the median of an even count being the mean of the middle two', () => {
    // Median (200 + 300) / 2 = 250, limit 50: 40 is under it, 50 is not. The lower middle value
    // would put the limit at 40 and the upper one at 60, flagging neither or both.
    const ballots = timed([40, 50, 200, 300, 500, 600, null]);
    expect(dataQualityFlags(ballots, SETTINGS)).toEqual([{ ballotId: 's0', kind: 'speeding', detail: { seconds: 40, medianSeconds: 250 } }]);
  });

  it('takes the middle value of an odd count', () => {
    expect(dataQualityFlags(timed([10, 19, 100, 200, 300]), SETTINGS)).toEqual([
      { ballotId: 's0', kind: 'speeding', detail: { seconds: 10, medianSeconds: 100 } },
      { ballotId: 's1', kind: 'speeding', detail: { seconds: 19, medianSeconds: 100 } },
    ]);
  });

  it('needs five ballots with a known time: four and any number of unknown ones flag nothing', () => {
    expect(dataQualityFlags(timed([1, 300, 300, 300, null, null]), SETTINGS)).toEqual([]);
  });
});

describe('duplicates', () => {
  const base = varied(100);
  const duplicatesOf = (...ballots: QualityBallot[]) => rows(dataQualityFlags(ballots, SETTINGS));

  it('flags both ballots of a pair matching on 86 % of the answers, not one matching on 85 %', () => {
    const flags = duplicatesOf(
      newBallot('base', base),
      newBallot('differs-15', changedAt(base, range(0, 15))),
      newBallot('differs-14', changedAt(base, range(86, 100))),
    );
    // differs-15 and differs-14 differ from each other on 29 positions.
    expect(flags).toEqual([
      ['duplicate', 'base', 'differs-14', 0.86],
      ['duplicate', 'differs-14', 'base', 0.86],
    ]);
  });

  it('counts positions only one ballot answered against the match', () => {
    const skipped = (count: number) => [...base.slice(0, 100 - count), ...Array<null>(count).fill(null)];
    expect(duplicatesOf(newBallot('base', base), newBallot('skips-14', skipped(14)))).toEqual([
      ['duplicate', 'base', 'skips-14', 0.86],
      ['duplicate', 'skips-14', 'base', 0.86],
    ]);
    expect(duplicatesOf(newBallot('base', base), newBallot('skips-15', skipped(15)))).toEqual([]);
  });

  it('needs ten positions answered between the two', () => {
    expect(duplicatesOf(newBallot('a', varied(9)), newBallot('b', varied(9)))).toEqual([]);
    expect(duplicatesOf(newBallot('a', varied(10)), newBallot('b', varied(10)))).toEqual([
      ['duplicate', 'a', 'b', 1],
      ['duplicate', 'b', 'a', 1],
    ]);
  });

  it('leaves uniform ballots out: the long ones are straight-lining already, two short ones agreeing is no copy', () => {
    const uniform = Array<number>(20).fill(0);
    expect(duplicatesOf(newBallot('a', uniform, { targets: 10 }), newBallot('b', uniform, { targets: 10 }))).toEqual([
      ['straight-lining', 'a', undefined, 1],
      ['straight-lining', 'b', undefined, 1],
    ]);
    expect(duplicatesOf(newBallot('a', uniform, { targets: 9 }), newBallot('b', uniform, { targets: 9 }))).toEqual([]);
    const almost = [...uniform.slice(1), 1];
    expect(duplicatesOf(newBallot('a', almost, { targets: 9 }), newBallot('b', almost, { targets: 9 }))).toEqual([
      ['duplicate', 'a', 'b', 1],
      ['duplicate', 'b', 'a', 1],
    ]);
  });
});

describe('the list of flags', () => {
  it('is sorted by kind, ballot and other ballot, whatever the order of the ballots', () => {
    const copied = varied(30);
    const ballots = [
      newBallot('z-uniform', Array<number>(20).fill(2), { targets: 10, seconds: 300 }),
      newBallot('m-copy', copied, { seconds: 20 }),
      newBallot('q-other', varied(30, 2), { seconds: 300 }),
      newBallot('a-original', copied, { seconds: 300 }),
      newBallot('c-copy', copied, { seconds: 300 }),
    ];
    const expected = [
      ['duplicate', 'a-original', 'c-copy', 1],
      ['duplicate', 'a-original', 'm-copy', 1],
      ['duplicate', 'c-copy', 'a-original', 1],
      ['duplicate', 'c-copy', 'm-copy', 1],
      ['duplicate', 'm-copy', 'a-original', 1],
      ['duplicate', 'm-copy', 'c-copy', 1],
      ['speeding', 'm-copy', undefined, undefined],
      ['straight-lining', 'z-uniform', undefined, 1],
    ];
    expect(rows(dataQualityFlags(ballots, SETTINGS))).toEqual(expected);
    expect(rows(dataQualityFlags([...ballots].reverse(), SETTINGS))).toEqual(expected);
  });
});

// Random ballots like an evaluation's: 80 targets of 10 criteria, each ballot rating 20 of them.
const TARGETS = 80;
const CRITERIA = 10;
const RATED = 20;

function randomBallot(random: Random, id: string): QualityBallot {
  const targets = new Set<number>();
  while (targets.size < RATED) targets.add(randomInt(random, 0, TARGETS - 1));
  const positions = [...targets].sort((a, b) => a - b).flatMap((target) => range(target * CRITERIA, (target + 1) * CRITERIA));
  const cells = positions.map((position) => position * 16 + randomInt(random, 0, 4));
  return { id, seconds: randomInt(random, 300, 900), targets: RATED, cells: Uint32Array.from(cells) };
}

const randomBallots = (random: Random, count: number) => range(0, count).map((index) => randomBallot(random, `r${String(index).padStart(5, '0')}`));

/** A copy of the ballot with `count` of its answers, chosen at random, answered differently. */
function nearCopy(random: Random, ballot: QualityBallot, count: number, id: string): QualityBallot {
  const cells = Uint32Array.from(ballot.cells);
  const order = range(0, cells.length);
  for (let index = 0; index < count; index++) {
    const swap = randomInt(random, index, order.length - 1);
    [order[index], order[swap]] = [order[swap], order[index]];
    const cell = cells[order[index]];
    cells[order[index]] = cell - (cell % 16) + (((cell % 16) + 1) % 5);
  }
  return { ...ballot, id, cells };
}

/** The duplicate flags as "ballot~other" names, each pair once. */
function duplicatePairs(flags: readonly QualityFlag[]): string[] {
  return flags.filter((flag) => flag.kind === 'duplicate' && flag.ballotId < flag.detail.otherBallotId!).map((flag) => `${flag.ballotId}~${flag.detail.otherBallotId}`);
}

/** SCORING.md §5 spelled out plainly, to check the fast comparison against. */
function referenceShare(a: QualityBallot, b: QualityBallot): number {
  const answersOf = (ballot: QualityBallot) => new Map([...ballot.cells].map((cell) => [cell >> 4, cell & 15]));
  const [first, second] = [answersOf(a), answersOf(b)];
  const positions = new Set([...first.keys(), ...second.keys()]);
  const matches = [...positions].filter((position) => first.has(position) && first.get(position) === second.get(position)).length;
  return matches / positions.size;
}

describe('duplicates among many ballots', () => {
  it('finds a pair above the threshold however its differences are spread, and nothing the rule does not name', () => {
    const random = seededRandom(20_251);
    const ballots = randomBallots(random, ALL_PAIRS_BELOW);
    const contiguous = [...varied(RATED * CRITERIA), ...Array<null>((TARGETS - RATED) * CRITERIA).fill(null)];
    // One difference every 7 positions touches every band of 8 positions, but not every band of 6: 171 / 200.
    const spread = changedAt(contiguous, range(0, RATED * CRITERIA).filter((position) => position % 7 === 0));
    const planted = [
      nearCopy(random, ballots[10], 28, 'p-86'),
      nearCopy(random, ballots[20], 30, 'p-85'),
      newBallot('p-spread-a', contiguous, { targets: RATED }),
      newBallot('p-spread-b', spread, { targets: RATED }),
    ];
    const flags = dataQualityFlags([...ballots, ...planted], SETTINGS);
    expect(rows(flags.filter((flag) => flag.kind === 'duplicate'))).toEqual([
      ['duplicate', 'p-86', 'r00010', 0.86],
      ['duplicate', 'p-spread-a', 'p-spread-b', 0.855],
      ['duplicate', 'p-spread-b', 'p-spread-a', 0.855],
      ['duplicate', 'r00010', 'p-86', 0.86],
    ]);
  });

  it('flags every member of a crowd of near-identical ballots without listing every pair, whatever the input order', () => {
    const random = seededRandom(7);
    const ballots = randomBallots(random, ALL_PAIRS_BELOW);
    const crowd = range(0, 300).map((index) => nearCopy(random, ballots[0], 1, `c${String(index).padStart(3, '0')}`));
    const byId = new Map([...ballots, ...crowd].map((ballot) => [ballot.id, ballot]));
    const flags = dataQualityFlags([...ballots, ...crowd], SETTINGS);

    const flagged = new Set(flags.map((flag) => flag.ballotId));
    expect(crowd.filter((ballot) => !flagged.has(ballot.id))).toEqual([]);
    // Only the crowd and the ballot it copies are flagged, and each flagged pair is a real one.
    expect([...flagged].filter((id) => !id.startsWith('c'))).toEqual(['r00000']);
    const pairs = duplicatePairs(flags);
    const notSimilar = pairs.filter((pair) => {
      const [first, second] = pair.split('~');
      return referenceShare(byId.get(first)!, byId.get(second)!) <= 0.85;
    });
    expect(notSimilar).toEqual([]);
    // The crowd has 301 · 300 / 2 similar pairs; the leaders of its buckets keep the list linear.
    expect(pairs.length).toBeLessThan((301 * 300) / 2 / 4);
    expect(dataQualityFlags([...crowd, ...ballots].reverse(), SETTINGS)).toEqual(flags);
  });

  it('flags a crowd that comes after other ballots have taken the places of leaders in its buckets', () => {
    const random = seededRandom(99);
    const original = [...varied(RATED * CRITERIA), ...Array<null>((TARGETS - RATED) * CRITERIA).fill(null)];
    // Forty ballots sorting before the crowd, each answering 5 of the 20 targets at random: 75 %
    // like the crowd, less like each other, but in most of the crowd's buckets.
    const others = range(0, 40).map((index) => {
      const targets = new Set<number>();
      while (targets.size < 5) targets.add(randomInt(random, 0, RATED - 1));
      const answers = [...original];
      for (const target of targets) {
        for (const position of range(target * CRITERIA, (target + 1) * CRITERIA)) answers[position] = (original[position]! + randomInt(random, 1, 4)) % 5;
      }
      return newBallot(`l${String(index).padStart(2, '0')}`, answers, { targets: RATED });
    });
    const crowd = range(0, 40).map((index) => newBallot(`x${String(index).padStart(2, '0')}`, original, { targets: RATED }));
    const flags = dataQualityFlags([...randomBallots(random, ALL_PAIRS_BELOW), ...others, ...crowd], SETTINGS);

    const flagged = new Set(flags.map((flag) => flag.ballotId));
    expect(crowd.filter((ballot) => !flagged.has(ballot.id)).map((ballot) => ballot.id)).toEqual([]);
    expect([...flagged].filter((id) => !id.startsWith('x'))).toEqual([]);
  });

  it('finds planted 90 % copies among 12,000 ballots of 200 answers, and only them', () => {
    const random = seededRandom(12_000);
    const ballots = randomBallots(random, 12_000);
    const sources = [3, 1_234, 5_000, 8_888, 11_999];
    const copies = sources.map((source, index) => nearCopy(random, ballots[source], 20, `p${index}`));

    const started = performance.now();
    const flags = dataQualityFlags([...ballots, ...copies], SETTINGS);
    const elapsed = performance.now() - started;
    if (!process.env.CI) console.log(`data quality flags for 12,005 ballots of 200 answers: ${elapsed.toFixed(0)} ms`);

    expect(flags.every((flag) => flag.kind === 'duplicate')).toBe(true);
    expect(duplicatePairs(flags)).toEqual(sources.map((source, index) => `p${index}~r${String(source).padStart(5, '0')}`));
    expect(flags.map((flag) => flag.detail.share)).toEqual(Array(10).fill(0.9));
  });
});
