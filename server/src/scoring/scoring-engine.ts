/**
 * The scoring engine (SCORING.md §1–3, §6): rating evaluations and office inputs in, scores,
 * composites, ranks, bootstrap rank intervals and the sensitivity run out. Pure: the same
 * input gives byte-identical output, so evaluations, targets and units are always taken in
 * sorted order.
 *
 * Each target of each evaluation has a slot; a "scenario" is one set of raw scores by slot
 * (the point estimate, one bootstrap resample, or one alternative point preset) and yields
 * S*, composites, ranks and quota membership through the same code, so the three agree.
 *
 * The bootstrap comes in blocks of BOOTSTRAP_BLOCK resamples, each drawn from its own stream
 * seeded by the input's seed and the block's index. A block counts ranks and quota membership,
 * which add up, and keeps each resample's S* of the resampled targets, which line up block
 * after block. So `score` may tally every block itself, or the blocks may be tallied in
 * several threads (each with a `PreparedScoring` of the same input) and the tallies of all
 * blocks finish the scoring: the output is the same either way.
 */
import { createHash } from 'node:crypto';

import { competitionRanks, MISSING_HIGHER_FIRST, MISSING_LOWER_FIRST, rankKey, type RankKeys } from './ranking.js';
import { canonicalJson, type ScoringConfig } from './scoring-config.js';
import {
  FLAGS,
  type CategoryResult,
  type CompositeResult,
  type EvaluationResult,
  type Flag,
  type RatingEvaluationInput,
  type RatingEvaluationKind,
  type RatingTargetInput,
  type ScoringInput,
  type ScoringOutput,
  type TargetResult,
  type UnitType,
} from './scoring-types.js';
import { seededState, sumOfDraws, trimmedMeanOfDraws } from './seeded-random.js';
import { percentileOfCounts, percentileOfSorted, shrink, shrinkageConstant, sum, trimmedMean, wilsonInterval } from './statistics.js';

export interface ScoreOptions {
  /** Called after each block of the bootstrap with the resamples done so far and in all. */
  onProgress?: (done: number, total: number) => void;
}

/** Resamples per bootstrap block. Part of the method: another size draws other numbers. */
export const BOOTSTRAP_BLOCK = 50;
const FLAG_ORDER: readonly Flag[] = Object.values(FLAGS);

/** Which unit and which composite component each kind of evaluation rates. */
const ROLE_OF_KIND: Record<RatingEvaluationKind, { unitType: UnitType; component: 'enterprise' | 'district' }> = {
  'enterprise-rates-departments': { unitType: 'department', component: 'enterprise' },
  'enterprise-rates-districts': { unitType: 'district', component: 'enterprise' },
  'district-rates-departments': { unitType: 'department', component: 'district' },
};

export function configHash(config: ScoringConfig): string {
  return createHash('sha256').update(canonicalJson(config), 'utf8').digest('hex');
}

interface AnswerShares {
  valid: number;
  content: number;
  discontent: number;
}

interface Unit {
  index: number;
  type: UnitType;
  code: string;
  category: string;
  categoryIndex: number;
  /** The unit's rows in the rating evaluations, ranked or not; -1 where it has none. */
  enterpriseTarget: number;
  districtTarget: number;
  /** Slots whose S* enters the composite (-1 = component missing). */
  enterpriseSlot: number;
  districtSlot: number;
  inspection: number | null;
  objective: number | null;
  weights: CompositeResult['weights'];
  hasComposite: boolean;
  deduction: number;
  vetoReason: string | null;
  eligible: boolean;
  flags: Set<Flag>;
}

interface Category {
  unitType: UnitType;
  category: string;
  eligible: number[];
  quota: number;
}

interface Evaluation {
  index: number;
  input: RatingEvaluationInput;
  criteria: string[];
  enterpriseRaters: boolean;
  quorumMet: boolean;
  targets: Target[];
  k: number;
  kEstimated: boolean;
}

interface Target {
  slot: number;
  evaluation: Evaluation;
  input: RatingTargetInput;
  unit: Unit | null;
  category: string;
  group: number;
  n: number;
  /** Where the ballot target scores start in the primary pool. */
  offset: number;
  trimmed: boolean;
  criteria: (number | null)[];
  score: number | null;
  answers: AnswerShares;
  ranked: boolean;
  flags: Set<Flag>;
}

interface Model {
  config: ScoringConfig;
  units: Unit[];
  categories: Category[];
  evaluations: Evaluation[];
  targets: Target[];
  /** Every target's primary ballot target scores, slot after slot. */
  pool: Float64Array;
  /** Target slots by (evaluation, category) group, for the category means m. */
  groups: number[][];
}

export function score(input: ScoringInput, options: ScoreOptions = {}): ScoringOutput {
  const scoring = new PreparedScoring(input);
  const total = resamplesIn(input.config, 0, scoring.blocks);
  let done = 0;
  const tallies = scoring.tally(0, scoring.blocks, (resamples) => {
    done += resamples;
    options.onProgress?.(done, total);
  });
  return scoring.finish([tallies]);
}

