/**
 * 社会责任先进企业 (SCORING.md §4): the declarations as they stand after the office's
 * verification in; vetoes, five indicators, the composite, ranks, the two sensitivity runs and
 * the proposal out. Pure: the same input gives byte-identical output, so enterprises are taken
 * in the order of their ids whatever order they come in, and bands in a fixed order.
 *
 * Decisions where SCORING.md leaves room:
 * - The figures are the declaration's questions (surveys/csr-declaration.json), each with its
 *   source (declared, verified, corrected, authoritative), carried to the output untouched.
 * - Vetoes are the verified yes/no questions env_penalty, wage_arrears, labour_dispute,
 *   tax_violation and safety_accident: any `true` excludes, every `true` one listed as a
 *   reason. A veto fact missing or not a yes/no is no veto (exclusion needs a fact) but is
 *   flagged for the office to check. Vetoed enterprises take no part in the normalisation:
 *   an excluded applicant must not move the others' scores.
 * - 纳税 ln(1 + tax_paid), 就业 ln(1 + employees) and 公益 donations ÷ revenue are min–maxed to
 *   0–100 among the not vetoed applicants of the same size band that have the figure.
 * - A band where such a figure does not vary (one applicant, or equal values) gives everyone
 *   50, flagged: min–max is 0/0 there, and 50, the middle of the scale, is where the z-score
 *   run puts them too (z = 0). 100 would hand a lone applicant full marks against applicants
 *   ranked in other bands, 0 would take all from it; there is nothing to place it by.
 * - Donations of 0 are a ratio of 0 at any revenue. Donations with a revenue of 0 have no
 *   ratio: it is not computed, the indicator is missing and flagged.
 * - 环保 and 和谐劳动 are rule-based points, 0–100, from config.csr.points: environment the
 *   points of each certification held (codes of env_certifications; `none` and unknown codes
 *   count 0); labour the points for a union or staff congress plus the social-insurance
 *   points × coverage / 100. Zero violations earn no points: they are vetoes, so every ranked
 *   applicant has them and points for them would separate nobody. local_hires,
 *   volunteer_hours and charity_notes are shown, not scored: §4 names headcount and donations.
 * - A figure that is negative, not a finite number (a coverage above 100), a yes/no that is
 *   not a boolean, or certifications that are not a list of codes counts as missing and is
 *   named in figureProblems. The data path refuses such figures; the engine must only never
 *   turn them into NaN.
 * - A missing indicator renormalises the weights over those present (Σ w·I / Σ w), flagged
 *   per indicator; an applicant with none (or only zero-weighted ones) is not ranked.
 * - One ranking over all bands (the bands are normalised so that they compare): competition
 *   ranking (1, 2, 2, 4) on the composite rounded to 2 decimals, ties share the rank.
 * - Sensitivity, over the same ranked applicants: (a) z-score — every indicator, the rule
 *   points too, standardised within the band over the applicants that have it (population
 *   standard deviation, z = 0 where it is 0), the composite the config-weighted mean of the
 *   z's: a weighted sum needs its parts on one scale. Ranked on 4 decimals, as a hundredth of
 *   a standard deviation is far coarser than a hundredth of a point. (b) equal weights — the
 *   indicators of the main run, each weighing 1. rankRange is [min, max] of the three ranks.
 * - Proposal: N = config.csr.award.count, else round(share × ranked), at least 1 (0 when
 *   nobody is ranked); proposed = rank ≤ N, so a tie across the boundary is proposed whole.
 * - Two enterprises with one id or an unknown size band break the input contract and throw.
 */
import { rankKey } from './ranking.js';
import type { ScoringConfig } from './scoring-config.js';
import { configHash } from './scoring-engine.js';

