/**
 * The scoring configuration as the console edits it: the stored configuration to form values and
 * back, and the server's problems placed on the form. The server decides what is valid
 * (server/src/scoring/scoring-config-rules.ts); nothing here refuses a value.
 *
 * The defaults and the named point scales come from the server (GET /api/scoring-method), and
 * campaigns carry their configuration completed with the defaults.
 *
 * It imports nothing, so the unit tests (under Node's module resolution) load it as it is.
 */

export type PointPreset = 'standard' | 'county' | 'five-level';
export const POINT_PRESET_NAMES: readonly PointPreset[] = ['standard', 'county', 'five-level'];
/** The points are the office's own, answer code by answer code. */
export const CUSTOM_POINTS = 'custom';

/** Points per answer code of each named scale, as the server gives them. */
export type PointPresets = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** The method's defaults and named scales (GET /api/scoring-method). */
export interface ScoringMethod {
  defaults: ScoringConfig;
  pointPresets: PointPresets;
}

/** The stored configuration, as the server's ScoringConfig has it; `points.preset` may also be "custom". */
export interface ScoringConfig {
  version: number;
  points: { preset: string; values: Record<string, number> };
  alternativePoints: Record<string, Record<string, number>>;
  satisfaction: { content: string[]; discontent: string[] };
  criterionWeights: Record<string, number>;
  eligibility: {
    enterprise: { rankedMin: number; flaggedMin: number };
    district: { quorumShare: number; trimAtLeast: number };
    informationShortageShare: number;
  };
  shrinkage: { fallbackK: number };
  composite: {
    departments: { enterprises: number; districts: number; inspection: number };
    districts: { enterprises: number; objective: number };
    overdueCaseDeduction: number;
    maxDeduction: number;
  };
  awards: { quotaShare: number; quotaMinimum: number; threshold: number };
  uncertainty: { resamples: number; rankInterval: number; reviewBand: [number, number] };
  csr: {
    weights: Record<CsrIndicator, number>;
    /** The top `count` ranked applicants, or where count is null round(share × ranked), at least 1. */
    award: { count: number | null; share: number | null };
    points: { environment: Record<string, number>; labour: Record<LabourPoint, number> };
  };
  dataQuality: { straightLiningShare: number; straightLiningMinTargets: number; speedingShareOfMedian: number; duplicateAnswerShare: number };
}

/** A number the office typed, or nothing: an empty field goes to the server as null, which it refuses. */
export type Amount = number | null;

export const DEPARTMENT_PARTS = ['enterprises', 'districts', 'inspection'] as const;
export const DISTRICT_PARTS = ['enterprises', 'objective'] as const;

/** The five indicators of 社会责任先进企业 (SCORING.md §4), in the order SCORING.md lists them. */
export const CSR_INDICATORS = ['environment', 'labour', 'employment', 'tax', 'charity'] as const;
export type CsrIndicator = (typeof CSR_INDICATORS)[number];
/** The certifications the declaration asks about (surveys/csr-declaration.json, env_certifications). */
export const CERTIFICATIONS = ['iso14001', 'iso50001', 'green_factory', 'clean_production'] as const;
export const LABOUR_POINTS = ['union', 'socialInsurance'] as const;
export type LabourPoint = (typeof LABOUR_POINTS)[number];
/** How the proposal is sized: the top N, or a share of the ranked applicants. */
export type AwardBasis = 'count' | 'share';