/** How many blocks the configuration's bootstrap has. */
export function bootstrapBlocks(config: ScoringConfig): number {
  return config.uncertainty.resamples > 0 ? Math.ceil(config.uncertainty.resamples / BOOTSTRAP_BLOCK) : 0;
}

/** How many resamples blocks from … to − 1 hold. */
export function resamplesIn(config: ScoringConfig, from: number, to: number): number {
  const end = Math.min(config.uncertainty.resamples, to * BOOTSTRAP_BLOCK);
  const start = from * BOOTSTRAP_BLOCK;
  // Rounded up as a loop counts: a fractional number of resamples is refused by the config rules only.
  return end > start ? Math.ceil(end - start) : 0;
}

/**
 * What the bootstrap counted over some of its blocks. Tallies of different blocks of the same
 * input add up; those of all blocks finish the scoring.
 */
export interface BootstrapTallies {
  /** The blocks counted: from … to − 1. */
  from: number;
  to: number;
  /** Per eligible unit, how often it took each rank, laid out as the model's histograms. */
  counts: Int32Array<ArrayBuffer>;
  /** By unit, how often it was within the quota. */
  inQuota: Int32Array<ArrayBuffer>;
  /**
   * S* of the targets whose evaluation is resampled (the model's interval slots), resample after
   * resample: shrunk[r × slots + j] is slot j's S* in the r-th resample of these blocks.
   */
  shrunk: Float64Array<ArrayBuffer>;
}

/**
 * An input made ready to score: its model, built once, serves any number of `tally` calls
 * and the `finish` that turns the tallies of all blocks into the output.
 */
export class PreparedScoring {
  readonly blocks: number;
  private readonly seed: string;
  private readonly model: Model;
  private readonly runner: ScenarioRunner;
  private readonly histograms: Histograms;
  /** The slots whose resampled S* the tallies keep, for their intervals. */
  private readonly intervalSlots: Int32Array;
  private sampler: BlockSampler | null = null;

  constructor(input: ScoringInput) {
    checkCompositeWeights(input.config);
    this.seed = input.seed;
    this.model = buildModel(input);
    this.runner = new ScenarioRunner(this.model);
    this.histograms = histograms(this.model);
    this.intervalSlots = new Int32Array(resampledEvaluations(this.model).flatMap((e) => e.targets.filter((t) => t.score !== null).map((t) => t.slot)));
    this.blocks = bootstrapBlocks(input.config);
  }

  /** Tallies blocks from … to − 1; onBlock hears how many resamples each block held. */
  tally(from: number, to: number, onBlock?: (resamples: number) => void): BootstrapTallies {
    if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from <= to && to <= this.blocks)) throw new Error(`no blocks ${from}…${to - 1} in ${this.blocks}`);
    const tallies = this.newTallies(from, to);
    this.sampler ??= new BlockSampler(this.model, this.runner, this.histograms, this.intervalSlots);
    let row = 0;
    for (let block = from; block < to; block++) {
      const resamples = resamplesIn(this.model.config, block, block + 1);
      this.sampler.tally(`${this.seed}:${block}`, resamples, tallies, row);
      row += resamples;
      onBlock?.(resamples);
    }
    return tallies;
  }

  private newTallies(from: number, to: number): BootstrapTallies {
    return {
      from,
      to,
      counts: new Int32Array(this.histograms.length),
      inQuota: new Int32Array(this.model.units.length),
      shrunk: new Float64Array(resamplesIn(this.model.config, from, to) * this.intervalSlots.length),
    };
  }

  /** The output, from the tallies of every block, however the blocks were grouped. */
  finish(tallies: readonly BootstrapTallies[]): ScoringOutput {
    const { model, runner } = this;
    const total = this.newTallies(0, this.blocks);
    const slots = this.intervalSlots.length;
    let next = 0;
    for (const part of [...tallies].sort((a, b) => a.from - b.from || a.to - b.to)) {
      if (part.from !== next || part.to < part.from) throw new Error(`the tallies miss or repeat blocks from ${next} on`);
      if (
        part.counts.length !== total.counts.length ||
        part.inQuota.length !== total.inQuota.length ||
        part.shrunk.length !== resamplesIn(model.config, part.from, part.to) * slots
      ) {
        throw new Error('the tallies come from another input');
      }
      for (let i = 0; i < total.counts.length; i++) total.counts[i] += part.counts[i];
      for (let i = 0; i < total.inQuota.length; i++) total.inQuota[i] += part.inQuota[i];
      // In block order, so resample r is the same row however the blocks were split.
      total.shrunk.set(part.shrunk, resamplesIn(model.config, 0, part.from) * slots);
      next = part.to;
    }
    if (next !== this.blocks) throw new Error(`the tallies miss blocks from ${next} on`);
    const point = runner.newScenario();
    runner.run(
      new Float64Array(model.targets.map((target) => target.score ?? NaN)),
      model.evaluations.map((evaluation) => evaluation.k),
      point,
    );
    const uncertainty: Uncertainty = { resamples: resamplesIn(model.config, 0, this.blocks), counts: total.counts, inQuota: total.inQuota, histogramStart: this.histograms.start };
    const sensitivity = sensitivityRanks(model, runner);
    const composite = model.units.map((unit) => compositeResult(model, unit, point, uncertainty, sensitivity));
    const shrunkIntervals = shrunkScoreIntervals(model, this.intervalSlots, total.shrunk, uncertainty.resamples);
    return {
      configHash: configHash(model.config),
      evaluations: model.evaluations.map((evaluation) => evaluationResult(evaluation, point, composite, shrunkIntervals)),
      composite,
      categories: model.categories.map(
        (category): CategoryResult => ({ unitType: category.unitType, category: category.category, eligible: category.eligible.length, quota: category.quota }),
      ),
    };
  }
}

