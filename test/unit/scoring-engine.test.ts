/**
 * The scoring engine (SCORING.md §1–3) against numbers worked out by hand, and against properties any
 * correct scoring keeps. Inputs are built from ballots written out here (test/support/scoring-inputs.ts).
 */
import { pickWeighted, randomInt, seededRandom, type Random } from '../../server/src/common/random.js';
import type { ScoringConfig } from '../../server/src/scoring/scoring-config.js';
import { configHash, score } from '../../server/src/scoring/scoring-engine.js';
import {
  FLAGS,
  type CompositeResult,
  type EvaluationResult,
  type OfficeInputs,
  type RatingEvaluationInput,
  type RatingEvaluationKind,
  type ScoringInput,
  type ScoringOutput,
  type TargetResult,
  type UnitInput,
} from '../../server/src/scoring/scoring-types.js';
import {
  evaluation,
  evaluationFromBallots,
  scoringInput,
  selfInspected,
  testConfig,
  times,
  units,
  type Answers,
  type Ballot,
} from '../support/scoring-inputs.js';

const [S, B, X, NA] = ['satisfied', 'basically', 'dissatisfied', 'na'];
const CRITERIA = ['attitude', 'efficiency'];
const ONE = ['overall'];
const both = (attitude: string | undefined, efficiency: string | undefined): Answers => ({ attitude, efficiency });
const overall = (code: string): Answers => ({ overall: code });
/** `counts` ballots per code, on the single criterion `overall`. */
const mix = (counts: Record<string, number>): Answers[] => Object.entries(counts).flatMap(([code, count]) => times(count, overall(code)));

const E2D: RatingEvaluationKind = 'enterprise-rates-departments';
const E2X: RatingEvaluationKind = 'enterprise-rates-districts';
const D2D: RatingEvaluationKind = 'district-rates-departments';
const KINDS: readonly RatingEvaluationKind[] = [E2D, E2X, D2D];

function evaluationOf(out: ScoringOutput, kind: RatingEvaluationKind): EvaluationResult {
  const found = out.evaluations.find((e) => e.kind === kind);
  if (!found) throw new Error(`no ${kind} in the output`);
  return found;
}

function targetOf(out: ScoringOutput, kind: RatingEvaluationKind, code: string): TargetResult {
  const found = evaluationOf(out, kind).targets.find((t) => t.code === code);
  if (!found) throw new Error(`no target ${code} in ${kind}`);
  return found;
}

function unitOf(out: ScoringOutput, unitType: 'department' | 'district', code: string): CompositeResult {
  const found = out.composite.find((c) => c.unitType === unitType && c.code === code);
  if (!found) throw new Error(`no composite for ${unitType} ${code}`);
  return found;
}

/** Departments rated by enterprises (and optionally by districts), one category unless said otherwise. */
function departmentsInput(parts: {
  config?: ScoringConfig;
  criteria?: string[];
  enterprise: Record<string, Answers[]>;
  districtGroup?: { ballots: number; raters: number; criteria?: string[]; targets: Record<string, Answers[]> };
  categories?: Record<string, string>;
  office?: Partial<OfficeInputs>;
  selfInspectedAll?: boolean;
  seed?: string;
}): ScoringInput {
  const config = parts.config ?? testConfig();
  const codes = [...new Set([...Object.keys(parts.enterprise), ...Object.keys(parts.districtGroup?.targets ?? {}), ...Object.keys(parts.categories ?? {})])].sort();
  const departments: UnitInput[] = codes.map((code) => ({ code, category: parts.categories?.[code] ?? '综合管理类' }));
  const evaluations: RatingEvaluationInput[] = [evaluation(E2D, parts.criteria ?? CRITERIA, parts.enterprise, config)];
  if (parts.districtGroup) {
    const g = parts.districtGroup;
    evaluations.push(evaluation(D2D, g.criteria ?? CRITERIA, g.targets, config, { ballots: g.ballots, raters: g.raters }));
  }
  const office: Partial<OfficeInputs> = { ...(parts.selfInspectedAll === false ? {} : { selfInspection: selfInspected(codes) }), ...parts.office };
  return scoringInput({ config, departments, evaluations, office, seed: parts.seed });
}

// ---------------------------------------------------------------------------------------------
// §1–2: one target, one rater group
// ---------------------------------------------------------------------------------------------