export const SIZE_BANDS = ['large', 'medium', 'small', 'micro'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

export type FigureSource = 'declared' | 'verified' | 'corrected' | 'authoritative';

export interface CsrFigure<T> {
  value: T | null;
  source: FigureSource;
}

/** The declaration's questions by name, as verified. */
export interface CsrFigures {
  tax_paid: CsrFigure<number>;
  revenue: CsrFigure<number>;
  employees: CsrFigure<number>;
  local_hires: CsrFigure<number>;
  /** Percent, 0–100. */
  social_insurance_coverage: CsrFigure<number>;
  env_certifications: CsrFigure<string[]>;
  env_penalty: CsrFigure<boolean>;
  safety_accident: CsrFigure<boolean>;
  wage_arrears: CsrFigure<boolean>;
  labour_dispute: CsrFigure<boolean>;
  union: CsrFigure<boolean>;
  tax_violation: CsrFigure<boolean>;
  donations: CsrFigure<number>;
  volunteer_hours: CsrFigure<number>;
}
export type CsrFigureName = keyof CsrFigures;

/** In the declaration's order, which the output keeps. */
export const CSR_FIGURE_NAMES: readonly CsrFigureName[] = [
  'tax_paid', 'revenue', 'employees', 'local_hires', 'social_insurance_coverage',
  'env_certifications', 'env_penalty', 'safety_accident',
  'wage_arrears', 'labour_dispute', 'union', 'tax_violation',
  'donations', 'volunteer_hours',
];

export interface CsrEnterpriseInput {
  /** The data path's key; unique. */
  id: string;
  uscc: string;
  sizeBand: SizeBand;
  figures: CsrFigures;
}

export interface CsrScoringInput {
  config: ScoringConfig;
  enterprises: CsrEnterpriseInput[];
}

export const CSR_INDICATORS = ['environment', 'labour', 'employment', 'tax', 'charity'] as const;
export type CsrIndicator = (typeof CSR_INDICATORS)[number];

/** The veto facts and the reason each gives, in the order reasons are listed. */
export const CSR_VETOES = {
  env_penalty: '重大环境行政处罚',
  wage_arrears: '拖欠工资',
  labour_dispute: '重大劳动争议或群体性事件',
  tax_violation: '税收违法行为',
  safety_accident: '较大及以上生产安全事故',
} as const satisfies Partial<Record<CsrFigureName, string>>;
export type CsrVetoReason = (typeof CSR_VETOES)[keyof typeof CSR_VETOES];

/** Flags as the pages will translate them. */
export const CSR_FLAGS = {
  vetoed: '一票否决',
  vetoFactMissing: '一票否决事项缺少数据，需核实',
  figureInvalid: '有数据为负数、非数字或超出范围，按缺失处理',
  revenueZero: '营业收入为 0 而有公益捐赠，捐赠占比无法计算',
  environmentMissing: '缺少环保指标，权重已重新分配',
  labourMissing: '缺少和谐劳动指标，权重已重新分配',
  employmentMissing: '缺少就业指标，权重已重新分配',
  taxMissing: '缺少纳税指标，权重已重新分配',
  charityMissing: '缺少公益指标，权重已重新分配',
  employmentUniform: '同规模组内从业人数无差异，就业按 50 分计',
  taxUniform: '同规模组内纳税额无差异，纳税按 50 分计',
  charityUniform: '同规模组内捐赠占比无差异，公益按 50 分计',
  notRanked: '无可用指标，不排名',
} as const;
export type CsrFlag = (typeof CSR_FLAGS)[keyof typeof CSR_FLAGS];
const FLAG_ORDER: readonly CsrFlag[] = Object.values(CSR_FLAGS);

const MISSING_FLAG: Record<CsrIndicator, CsrFlag> = {
  environment: CSR_FLAGS.environmentMissing,
  labour: CSR_FLAGS.labourMissing,
  employment: CSR_FLAGS.employmentMissing,
  tax: CSR_FLAGS.taxMissing,
  charity: CSR_FLAGS.charityMissing,
};
/** The indicators min–maxed within the band, and their flag where the band does not vary. */
const UNIFORM_FLAG: Partial<Record<CsrIndicator, CsrFlag>> = {
  employment: CSR_FLAGS.employmentUniform,
  tax: CSR_FLAGS.taxUniform,
  charity: CSR_FLAGS.charityUniform,
};

export type FigureProblem = 'missing' | 'invalid';

export interface CsrIndicatorResult {
  /**
   * What is normalised: ln(1 + tax_paid), ln(1 + employees), donations ÷ revenue, or the rule
   * points (environment, labour); null = missing.
   */
  basis: number | null;
  /** 0–100: min–max within the band, or the rule points; null = missing. */
  score: number | null;
  /** Standardised within the band, for the z-score run. */
  z: number | null;
  /** Weight in the composite after renormalising over the indicators present (they sum to 1). */
  weight: number;
}

export interface CsrRunResult {
  composite: number | null;
  rank: number | null;
}

export interface CsrEnterpriseResult {
  id: string;
  uscc: string;
  sizeBand: SizeBand;
  /** As given, in the declaration's order. */
  figures: CsrFigures;
  /** Figures the scoring reads that were missing or unusable, in the declaration's order. */
  figureProblems: Partial<Record<CsrFigureName, FigureProblem>>;
  vetoReasons: CsrVetoReason[];
  /** Null for a vetoed enterprise. */
  indicators: Record<CsrIndicator, CsrIndicatorResult> | null;
  composite: number | null;
  rank: number | null;
  sensitivity: { zScore: CsrRunResult; equalWeights: CsrRunResult; rankRange: [number, number] | null };
  proposed: boolean;
  flags: CsrFlag[];
}

export interface CsrBasisStatistics {
  n: number;
  min: number;
  max: number;
  mean: number;
  /** Population standard deviation. */
  sd: number;
}

export interface CsrBandResult {
  sizeBand: SizeBand;
  applicants: number;
  vetoed: number;
  ranked: number;
  /** Over the band's not vetoed applicants that have the indicator; null where none has it. */
  indicators: Record<CsrIndicator, CsrBasisStatistics | null>;
}

export interface CsrScoringOutput {
  configHash: string;
  ranked: number;
  /** N, whether it came from the count or the share, and how many are proposed (more than N on a tie). */
  proposal: { basis: 'count' | 'share'; count: number; proposed: number };
  bands: CsrBandResult[];
  /** Ranked ones by rank then id, then the unranked by id, then the vetoed by id. */
  enterprises: CsrEnterpriseResult[];
}

type Scores = Record<CsrIndicator, number | null>;

interface Applicant {
  input: CsrEnterpriseInput;
  problems: Partial<Record<CsrFigureName, FigureProblem>>;
  vetoReasons: CsrVetoReason[];
  flags: Set<CsrFlag>;
  basis: Scores;
  score: Scores;
  z: Scores;
  composite: number | null;
  zComposite: number | null;
  equalComposite: number | null;
  ranks: { main: number; zScore: number; equalWeights: number } | null;
}

const EQUAL_WEIGHTS: Record<CsrIndicator, number> = { environment: 1, labour: 1, employment: 1, tax: 1, charity: 1 };
const UNIFORM_SCORE = 50;

export function scoreCsr(input: CsrScoringInput): CsrScoringOutput {
  const { csr } = input.config;
  const applicants = sortedById(input.enterprises).map((enterprise) => readDeclaration(enterprise, csr.points));

  const bands = SIZE_BANDS.map((sizeBand) => {
    const members = applicants.filter((a) => a.input.sizeBand === sizeBand);
    const scored = members.filter((a) => a.vetoReasons.length === 0);
    const statistics = {} as Record<CsrIndicator, CsrBasisStatistics | null>;
    for (const indicator of CSR_INDICATORS) {
      statistics[indicator] = basisStatistics(scored, indicator);
      normalise(scored, indicator, statistics[indicator]);
    }
    return { sizeBand, members, statistics };
  });

  const ranked: Applicant[] = [];
  for (const applicant of applicants) {
    if (applicant.vetoReasons.length > 0) continue;
    for (const indicator of CSR_INDICATORS) if (applicant.score[indicator] === null) applicant.flags.add(MISSING_FLAG[indicator]);
    applicant.composite = weightedMean(applicant.score, csr.weights);
    if (applicant.composite === null) {
      applicant.flags.add(CSR_FLAGS.notRanked);
      continue;
    }
    applicant.zComposite = weightedMean(applicant.z, csr.weights);
    applicant.equalComposite = weightedMean(applicant.score, EQUAL_WEIGHTS);
    ranked.push(applicant);
  }
  const main = competitionRanks(ranked.map((a) => rankKey(a.composite, 2, 0)));
  const zScore = competitionRanks(ranked.map((a) => rankKey(a.zComposite, 4, 0)));
  const equalWeights = competitionRanks(ranked.map((a) => rankKey(a.equalComposite, 2, 0)));
  ranked.forEach((applicant, i) => (applicant.ranks = { main: main[i], zScore: zScore[i], equalWeights: equalWeights[i] }));

  const proposal = proposalSize(csr.award, ranked.length);
  const results = applicants.map((applicant) => result(applicant, csr.weights, proposal.count));
  const order = (r: CsrEnterpriseResult) => (r.rank !== null ? 0 : r.vetoReasons.length === 0 ? 1 : 2);
  // Stable sort over results already in id order: ties keep id order.
  results.sort((a, b) => order(a) - order(b) || (a.rank ?? 0) - (b.rank ?? 0));

  return {
    configHash: configHash(input.config),
    ranked: ranked.length,
    proposal: { ...proposal, proposed: results.filter((r) => r.proposed).length },
    bands: bands.map(({ sizeBand, members, statistics }) => ({
      sizeBand,
      applicants: members.length,
      vetoed: members.filter((a) => a.vetoReasons.length > 0).length,
      ranked: members.filter((a) => a.ranks !== null).length,
      indicators: statistics,
    })),
    enterprises: results,
  };
}

function sortedById(enterprises: readonly CsrEnterpriseInput[]): CsrEnterpriseInput[] {
  const sorted = [...enterprises].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 0; i < sorted.length; i++) {
    if (!(SIZE_BANDS as readonly string[]).includes(sorted[i].sizeBand)) throw new Error(`CSR scoring: enterprise ${sorted[i].id} has an unknown size band "${sorted[i].sizeBand}"`);
    if (i > 0 && sorted[i].id === sorted[i - 1].id) throw new Error(`CSR scoring: two enterprises share the id ${sorted[i].id}`);
  }
  return sorted;
}

