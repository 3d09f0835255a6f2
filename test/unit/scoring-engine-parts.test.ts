import { createHash } from 'node:crypto';

import { competitionRanks, MISSING_HIGHER_FIRST, MISSING_LOWER_FIRST, rankKey, type RankKeys } from '../../server/src/scoring/ranking.js';
import { canonicalJson, defaultScoringConfig, type ScoringConfig } from '../../server/src/scoring/scoring-config.js';
import { bootstrapBlocks, configHash, PreparedScoring, resamplesIn, score, type BootstrapTallies } from '../../server/src/scoring/scoring-engine.js';
import type { RatingTargetInput, ScoringInput } from '../../server/src/scoring/scoring-types.js';
import { drawIndex, nextUint32, seededState, sumOfDraws, trimmedMeanOfDraws } from '../../server/src/scoring/seeded-random.js';
import { percentileOfCounts, percentileOfSorted, shrink, shrinkageConstant, trimmedMean, wilsonInterval } from '../../server/src/scoring/statistics.js';

describe('Wilson interval', () => {
  it('matches the textbook values for 8 of 10', () => {
    const [low, high] = wilsonInterval(8, 10) as [number, number];
    expect(low).toBeCloseTo(0.4901624715, 9);
    expect(high).toBeCloseTo(0.9433178485, 9);
  });

  it('stays within 0–1 at the edges and is null without observations', () => {
    const [low0, high0] = wilsonInterval(0, 5) as [number, number];
    expect(low0).toBe(0);
    expect(high0).toBeCloseTo(0.4344824648, 9);
    const [low5, high5] = wilsonInterval(5, 5) as [number, number];
    expect(low5).toBeCloseTo(0.5655175352, 9);
    expect(high5).toBe(1);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('seeded generator', () => {
  it('gives the same stream for the same seed, pinned so a change to it is noticed', () => {
    const state = seededState('campaign-1');
    expect([nextUint32(state), nextUint32(state), nextUint32(state)]).toEqual([4144241054, 663724654, 3624525475]);
    const again = seededState('campaign-1');
    expect([nextUint32(again), nextUint32(again), nextUint32(again)]).toEqual([4144241054, 663724654, 3624525475]);
  });

  it('gives another stream for another seed', () => {
    const a = seededState('campaign-1');
    const b = seededState('campaign-2');
    expect(nextUint32(a)).not.toBe(nextUint32(b));
  });

  it('sums the draws of the inlined loop exactly as single draws would, and leaves the same state', () => {
    const values = Float64Array.from({ length: 40 }, (_, i) => (i * 37) % 101);
    const fast = seededState('s');
    const slow = seededState('s');
    const total = sumOfDraws(values, 5, 30, fast);
    let expected = 0;
    for (let i = 0; i < 30; i++) expected += values[5 + drawIndex(slow, 30)];
    expect(total).toBe(expected);
    expect(Array.from(fast)).toEqual(Array.from(slow));
  });

  it('draws indices evenly over 0…n−1', () => {
    const state = seededState('uniform');
    const counts = new Array<number>(7).fill(0);
    for (let i = 0; i < 70_000; i++) counts[drawIndex(state, 7)]++;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(400);
  });

  it('trims the highest and lowest draw of a resample', () => {
    const values = Float64Array.from([10, 20, 30, 40, 50, 60, 70]);
    const fast = seededState('trim');
    const slow = seededState('trim');
    const draws = Array.from({ length: 7 }, () => values[drawIndex(slow, 7)]);
    const sorted = [...draws].sort((a, b) => a - b);
    const expected = sorted.slice(1, -1).reduce((a, b) => a + b, 0) / 5;
    expect(trimmedMeanOfDraws(values, 0, 7, fast)).toBeCloseTo(expected, 12);
  });
});

describe('small statistics', () => {
  it('trims one highest and one lowest value only', () => {
    expect(trimmedMean([100, 0, 60, 60, 100, 80, 0])).toBe(60);
  });

  it('estimates K by moments as worked out by hand', () => {
    // σ² = (800 + 200 + 50) / (2 + 1 + 1) = 262.5; var(S) = 1050 / 2 = 525;
    // mean σ²/n = (87.5 + 131.25 + 131.25) / 3 = 350/3; τ² = 525 − 350/3 = 1225/3; K = 262.5 / τ² = 9/14.
    const estimate = shrinkageConstant(
      [
        { scores: [60, 80, 100], score: 80 },
        { scores: [40, 60], score: 50 },
        { scores: [90, 100], score: 95 },
        { scores: [70], score: 70 },
      ],
      10,
    );
    expect(estimate.estimated).toBe(true);
    expect(estimate.k).toBeCloseTo(9 / 14, 12);
  });

  it('falls back where the targets differ less than their noise, or fewer than two have two ballots', () => {
    expect(shrinkageConstant([{ scores: [0, 100], score: 50 }, { scores: [0, 100], score: 50 }], 10)).toEqual({ k: 10, estimated: false });
    expect(shrinkageConstant([{ scores: [0, 100], score: 50 }, { scores: [60], score: 60 }], 7)).toEqual({ k: 7, estimated: false });
  });

  it('shrinks towards the category mean by n against K', () => {
    expect(shrink(30, 90, 10, 70)).toBe(85);
    expect(shrink(0, 90, 10, 70)).toBe(70);
    expect(shrink(0, 90, 0, 70)).toBe(90);
  });

  it('takes nearest-rank percentiles from counts by rank', () => {
    const counts = [0, 5, 10, 5];
    expect(percentileOfCounts(counts, 20, 0.05)).toBe(1);
    expect(percentileOfCounts(counts, 20, 0.25)).toBe(1);
    expect(percentileOfCounts(counts, 20, 0.26)).toBe(2);
    expect(percentileOfCounts(counts, 20, 0.95)).toBe(3);
    expect(percentileOfCounts([0, 100, 1900], 2000, (1 - 0.9) / 2)).toBe(1);
    expect(percentileOfCounts([0, 101, 1899], 2000, (1 - 0.9) / 2)).toBe(1);
    expect(percentileOfCounts([0, 99, 1901], 2000, (1 - 0.9) / 2)).toBe(2);
  });

  it('takes the same nearest-rank percentiles from a sorted sample', () => {
    const sample = [...Array<number>(5).fill(1), ...Array<number>(10).fill(2), ...Array<number>(5).fill(3)];
    expect(percentileOfSorted(sample, 0.05)).toBe(1);
    expect(percentileOfSorted(sample, 0.25)).toBe(1);
    expect(percentileOfSorted(sample, 0.26)).toBe(2);
    expect(percentileOfSorted(sample, 0.95)).toBe(3);
    expect(percentileOfSorted(sample, 1)).toBe(3);
    const values = Float64Array.from({ length: 2000 }, (_, i) => i / 10);
    expect(percentileOfSorted(values, (1 - 0.9) / 2)).toBe(9.9);
    expect(percentileOfSorted(values, 1 - (1 - 0.9) / 2)).toBe(189.9);
  });
});

describe('competition ranking', () => {
  interface Row {
    composite: number;
    enterprise?: number;
    satisfaction?: number;
    dissatisfaction?: number;
    inspection?: number | null;
  }

  function rank(rows: Row[]): number[] {
    const keys: RankKeys = {
      composite: Float64Array.from(rows.map((r) => rankKey(r.composite, 2, MISSING_HIGHER_FIRST))),
      enterprise: Float64Array.from(rows.map((r) => rankKey(r.enterprise ?? 80, 2, MISSING_HIGHER_FIRST))),
      satisfaction: Float64Array.from(rows.map((r) => rankKey(r.satisfaction ?? 0.9, 4, MISSING_HIGHER_FIRST))),
      dissatisfaction: Float64Array.from(rows.map((r) => rankKey(r.dissatisfaction ?? 0.05, 4, MISSING_LOWER_FIRST))),
      inspection: Float64Array.from(rows.map((r) => rankKey(r.inspection === undefined ? 90 : r.inspection, 2, MISSING_HIGHER_FIRST))),
    };
    const ranks = new Int32Array(rows.length);
    competitionRanks(
      rows.map((_, i) => i),
      rows.length,
      keys,
      new Int32Array(rows.length),
      ranks,
    );
    return Array.from(ranks);
  }

  it('shares a rank on equal composites to 2 decimals and skips the next (1, 2, 2, 4)', () => {
    expect(rank([{ composite: 80 }, { composite: 91.001 }, { composite: 85.004 }, { composite: 84.996 }])).toEqual([4, 1, 2, 2]);
  });

  it('breaks ties by enterprise S*, then 满意率, then lower 不满意率, then inspection', () => {
    expect(rank([{ composite: 88, enterprise: 87 }, { composite: 88, enterprise: 87.5 }])).toEqual([2, 1]);
    expect(rank([{ composite: 88, satisfaction: 0.91 }, { composite: 88, satisfaction: 0.9 }])).toEqual([1, 2]);
    expect(rank([{ composite: 88, dissatisfaction: 0.07 }, { composite: 88, dissatisfaction: 0.02 }])).toEqual([2, 1]);
    expect(rank([{ composite: 88, inspection: 80 }, { composite: 88, inspection: 95 }])).toEqual([2, 1]);
  });

  it('puts a missing inspection score last and shares the rank when nothing separates two units', () => {
    expect(rank([{ composite: 88, inspection: null }, { composite: 88, inspection: 10 }])).toEqual([2, 1]);
    expect(rank([{ composite: 88, inspection: null }, { composite: 88, inspection: null }, { composite: 70 }])).toEqual([1, 1, 3]);
  });
});

describe('configuration hash', () => {
  it('is the SHA-256 of the canonical JSON, whatever the key order', () => {
    const config = defaultScoringConfig();
    const reordered = Object.fromEntries(Object.entries(config).reverse()) as unknown as ScoringConfig;
    expect(configHash(config)).toBe(createHash('sha256').update(canonicalJson(config)).digest('hex'));
    expect(configHash(reordered)).toBe(configHash(config));
    expect(configHash({ ...config, shrinkage: { fallbackK: 11 } })).not.toBe(configHash(config));
  });
});

describe('the engine as a whole', () => {
  /**
   * Departments D01…D08 in one category, rated by 40 enterprises (or as many as `ballots` says)
   * and 6 districts, with spread scores.
   */
  function input(seed: string, ballots: Record<string, number> = {}): ScoringInput {
    const config = defaultScoringConfig();
    config.uncertainty.resamples = 200;
    const codes = Array.from({ length: 8 }, (_, i) => `D0${i + 1}`);
    const target = (code: string, i: number, ballots: number): RatingTargetInput => {
      const scores = Array.from({ length: ballots }, (_, b) => ((b * 7 + i * 3) % 5 < 3 + (i % 2) ? 100 : 60));
      const satisfied = scores.filter((s) => s === 100).length;
      return {
        code,
        answerCounts: { q1: { satisfied, basically: ballots - satisfied, na: 2 } },
        seen: ballots + 2,
        ballotScores: { primary: scores, alternatives: { county: scores.map((s) => (s === 100 ? 100 : 70)) } },
      };
    };
    return {
      seed,
      config,
      departments: codes.map((code) => ({ code, category: '综合管理类' })).reverse(),
      districts: [],
      evaluations: [
        { evaluationId: 'e2', kind: 'district-rates-departments', raterGroup: 'district', targetGroup: 'department', criteria: ['q1'], ballots: 6, raters: 6, targets: codes.map((c, i) => target(c, i, 6)) },
        {
          evaluationId: 'e1',
          kind: 'enterprise-rates-departments',
          raterGroup: 'enterprise',
          targetGroup: 'department',
          criteria: ['q1'],
          ballots: Math.max(40, ...Object.values(ballots)),
          raters: Math.max(40, ...Object.values(ballots)),
          targets: codes.map((c, i) => target(c, i, ballots[c] ?? 40)),
        },
      ],
      office: {
        inspection: Object.fromEntries(codes.map((c, i) => [c, 80 + i])),
        selfInspection: Object.fromEntries(codes.map((c) => [c, { score: 90, complete: true }])),
        vetoes: {},
        overdueCases: {},
        districtObjective: {},
      },
    };
  }

  it('gives byte-identical output for the same input, whatever order the input lists things in', () => {
    const first = input('campaign-1');
    const shuffled = input('campaign-1');
    shuffled.departments.reverse();
    shuffled.evaluations.reverse();
    for (const evaluation of shuffled.evaluations) evaluation.targets.reverse();
    expect(JSON.stringify(score(shuffled))).toBe(JSON.stringify(score(first)));
    expect(JSON.stringify(score(input('campaign-1')))).toBe(JSON.stringify(score(first)));
  });

  it('reports its progress every 50 resamples', () => {
    const calls: [number, number][] = [];
    score(input('campaign-1'), { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([
      [50, 200],
      [100, 200],
      [150, 200],
      [200, 200],
    ]);
  });

  it('gives every eligible unit a rank interval inside its category, a probability and its category a quota', () => {
    const output = score(input('campaign-1'));
    const eligible = output.composite.filter((c) => c.eligible);
    expect(eligible.map((c) => c.code)).toEqual(['D01', 'D02', 'D03', 'D04', 'D05', 'D06', 'D07', 'D08']);
    for (const unit of eligible) {
      const [low, high] = unit.rankInterval as [number, number];
      expect(low).toBeGreaterThanOrEqual(1);
      expect(high).toBeLessThanOrEqual(8);
      expect(low).toBeLessThanOrEqual(high);
      expect(unit.pInQuota).toBeGreaterThanOrEqual(0);
      expect(unit.pInQuota).toBeLessThanOrEqual(1);
    }
    expect(output.categories).toEqual([{ unitType: 'department', category: '综合管理类', eligible: 8, quota: 2 }]);
  });

  describe('the interval of S*', () => {
    const enterpriseRows = (output: ReturnType<typeof score>) => output.evaluations.find((e) => e.kind === 'enterprise-rates-departments')!.targets;
    const width = (interval: [number, number] | null) => interval![1] - interval![0];

    it('holds S* for a target with many ballots, and is wider for a target with few', () => {
      // D01 and D03 answer alike (60% at 100, the rest at 60); D01 has 400 ballots, D03 12.
      const output = score(input('campaign-1', { D01: 400, D03: 12 }));
      const rows = enterpriseRows(output);
      const many = rows.find((t) => t.code === 'D01')!;
      const few = rows.find((t) => t.code === 'D03')!;
      const [low, high] = many.shrunkScoreInterval!;
      expect(low).toBeLessThanOrEqual(many.shrunkScore!);
      expect(high).toBeGreaterThanOrEqual(many.shrunkScore!);
      expect(low).toBeLessThan(high);
      expect(width(few.shrunkScoreInterval)).toBeGreaterThan(1.5 * width(many.shrunkScoreInterval));
      // Every target with a score in a resampled evaluation has one, inside 0–100; the district rows too.
      for (const evaluation of output.evaluations) {
        for (const target of evaluation.targets) {
          const [from, to] = target.shrunkScoreInterval!;
          expect(0 <= from && from <= to && to <= 100).toBe(true);
        }
      }
    });

    it('is null without resamples, and for an evaluation that feeds no composite', () => {
      const none = input('campaign-1');
      none.config.uncertainty.resamples = 0;
      expect(score(none).evaluations.flatMap((e) => e.targets.map((t) => t.shrunkScoreInterval))).toEqual(Array<null>(16).fill(null));

      // The enterprises also rate districts nobody listed: those rows have S* but no unit, so nothing resamples them.
      const extra = input('campaign-1');
      const e1 = extra.evaluations.find((e) => e.evaluationId === 'e1')!;
      extra.evaluations.push({ ...e1, evaluationId: 'e3', kind: 'enterprise-rates-districts', targetGroup: 'district', targets: e1.targets.map((t) => ({ ...t, code: `X${t.code}` })) });
      const output = score(extra);
      const districts = output.evaluations.find((e) => e.evaluationId === 'e3')!.targets;
      expect(districts.every((t) => t.shrunkScore !== null && t.shrunkScoreInterval === null)).toBe(true);
      expect(enterpriseRows(output).every((t) => t.shrunkScoreInterval !== null)).toBe(true);
    });
  });

  describe('bootstrap blocks tallied apart', () => {
    /** 230 resamples: blocks of 50, 50, 50, 50 and 30. */
    function uneven(): ScoringInput {
      const given = input('campaign-1');
      given.config.uncertainty.resamples = 230;
      return given;
    }

    /** Each range tallied by its own preparation of the input, as a thread of its own would. */
    function tallied(ranges: [number, number][]): BootstrapTallies[] {
      return ranges.map(([from, to]) => new PreparedScoring(uneven()).tally(from, to));
    }

    it('splits the resamples into blocks of 50 and a shorter last one', () => {
      const { config } = uneven();
      expect(bootstrapBlocks(config)).toBe(5);
      expect([0, 1, 2, 3, 4].map((block) => resamplesIn(config, block, block + 1))).toEqual([50, 50, 50, 50, 30]);
      expect(resamplesIn(config, 0, 5)).toBe(230);
    });

    it('gives byte-identical output whether one, two or three threads tallied the blocks, in whatever order they report', () => {
      const whole = JSON.stringify(new PreparedScoring(uneven()).finish(tallied([[0, 5]])));
      expect(JSON.stringify(score(uneven()))).toBe(whole);
      expect(JSON.stringify(new PreparedScoring(uneven()).finish(tallied([[0, 3], [3, 5]])))).toBe(whole);
      expect(JSON.stringify(new PreparedScoring(uneven()).finish(tallied([[4, 5], [0, 1], [1, 4]])))).toBe(whole);
      // One block at a time, as the service hands them out, and finished where some were tallied.
      const finisher = new PreparedScoring(uneven());
      const oneByOne = [finisher.tally(2, 3), ...tallied([[0, 1], [4, 5], [1, 2], [3, 4]])];
      expect(JSON.stringify(finisher.finish(oneByOne))).toBe(whole);
      // And the bootstrap did move something, or the comparison would prove little.
      const output = JSON.parse(whole) as ReturnType<typeof score>;
      expect(output.composite.some((unit) => unit.pInQuota !== null && unit.pInQuota > 0 && unit.pInQuota < 1)).toBe(true);
      const intervals = output.evaluations.flatMap((e) => e.targets.map((t) => t.shrunkScoreInterval));
      expect(intervals.length).toBe(16);
      expect(intervals.every((interval) => interval !== null && interval[0] < interval[1])).toBe(true);
    });

    it('draws each block from its own stream: the same block tallies the same anywhere, another block differently', () => {
      const [first, again, second] = tallied([[1, 2], [1, 2], [2, 3]]);
      expect(Array.from(again.counts)).toEqual(Array.from(first.counts));
      expect(Array.from(again.inQuota)).toEqual(Array.from(first.inQuota));
      expect(Array.from(again.shrunk)).toEqual(Array.from(first.shrunk));
      expect(Array.from(second.counts)).not.toEqual(Array.from(first.counts));
      expect(Array.from(second.shrunk)).not.toEqual(Array.from(first.shrunk));
      // 50 resamples of the 16 targets' S*, and no more: no ballot is kept.
      expect(first.shrunk.length).toBe(50 * 16);
    });

    it('refuses tallies that miss or repeat a block', () => {
      const scoring = new PreparedScoring(uneven());
      expect(() => scoring.finish(tallied([[0, 4]]))).toThrow('the tallies miss blocks from 4 on');
      expect(() => scoring.finish(tallied([[0, 3], [2, 5]]))).toThrow('the tallies miss or repeat blocks from 3 on');
      expect(() => scoring.tally(4, 6)).toThrow('no blocks 4…5 in 5');
      const [short] = tallied([[0, 5]]);
      expect(() => scoring.finish([{ ...short, shrunk: short.shrunk.subarray(16) }])).toThrow('the tallies come from another input');
    });

    it('reports progress after every block, the shorter last one too', () => {
      const calls: [number, number][] = [];
      score(uneven(), { onProgress: (done, total) => calls.push([done, total]) });
      expect(calls).toEqual([
        [50, 230],
        [100, 230],
        [150, 230],
        [200, 230],
        [230, 230],
      ]);
    });
  });
});