describe('one target, one rater group', () => {
  /**
   * D01, rated by enterprises on attitude and efficiency (standard points 100 / 60 / 0):
   *   1  satisfied     satisfied      ballot score (100 + 100) / 2 = 100
   *   2  satisfied     basically      (100 + 60) / 2 = 80
   *   3  satisfied     na             100
   *   4  basically     dissatisfied   (60 + 0) / 2 = 30
   *   5  dissatisfied  na             0
   *   6  na            na             no valid answer: seen, not counted in n
   *   7  na            (unknown code) no valid answer either
   */
  const ballots = [both(S, S), both(S, B), both(S, NA), both(B, X), both(X, NA), both(NA, NA), both(NA, 'no-such-code')];

  it('computes criterion scores, S, n, coverage, 满意率, 不满意率 and the Wilson interval as worked out by hand', () => {
    const config = testConfig();
    const input = scoringInput({
      config,
      departments: units('综合管理类', ['D01']),
      evaluations: [evaluation(E2D, CRITERIA, { D01: ballots }, config, { ballots: 20 })],
    });
    const t = targetOf(score(input), E2D, 'D01');

    // C_attitude = (100·3 + 60·1 + 0·1) / 5 = 72; C_efficiency = (100 + 60 + 0) / 3 = 53.333
    expect(t.criteria.attitude).toBeCloseTo((100 * 3 + 60 + 0) / 5, 9);
    expect(t.criteria.efficiency).toBeCloseTo((100 + 60 + 0) / 3, 9);
    // S = (72 + 53.333) / 2 = 62.667
    expect(t.score).toBeCloseTo((72 + 160 / 3) / 2, 9);
    expect(t.n).toBe(5);
    expect(t.seen).toBe(7);
    // coverage = n / ballots that could rate D01 = 5 / 20
    expect(t.coverage).toBeCloseTo(0.25, 12);
    // valid answers: attitude 5 (3 satisfied, 1 basically, 1 dissatisfied), efficiency 3 (1, 1, 1) = 8;
    // 满意率 = (4 + 2) / 8 = 0.75, 不满意率 = 2 / 8 = 0.25
    expect(t.satisfactionRate).toBeCloseTo(0.75, 12);
    expect(t.dissatisfactionRate).toBeCloseTo(0.25, 12);
    // Wilson, 6 of 8, z² = 3.841459: centre (0.75 + 3.841459/16) / (1 + 3.841459/8) = 0.990091 / 1.480182 = 0.668896,
    // half-width 1.959964·√(0.75·0.25/8 + 3.841459/256) / 1.480182 = 1.959964·0.196069 / 1.480182 = 0.259621
    expect(t.satisfactionCi?.[0]).toBeCloseTo(0.409275, 5);
    expect(t.satisfactionCi?.[1]).toBeCloseTo(0.928521, 5);
    // (seen − n) / seen = 2 / 7 ≤ 0.5: enough information; n = 5 < 10: reported, not ranked
    expect(t.flags).not.toContain(FLAGS.informationShortage);
    expect(t.flags).toContain(FLAGS.notRanked);
    expect(t.ranked).toBe(false);
    expect(t.category).toBe('综合管理类');
    // The only target of its category: m = S, so S* = (5·S + K·S) / (5 + K) = S whatever K is; fewer than two
    // targets with n ≥ 2, so K is the fallback.
    expect(t.shrunkScore).toBeCloseTo(t.score!, 9);
    expect(evaluationOf(score(input), E2D).k).toBe(10);
    expect(evaluationOf(score(input), E2D).kEstimated).toBe(false);
  });

  it('weighs the criterion means by the criterion weights', () => {
    const config = testConfig((c) => {
      c.criterionWeights = { attitude: 2 };
    });
    const input = scoringInput({ config, departments: units('综合管理类', ['D01']), evaluations: [evaluation(E2D, CRITERIA, { D01: ballots }, config)] });
    const t = targetOf(score(input), E2D, 'D01');
    // criterion means do not depend on the weights; S = (2·72 + 1·53.333) / 3 = 65.778
    expect(t.criteria.attitude).toBeCloseTo(72, 9);
    expect(t.score).toBeCloseTo((2 * 72 + 160 / 3) / 3, 9);
  });

  it('gives the Wilson 95 % interval of 8 satisfied out of 10 as worked out by hand', () => {
    const config = testConfig();
    // 5 satisfied + 3 basically = 8 content of 10 valid answers; 2 dissatisfied
    const input = scoringInput({ config, departments: units('综合管理类', ['D01']), evaluations: [evaluation(E2D, ONE, { D01: mix({ [S]: 5, [B]: 3, [X]: 2 }) }, config)] });
    const t = targetOf(score(input), E2D, 'D01');
    expect(t.satisfactionRate).toBeCloseTo(0.8, 12);
    expect(t.dissatisfactionRate).toBeCloseTo(0.2, 12);
    // z = 1.959964, z² = 3.841459; denominator 1 + z²/10 = 1.384146;
    // centre (0.8 + z²/20) / 1.384146 = 0.992073 / 1.384146 = 0.716740;
    // half-width z·√(0.8·0.2/10 + z²/400) / 1.384146 = 1.959964·√0.025604 / 1.384146 = 0.313616 / 1.384146 = 0.226577
    // → [0.490163, 0.943317]
    expect(t.satisfactionCi?.[0]).toBeCloseTo(0.490163, 5);
    expect(t.satisfactionCi?.[1]).toBeCloseTo(0.943317, 5);
    // S = (100·5 + 60·3 + 0·2) / 10 = 68
    expect(t.score).toBeCloseTo(68, 9);
  });

  it('flags 信息不足 when more than half of the ballots that saw a target answered only na', () => {
    const config = testConfig();
    const input = scoringInput({
      config,
      departments: units('综合管理类', ['D01', 'D02']),
      evaluations: [
        evaluation(
          E2D,
          CRITERIA,
          {
            // (10 − 4) / 10 = 0.6 > 0.5 → flagged
            D01: [...times(4, both(S, B)), ...times(6, both(NA, NA))],
            // (10 − 5) / 10 = 0.5, not more than half → not flagged
            D02: [...times(5, both(S, B)), ...times(5, both(NA, NA))],
          },
          config,
        ),
      ],
    });
    const out = score(input);
    expect(targetOf(out, E2D, 'D01').n).toBe(4);
    expect(targetOf(out, E2D, 'D01').seen).toBe(10);
    expect(targetOf(out, E2D, 'D01').flags).toContain(FLAGS.informationShortage);
    expect(targetOf(out, E2D, 'D02').n).toBe(5);
    expect(targetOf(out, E2D, 'D02').flags).not.toContain(FLAGS.informationShortage);
  });

  it('ranks the enterprise group from n = 10, flags 10 ≤ n < 30, and leaves n = 9 unranked', () => {
    // Every ballot scores 80, so S = 80 for each, m = 80 and S* = 80 whatever K is.
    const input = departmentsInput({
      enterprise: { N09: times(9, both(S, B)), N10: times(10, both(S, B)), N29: times(29, both(S, B)), N30: times(30, both(S, B)) },
      office: { inspection: { N09: 90, N10: 90, N29: 90, N30: 90 } },
    });
    const out = score(input);
    const flagsOf = (code: string) => targetOf(out, E2D, code).flags;
    expect(targetOf(out, E2D, 'N09').ranked).toBe(false);
    expect(flagsOf('N09')).toContain(FLAGS.notRanked);
    expect(flagsOf('N09')).not.toContain(FLAGS.smallSample);
    for (const code of ['N10', 'N29']) {
      expect(targetOf(out, E2D, code).ranked).toBe(true);
      expect(flagsOf(code)).toContain(FLAGS.smallSample);
      expect(flagsOf(code)).not.toContain(FLAGS.notRanked);
    }
    expect(targetOf(out, E2D, 'N30').ranked).toBe(true);
    expect(flagsOf('N30')).not.toContain(FLAGS.smallSample);
    expect(flagsOf('N30')).not.toContain(FLAGS.notRanked);
    for (const code of ['N09', 'N10', 'N29', 'N30']) expect(targetOf(out, E2D, code).shrunkScore).toBeCloseTo(80, 9);

    // No enterprise component for N09 (n < 10): not eligible. The others: (50·80 + 30·90) / 80 = 83.75, no district
    // evaluation so its 20 is spread over the other two; all equal on every tie-break → they share rank 1.
    expect(unitOf(out, 'department', 'N09').eligible).toBe(false);
    expect(unitOf(out, 'department', 'N09').components.enterprises).toBeNull();
    expect(unitOf(out, 'department', 'N09').rank).toBeNull();
    for (const code of ['N10', 'N29', 'N30']) {
      const unit = unitOf(out, 'department', code);
      expect(unit.eligible).toBe(true);
      expect(unit.composite).toBeCloseTo(83.75, 9);
      expect(unit.rank).toBe(1);
      expect(unit.flags).toContain(FLAGS.districtsMissing);
      // rank 1 ≤ quota 1, but 83.75 < 85
      expect(unit.inQuota).toBe(false);
    }
    expect(out.categories).toContainEqual({ unitType: 'department', category: '综合管理类', eligible: 3, quota: 1 });
  });
});

// ---------------------------------------------------------------------------------------------
// The district group: quorum and trimming
// ---------------------------------------------------------------------------------------------