/** Reads the figures the scoring uses, the vetoes and the bases of the five indicators. */
function readDeclaration(input: CsrEnterpriseInput, points: ScoringConfig['csr']['points']): Applicant {
  const problems: Partial<Record<CsrFigureName, FigureProblem>> = {};
  const raw = (name: CsrFigureName): unknown => input.figures?.[name]?.value ?? null;
  const take = <T>(name: CsrFigureName, valid: (value: unknown) => value is T): T | null => {
    const value = raw(name);
    if (value === null) problems[name] = 'missing';
    else if (!valid(value)) problems[name] = 'invalid';
    else return value;
    return null;
  };
  const amount = (name: CsrFigureName, max = Infinity) => take(name, (v): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= max);
  const yesNo = (name: CsrFigureName) => take(name, (v): v is boolean => typeof v === 'boolean');
  const codes = (name: CsrFigureName) => take(name, (v): v is string[] => Array.isArray(v) && v.every((code) => typeof code === 'string'));

  const flags = new Set<CsrFlag>();
  const vetoReasons: CsrVetoReason[] = [];
  for (const [fact, reason] of Object.entries(CSR_VETOES) as [CsrFigureName, CsrVetoReason][]) {
    const value = yesNo(fact);
    if (value === null) flags.add(CSR_FLAGS.vetoFactMissing);
    if (value === true) vetoReasons.push(reason);
  }
  if (vetoReasons.length > 0) flags.add(CSR_FLAGS.vetoed);

  const tax = amount('tax_paid');
  const employees = amount('employees');
  const revenue = amount('revenue');
  const donations = amount('donations');
  const coverage = amount('social_insurance_coverage', 100);
  const union = yesNo('union');
  const certifications = codes('env_certifications');

  let charity: number | null = null;
  if (donations === 0) charity = 0;
  else if (donations !== null && revenue === 0) flags.add(CSR_FLAGS.revenueZero);
  else if (donations !== null && revenue !== null) charity = donations / revenue;

  const basis: Scores = {
    environment: certifications === null ? null : environmentPoints(certifications, points.environment),
    labour: union === null || coverage === null ? null : labourPoints(union, coverage, points.labour),
    employment: employees === null ? null : Math.log1p(employees),
    tax: tax === null ? null : Math.log1p(tax),
    charity,
  };
  if (Object.values(problems).includes('invalid')) flags.add(CSR_FLAGS.figureInvalid);
  return { input, problems, vetoReasons, flags, basis, score: emptyScores(), z: emptyScores(), composite: null, zComposite: null, equalComposite: null, ranks: null };
}