export interface ScoringFormValues {
  points: { preset: PointPreset | typeof CUSTOM_POINTS; values: Record<string, Amount> };
  /** The presets of the sensitivity run: the names of `alternativePoints`. */
  sensitivity: string[];
  criterionWeights: Record<string, Amount>;
  eligibility: {
    enterprise: { rankedMin: Amount; flaggedMin: Amount };
    district: { quorumShare: Amount; trimAtLeast: Amount };
    informationShortageShare: Amount;
  };
  composite: {
    departments: Record<(typeof DEPARTMENT_PARTS)[number], Amount>;
    districts: Record<(typeof DISTRICT_PARTS)[number], Amount>;
    overdueCaseDeduction: Amount;
    maxDeduction: Amount;
  };
  awards: { quotaShare: Amount; quotaMinimum: Amount; threshold: Amount };
  uncertainty: { resamples: Amount; rankInterval: Amount; reviewBand: [Amount, Amount] };
  csr: {
    weights: Record<CsrIndicator, Amount>;
    /** Both amounts stay in the form; only the chosen basis's is sent. */
    award: { basis: AwardBasis; count: Amount; share: Amount };
    points: { environment: Record<string, Amount>; labour: Record<LabourPoint, Amount> };
  };
}

/** The criteria each kind of rating questionnaire asks about (surveys/*.json), by what is rated. */
export const CRITERIA = {
  departments: ['attitude', 'efficiency', 'lawful', 'transparency', 'integrity'],
  districts: ['government', 'legal', 'market', 'factors', 'living'],
} as const;
export type RatedGroup = keyof typeof CRITERIA;

const RATED_BY_KIND: Readonly<Record<string, RatedGroup>> = {
  'enterprise-rates-departments': 'departments',
  'district-rates-departments': 'departments',
  'enterprise-rates-districts': 'districts',
};

/** What the campaign's rating questionnaires rate, in a fixed order: whose criteria get weights. */
export function ratedGroups(evaluationKinds: readonly string[]): RatedGroup[] {
  const rated = new Set(evaluationKinds.map((kind) => RATED_BY_KIND[kind]));
  return (Object.keys(CRITERIA) as RatedGroup[]).filter((group) => rated.has(group));
}

const samePoints = (a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([code, points]) => b[code] === points);

/** The preset the stored points are; points that differ from their preset's are the office's own. */
function pointPresetOf(points: ScoringConfig['points'], presets: PointPresets): ScoringFormValues['points']['preset'] {
  const preset = POINT_PRESET_NAMES.find((name) => name === points.preset);
  return preset && presets[preset] && samePoints(points.values, presets[preset]) ? preset : CUSTOM_POINTS;
}

/**
 * The sensitivity run after the main scale changed from `previous` to `next`: a run on the scale
 * now used would repeat the results, so the scale given up takes its place, as SCORING.md compares
 * with "the other preset".
 */
export function sensitivityAfterPresetChange(sensitivity: readonly string[], previous: string, next: string): string[] {
  if (!sensitivity.includes(next)) return [...sensitivity];
  const others = sensitivity.filter((name) => name !== next);
  return POINT_PRESET_NAMES.some((name) => name === previous) && !others.includes(previous) ? [...others, previous] : others;
}

/** Shares are shown as percentages, to two decimals: ⅔ reads 66.67 %. */
export function toPercent(share: number): number {
  return Math.round(share * 10000) / 100;
}

/** A percentage back to a share; a percentage left as shown keeps the stored share exactly (⅔ stays ⅔). */
function toShare(percent: Amount, stored: number | null): Amount {
  if (percent === null) return null;
  if (stored !== null && percent === toPercent(stored)) return stored;
  return Number((percent / 100).toPrecision(12));
}