describe('the district group', () => {
  /** D01: enterprises 10 × (satisfied, basically) = 80; districts `returned` × (basically, basically) = 60; inspection 90. */
  const withDistricts = (returned: number, raters: number) =>
    departmentsInput({
      enterprise: { D01: times(10, both(S, B)) },
      districtGroup: { ballots: returned, raters, targets: { D01: times(returned, both(B, B)) } },
      office: { inspection: { D01: 90 } },
    });

  it('does not count the district group when 9 of 15 districts returned ballots (9 < ⅔ × 15 = 10)', () => {
    const out = score(withDistricts(9, 15));
    expect(evaluationOf(out, D2D).quorumMet).toBe(false);
    const t = targetOf(out, D2D, 'D01');
    expect(t.ranked).toBe(false);
    expect(t.flags).toContain(FLAGS.quorumNotMet);
    const unit = unitOf(out, 'department', 'D01');
    expect(unit.components.districts).toBeNull();
    // (50·80 + 30·90) / (50 + 30) = 6700 / 80 = 83.75
    expect(unit.composite).toBeCloseTo(83.75, 9);
    expect(unit.weights.enterprises).toBeCloseTo(50 / 80, 12);
    expect(unit.weights.districts).toBe(0);
    expect(unit.weights.inspection).toBeCloseTo(30 / 80, 12);
    expect(unit.flags).toContain(FLAGS.districtsMissing);
  });

  it('counts the district group when 10 of 15 districts returned ballots (10 ≥ ⅔ × 15)', () => {
    const out = score(withDistricts(10, 15));
    expect(evaluationOf(out, D2D).quorumMet).toBe(true);
    const t = targetOf(out, D2D, 'D01');
    expect(t.ranked).toBe(true);
    expect(t.flags).not.toContain(FLAGS.quorumNotMet);
    const unit = unitOf(out, 'department', 'D01');
    expect(unit.components.districts).toBeCloseTo(60, 9);
    // (50·80 + 20·60 + 30·90) / 100 = (4000 + 1200 + 2700) / 100 = 79
    expect(unit.composite).toBeCloseTo(79, 9);
    expect(unit.weights).toEqual({ enterprises: expect.closeTo(0.5, 12), districts: expect.closeTo(0.2, 12), inspection: expect.closeTo(0.3, 12), objective: 0 });
    expect(unit.flags).not.toContain(FLAGS.districtsMissing);
  });

  it('drops the single highest and lowest ballot score from n = 7 on, keeping the criterion means over all answers', () => {
    // 6 × (satisfied, basically) = 80 and one extreme (dissatisfied, dissatisfied) = 0:
    // sorted [0, 80, 80, 80, 80, 80, 80], without the lowest (0) and the highest (an 80): S = 5·80 / 5 = 80
    // (the plain mean would be 480 / 7 = 68.57)
    const out = score(
      departmentsInput({
        enterprise: { D01: times(10, both(S, B)) },
        districtGroup: { ballots: 7, raters: 10, targets: { D01: [...times(6, both(S, B)), both(X, X)] } },
      }),
    );
    const t = targetOf(out, D2D, 'D01');
    expect(evaluationOf(out, D2D).quorumMet).toBe(true); // 7 ≥ ⅔ × 10 = 6.67
    expect(t.n).toBe(7);
    expect(t.score).toBeCloseTo(80, 9);
    expect(t.flags).toContain(FLAGS.trimmed);
    // C_attitude = (6·100 + 0) / 7 = 85.714, C_efficiency = (6·60 + 0) / 7 = 51.429
    expect(t.criteria.attitude).toBeCloseTo(600 / 7, 9);
    expect(t.criteria.efficiency).toBeCloseTo(360 / 7, 9);
  });

  it('does not trim with n = 6', () => {
    // 5 × 80 and one 0: S = (C_attitude + C_efficiency) / 2 = (500/6 + 300/6) / 2 = 66.667 = (5·80 + 0) / 6
    const out = score(
      departmentsInput({
        enterprise: { D01: times(10, both(S, B)) },
        districtGroup: { ballots: 6, raters: 9, targets: { D01: [...times(5, both(S, B)), both(X, X)] } },
      }),
    );
    const t = targetOf(out, D2D, 'D01');
    expect(t.n).toBe(6);
    expect(t.score).toBeCloseTo(400 / 6, 9);
    expect(t.flags).not.toContain(FLAGS.trimmed);
  });
});

// ---------------------------------------------------------------------------------------------
// Shrinkage
// ---------------------------------------------------------------------------------------------

describe('shrinkage towards the category mean', () => {
  // One criterion, ten ballots each:
  //   A: 5 satisfied, 5 basically     → S = 80, within sum of squares 10·20² = 4000
  //   B: 5 basically, 5 dissatisfied  → S = 30, 10·30² = 9000
  //   C: 5 satisfied, 5 dissatisfied  → S = 50, 10·50² = 25000
  // σ² = (4000 + 9000 + 25000) / (9 + 9 + 9) = 38000 / 27 = 1407.41
  // mean S = 160 / 3 = 53.333; var S = (26.667² + 23.333² + 3.333²) / 2 = (711.11 + 544.44 + 11.11) / 2 = 633.33
  // τ² = 633.33 − 1407.41 / 10 = 492.59;  K = 1407.41 / 492.59 = 2.857 (= 20 / 7)
  const sigma2 = (4000 + 9000 + 25000) / 27;
  const varS = ((80 - 160 / 3) ** 2 + (30 - 160 / 3) ** 2 + (50 - 160 / 3) ** 2) / 2;
  const K = sigma2 / (varS - sigma2 / 10);
  const targets = { A: mix({ [S]: 5, [B]: 5 }), B: mix({ [B]: 5, [X]: 5 }), C: mix({ [S]: 5, [X]: 5 }) };

  it('estimates K by moments on three targets, as worked out by hand', () => {
    expect(K).toBeCloseTo(20 / 7, 12);
    const out = score(departmentsInput({ criteria: ONE, enterprise: targets, office: { inspection: { A: 90, B: 90, C: 90 } } }));
    const e = evaluationOf(out, E2D);
    expect(e.kEstimated).toBe(true);
    expect(e.k).toBeCloseTo(20 / 7, 9);
    // S*_A = (10·80 + K·53.333) / (10 + K) = (800 + 152.381) / 12.857 = 74.074
    expect(targetOf(out, E2D, 'A').shrunkScore).toBeCloseTo((10 * 80 + K * (160 / 3)) / (10 + K), 9);
    expect(targetOf(out, E2D, 'A').shrunkScore).toBeCloseTo(74.074, 3);
    // S*_B = (300 + 152.381) / 12.857 = 35.185; S*_C = (500 + 152.381) / 12.857 = 50.741
    expect(targetOf(out, E2D, 'B').shrunkScore).toBeCloseTo((10 * 30 + K * (160 / 3)) / (10 + K), 9);
    expect(targetOf(out, E2D, 'C').shrunkScore).toBeCloseTo((10 * 50 + K * (160 / 3)) / (10 + K), 9);
    // S is published beside S*
    expect(targetOf(out, E2D, 'A').score).toBeCloseTo(80, 9);
    // composite of A: (50·74.074 + 30·90) / 80 = (3703.70 + 2700) / 80 = 80.046
    const a = unitOf(out, 'department', 'A');
    expect(a.components.enterprises).toBeCloseTo(74.074, 3);
    expect(a.composite).toBeCloseTo((50 * ((10 * 80 + K * (160 / 3)) / (10 + K)) + 30 * 90) / 80, 9);
  });

  it('shrinks each target towards the mean of its own category, with K from the whole evaluation', () => {
    // C alone in another category: K is still 20/7; m for A and B = (80 + 30) / 2 = 55, for C = 50
    // S*_A = (800 + 2.857·55) / 12.857 = 74.444; S*_C = (500 + 2.857·50) / 12.857 = 50
    const out = score(departmentsInput({ criteria: ONE, enterprise: targets, categories: { A: '综合管理类', B: '综合管理类', C: '执法监管类' } }));
    expect(evaluationOf(out, E2D).k).toBeCloseTo(20 / 7, 9);
    expect(targetOf(out, E2D, 'A').shrunkScore).toBeCloseTo((10 * 80 + K * 55) / (10 + K), 9);
    expect(targetOf(out, E2D, 'A').shrunkScore).toBeCloseTo(74.444, 3);
    expect(targetOf(out, E2D, 'C').shrunkScore).toBeCloseTo(50, 9);
    expect(targetOf(out, E2D, 'C').category).toBe('执法监管类');
  });

  it('falls back to K = 10 when τ² ≤ 0', () => {
    // A and B: 5 satisfied + 5 dissatisfied each → S = 50 both; var S = 0, so τ² = 0 − σ²/10 < 0 → K = 10.
    // C: one satisfied ballot (n = 1, not in the estimate) → S = 100. m = (50 + 50 + 100) / 3 = 66.667
    // S*_A = (10·50 + 10·66.667) / 20 = 58.333; S*_C = (1·100 + 10·66.667) / 11 = 69.697
    const out = score(departmentsInput({ criteria: ONE, enterprise: { A: mix({ [S]: 5, [X]: 5 }), B: mix({ [S]: 5, [X]: 5 }), C: mix({ [S]: 1 }) } }));
    const e = evaluationOf(out, E2D);
    expect(e.kEstimated).toBe(false);
    expect(e.k).toBe(10);
    const m = (50 + 50 + 100) / 3;
    expect(targetOf(out, E2D, 'A').shrunkScore).toBeCloseTo((10 * 50 + 10 * m) / 20, 9);
    expect(targetOf(out, E2D, 'A').shrunkScore).toBeCloseTo(58.333, 3);
    expect(targetOf(out, E2D, 'C').shrunkScore).toBeCloseTo((100 + 10 * m) / 11, 9);
    expect(targetOf(out, E2D, 'C').shrunkScore).toBeCloseTo(69.697, 3);
  });

  it('does not shrink at all when every ballot of a target gives the same score (σ² = 0 → K = 0)', () => {
    // A: 10 × 100, B: 10 × 60 → σ² = 0, var S = (100 − 60)² / 2 = 800 > 0 → K = 0 / 800 = 0 → S* = S
    const out = score(departmentsInput({ enterprise: { A: times(10, both(S, S)), B: times(10, both(B, B)) } }));
    expect(evaluationOf(out, E2D).k).toBe(0);
    expect(evaluationOf(out, E2D).kEstimated).toBe(true);
    expect(targetOf(out, E2D, 'A').shrunkScore).toBeCloseTo(100, 9);
    expect(targetOf(out, E2D, 'B').shrunkScore).toBeCloseTo(60, 9);
  });
});