/** The points of each distinct certification held; `none` and codes without points add nothing. */
export function environmentPoints(certifications: readonly string[], table: Record<string, number>): number {
  let total = 0;
  for (const code of new Set(certifications)) if (Object.hasOwn(table, code)) total += table[code];
  return total;
}

/** Union or staff congress points, plus the social-insurance points pro rata to coverage (%). */
export function labourPoints(union: boolean, coverage: number, table: { union: number; socialInsurance: number }): number {
  return (union ? table.union : 0) + (table.socialInsurance * coverage) / 100;
}

const emptyScores = (): Scores => ({ environment: null, labour: null, employment: null, tax: null, charity: null });

function basisStatistics(applicants: readonly Applicant[], indicator: CsrIndicator): CsrBasisStatistics | null {
  let n = 0;
  let min = Infinity;
  let max = -Infinity;
  let total = 0;
  for (const { basis } of applicants) {
    const value = basis[indicator];
    if (value === null) continue;
    n++;
    total += value;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (n === 0) return null;
  const mean = total / n;
  let squares = 0;
  for (const { basis } of applicants) {
    const value = basis[indicator];
    if (value !== null) squares += (value - mean) ** 2;
  }
  return { n, min, max, mean, sd: Math.sqrt(squares / n) };
}

/** Fills score (min–max or the rule points) and z of one indicator for a band's applicants. */
function normalise(applicants: readonly Applicant[], indicator: CsrIndicator, statistics: CsrBasisStatistics | null): void {
  if (statistics === null) return;
  const { min, max, mean, sd } = statistics;
  const uniformFlag = UNIFORM_FLAG[indicator];
  for (const applicant of applicants) {
    const value = applicant.basis[indicator];
    if (value === null) continue;
    if (uniformFlag === undefined) applicant.score[indicator] = value;
    // The ratio first: it is exactly 1 at the maximum, where 100·(v − min) / (max − min) can exceed 100 by a rounding error.
    else if (max > min) applicant.score[indicator] = 100 * ((value - min) / (max - min));
    else {
      applicant.score[indicator] = UNIFORM_SCORE;
      applicant.flags.add(uniformFlag);
    }
    applicant.z[indicator] = sd > 0 ? (value - mean) / sd : 0;
  }
}

/** Σ w·x / Σ w over the indicators present; null where their weights add up to nothing. */
function weightedMean(values: Scores, weights: Record<CsrIndicator, number>): number | null {
  let total = 0;
  let weight = 0;
  for (const indicator of CSR_INDICATORS) {
    const value = values[indicator];
    if (value === null) continue;
    total += weights[indicator] * value;
    weight += weights[indicator];
  }
  return weight > 0 ? total / weight : null;
}

/** Competition ranks (1, 2, 2, 4) of integer keys, higher first. */
function competitionRanks(keys: readonly number[]): number[] {
  const order = keys.map((_, i) => i).sort((a, b) => keys[b] - keys[a] || a - b);
  const ranks = new Array<number>(keys.length);
  for (let i = 0; i < order.length; i++) {
    ranks[order[i]] = i > 0 && keys[order[i]] === keys[order[i - 1]] ? ranks[order[i - 1]] : i + 1;
  }
  return ranks;
}

/** N: the count where set, else the share of the ranked applicants rounded, at least 1. */
export function proposalSize(award: ScoringConfig['csr']['award'], ranked: number): { basis: 'count' | 'share'; count: number } {
  if (award.count !== null) return { basis: 'count', count: award.count };
  // The tolerance keeps a product a rounding error below .5 (0.58 × 25 = 14.499…98) from rounding down.
  const count = ranked === 0 ? 0 : Math.max(1, Math.round((award.share ?? 0) * ranked + 1e-9));
  return { basis: 'share', count };
}

function result(applicant: Applicant, weights: Record<CsrIndicator, number>, proposalCount: number): CsrEnterpriseResult {
  const { input, ranks } = applicant;
  const vetoed = applicant.vetoReasons.length > 0;
  let indicators: CsrEnterpriseResult['indicators'] = null;
  if (!vetoed) {
    let present = 0;
    for (const indicator of CSR_INDICATORS) if (applicant.score[indicator] !== null) present += weights[indicator];
    indicators = {} as Record<CsrIndicator, CsrIndicatorResult>;
    for (const indicator of CSR_INDICATORS) {
      const score = applicant.score[indicator];
      indicators[indicator] = {
        basis: applicant.basis[indicator],
        score,
        z: applicant.z[indicator],
        weight: score !== null && present > 0 ? weights[indicator] / present : 0,
      };
    }
  }
  const figures = {} as Record<CsrFigureName, unknown>;
  const figureProblems: CsrEnterpriseResult['figureProblems'] = {};
  for (const name of CSR_FIGURE_NAMES) {
    if (input.figures && name in input.figures) figures[name] = input.figures[name];
    if (applicant.problems[name]) figureProblems[name] = applicant.problems[name];
  }
  return {
    id: input.id,
    uscc: input.uscc,
    sizeBand: input.sizeBand,
    figures: figures as CsrFigures,
    figureProblems,
    vetoReasons: applicant.vetoReasons,
    indicators,
    composite: applicant.composite,
    rank: ranks?.main ?? null,
    sensitivity: {
      zScore: { composite: applicant.zComposite, rank: ranks?.zScore ?? null },
      equalWeights: { composite: applicant.equalComposite, rank: ranks?.equalWeights ?? null },
      rankRange: ranks ? [Math.min(ranks.main, ranks.zScore, ranks.equalWeights), Math.max(ranks.main, ranks.zScore, ranks.equalWeights)] : null,
    },
    proposed: ranks !== null && ranks.main <= proposalCount,
    flags: FLAG_ORDER.filter((flag) => applicant.flags.has(flag)),
  };
}