function checkCompositeWeights(config: ScoringConfig): void {
  for (const [unitType, weights] of Object.entries(config.composite) as [string, unknown][]) {
    if (typeof weights !== 'object' || weights === null) continue;
    const values = Object.values(weights as Record<string, number>);
    if (values.some((w) => !Number.isFinite(w) || w < 0) || values.reduce((a, b) => a + b, 0) <= 0) {
      throw new Error(`composite weights for ${unitType} must be non-negative with a positive sum`);
    }
  }
}

// ---------------------------------------------------------------- model

function buildModel(input: ScoringInput): Model {
  const config = input.config;
  const { units, categories, lookup } = buildUnits(input);
  const evaluations: Evaluation[] = [];
  const targets: Target[] = [];
  const groups: number[][] = [];
  const sortedEvaluations = [...input.evaluations].sort((a, b) => compareText(a.kind, b.kind) || compareText(a.evaluationId, b.evaluationId));
  let poolLength = 0;
  for (const evaluationInput of sortedEvaluations) {
    const evaluation = newEvaluation(evaluations.length, evaluationInput, config);
    evaluations.push(evaluation);
    const groupOfCategory = new Map<string, number>();
    for (const targetInput of [...evaluationInput.targets].sort((a, b) => compareText(a.code, b.code))) {
      const unit = lookup[evaluationInput.targetGroup].get(targetInput.code) ?? null;
      const category = unit?.category ?? '';
      let group = groupOfCategory.get(category);
      if (group === undefined) {
        group = groups.push([]) - 1;
        groupOfCategory.set(category, group);
      }
      const target = newTarget(targets.length, evaluation, targetInput, unit, category, group, poolLength, config);
      poolLength += target.n;
      targets.push(target);
      evaluation.targets.push(target);
      groups[group].push(target.slot);
      if (unit) linkUnit(unit, evaluationInput.kind, target);
    }
  }
  const pool = new Float64Array(poolLength);
  for (const target of targets) pool.set(target.input.ballotScores.primary, target.offset);
  for (const target of targets) {
    if (target.trimmed) target.score = trimmedMean(pool.subarray(target.offset, target.offset + target.n));
    target.ranked = isRanked(target, config);
    target.flags = targetFlags(target, config);
  }
  for (const evaluation of evaluations) {
    const estimate = shrinkageConstant(
      evaluation.targets.filter((t) => t.score !== null).map((t) => ({ scores: pool.subarray(t.offset, t.offset + t.n), score: t.score as number })),
      config.shrinkage.fallbackK,
    );
    evaluation.k = estimate.k;
    evaluation.kEstimated = estimate.estimated;
  }
  for (const unit of units) setUpComposite(unit, targets, input, config);
  for (const unit of units) if (unit.eligible) categories[unit.categoryIndex].eligible.push(unit.index);
  for (const category of categories) {
    const count = category.eligible.length;
    // 0.7 × 45 is 31.499999999999996 in binary: round what the office means, 31.5 → 32.
    category.quota = count === 0 ? 0 : Math.max(config.awards.quotaMinimum, Math.round(config.awards.quotaShare * count + 1e-9));
  }
  return { config, units, categories, evaluations, targets, pool, groups };
}

function buildUnits(input: ScoringInput): { units: Unit[]; categories: Category[]; lookup: Record<UnitType, Map<string, Unit>> } {
  const lookup: Record<UnitType, Map<string, Unit>> = { department: new Map(), district: new Map() };
  const units: Unit[] = [];
  const categories: Category[] = [];
  const categoryIndex = new Map<string, number>();
  const listed: [UnitType, ScoringInput['departments']][] = [
    ['department', input.departments],
    ['district', input.districts],
  ];
  for (const [type, list] of listed) {
    const sorted = [...list].sort((a, b) => compareText(a.code, b.code) || compareText(a.category, b.category));
    for (const { code, category } of sorted) {
      if (lookup[type].has(code)) continue;
      const key = `${type}\u0000${category}`;
      if (!categoryIndex.has(key)) categoryIndex.set(key, categories.push({ unitType: type, category, eligible: [], quota: 0 }) - 1);
      const unit = newUnit(units.length, type, code, category, categoryIndex.get(key) as number);
      units.push(unit);
      lookup[type].set(code, unit);
    }
  }
  // Categories in a fixed order; units keep their indices, which only name them.
  const order = categories.map((category, index) => ({ category, index })).sort((a, b) => compareText(a.category.unitType, b.category.unitType) || compareText(a.category.category, b.category.category));
  const newIndex = new Array<number>(categories.length);
  order.forEach(({ index }, position) => (newIndex[index] = position));
  for (const unit of units) unit.categoryIndex = newIndex[unit.categoryIndex];
  return { units, categories: order.map(({ category }) => category), lookup };
}