// ---------------------------------------------------------------------------------------------
// §3: composites
// ---------------------------------------------------------------------------------------------

describe('the department composite', () => {
  // Every department: enterprises 10 × (satisfied, basically) = 80 (all equal, so m = 80 and S* = 80);
  // districts 10 of 15 × (basically, basically) = 60 (S* = 60 likewise).
  const codes = ['D01', 'D02', 'D03', 'D04', 'D05', 'D06', 'D07', 'D08'];
  const input = departmentsInput({
    enterprise: { ...Object.fromEntries(codes.filter((c) => c !== 'D08').map((c) => [c, times(10, both(S, B))])), D08: times(9, both(S, B)) },
    districtGroup: { ballots: 10, raters: 15, targets: Object.fromEntries(codes.map((c) => [c, times(10, both(B, B))])) },
    selfInspectedAll: false,
    office: {
      inspection: { D01: 90, D03: 90, D04: 90, D05: 90, D06: 90, D07: 90, D08: 90 },
      selfInspection: { ...selfInspected(['D01', 'D02', 'D03', 'D04', 'D05', 'D08']), D07: { score: 80, complete: false } },
      vetoes: { D05: '重大安全事故' },
      overdueCases: { D01: 0, D03: 3, D04: 8 },
    },
  });
  const out = score(input);

  it('weighs enterprises 50, districts 20 and inspection 30', () => {
    const d01 = unitOf(out, 'department', 'D01');
    expect(d01.components.enterprises).toBeCloseTo(80, 9);
    expect(d01.components.districts).toBeCloseTo(60, 9);
    expect(d01.components.inspection).toBe(90);
    expect(d01.components.objective).toBeNull();
    // (50·80 + 20·60 + 30·90) / 100 = 79
    expect(d01.composite).toBeCloseTo(79, 9);
    expect(d01.deduction).toBe(0);
    expect(d01.eligible).toBe(true);
    expect(d01.vetoReason).toBeNull();
    expect(d01.flags).not.toContain(FLAGS.deduction);
    expect(d01.flags).not.toContain(FLAGS.inspectionMissing);
  });

  it('renormalises over the components present when the inspection score is missing', () => {
    const d02 = unitOf(out, 'department', 'D02');
    expect(d02.components.inspection).toBeNull();
    // (50·80 + 20·60) / 70 = 5200 / 70 = 74.286
    expect(d02.composite).toBeCloseTo(5200 / 70, 9);
    expect(d02.weights.enterprises).toBeCloseTo(50 / 70, 12);
    expect(d02.weights.districts).toBeCloseTo(20 / 70, 12);
    expect(d02.weights.inspection).toBe(0);
    expect(d02.flags).toContain(FLAGS.inspectionMissing);
    expect(d02.eligible).toBe(true);
  });

  it('deducts 1 per overdue case, at most 5', () => {
    const d03 = unitOf(out, 'department', 'D03');
    expect(d03.deduction).toBe(3);
    expect(d03.composite).toBeCloseTo(79 - 3, 9);
    expect(d03.flags).toContain(FLAGS.deduction);
    const d04 = unitOf(out, 'department', 'D04');
    // 8 overdue cases → min(5, 8) = 5
    expect(d04.deduction).toBe(5);
    expect(d04.composite).toBeCloseTo(79 - 5, 9);
    expect(d04.flags).toContain(FLAGS.deduction);
  });

  it('excludes a vetoed department, with the reason', () => {
    const d05 = unitOf(out, 'department', 'D05');
    expect(d05.eligible).toBe(false);
    expect(d05.vetoReason).toBe('重大安全事故');
    expect(d05.flags).toContain(FLAGS.vetoed);
    expect(d05.rank).toBeNull();
    expect(d05.inQuota).toBe(false);
  });

  it('excludes a department whose self-inspection is missing or incomplete', () => {
    for (const code of ['D06', 'D07']) {
      const unit = unitOf(out, 'department', code);
      expect(unit.eligible).toBe(false);
      expect(unit.flags).toContain(FLAGS.selfInspectionGate);
      expect(unit.rank).toBeNull();
      expect(unit.inQuota).toBe(false);
    }
  });

  it('excludes a department without an enterprise component (n = 9)', () => {
    const d08 = unitOf(out, 'department', 'D08');
    expect(d08.eligible).toBe(false);
    expect(d08.components.enterprises).toBeNull();
    expect(d08.rank).toBeNull();
    // No composite from its inspection alone: it would read as a score the unit does not have.
    expect(d08.composite).toBeNull();
  });

  it('ranks the eligible ones: D01 79, D03 76, D02 74.29, D04 74; quota max(1, round(0.2 × 4)) = 1, none ≥ 85', () => {
    expect(['D01', 'D03', 'D02', 'D04'].map((c) => unitOf(out, 'department', c).rank)).toEqual([1, 2, 3, 4]);
    expect(out.composite.filter((c) => c.unitType === 'department' && c.inQuota)).toEqual([]);
    expect(out.categories).toContainEqual({ unitType: 'department', category: '综合管理类', eligible: 4, quota: 1 });
  });
});

