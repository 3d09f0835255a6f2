/**
 * What the scoring engine takes and gives (SCORING.md §1–3, §5, §6). Pure data: the
 * results service fills the input from SQL aggregates, the tests by hand.
 *
 * Decisions where SCORING.md leaves room, stated once here and in the method sheet:
 * - Answer counts are per criterion and answer code over submitted, not voided ballots;
 *   codes without points (`na`, anything unknown) are abstentions.
 * - A ballot's target score is the weighted mean of its valid criterion points for that
 *   target (SQL computes it); ballots with no valid answer for the target have none.
 * - S is the weighted mean of the criterion means (§2). For the district group with n ≥ 7
 *   the single highest and lowest ballot target scores are dropped and S is the mean of
 *   the remaining ones (the criterion scores stay over all answers).
 * - The bootstrap resamples a target's ballot target scores (with replacement, n of n)
 *   and moves S by the resample's mean minus the full mean, so the intervals centre on S.
 *   K and eligibility stay as estimated; m, S*, composites, ranks and the quota are
 *   recomputed in every resample.
 * - Only the evaluations that feed a composite are resampled; every target with a score in
 *   one of them gets the interval of its resampled S* (the same coverage and nearest-rank
 *   percentiles as the rank interval), which moves with its own ballots and with m.
 * - Ranks, composites and the quota are per unit (department or district) within its
 *   category; every target row of an evaluation repeats its unit's rank fields.
 */
import type { ScoringConfig } from './scoring-config.js';

export type RatingEvaluationKind = 'enterprise-rates-departments' | 'enterprise-rates-districts' | 'district-rates-departments';
export type UnitType = 'department' | 'district';

/** Flags as SCORING.md names them; the pages translate them. */
export const FLAGS = {
  informationShortage: '信息不足',
  smallSample: '样本偏少',
  notRanked: '样本不足，不排名',
  quorumNotMet: '区县政府评议未达三分之二，不计入',
  trimmed: '已去掉一个最高分和一个最低分',
  districtsMissing: '缺少区县政府评议，权重已重新分配',
  inspectionMissing: '缺少责任书检查得分，权重已重新分配',
  objectiveMissing: '缺少客观指标，权重已重新分配',
  selfInspectionGate: '自查缺失或不完整，不具备评选资格',
  vetoed: '一票否决',
  deduction: '超期案件扣分',
  needsReview: '差异不显著，需复核',
} as const;
export type Flag = (typeof FLAGS)[keyof typeof FLAGS];

export interface RatingTargetInput {
  /** Department or district code. */
  code: string;
  /** Answer counts by criterion, then answer code; abstentions included. */
  answerCounts: Record<string, Record<string, number>>;
  /** Ballots that rated this target at all (ticked it), even if only with `na`. */
  seen: number;
  /**
   * Ballot target scores under the configuration's points (`primary`) and under each
   * alternative preset (by its name in `alternativePoints`), one per ballot with at least one
   * valid answer, in a fixed order (the ballots' ids). `primary.length` is n.
   */
  ballotScores: { primary: number[]; alternatives: Record<string, number[]> };
}

export interface RatingEvaluationInput {
  evaluationId: string;
  kind: RatingEvaluationKind;
  raterGroup: 'enterprise' | 'district';
  targetGroup: UnitType;
  /** Criterion codes in questionnaire order. */
  criteria: string[];
  /** Submitted, not voided ballots; each could rate every target (coverage's denominator). */
  ballots: number;
  /** Raters invited (for the district quorum: the districts that could answer). */
  raters: number;
  targets: RatingTargetInput[];
}

export interface UnitInput {
  code: string;
  /** Departments: their category (综合管理类 …); districts: 县(市)、区 or 开发区. */
  category: string;
}

export interface OfficeInputs {
  /** 责任书检查, 0–100, by unit code; missing = not entered. */
  inspection: Record<string, number>;
  /** 自查 by department code; missing or `complete: false` fails the gate. */
  selfInspection: Record<string, { score: number | null; complete: boolean }>;
  /** 一票否决: unit code → reason. */
  vetoes: Record<string, string>;
  /** Cases past their deadline at the cutoff, by department code. */
  overdueCases: Record<string, number>;
  /**
   * A district's objective indicators: an entered score (0–100) wins; else the mean of the
   * rates that exist, × 100; none → the component is missing.
   */
  districtObjective: Record<string, { entered: number | null; closureRate: number | null; rectificationRate: number | null; onTimeRate: number | null }>;
}

export interface ScoringInput {
  /** Seeds the bootstrap; the service passes campaign id + configuration hash. */
  seed: string;
  config: ScoringConfig;
  departments: UnitInput[];
  districts: UnitInput[];
  evaluations: RatingEvaluationInput[];
  office: OfficeInputs;
}

export interface TargetResult {
  code: string;
  category: string;
  n: number;
  seen: number;
  coverage: number | null;
  score: number | null;
  shrunkScore: number | null;
  /**
   * The bootstrap interval of S* (config.uncertainty.rankInterval, nearest-rank percentiles of
   * the resampled S*); null where the target has no score, its evaluation is not resampled or
   * there are no resamples.
   */
  shrunkScoreInterval: [number, number] | null;
  satisfactionRate: number | null;
  satisfactionCi: [number, number] | null;
  dissatisfactionRate: number | null;
  /** Criterion means; null where no valid answer. */
  criteria: Record<string, number | null>;
  /** Whether this group's score is ranked/used (enterprise n ≥ 10; district quorum met). */
  ranked: boolean;
  composite: number | null;
  rank: number | null;
  rankInterval: [number, number] | null;
  pInQuota: number | null;
  awarded: boolean;
  flags: Flag[];
}

export interface EvaluationResult {
  evaluationId: string;
  kind: RatingEvaluationKind;
  raterGroup: 'enterprise' | 'district';
  targetGroup: UnitType;
  ballots: number;
  raters: number;
  /** District group: whether ⅔ of the districts returned valid ballots. */
  quorumMet: boolean;
  /** Shrinkage constant used, and whether it was estimated (false = the fallback). */
  k: number;
  kEstimated: boolean;
  targets: TargetResult[];
}

export interface CompositeResult {
  unitType: UnitType;
  code: string;
  category: string;
  /** Component scores on 0–100 (S* for the rating groups); null = missing. */
  components: { enterprises: number | null; districts: number | null; inspection: number | null; objective: number | null };
  /** Weights actually used after renormalising over the components present, summing to 1. */
  weights: { enterprises: number; districts: number; inspection: number; objective: number };
  deduction: number;
  composite: number | null;
  eligible: boolean;
  vetoReason: string | null;
  rank: number | null;
  rankInterval: [number, number] | null;
  pInQuota: number | null;
  /** Proposed by the rules: rank within the quota and composite ≥ threshold. */
  inQuota: boolean;
  /** Rank under each alternative point preset, and the range over all presets. */
  sensitivity: { ranks: Record<string, number | null>; rankRange: [number, number] | null };
  flags: Flag[];
}

export interface CategoryResult {
  unitType: UnitType;
  category: string;
  eligible: number;
  quota: number;
}

export interface ScoringOutput {
  configHash: string;
  evaluations: EvaluationResult[];
  composite: CompositeResult[];
  categories: CategoryResult[];
}