export function toFormValues(config: ScoringConfig, groups: readonly RatedGroup[], presets: PointPresets): ScoringFormValues {
  const criteria = groups.flatMap((group) => CRITERIA[group]);
  return {
    points: { preset: pointPresetOf(config.points, presets), values: { ...config.points.values } },
    sensitivity: Object.keys(config.alternativePoints),
    criterionWeights: Object.fromEntries(criteria.map((code) => [code, config.criterionWeights[code] ?? 1])),
    eligibility: {
      enterprise: { ...config.eligibility.enterprise },
      district: { quorumShare: toPercent(config.eligibility.district.quorumShare), trimAtLeast: config.eligibility.district.trimAtLeast },
      informationShortageShare: toPercent(config.eligibility.informationShortageShare),
    },
    composite: {
      departments: { ...config.composite.departments },
      districts: { ...config.composite.districts },
      overdueCaseDeduction: config.composite.overdueCaseDeduction,
      maxDeduction: config.composite.maxDeduction,
    },
    awards: { quotaShare: toPercent(config.awards.quotaShare), quotaMinimum: config.awards.quotaMinimum, threshold: config.awards.threshold },
    uncertainty: {
      resamples: config.uncertainty.resamples,
      rankInterval: toPercent(config.uncertainty.rankInterval),
      reviewBand: [toPercent(config.uncertainty.reviewBand[0]), toPercent(config.uncertainty.reviewBand[1])],
    },
    csr: {
      weights: { ...config.csr.weights },
      award: {
        // The server uses the count when there is one.
        basis: config.csr.award.count !== null ? 'count' : 'share',
        count: config.csr.award.count,
        share: config.csr.award.share === null ? null : toPercent(config.csr.award.share),
      },
      points: {
        // A certification without points earns none: shown as 0.
        environment: { ...Object.fromEntries(CERTIFICATIONS.map((code) => [code, 0])), ...config.csr.points.environment },
        labour: { ...config.csr.points.labour },
      },
    },
  };
}

/**
 * The whole configuration to send: `base` (the stored one, or the defaults after "restore
 * defaults") with the form's values over it. Settings the form does not show stay as they are.
 */
export function toScoringConfig(values: ScoringFormValues, base: ScoringConfig, presets: PointPresets): ScoringConfig {
  const preset = values.points.preset;
  const criterionWeights = { ...base.criterionWeights };
  for (const [code, weight] of Object.entries(values.criterionWeights)) {
    // A criterion without a weight weighs 1; left at 1 it stays without one.
    if (code in base.criterionWeights || weight !== 1) criterionWeights[code] = weight as number;
  }
  const percent = (value: Amount, stored: number) => toShare(value, stored) as number;
  const amount = (value: Amount) => value as number;
  return {
    ...base,
    points: { preset, values: preset === CUSTOM_POINTS ? (values.points.values as Record<string, number>) : { ...presets[preset] } },
    alternativePoints: Object.fromEntries(
      values.sensitivity.map((name) => [name, base.alternativePoints[name] ?? { ...presets[name] }]),
    ),
    criterionWeights,
    eligibility: {
      enterprise: { rankedMin: amount(values.eligibility.enterprise.rankedMin), flaggedMin: amount(values.eligibility.enterprise.flaggedMin) },
      district: {
        quorumShare: percent(values.eligibility.district.quorumShare, base.eligibility.district.quorumShare),
        trimAtLeast: amount(values.eligibility.district.trimAtLeast),
      },
      informationShortageShare: percent(values.eligibility.informationShortageShare, base.eligibility.informationShortageShare),
    },
    composite: {
      ...base.composite,
      departments: { ...base.composite.departments, ...(values.composite.departments as ScoringConfig['composite']['departments']) },
      districts: { ...base.composite.districts, ...(values.composite.districts as ScoringConfig['composite']['districts']) },
      overdueCaseDeduction: amount(values.composite.overdueCaseDeduction),
      maxDeduction: amount(values.composite.maxDeduction),
    },
    awards: {
      quotaShare: percent(values.awards.quotaShare, base.awards.quotaShare),
      quotaMinimum: amount(values.awards.quotaMinimum),
      threshold: amount(values.awards.threshold),
    },
    uncertainty: {
      resamples: amount(values.uncertainty.resamples),
      rankInterval: percent(values.uncertainty.rankInterval, base.uncertainty.rankInterval),
      reviewBand: [percent(values.uncertainty.reviewBand[0], base.uncertainty.reviewBand[0]), percent(values.uncertainty.reviewBand[1], base.uncertainty.reviewBand[1])],
    },
    csr: toCsrConfig(values.csr, base.csr),
  };
}