function newUnit(index: number, type: UnitType, code: string, category: string, categoryIndex: number): Unit {
  return {
    index,
    type,
    code,
    category,
    categoryIndex,
    enterpriseTarget: -1,
    districtTarget: -1,
    enterpriseSlot: -1,
    districtSlot: -1,
    inspection: null,
    objective: null,
    weights: { enterprises: 0, districts: 0, inspection: 0, objective: 0 },
    hasComposite: false,
    deduction: 0,
    vetoReason: null,
    eligible: false,
    flags: new Set(),
  };
}

function newEvaluation(index: number, input: RatingEvaluationInput, config: ScoringConfig): Evaluation {
  const extra = new Set<string>();
  for (const target of input.targets) for (const criterion of Object.keys(target.answerCounts)) if (!input.criteria.includes(criterion)) extra.add(criterion);
  const enterpriseRaters = input.raterGroup === 'enterprise';
  const share = config.eligibility.district.quorumShare;
  return {
    index,
    input,
    // Answers to a criterion the questionnaire no longer lists still count, after the listed ones.
    criteria: [...input.criteria, ...[...extra].sort(compareText)],
    enterpriseRaters,
    // Each district submits one ballot, so ballots stand for the districts that returned one.
    quorumMet: enterpriseRaters || (input.raters > 0 && input.ballots >= share * input.raters - 1e-9),
    targets: [],
    k: config.shrinkage.fallbackK,
    kEstimated: false,
  };
}

function newTarget(
  slot: number,
  evaluation: Evaluation,
  input: RatingTargetInput,
  unit: Unit | null,
  category: string,
  group: number,
  offset: number,
  config: ScoringConfig,
): Target {
  const n = input.ballotScores.primary.length;
  const criteria = criterionMeans(input.answerCounts, evaluation.criteria, config.points.values);
  return {
    slot,
    evaluation,
    input,
    unit,
    category,
    group,
    n,
    offset,
    trimmed: !evaluation.enterpriseRaters && n >= Math.max(3, config.eligibility.district.trimAtLeast),
    criteria,
    // Trimmed targets get their score from the ballots once the pool is filled.
    score: weightedScore(criteria, evaluation.criteria, config.criterionWeights),
    answers: answerShares(input.answerCounts, evaluation.criteria, config),
    ranked: false,
    flags: new Set(),
  };
}

function linkUnit(unit: Unit, kind: RatingEvaluationKind, target: Target): void {
  const role = ROLE_OF_KIND[kind];
  if (role.unitType !== unit.type) return;
  // The first evaluation of a kind (in sorted order) is the one that counts.
  if (role.component === 'enterprise' && unit.enterpriseTarget < 0) unit.enterpriseTarget = target.slot;
  if (role.component === 'district' && unit.districtTarget < 0) unit.districtTarget = target.slot;
}

function isRanked(target: Target, config: ScoringConfig): boolean {
  if (target.score === null) return false;
  if (target.evaluation.enterpriseRaters) return target.n >= config.eligibility.enterprise.flaggedMin;
  return target.evaluation.quorumMet && target.n >= 1;
}

function targetFlags(target: Target, config: ScoringConfig): Set<Flag> {
  const flags = new Set<Flag>();
  const seen = target.input.seen;
  if (seen > 0 && (seen - target.n) / seen > config.eligibility.informationShortageShare) flags.add(FLAGS.informationShortage);
  if (target.evaluation.enterpriseRaters) {
    const { rankedMin, flaggedMin } = config.eligibility.enterprise;
    if (target.n < flaggedMin) flags.add(FLAGS.notRanked);
    else if (target.n < rankedMin) flags.add(FLAGS.smallSample);
  } else {
    if (!target.evaluation.quorumMet) flags.add(FLAGS.quorumNotMet);
    if (target.trimmed) flags.add(FLAGS.trimmed);
  }
  return flags;
}

/** C_c per criterion: the mean points of its valid answers, answer codes taken in sorted order. */
function criterionMeans(answerCounts: RatingTargetInput['answerCounts'], criteria: readonly string[], points: Record<string, number>): (number | null)[] {
  return criteria.map((criterion) => {
    const counts = own(answerCounts, criterion) ?? {};
    let total = 0;
    let valid = 0;
    for (const code of Object.keys(counts).sort(compareText)) {
      const value = own(points, code);
      if (value === undefined) continue;
      total += value * counts[code];
      valid += counts[code];
    }
    return valid > 0 ? total / valid : null;
  });
}

/** S = Σ w_c·C_c / Σ w_c over the criteria with a valid answer. */
function weightedScore(means: readonly (number | null)[], criteria: readonly string[], weights: Record<string, number>): number | null {
  let total = 0;
  let weightSum = 0;
  means.forEach((mean, i) => {
    if (mean === null) return;
    const weight = own(weights, criteria[i]) ?? 1;
    total += weight * mean;
    weightSum += weight;
  });
  return weightSum > 0 ? total / weightSum : null;
}