describe('the district composite', () => {
  // Every district: enterprises 10 × (satisfied, basically) = 80, so S* = 80.
  const codes = ['X01', 'X02', 'X03', 'X04', 'X05', 'X06'];
  const config = testConfig();
  const input = scoringInput({
    config,
    districts: units('县(市)、区', codes),
    evaluations: [evaluation(E2X, CRITERIA, Object.fromEntries(codes.map((c) => [c, times(10, both(S, B))])), config)],
    office: {
      districtObjective: {
        X01: { entered: null, closureRate: 0.9, rectificationRate: 0.8, onTimeRate: null },
        X02: { entered: 70, closureRate: 1, rectificationRate: 1, onTimeRate: 1 },
        X04: { entered: null, closureRate: null, rectificationRate: null, onTimeRate: null },
        X05: { entered: 100, closureRate: null, rectificationRate: null, onTimeRate: null },
        X06: { entered: null, closureRate: 1, rectificationRate: 1, onTimeRate: 0.95 },
      },
      vetoes: { X05: '重大环境污染事件' },
      overdueCases: { X01: 3 },
    },
  });
  const out = score(input);

  it('computes the objective indicator from the rates when none is entered', () => {
    const x01 = unitOf(out, 'district', 'X01');
    // (0.9 + 0.8) / 2 × 100 = 85; (70·80 + 30·85) / 100 = (5600 + 2550) / 100 = 81.5; no deductions for districts
    expect(x01.components.objective).toBeCloseTo(85, 9);
    expect(x01.components.enterprises).toBeCloseTo(80, 9);
    expect(x01.deduction).toBe(0);
    expect(x01.composite).toBeCloseTo(81.5, 9);
    expect(x01.weights).toEqual({ enterprises: expect.closeTo(0.7, 12), districts: 0, inspection: 0, objective: expect.closeTo(0.3, 12) });
    // no self-inspection for districts: no gate
    expect(x01.eligible).toBe(true);
    const x06 = unitOf(out, 'district', 'X06');
    // (1 + 1 + 0.95) / 3 × 100 = 98.333; (5600 + 30·98.333) / 100 = 85.5
    expect(x06.components.objective).toBeCloseTo(295 / 3, 9);
    expect(x06.composite).toBeCloseTo(85.5, 9);
  });

  it('takes an entered objective score over the rates', () => {
    const x02 = unitOf(out, 'district', 'X02');
    // (5600 + 30·70) / 100 = 77
    expect(x02.components.objective).toBe(70);
    expect(x02.composite).toBeCloseTo(77, 9);
  });

  it('renormalises to the enterprise rating when there is no objective indicator', () => {
    for (const code of ['X03', 'X04']) {
      const unit = unitOf(out, 'district', code);
      expect(unit.components.objective).toBeNull();
      expect(unit.composite).toBeCloseTo(80, 9);
      expect(unit.weights.enterprises).toBeCloseTo(1, 12);
      expect(unit.flags).toContain(FLAGS.objectiveMissing);
    }
  });

  it('excludes a vetoed district', () => {
    const x05 = unitOf(out, 'district', 'X05');
    expect(x05.eligible).toBe(false);
    expect(x05.vetoReason).toBe('重大环境污染事件');
    expect(x05.flags).toContain(FLAGS.vetoed);
  });

  it('ranks X06 85.5, X01 81.5, X03 = X04 80 (shared), X02 77; quota round(0.2 × 5) = 1 goes to X06 (≥ 85)', () => {
    expect(['X06', 'X01', 'X03', 'X04', 'X02'].map((c) => unitOf(out, 'district', c).rank)).toEqual([1, 2, 3, 3, 5]);
    expect(out.composite.filter((c) => c.unitType === 'district' && c.inQuota).map((c) => c.code)).toEqual(['X06']);
    expect(out.categories).toContainEqual({ unitType: 'district', category: '县(市)、区', eligible: 5, quota: 1 });
    // the target rows repeat their unit's rank
    expect(targetOf(out, E2X, 'X06').rank).toBe(1);
    expect(targetOf(out, E2X, 'X04').rank).toBe(3);
  });
});

// ---------------------------------------------------------------------------------------------
// §3: ranking, tie-breaks, quota, sensitivity
// ---------------------------------------------------------------------------------------------

describe('ranking', () => {
  it('uses competition ranking (1, 2, 2, 4) when units are equal on everything', () => {
    // Ten identical ballots per department → σ² = 0 → K = 0 → S* = S.
    //   P1 100, inspection 90:  (50·100 + 30·90) / 80 = 96.25
    //   P2  80, inspection 100: (50·80 + 30·100) / 80 = 87.5
    //   P3 the same as P2:                              87.5
    //   P4  60, inspection 60:  (50·60 + 30·60) / 80 = 60
    const out = score(
      departmentsInput({
        enterprise: { P1: times(10, both(S, S)), P2: times(10, both(S, B)), P3: times(10, both(S, B)), P4: times(10, both(B, B)) },
        office: { inspection: { P1: 90, P2: 100, P3: 100, P4: 60 } },
      }),
    );
    expect(['P1', 'P2', 'P3', 'P4'].map((c) => unitOf(out, 'department', c).composite)).toEqual([
      expect.closeTo(96.25, 9),
      expect.closeTo(87.5, 9),
      expect.closeTo(87.5, 9),
      expect.closeTo(60, 9),
    ]);
    expect(['P1', 'P2', 'P3', 'P4'].map((c) => unitOf(out, 'department', c).rank)).toEqual([1, 2, 2, 4]);
    expect(['P1', 'P2', 'P3', 'P4'].map((c) => targetOf(out, E2D, c).rank)).toEqual([1, 2, 2, 4]);
    // quota max(1, round(0.2 × 4)) = 1: P1 (96.25 ≥ 85)
    expect(['P1', 'P2', 'P3', 'P4'].map((c) => unitOf(out, 'department', c).inQuota)).toEqual([true, false, false, false]);
    // county points: P1 100 → 96.25, P2 = P3 (100 + 70) / 2 = 85 → (4250 + 3000) / 80 = 90.625, P4 70 → 66.25: same ranks
    expect(unitOf(out, 'department', 'P1').sensitivity).toEqual({ ranks: { county: 1 }, rankRange: [1, 1] });
    expect(unitOf(out, 'department', 'P3').sensitivity).toEqual({ ranks: { county: 2 }, rankRange: [2, 2] });
    expect(unitOf(out, 'department', 'P4').sensitivity).toEqual({ ranks: { county: 4 }, rankRange: [4, 4] });
  });

  it('breaks an equal composite by the enterprise S*', () => {
    // K = 0 as above. T1: S* 80, inspection 40 → (4000 + 1200) / 80 = 65; T2: S* 50, inspection 90 → (2500 + 2700) / 80 = 65
    const out = score(
      departmentsInput({
        enterprise: { T1: times(10, both(S, B)), T2: times(10, both(S, X)) },
        office: { inspection: { T1: 40, T2: 90 } },
      }),
    );
    expect(unitOf(out, 'department', 'T1').composite).toBeCloseTo(65, 9);
    expect(unitOf(out, 'department', 'T2').composite).toBeCloseTo(65, 9);
    expect(unitOf(out, 'department', 'T1').rank).toBe(1);
    expect(unitOf(out, 'department', 'T2').rank).toBe(2);
  });

  it('compares composites rounded to 2 decimals, so 65.001 and 65.004 go to the tie-break', () => {
    // K = 0, S* = S. T1: S* 80, inspection 40 + 0.08/30 → (4000 + 1200.08) / 80 = 65.001
    //                T2: S* 50, inspection 90 + 0.32/30 → (2500 + 2700.32) / 80 = 65.004
    // Both 65.00 as published: T1 first on the enterprise S*, although its unrounded composite is lower.
    const out = score(
      departmentsInput({
        enterprise: { T1: times(10, both(S, B)), T2: times(10, both(S, X)) },
        office: { inspection: { T1: 40 + 0.08 / 30, T2: 90 + 0.32 / 30 } },
      }),
    );
    expect(unitOf(out, 'department', 'T1').composite).toBeCloseTo(65.001, 9);
    expect(unitOf(out, 'department', 'T2').composite).toBeCloseTo(65.004, 9);
    expect(unitOf(out, 'department', 'T1').rank).toBe(1);
    expect(unitOf(out, 'department', 'T2').rank).toBe(2);
  });

  it('then by the higher 满意率', () => {
    // T1: 10 basically → S = 60, 满意率 1; T2: 6 satisfied + 4 dissatisfied → S = 60, 满意率 0.6.
    // Equal S and n → equal S* (= m = 60); inspection 80 both → (3000 + 2400) / 80 = 67.5 both.
    const out = score(
      departmentsInput({
        criteria: ONE,
        enterprise: { T1: mix({ [B]: 10 }), T2: mix({ [S]: 6, [X]: 4 }) },
        office: { inspection: { T1: 80, T2: 80 } },
      }),
    );
    expect(targetOf(out, E2D, 'T1').shrunkScore).toBeCloseTo(60, 9);
    expect(targetOf(out, E2D, 'T2').shrunkScore).toBeCloseTo(60, 9);
    expect(targetOf(out, E2D, 'T2').satisfactionRate).toBeCloseTo(0.6, 12);
    expect(unitOf(out, 'department', 'T1').composite).toBeCloseTo(67.5, 9);
    expect(unitOf(out, 'department', 'T1').rank).toBe(1);
    expect(unitOf(out, 'department', 'T2').rank).toBe(2);
  });

  it('then by the lower 不满意率', () => {
    // A 'fair' answer worth 20 that is neither content nor discontent, so 满意率 + 不满意率 < 1:
    //   T1: 5 satisfied, 2 fair, 3 dissatisfied            → S = (500 + 40) / 10 = 54, 满意率 0.5, 不满意率 0.3
    //   T2: 4 satisfied, 1 basically, 4 fair, 1 dissatisfied → S = (400 + 60 + 80) / 10 = 54, 满意率 0.5, 不满意率 0.1
    const config = testConfig((c) => {
      c.points.values = { satisfied: 100, basically: 60, fair: 20, dissatisfied: 0 };
      c.alternativePoints = {};
    });
    const out = score(
      departmentsInput({
        config,
        criteria: ONE,
        enterprise: { T1: mix({ [S]: 5, fair: 2, [X]: 3 }), T2: mix({ [S]: 4, [B]: 1, fair: 4, [X]: 1 }) },
        office: { inspection: { T1: 80, T2: 80 } },
      }),
    );
    expect(targetOf(out, E2D, 'T1').score).toBeCloseTo(54, 9);
    expect(targetOf(out, E2D, 'T2').score).toBeCloseTo(54, 9);
    expect(targetOf(out, E2D, 'T1').satisfactionRate).toBeCloseTo(0.5, 12);
    expect(targetOf(out, E2D, 'T2').satisfactionRate).toBeCloseTo(0.5, 12);
    expect(targetOf(out, E2D, 'T1').dissatisfactionRate).toBeCloseTo(0.3, 12);
    expect(targetOf(out, E2D, 'T2').dissatisfactionRate).toBeCloseTo(0.1, 12);
    expect(unitOf(out, 'department', 'T2').rank).toBe(1);
    expect(unitOf(out, 'department', 'T1').rank).toBe(2);
  });

  it('then by the higher inspection score', () => {
    // Enterprises 10 × (basically, basically) = 60 for both (S* = 60). Districts, 10 of 15, identical ballots (K = 0):
    //   T1: districts 80, inspection 70 → (50·60 + 20·80 + 30·70) / 100 = (3000 + 1600 + 2100) / 100 = 67
    //   T2: districts 50, inspection 90 → (3000 + 1000 + 2700) / 100 = 67
    const out = score(
      departmentsInput({
        enterprise: { T1: times(10, both(B, B)), T2: times(10, both(B, B)) },
        districtGroup: { ballots: 10, raters: 15, targets: { T1: times(10, both(S, B)), T2: times(10, both(S, X)) } },
        office: { inspection: { T1: 70, T2: 90 } },
      }),
    );
    expect(unitOf(out, 'department', 'T1').composite).toBeCloseTo(67, 9);
    expect(unitOf(out, 'department', 'T2').composite).toBeCloseTo(67, 9);
    expect(unitOf(out, 'department', 'T2').rank).toBe(1);
    expect(unitOf(out, 'department', 'T1').rank).toBe(2);
  });
});