function toCsrConfig(values: ScoringFormValues['csr'], base: ScoringConfig['csr']): ScoringConfig['csr'] {
  const environment = { ...base.points.environment };
  for (const [code, points] of Object.entries(values.points.environment)) {
    // A certification without points earns none; left at 0 it stays without.
    if (code in base.points.environment || points !== 0) environment[code] = points as number;
  }
  // The basis not chosen goes as null, so the stored configuration says which one is used.
  const award =
    values.award.basis === 'count'
      ? { count: values.award.count, share: null }
      : { count: null, share: toShare(values.award.share, base.award.share) };
  return {
    ...base,
    weights: { ...base.weights, ...(values.weights as ScoringConfig['csr']['weights']) },
    award,
    points: { ...base.points, environment, labour: { ...base.points.labour, ...(values.points.labour as ScoringConfig['csr']['points']['labour']) } },
  };
}

/**
 * Each weight's part of the total, as the engine normalises them; null where the weights do not
 * add up to more than 0 (or a weight is not a number ≥ 0), which the server refuses.
 */
export function weightShares<K extends string>(weights: Partial<Record<K, Amount>> | undefined): Partial<Record<K, number>> | null {
  const entries = Object.entries(weights ?? {}) as [K, Amount][];
  if (entries.some(([, weight]) => typeof weight !== 'number' || !(weight >= 0))) return null;
  const total = entries.reduce((sum, [, weight]) => sum + (weight as number), 0);
  if (!(total > 0)) return null;
  return Object.fromEntries(entries.map(([key, weight]) => [key, (weight as number) / total])) as Partial<Record<K, number>>;
}

/** Weights that are all zero or missing: the form warns before the server refuses them. */
export function weightsEmpty(weights: Partial<Record<string, Amount>> | undefined): boolean {
  return !Object.values(weights ?? {}).some((weight) => typeof weight === 'number' && weight > 0);
}

/** Rule points that add up to more than 100: the form warns before the server refuses them. */
export function pointsOverHundred(points: Partial<Record<string, Amount>> | undefined): boolean {
  return Object.values(points ?? {}).reduce<number>((sum, value) => sum + (typeof value === 'number' ? value : 0), 0) > 100;
}

export type FormPath = (string | number)[];

/** "uncertainty.reviewBand[0]" → ["uncertainty", "reviewBand", 0]. */
export function formPath(field: string): FormPath {
  return [...field.matchAll(/[^.[\]]+|\[(\d+)\]/g)].map((match) => (match[1] !== undefined ? Number(match[1]) : match[0]));
}

/** "uncertainty.reviewBand[0]" → "uncertainty.reviewBand"; "" at the top. */
function parentField(field: string): string {
  const parent = field.replace(/(\.[^.[\]]*|\[\d+\])$/, '');
  return parent === field ? '' : parent;
}

export interface PlacedProblems {
  /** Messages under a form field, by its path. */
  fields: { name: FormPath; errors: string[] }[];
  /** Messages under a group of fields (a set of weights, the review band), by the server's field name. */
  groups: Record<string, string[]>;
  /** Messages about settings the form does not show. */
  others: string[];
}

/**
 * Where each of the server's messages goes: under the field it names, else under the nearest
 * group that holds it, else in the card's list. `fields` and `groups` are the server's names of
 * what the form shows.
 */
export function placeProblems(problems: readonly { field: string; message: string }[], fields: ReadonlySet<string>, groups: ReadonlySet<string>): PlacedProblems {
  const byField = new Map<string, string[]>();
  const placed: PlacedProblems = { fields: [], groups: {}, others: [] };
  for (const problem of problems) {
    let field = problem.field;
    while (field && !fields.has(field) && !groups.has(field)) field = parentField(field);
    if (fields.has(field)) byField.set(field, [...(byField.get(field) ?? []), problem.message]);
    else if (groups.has(field)) placed.groups[field] = [...(placed.groups[field] ?? []), problem.message];
    else placed.others.push(problem.message);
  }
  placed.fields = [...byField].map(([field, errors]) => ({ name: formPath(field), errors }));
  return placed;
}