function answerShares(answerCounts: RatingTargetInput['answerCounts'], criteria: readonly string[], config: ScoringConfig): AnswerShares {
  const shares: AnswerShares = { valid: 0, content: 0, discontent: 0 };
  for (const criterion of criteria) {
    const counts = own(answerCounts, criterion) ?? {};
    for (const code of Object.keys(counts).sort(compareText)) {
      if (own(config.points.values, code) === undefined) continue;
      shares.valid += counts[code];
      if (config.satisfaction.content.includes(code)) shares.content += counts[code];
      if (config.satisfaction.discontent.includes(code)) shares.discontent += counts[code];
    }
  }
  return shares;
}

/** Components, weights, deduction, gates and eligibility of a unit; all fixed across scenarios. */
function setUpComposite(unit: Unit, targets: readonly Target[], input: ScoringInput, config: ScoringConfig): void {
  const office = input.office;
  const enterprise = unit.enterpriseTarget >= 0 ? targets[unit.enterpriseTarget] : null;
  unit.enterpriseSlot = enterprise?.ranked ? enterprise.slot : -1;
  unit.vetoReason = own(office.vetoes, unit.code) ?? null;
  if (unit.vetoReason !== null) unit.flags.add(FLAGS.vetoed);
  let configured: { enterprises: number; districts: number; inspection: number; objective: number };
  let gatePassed = true;
  if (unit.type === 'department') {
    const district = unit.districtTarget >= 0 ? targets[unit.districtTarget] : null;
    unit.districtSlot = district?.ranked ? district.slot : -1;
    unit.inspection = finiteOrNull(own(office.inspection, unit.code));
    const selfInspection = own(office.selfInspection, unit.code);
    gatePassed = selfInspection?.complete === true;
    const overdue = own(office.overdueCases, unit.code) ?? 0;
    unit.deduction = Math.max(0, Math.min(config.composite.maxDeduction, config.composite.overdueCaseDeduction * overdue));
    configured = { ...config.composite.departments, objective: 0 };
    if (!gatePassed) unit.flags.add(FLAGS.selfInspectionGate);
    if (unit.districtSlot < 0) unit.flags.add(FLAGS.districtsMissing);
    if (unit.inspection === null) unit.flags.add(FLAGS.inspectionMissing);
    if (unit.deduction > 0) unit.flags.add(FLAGS.deduction);
  } else {
    unit.objective = objectiveScore(own(office.districtObjective, unit.code));
    configured = { enterprises: config.composite.districts.enterprises, districts: 0, inspection: 0, objective: config.composite.districts.objective };
    if (unit.objective === null) unit.flags.add(FLAGS.objectiveMissing);
  }
  const present = {
    enterprises: unit.enterpriseSlot >= 0,
    districts: unit.districtSlot >= 0,
    inspection: unit.inspection !== null,
    objective: unit.objective !== null,
  };
  const keys = ['enterprises', 'districts', 'inspection', 'objective'] as const;
  const weightSum = keys.reduce((total, key) => total + (present[key] ? configured[key] : 0), 0);
  // The enterprises' rating is the heart of both awards: without it a composite from the other
  // parts alone (inspection at 100 %, say) would read as a score it is not.
  unit.hasComposite = weightSum > 0 && present.enterprises;
  for (const key of keys) unit.weights[key] = unit.hasComposite && present[key] ? configured[key] / weightSum : 0;
  unit.eligible = unit.enterpriseSlot >= 0 && gatePassed && unit.vetoReason === null && unit.hasComposite;
}

/** An entered objective score wins; else the mean of the rates that exist, × 100. */
function objectiveScore(objective: ScoringInput['office']['districtObjective'][string] | undefined): number | null {
  if (!objective) return null;
  const entered = finiteOrNull(objective.entered);
  if (entered !== null) return entered;
  const rates = [objective.closureRate, objective.rectificationRate, objective.onTimeRate].filter((rate): rate is number => finiteOrNull(rate) !== null);
  return rates.length > 0 ? (sum(rates) / rates.length) * 100 : null;
}

// ---------------------------------------------------------------- scenarios

interface Scenario {
  /** S* by slot; NaN where there is no score. */
  shrunk: Float64Array;
  /** Composite by unit; NaN where there is none. */
  composite: Float64Array;
  /** Rank by unit among the eligible units of its category; 0 for the others. */
  rank: Int32Array;
  inQuota: Uint8Array;
}

/** Everything a scenario needs in typed arrays, allocated once. */
class ScenarioRunner {
  private readonly slotN: Float64Array;
  private readonly slotEvaluation: Int32Array;
  private readonly slotGroup: Int32Array;
  private readonly groupMean: Float64Array;
  private readonly keys: RankKeys;
  private readonly order: Int32Array;
  private readonly thresholdKey: number;