describe('the quota', () => {
  /** Departments all at enterprise S* = `enterprise` (identical ballots), with these inspection scores. */
  const withInspections = (inspections: number[], ballot: Answers) => {
    const codes = inspections.map((_, i) => `Q${String(i + 1).padStart(2, '0')}`);
    return score(
      departmentsInput({
        enterprise: Object.fromEntries(codes.map((c) => [c, times(10, ballot)])),
        office: { inspection: Object.fromEntries(codes.map((c, i) => [c, inspections[i]])) },
      }),
    );
  };
  const inQuota = (out: ScoringOutput) => out.composite.filter((c) => c.inQuota).map((c) => c.code);

  it('takes round(0.2 × 10) = 2 places but only composites ≥ 85', () => {
    // S* = 80: (4000 + 30·I) / 80 → I = 100: 87.5 (rank 1), I = 90: 83.75 (rank 2, below 85), …
    const out = withInspections([100, 90, 80, 70, 60, 50, 40, 30, 20, 10], both(S, B));
    expect(out.categories).toContainEqual({ unitType: 'department', category: '综合管理类', eligible: 10, quota: 2 });
    expect(unitOf(out, 'department', 'Q01').composite).toBeCloseTo(87.5, 9);
    expect(unitOf(out, 'department', 'Q02').composite).toBeCloseTo(83.75, 9);
    expect(unitOf(out, 'department', 'Q02').rank).toBe(2);
    expect(inQuota(out)).toEqual(['Q01']);
  });

  it('counts a composite of exactly 85 as reaching the threshold', () => {
    // S* = 100: (5000 + 30·I) / 80 → I = 100: 100, I = 60: 85 exactly, I = 59: 84.625; quota round(0.2 × 8) = 2
    const out = withInspections([100, 60, 59, 50, 40, 30, 20, 10], both(S, S));
    expect(out.categories).toContainEqual({ unitType: 'department', category: '综合管理类', eligible: 8, quota: 2 });
    expect(unitOf(out, 'department', 'Q02').composite).toBeCloseTo(85, 9);
    expect(inQuota(out)).toEqual(['Q01', 'Q02']);
  });

  it('gives at least one place: 2 eligible → max(1, round(0.4)) = 1', () => {
    const out = withInspections([100, 90], both(S, B));
    expect(out.categories).toContainEqual({ unitType: 'department', category: '综合管理类', eligible: 2, quota: 1 });
    expect(inQuota(out)).toEqual(['Q01']);
  });

  it('rounds the share the office means: 70 % of 45 is 31.5 → 32 places, although 0.7 × 45 is 31.499999999999996 in binary', () => {
    const codes = Array.from({ length: 45 }, (_, i) => `Q${String(i + 1).padStart(2, '0')}`);
    const out = score(
      departmentsInput({
        config: testConfig((c) => {
          c.awards.quotaShare = 0.7;
          c.uncertainty.resamples = 0;
        }),
        enterprise: Object.fromEntries(codes.map((c) => [c, times(10, both(S, S))])),
        office: { inspection: Object.fromEntries(codes.map((c) => [c, 90])) },
      }),
    );
    expect(out.categories).toContainEqual({ unitType: 'department', category: '综合管理类', eligible: 45, quota: 32 });
  });

  it('takes round(0.2 × 13) = 3 places', () => {
    // S* = 100: (5000 + 30·I) / 80 ≥ 85 for I ≥ 60
    const out = withInspections([100, 99, 98, 97, 96, 95, 94, 93, 92, 91, 90, 89, 88], both(S, S));
    expect(out.categories).toContainEqual({ unitType: 'department', category: '综合管理类', eligible: 13, quota: 3 });
    expect(inQuota(out)).toEqual(['Q01', 'Q02', 'Q03']);
  });
});

