/**
 * The scoring configuration of a campaign: every number of SCORING.md, with its defaults.
 * Editable while the campaign is a draft, frozen when it opens; results name the
 * configuration (and its hash) that produced them.
 */
export interface ScoringConfig {
  version: 1;
  /** §1: answer codes to points; `na` and blank answers are abstentions. */
  points: { preset: 'standard' | 'county' | 'five-level' | 'custom'; values: Record<string, number> };
  /** §1: the other presets, for the sensitivity run of §3. */
  alternativePoints: Record<string, Record<string, number>>;
  /** §2: which answer codes count towards 满意率 and which towards 不满意率. */
  satisfaction: { content: string[]; discontent: string[] };
  /** §2: criterion weights by criterion code; a missing criterion weighs 1. */
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
    weights: { environment: number; labour: number; employment: number; tax: number; charity: number };
    /** §4 proposal: the top `count` ranked applicants, or where count is null the top round(share × ranked), at least 1. */
    award: { count: number | null; share: number | null };
    /**
     * §4 rule-based points, 0–100 per indicator. Environment: points per certification held
     * (codes of the declaration's env_certifications). Labour: points for a union or staff
     * congress, and the points for full social-insurance coverage, given pro rata.
     */
    points: {
      environment: Record<string, number>;
      labour: { union: number; socialInsurance: number };
    };
  };
  dataQuality: { straightLiningShare: number; straightLiningMinTargets: number; speedingShareOfMedian: number; duplicateAnswerShare: number };
}

export const POINT_PRESETS = {
  standard: { satisfied: 100, basically: 60, dissatisfied: 0 },
  county: { satisfied: 100, basically: 70, dissatisfied: 30 },
  'five-level': { very_satisfied: 100, satisfied: 80, basically: 60, dissatisfied: 30, very_dissatisfied: 0 },
} as const;

export function defaultScoringConfig(): ScoringConfig {
  return {
    version: 1,
    points: { preset: 'standard', values: { ...POINT_PRESETS.standard } },
    alternativePoints: { county: { ...POINT_PRESETS.county } },
    satisfaction: { content: ['very_satisfied', 'satisfied', 'basically'], discontent: ['dissatisfied', 'very_dissatisfied'] },
    criterionWeights: {},
    eligibility: {
      enterprise: { rankedMin: 30, flaggedMin: 10 },
      district: { quorumShare: 2 / 3, trimAtLeast: 7 },
      informationShortageShare: 0.5,
    },
    shrinkage: { fallbackK: 10 },
    composite: {
      departments: { enterprises: 50, districts: 20, inspection: 30 },
      districts: { enterprises: 70, objective: 30 },
      overdueCaseDeduction: 1,
      maxDeduction: 5,
    },
    awards: { quotaShare: 0.2, quotaMinimum: 1, threshold: 85 },
    uncertainty: { resamples: 2000, rankInterval: 0.9, reviewBand: [0.2, 0.8] },
    csr: {
      weights: { environment: 30, labour: 20, employment: 15, tax: 20, charity: 15 },
      award: { count: null, share: 0.2 },
      points: {
        environment: { iso14001: 40, green_factory: 30, iso50001: 15, clean_production: 15 },
        labour: { union: 30, socialInsurance: 70 },
      },
    },
    dataQuality: { straightLiningShare: 0.9, straightLiningMinTargets: 10, speedingShareOfMedian: 0.2, duplicateAnswerShare: 0.85 },
  };
}

/** Districts are ranked within two categories: the 县(市)、区 and the development zones. */
export function districtCategory(kind: string): string {
  return kind === 'development-zone' ? '开发区' : '县(市)、区';
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The stored configuration completed with today's defaults: a campaign created before a
 * setting existed scores with its default. Objects merge key by key; arrays and values replace.
 */
export function resolveScoringConfig(stored: unknown): ScoringConfig {
  const config = merge(defaultScoringConfig() as unknown as Json, (stored ?? {}) as Json) as unknown as ScoringConfig;
  // Maps of answer codes are taken whole: a five-level scale must not keep the default's codes.
  const given = (isObject(stored) ? stored : {}) as Partial<Record<keyof ScoringConfig, Json>>;
  if (isObject(given.points) && isObject(given.points.values)) config.points.values = given.points.values as Record<string, number>;
  if (isObject(given.alternativePoints)) config.alternativePoints = given.alternativePoints as Record<string, Record<string, number>>;
  const environment = isObject(given.csr) && isObject(given.csr.points) ? given.csr.points.environment : undefined;
  if (isObject(environment)) config.csr.points.environment = environment as Record<string, number>;
  return config;
}

function merge(base: Json, over: Json): Json {
  if (!isObject(base) || !isObject(over)) return over === undefined ? base : over;
  const out: { [key: string]: Json } = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = key in base ? merge(base[key], value) : value;
  return out;
}

const isObject = (v: unknown): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON with keys sorted at every level: the same configuration always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