  constructor(private readonly model: Model) {
    const { targets, units } = model;
    this.slotN = new Float64Array(targets.map((t) => t.n));
    this.slotEvaluation = new Int32Array(targets.map((t) => t.evaluation.index));
    this.slotGroup = new Int32Array(targets.map((t) => t.group));
    this.groupMean = new Float64Array(model.groups.length);
    const enterpriseRow = (unit: Unit) => (unit.enterpriseTarget >= 0 ? targets[unit.enterpriseTarget] : null);
    const rate = (unit: Unit, field: 'content' | 'discontent') => {
      const answers = enterpriseRow(unit)?.answers;
      return answers && answers.valid > 0 ? answers[field] / answers.valid : null;
    };
    this.keys = {
      composite: new Float64Array(units.length),
      enterprise: new Float64Array(units.length),
      satisfaction: new Float64Array(units.map((u) => rankKey(rate(u, 'content'), 4, MISSING_HIGHER_FIRST))),
      dissatisfaction: new Float64Array(units.map((u) => rankKey(rate(u, 'discontent'), 4, MISSING_LOWER_FIRST))),
      inspection: new Float64Array(units.map((u) => rankKey(u.inspection, 2, MISSING_HIGHER_FIRST))),
    };
    this.order = new Int32Array(Math.max(1, ...model.categories.map((c) => c.eligible.length)));
    // The quota's threshold applies to the composite as published, to 2 decimals.
    this.thresholdKey = model.config.awards.threshold * 100 - 1e-9;
  }

  newScenario(): Scenario {
    return {
      shrunk: new Float64Array(this.model.targets.length),
      composite: new Float64Array(this.model.units.length),
      rank: new Int32Array(this.model.units.length),
      inQuota: new Uint8Array(this.model.units.length),
    };
  }

  /** scores: raw S by slot (NaN = none); k: the shrinkage constant by evaluation. */
  run(scores: Float64Array, k: ArrayLike<number>, out: Scenario): void {
    const { groups, units, categories } = this.model;
    for (let g = 0; g < groups.length; g++) {
      let total = 0;
      let count = 0;
      for (const slot of groups[g]) {
        const value = scores[slot];
        if (value === value) {
          total += value;
          count++;
        }
      }
      this.groupMean[g] = count > 0 ? total / count : NaN;
    }
    for (let slot = 0; slot < scores.length; slot++) {
      const value = scores[slot];
      out.shrunk[slot] = value === value ? shrink(this.slotN[slot], value, k[this.slotEvaluation[slot]], this.groupMean[this.slotGroup[slot]]) : NaN;
    }
    for (const unit of units) {
      const composite = compositeOf(unit, out.shrunk);
      out.composite[unit.index] = composite;
      this.keys.composite[unit.index] = rankKey(composite, 2, MISSING_HIGHER_FIRST);
      this.keys.enterprise[unit.index] = unit.enterpriseSlot >= 0 ? rankKey(out.shrunk[unit.enterpriseSlot], 2, MISSING_HIGHER_FIRST) : MISSING_HIGHER_FIRST;
    }
    for (const category of categories) {
      competitionRanks(category.eligible, category.eligible.length, this.keys, this.order, out.rank);
      for (const unit of category.eligible) {
        out.inQuota[unit] = out.rank[unit] <= category.quota && this.keys.composite[unit] >= this.thresholdKey ? 1 : 0;
      }
    }
  }
}

function compositeOf(unit: Unit, shrunk: Float64Array): number {
  if (!unit.hasComposite) return NaN;
  let total = 0;
  if (unit.enterpriseSlot >= 0) total += unit.weights.enterprises * shrunk[unit.enterpriseSlot];
  if (unit.districtSlot >= 0) total += unit.weights.districts * shrunk[unit.districtSlot];
  if (unit.inspection !== null) total += unit.weights.inspection * unit.inspection;
  if (unit.objective !== null) total += unit.weights.objective * unit.objective;
  return total - unit.deduction;
}

// ---------------------------------------------------------------- bootstrap

/** Where each eligible unit's counts by rank start in the tallies (-1 for the others), and their length. */
interface Histograms {
  start: Int32Array;
  length: number;
}

function histograms(model: Model): Histograms {
  const start = new Int32Array(model.units.length).fill(-1);
  let length = 0;
  for (const category of model.categories) {
    for (const unit of category.eligible) {
      start[unit] = length;
      length += category.eligible.length + 1;
    }
  }
  return { start, length };
}

interface Uncertainty {
  resamples: number;
  /** Per eligible unit, how often it took each rank: counts[histogramStart[unit] + rank]. */
  counts: Int32Array;
  histogramStart: Int32Array;
  inQuota: Int32Array;
}

/** The bootstrap's arrays, set up once per model and reused by every block. */
class BlockSampler {
  private readonly eligible: number[];
  /** The slots whose ballots are resampled, in the order their draws are taken. */
  private readonly resampled: Int32Array;
  private readonly base: Float64Array;
  private readonly fullMean: Float64Array;
  private readonly offset: Int32Array;
  private readonly n: Int32Array;
  private readonly trimmed: Uint8Array;
  private readonly k: number[];
  private readonly scores: Float64Array;
  private readonly scenario: Scenario;