describe('sensitivity to the point preset', () => {
  it('reports each rank under the county preset and the range over both', () => {
    // One criterion, inspection 80 for both, n = 12 for both (same K and m, so S* keeps the order of S):
    //   P: 7 satisfied + 5 dissatisfied → standard 700 / 12 = 58.33; county (700 + 150) / 12 = 70.83
    //   Q: 12 basically                 → standard 60;                county 70
    // standard: Q 1, P 2; county: P 1, Q 2
    const out = score(
      departmentsInput({
        criteria: ONE,
        enterprise: { P: mix({ [S]: 7, [X]: 5 }), Q: mix({ [B]: 12 }) },
        office: { inspection: { P: 80, Q: 80 } },
      }),
    );
    expect(unitOf(out, 'department', 'Q').rank).toBe(1);
    expect(unitOf(out, 'department', 'P').rank).toBe(2);
    expect(unitOf(out, 'department', 'Q').sensitivity).toEqual({ ranks: { county: 2 }, rankRange: [1, 2] });
    expect(unitOf(out, 'department', 'P').sensitivity).toEqual({ ranks: { county: 1 }, rankRange: [1, 2] });
  });
});

// ---------------------------------------------------------------------------------------------
// Uncertainty
// ---------------------------------------------------------------------------------------------

