/**
 * Scoring-engine inputs built from ballots written out by hand, the way the results service builds
 * them from SQL: answer counts per criterion and code, and each ballot's target score (the weighted
 * mean of its valid criterion points) under the primary points and under each alternative preset.
 */
import { defaultScoringConfig, type ScoringConfig } from '../../server/src/scoring/scoring-config.js';
import type {
  OfficeInputs,
  RatingEvaluationInput,
  RatingEvaluationKind,
  RatingTargetInput,
  ScoringInput,
  UnitInput,
} from '../../server/src/scoring/scoring-types.js';

/** One ballot's answers for one target: criterion → answer code (missing = blank). */
export type Answers = Record<string, string | undefined>;

/** A ballot of an evaluation: its answers per target it ticked, and whether the office voided it. */
export interface Ballot {
  id: number;
  voided?: boolean;
  ratings: Record<string, Answers>;
}

/** `count` copies of the same answers. */
export function times(count: number, answers: Answers): Answers[] {
  return Array.from({ length: count }, () => ({ ...answers }));
}

/** A ballot's target score under `points`: the weighted mean of its valid criterion points; null if none. */
export function ballotScore(answers: Answers, points: Record<string, number>, weights: Record<string, number> = {}): number | null {
  let sum = 0;
  let weight = 0;
  for (const [criterion, code] of Object.entries(answers)) {
    if (code === undefined || !(code in points)) continue;
    const w = weights[criterion] ?? 1;
    sum += w * points[code];
    weight += w;
  }
  return weight > 0 ? sum / weight : null;
}

/** A target's input from the answers of the (not voided) ballots that ticked it, in ballot order. */
export function ratingTarget(code: string, ballots: Answers[], config: ScoringConfig): RatingTargetInput {
  const answerCounts: Record<string, Record<string, number>> = {};
  for (const answers of ballots) {
    for (const [criterion, answer] of Object.entries(answers)) {
      if (answer === undefined) continue;
      const counts = (answerCounts[criterion] ??= {});
      counts[answer] = (counts[answer] ?? 0) + 1;
    }
  }
  const scores = (points: Record<string, number>) =>
    ballots.map((answers) => ballotScore(answers, points, config.criterionWeights)).filter((s): s is number => s !== null);
  const alternatives: Record<string, number[]> = {};
  for (const [name, points] of Object.entries(config.alternativePoints)) alternatives[name] = scores(points);
  return { code, answerCounts, seen: ballots.length, ballotScores: { primary: scores(config.points.values), alternatives } };
}

const GROUPS: Record<RatingEvaluationKind, { raterGroup: 'enterprise' | 'district'; targetGroup: 'department' | 'district' }> = {
  'enterprise-rates-departments': { raterGroup: 'enterprise', targetGroup: 'department' },
  'enterprise-rates-districts': { raterGroup: 'enterprise', targetGroup: 'district' },
  'district-rates-departments': { raterGroup: 'district', targetGroup: 'department' },
};

/**
 * An evaluation whose targets are given directly as lists of answers. `ballots` (coverage's
 * denominator) defaults to the largest number of ballots any target saw.
 */
export function evaluation(
  kind: RatingEvaluationKind,
  criteria: string[],
  targets: Record<string, Answers[]>,
  config: ScoringConfig,
  counts: { ballots?: number; raters?: number } = {},
): RatingEvaluationInput {
  const ballots = counts.ballots ?? Math.max(0, ...Object.values(targets).map((list) => list.length));
  return {
    evaluationId: kind,
    kind,
    ...GROUPS[kind],
    criteria,
    ballots,
    raters: counts.raters ?? ballots,
    targets: Object.entries(targets).map(([code, list]) => ratingTarget(code, list, config)),
  };
}

/**
 * An evaluation from whole ballots, as the service sees them: voided ballots leave everything,
 * the others count as ballots and feed each target they ticked, in the order of their ids.
 */
export function evaluationFromBallots(
  kind: RatingEvaluationKind,
  criteria: string[],
  targetCodes: string[],
  ballots: Ballot[],
  config: ScoringConfig,
  raters: number,
): RatingEvaluationInput {
  const valid = ballots.filter((b) => !b.voided).sort((a, b) => a.id - b.id);
  const targets: Record<string, Answers[]> = {};
  for (const code of targetCodes) targets[code] = valid.filter((b) => code in b.ratings).map((b) => b.ratings[code]);
  return evaluation(kind, criteria, targets, config, { ballots: valid.length, raters });
}

export function emptyOffice(): OfficeInputs {
  return { inspection: {}, selfInspection: {}, vetoes: {}, overdueCases: {}, districtObjective: {} };
}

/** Every department complete on 自查, so the gate passes unless a test says otherwise. */
export function selfInspected(codes: string[]): OfficeInputs['selfInspection'] {
  return Object.fromEntries(codes.map((code) => [code, { score: 90, complete: true }]));
}

/** The default configuration with few bootstrap resamples, so the tests run fast. */
export function testConfig(change: (config: ScoringConfig) => void = () => {}): ScoringConfig {
  const config = defaultScoringConfig();
  config.uncertainty.resamples = 200;
  change(config);
  return config;
}

export function scoringInput(parts: {
  config: ScoringConfig;
  departments?: UnitInput[];
  districts?: UnitInput[];
  evaluations: RatingEvaluationInput[];
  office?: Partial<OfficeInputs>;
  seed?: string;
}): ScoringInput {
  return {
    seed: parts.seed ?? 'campaign-1',
    config: parts.config,
    departments: parts.departments ?? [],
    districts: parts.districts ?? [],
    evaluations: parts.evaluations,
    office: { ...emptyOffice(), ...parts.office },
  };
}

/** Units of one category. */
export function units(category: string, codes: string[]): UnitInput[] {
  return codes.map((code) => ({ code, category }));
}