  constructor(
    private readonly model: Model,
    private readonly runner: ScenarioRunner,
    private readonly histograms: Histograms,
    private readonly intervalSlots: Int32Array,
  ) {
    const { categories, targets, evaluations, pool } = model;
    this.eligible = categories.flatMap((category) => category.eligible);
    this.resampled = new Int32Array(resampledEvaluations(model).flatMap((e) => e.targets.filter((t) => t.n >= 1 && t.score !== null).map((t) => t.slot)));
    this.base = new Float64Array(targets.map((t) => t.score ?? NaN));
    this.fullMean = new Float64Array(targets.map((t) => (t.n > 0 ? sum(pool.subarray(t.offset, t.offset + t.n)) / t.n : 0)));
    this.offset = new Int32Array(targets.map((t) => t.offset));
    this.n = new Int32Array(targets.map((t) => t.n));
    this.trimmed = new Uint8Array(targets.map((t) => (t.trimmed ? 1 : 0)));
    this.k = evaluations.map((e) => e.k);
    this.scores = this.base.slice();
    this.scenario = runner.newScenario();
  }

  /**
   * Draws one block's resamples from the stream of `streamSeed` and adds them to `tallies`, its
   * S* from row `firstRow` of `tallies.shrunk` on.
   */
  tally(streamSeed: string, resamples: number, tallies: BootstrapTallies, firstRow: number): void {
    const { resampled, base, fullMean, offset, n, trimmed, scores, scenario, eligible, intervalSlots } = this;
    // Nothing to rank and no S* to keep: nothing to draw.
    if (eligible.length === 0 && intervalSlots.length === 0) return;
    const slots = intervalSlots.length;
    const { pool } = this.model;
    const start = this.histograms.start;
    const state = seededState(streamSeed);
    for (let b = 0; b < resamples; b++) {
      for (let r = 0; r < resampled.length; r++) {
        const slot = resampled[r];
        scores[slot] = trimmed[slot]
          ? trimmedMeanOfDraws(pool, offset[slot], n[slot], state)
          : base[slot] + sumOfDraws(pool, offset[slot], n[slot], state) / n[slot] - fullMean[slot];
      }
      this.runner.run(scores, this.k, scenario);
      for (const unit of eligible) {
        tallies.counts[start[unit] + scenario.rank[unit]]++;
        tallies.inQuota[unit] += scenario.inQuota[unit];
      }
      const row = (firstRow + b) * slots;
      for (let j = 0; j < slots; j++) tallies.shrunk[row + j] = scenario.shrunk[intervalSlots[j]];
    }
  }
}

/**
 * The evaluations the bootstrap resamples: only those that feed a composite move anything, so
 * resampling the others would be wasted.
 */
function resampledEvaluations(model: Model): Evaluation[] {
  const { units, targets, evaluations } = model;
  const used = new Set<number>();
  for (const unit of units) {
    if (unit.enterpriseSlot >= 0) used.add(targets[unit.enterpriseSlot].evaluation.index);
    if (unit.districtSlot >= 0) used.add(targets[unit.districtSlot].evaluation.index);
  }
  return evaluations.filter((e) => used.has(e.index));
}

/**
 * The interval of each interval slot's resampled S* (nearest-rank percentiles, the coverage of
 * the rank interval), by slot; null for the other slots and without resamples.
 */
function shrunkScoreIntervals(model: Model, intervalSlots: Int32Array, shrunk: Float64Array, resamples: number): ([number, number] | null)[] {
  const intervals: ([number, number] | null)[] = new Array(model.targets.length).fill(null);
  if (resamples <= 0) return intervals;
  const tail = (1 - model.config.uncertainty.rankInterval) / 2;
  const slots = intervalSlots.length;
  const column = new Float64Array(resamples);
  for (let j = 0; j < slots; j++) {
    for (let r = 0; r < resamples; r++) column[r] = shrunk[r * slots + j];
    // A typed array sorts numerically; sorted, the order the resamples came in no longer matters.
    column.sort();
    intervals[intervalSlots[j]] = [percentileOfSorted(column, tail), percentileOfSorted(column, 1 - tail)];
  }
  return intervals;
}

// ---------------------------------------------------------------- sensitivity

/** Rank by unit under each alternative point preset, presets by name. */
function sensitivityRanks(model: Model, runner: ScenarioRunner): Map<string, Int32Array> {
  const { config, targets, evaluations } = model;
  const ranks = new Map<string, Int32Array>();
  for (const preset of Object.keys(config.alternativePoints).sort(compareText)) {
    const points = config.alternativePoints[preset];
    const scores = new Float64Array(targets.length);
    const ballots: (readonly number[])[] = targets.map((t) => own(t.input.ballotScores.alternatives ?? {}, preset) ?? []);
    for (const target of targets) {
      const alternative = ballots[target.slot];
      // A trimmed target without its ballots under this preset falls back to the criterion means.
      scores[target.slot] =
        target.trimmed && alternative.length >= 3
          ? trimmedMean(alternative)
          : (weightedScore(criterionMeans(target.input.answerCounts, target.evaluation.criteria, points), target.evaluation.criteria, config.criterionWeights) ?? NaN);
    }
    const k = evaluations.map(
      (evaluation) =>
        shrinkageConstant(
          evaluation.targets.filter((t) => scores[t.slot] === scores[t.slot]).map((t) => ({ scores: ballots[t.slot], score: scores[t.slot] })),
          config.shrinkage.fallbackK,
        ).k,
    );
    const scenario = runner.newScenario();
    runner.run(scores, k, scenario);
    ranks.set(preset, scenario.rank);
  }
  return ranks;
}