describe('the bootstrap', () => {
  const config = testConfig((c) => {
    c.uncertainty.resamples = 1000;
  });

  it('gives a clear leader with many ballots P(in quota) near 1 and a narrow rank interval', () => {
    // L: 100 ballots, 95 satisfied + 5 basically → S = 98, inspection 95. Five others with 30 ballots each and
    // S from 63 to 77, inspection 80: composites around 70–75. Quota round(0.2 × 6) = 1.
    const enterprise: Record<string, Answers[]> = { L: mix({ [S]: 95, [B]: 5 }) };
    for (let i = 1; i <= 5; i++) enterprise[`O${i}`] = mix({ [S]: 12 + i, [B]: 10, [X]: 8 - i });
    const out = score(
      departmentsInput({
        config,
        criteria: ONE,
        enterprise,
        office: { inspection: { L: 95, O1: 80, O2: 80, O3: 80, O4: 80, O5: 80 } },
      }),
    );
    const leader = unitOf(out, 'department', 'L');
    expect(leader.rank).toBe(1);
    expect(leader.inQuota).toBe(true);
    expect(leader.pInQuota).toBeGreaterThanOrEqual(0.99);
    expect(leader.rankInterval).toEqual([1, 1]);
    expect(leader.flags).not.toContain(FLAGS.needsReview);
    expect(targetOf(out, E2D, 'L').pInQuota).toBe(leader.pInQuota);
    for (let i = 1; i <= 5; i++) {
      const other = unitOf(out, 'department', `O${i}`);
      expect(other.pInQuota).toBeLessThanOrEqual(0.01);
      expect(other.flags).not.toContain(FLAGS.needsReview);
      expect(other.rankInterval![0]).toBeLessThanOrEqual(other.rank!);
      expect(other.rankInterval![1]).toBeGreaterThanOrEqual(other.rank!);
    }
  });

  it('flags two nearly equal units at the quota boundary 差异不显著，需复核', () => {
    // A: 27 × 100 + 3 × 60 → S = 96; B: 26 × 100 + 1 × 80 + 3 × 60 → S = 95.33; inspection 100 both.
    // C, D, E lower (86.67, 80, 73.33), inspection 80. Quota round(0.2 × 5) = 1 place, both A and B well above 85:
    // which of them takes it turns on one answer, so each is in the quota in roughly a third to two thirds of the resamples.
    const out = score(
      departmentsInput({
        config,
        enterprise: {
          A: [...times(27, both(S, S)), ...times(3, both(B, B))],
          B: [...times(26, both(S, S)), both(S, B), ...times(3, both(B, B))],
          C: [...times(20, both(S, S)), ...times(10, both(B, B))],
          D: [...times(15, both(S, S)), ...times(15, both(B, B))],
          E: [...times(10, both(S, S)), ...times(20, both(B, B))],
        },
        office: { inspection: { A: 100, B: 100, C: 80, D: 80, E: 80 } },
      }),
    );
    const a = unitOf(out, 'department', 'A');
    const b = unitOf(out, 'department', 'B');
    expect(a.rank).toBe(1);
    expect(b.rank).toBe(2);
    expect(a.inQuota).toBe(true);
    expect(b.inQuota).toBe(false);
    for (const unit of [a, b]) {
      expect(unit.pInQuota).toBeGreaterThanOrEqual(0.2);
      expect(unit.pInQuota).toBeLessThanOrEqual(0.8);
      expect(unit.flags).toContain(FLAGS.needsReview);
      expect(unit.rankInterval).toEqual([1, 2]);
    }
    expect(unitOf(out, 'department', 'E').flags).not.toContain(FLAGS.needsReview);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

interface Scenario {
  config: ScoringConfig;
  departments: UnitInput[];
  districts: UnitInput[];
  ballots: Record<RatingEvaluationKind, Ballot[]>;
  raters: Record<RatingEvaluationKind, number>;
  office: OfficeInputs;
}

const DEPARTMENTS = [...units('综合管理类', ['D01', 'D02', 'D03', 'D04']), ...units('执法监管类', ['D05', 'D06', 'D07', 'D08'])];
const DISTRICTS = [...units('县(市)、区', ['X01', 'X02', 'X03']), ...units('开发区', ['X04', 'X05'])];

/** Random ballots of `count` raters; each ticks each target with its own probability and answers by its quality. */
function randomBallots(random: Random, count: number, targets: { code: string; tick: number; quality: number }[]): Ballot[] {
  const answer = (quality: number) => pickWeighted(random, [[S, 2 + 6 * quality], [B, 3], [X, 3 - 2.5 * quality], [NA, 1.5]] as const);
  return Array.from({ length: count }, (_, i) => {
    const ratings: Record<string, Answers> = {};
    for (const t of targets) if (random() < t.tick) ratings[t.code] = { attitude: answer(t.quality), efficiency: answer(t.quality) };
    return { id: i + 1, ratings };
  });
}

function randomScenario(seed: number): Scenario {
  const random = seededRandom(seed);
  const config = testConfig();
  const departments = DEPARTMENTS.map((u) => ({ ...u }));
  const districts = DISTRICTS.map((u) => ({ ...u }));
  // Over 100 ballots, D01 is ticked by about 6 (not ranked), D05 by about 20 (样本偏少), the others by 25 to 60.
  const ticks: Record<string, number> = { D01: 0.06, D05: 0.2 };
  const deptTargets = departments.map((u) => ({ code: u.code, tick: ticks[u.code] ?? 0.25 + 0.35 * random(), quality: random() }));
  const distTargets = districts.map((u) => ({ code: u.code, tick: 0.3 + 0.5 * random(), quality: random() }));
  const ballots = {
    [E2D]: randomBallots(random, 100, deptTargets),
    [E2X]: randomBallots(random, 60, distTargets),
    // 9 of 12 districts answer about every department: quorum met, n ≥ 7 mostly (trimmed)
    [D2D]: randomBallots(random, 9, deptTargets.map((t) => ({ ...t, tick: 0.95 }))),
  } as Record<RatingEvaluationKind, Ballot[]>;
  const office: OfficeInputs = {
    inspection: Object.fromEntries(departments.filter((u) => u.code !== 'D03').map((u) => [u.code, 60 + randomInt(random, 0, 40)])),
    selfInspection: { ...selfInspected(departments.map((u) => u.code)), D07: { score: 70, complete: false } },
    vetoes: { D08: '欠薪' },
    overdueCases: Object.fromEntries(departments.map((u) => [u.code, randomInt(random, 0, 7)])),
    districtObjective: {
      X01: { entered: 80, closureRate: null, rectificationRate: null, onTimeRate: null },
      X02: { entered: null, closureRate: random(), rectificationRate: random(), onTimeRate: random() },
      X04: { entered: null, closureRate: random(), rectificationRate: null, onTimeRate: null },
      X05: { entered: 60 + randomInt(random, 0, 40), closureRate: random(), rectificationRate: null, onTimeRate: null },
    },
  };
  return { config, departments, districts, ballots, raters: { [E2D]: 300, [E2X]: 200, [D2D]: 12 } as Record<RatingEvaluationKind, number>, office };
}

function buildInput(s: Scenario, seed = 'campaign-1'): ScoringInput {
  const codes = (kind: RatingEvaluationKind) => (kind === E2X ? s.districts : s.departments).map((u) => u.code);
  const evaluations = ([E2D, E2X, D2D] as const).map((kind) => evaluationFromBallots(kind, CRITERIA, codes(kind), s.ballots[kind], s.config, s.raters[kind]));
  return { seed, config: s.config, departments: s.departments, districts: s.districts, evaluations, office: s.office };
}

const json = (out: ScoringOutput) => JSON.stringify(out);
const SEEDS = [1, 2, 3, 4, 5];

/** A copy of the output with the given fields removed from every target and composite row. */
function without(out: ScoringOutput, fields: string[], flags: string[] = []): unknown {
  const strip = <T extends { flags: string[] }>(row: T) => {
    const copy: Record<string, unknown> = { ...row, flags: row.flags.filter((f) => !flags.includes(f)) };
    for (const field of fields) delete copy[field];
    return copy;
  };
  return { ...out, evaluations: out.evaluations.map((e) => ({ ...e, targets: e.targets.map(strip) })), composite: out.composite.map(strip) };
}

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

describe('properties', () => {
  it('the random scenarios exercise the thresholds', () => {
    // guard: the properties below mean something only if the scenarios reach both sides of n = 10 and the trimming
    const ns = SEEDS.flatMap((seed) => evaluationOf(score(buildInput(randomScenario(seed))), E2D).targets.map((t) => t.n));
    expect(ns.some((n) => n < 10)).toBe(true);
    expect(ns.some((n) => n >= 10 && n < 30)).toBe(true);
    expect(ns.some((n) => n >= 30)).toBe(true);
    const out = score(buildInput(randomScenario(1)));
    expect(evaluationOf(out, D2D).quorumMet).toBe(true);
    expect(out.composite.some((c) => c.eligible && c.rank !== null)).toBe(true);
  });

  it('the same input twice gives byte-identical output, and the input is left as it was', () => {
    for (const seed of SEEDS) {
      const input = buildInput(randomScenario(seed));
      const before = JSON.stringify(input);
      const first = json(score(input));
      expect(JSON.stringify(input)).toBe(before);
      expect(json(score(structuredClone(input)))).toBe(first);
    }
  });

  it('a ballot scored 100 on every criterion never lowers S', () => {
    for (const seed of SEEDS.slice(0, 3)) {
      const s = randomScenario(seed);
      const before = score(buildInput(s));
      for (const kind of KINDS) {
        for (const t of evaluationOf(before, kind).targets) {
          // Not from n = 6 to 7 in the district group: there S switches from the criterion means to the
          // trimmed mean of the ballot scores, two different estimators.
          if (kind === D2D && t.n === 6) continue;
          const extra: Ballot = { id: 10_000, ratings: { [t.code]: both(S, S) } };
          const after = score(buildInput({ ...s, ballots: { ...s.ballots, [kind]: [...s.ballots[kind], extra] } }));
          const u = targetOf(after, kind, t.code);
          expect(u.n).toBe(t.n + 1);
          if (t.score === null) expect(u.score).toBeCloseTo(100, 9);
          else expect(u.score!).toBeGreaterThanOrEqual(t.score - 1e-9);
        }
      }
    }
  });

  it('permuting the targets and evaluations of the input gives byte-identical output', () => {
    for (const seed of SEEDS) {
      const input = buildInput(randomScenario(seed));
      const random = seededRandom(seed * 7919);
      const permuted: ScoringInput = {
        ...input,
        evaluations: shuffled(random, input.evaluations).map((e) => ({ ...e, targets: shuffled(random, e.targets) })),
      };
      expect(json(score(permuted))).toBe(json(score(input)));
    }
  });

  it('ballots answering only na change no score', () => {
    for (const seed of SEEDS) {
      const input = buildInput(randomScenario(seed));
      const withNa = structuredClone(input);
      const random = seededRandom(seed * 104729);
      for (const e of withNa.evaluations) {
        for (const t of e.targets) {
          const extra = randomInt(random, 0, 3);
          t.seen += extra;
          for (const c of e.criteria) {
            const counts = (t.answerCounts[c] ??= {});
            counts[NA] = (counts[NA] ?? 0) + extra;
          }
        }
      }
      // Only `seen`, and with it 信息不足, may change.
      expect(JSON.stringify(without(score(withNa), ['seen'], [FLAGS.informationShortage]))).toBe(
        JSON.stringify(without(score(input), ['seen'], [FLAGS.informationShortage])),
      );
    }
  });

  it('a voided ballot leaves every score: the same output as never having had it', () => {
    for (const seed of SEEDS) {
      const s = randomScenario(seed);
      const random = seededRandom(seed * 31);
      for (const kind of KINDS) {
        const victim = s.ballots[kind][randomInt(random, 0, s.ballots[kind].length - 1)];
        const voided = { ...s, ballots: { ...s.ballots, [kind]: s.ballots[kind].map((b) => (b === victim ? { ...b, voided: true } : b)) } };
        const never = { ...s, ballots: { ...s.ballots, [kind]: s.ballots[kind].filter((b) => b !== victim) } };
        expect(json(score(buildInput(voided)))).toBe(json(score(buildInput(never))));
      }
    }
  });

  it('a different seed changes nothing but the bootstrap fields', () => {
    let bootstrapMoved = false;
    for (const seed of SEEDS) {
      const s = randomScenario(seed);
      const one = score(buildInput(s, 'campaign-1'));
      const other = score(buildInput(s, 'campaign-2'));
      if (json(one) !== json(other)) bootstrapMoved = true;
      expect(JSON.stringify(without(other, ['rankInterval', 'pInQuota', 'shrunkScoreInterval'], [FLAGS.needsReview]))).toBe(
        JSON.stringify(without(one, ['rankInterval', 'pInQuota', 'shrunkScoreInterval'], [FLAGS.needsReview])),
      );
    }
    // and the seed does seed: some P(in quota) strictly between 0 and 1 comes out differently
    expect(bootstrapMoved).toBe(true);
  });
});

describe('the configuration hash', () => {
  it('names the configuration that produced the results, whatever the order of its keys', () => {
    const config = testConfig();
    const out = score(buildInput({ ...randomScenario(1), config }));
    expect(out.configHash).toBe(configHash(config));
    const reordered = Object.fromEntries(Object.entries(config).reverse()) as unknown as ScoringConfig;
    expect(configHash(reordered)).toBe(configHash(config));
    expect(configHash(testConfig((c) => (c.awards.threshold = 80)))).not.toBe(configHash(config));
  });
});