// ---------------------------------------------------------------- results

function compositeResult(model: Model, unit: Unit, point: Scenario, uncertainty: Uncertainty, sensitivity: Map<string, Int32Array>): CompositeResult {
  const { config } = model;
  const rank = unit.eligible ? point.rank[unit.index] : null;
  let rankInterval: [number, number] | null = null;
  let pInQuota: number | null = null;
  const flags = new Set(unit.flags);
  if (unit.eligible && uncertainty.resamples > 0) {
    const start = uncertainty.histogramStart[unit.index];
    const counts = uncertainty.counts.subarray(start, start + model.categories[unit.categoryIndex].eligible.length + 1);
    const tail = (1 - config.uncertainty.rankInterval) / 2;
    rankInterval = [percentileOfCounts(counts, uncertainty.resamples, tail), percentileOfCounts(counts, uncertainty.resamples, 1 - tail)];
    pInQuota = uncertainty.inQuota[unit.index] / uncertainty.resamples;
    const [low, high] = config.uncertainty.reviewBand;
    if (pInQuota >= low && pInQuota <= high) flags.add(FLAGS.needsReview);
  }
  const alternativeRanks: Record<string, number | null> = {};
  for (const [preset, ranks] of sensitivity) alternativeRanks[preset] = unit.eligible ? ranks[unit.index] : null;
  const allRanks = [rank, ...Object.values(alternativeRanks)].filter((r): r is number => r !== null);
  return {
    unitType: unit.type,
    code: unit.code,
    category: unit.category,
    components: {
      enterprises: unit.enterpriseSlot >= 0 ? point.shrunk[unit.enterpriseSlot] : null,
      districts: unit.districtSlot >= 0 ? point.shrunk[unit.districtSlot] : null,
      inspection: unit.inspection,
      objective: unit.objective,
    },
    weights: { ...unit.weights },
    deduction: unit.deduction,
    composite: numberOrNull(point.composite[unit.index]),
    eligible: unit.eligible,
    vetoReason: unit.vetoReason,
    rank,
    rankInterval,
    pInQuota,
    inQuota: unit.eligible && point.inQuota[unit.index] === 1,
    sensitivity: { ranks: alternativeRanks, rankRange: unit.eligible ? [Math.min(...allRanks), Math.max(...allRanks)] : null },
    flags: orderedFlags(flags),
  };
}

function evaluationResult(evaluation: Evaluation, point: Scenario, composite: readonly CompositeResult[], shrunkIntervals: readonly ([number, number] | null)[]): EvaluationResult {
  const { input } = evaluation;
  return {
    evaluationId: input.evaluationId,
    kind: input.kind,
    raterGroup: input.raterGroup,
    targetGroup: input.targetGroup,
    ballots: input.ballots,
    raters: input.raters,
    quorumMet: evaluation.quorumMet,
    k: evaluation.k,
    kEstimated: evaluation.kEstimated,
    targets: evaluation.targets.map((target) => targetResult(target, point, target.unit ? composite[target.unit.index] : null, shrunkIntervals[target.slot])),
  };
}

function targetResult(target: Target, point: Scenario, unit: CompositeResult | null, shrunkScoreInterval: [number, number] | null): TargetResult {
  const { answers } = target;
  const flags = new Set(target.flags);
  // The unit's own flags (gates, deductions, review) show on its enterprise rows too.
  if (unit && target.evaluation.enterpriseRaters) for (const flag of unit.flags) flags.add(flag);
  const criteria: Record<string, number | null> = {};
  target.evaluation.criteria.forEach((criterion, i) => (criteria[criterion] = target.criteria[i]));
  return {
    code: target.input.code,
    category: target.category,
    n: target.n,
    seen: target.input.seen,
    coverage: target.evaluation.input.ballots > 0 ? target.n / target.evaluation.input.ballots : null,
    score: target.score,
    shrunkScore: numberOrNull(point.shrunk[target.slot]),
    shrunkScoreInterval,
    satisfactionRate: answers.valid > 0 ? answers.content / answers.valid : null,
    satisfactionCi: wilsonInterval(answers.content, answers.valid),
    dissatisfactionRate: answers.valid > 0 ? answers.discontent / answers.valid : null,
    criteria,
    ranked: target.ranked,
    composite: unit?.composite ?? null,
    rank: unit?.rank ?? null,
    rankInterval: unit?.rankInterval ?? null,
    pInQuota: unit?.pInQuota ?? null,
    awarded: unit?.inQuota ?? false,
    flags: orderedFlags(flags),
  };
}

// ---------------------------------------------------------------- small helpers

/** Code-unit order, the same on every machine (no locale). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An own property only: a unit coded "constructor" must not find Object.prototype's. */
function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function finiteOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function numberOrNull(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

function orderedFlags(flags: ReadonlySet<Flag>): Flag[] {
  return FLAG_ORDER.filter((flag) => flags.has(flag));
}
