/**
 * 社会责任先进企业 scoring (SCORING.md §4) against numbers worked out by hand in each test, and
 * properties any correct scoring keeps on 5,000 generated declarations.
 */
import { pick, randomInt, seededRandom } from '../../server/src/common/random.js';
import {
  CSR_FLAGS,
  CSR_INDICATORS,
  CSR_VETOES,
  environmentPoints,
  labourPoints,
  proposalSize,
  scoreCsr,
  type CsrEnterpriseInput,
  type CsrEnterpriseResult,
  type CsrFigure,
  type CsrFigures,
  type CsrScoringOutput,
  type SizeBand,
} from '../../server/src/scoring/csr-scoring.js';
import { defaultScoringConfig, resolveScoringConfig, type ScoringConfig } from '../../server/src/scoring/scoring-config.js';
import { scoringConfigProblems } from '../../server/src/scoring/scoring-config-rules.js';
import { configHash } from '../../server/src/scoring/scoring-engine.js';

type Values = { [K in keyof CsrFigures]: CsrFigures[K]['value'] };

/** A clean declaration: no veto, union, full coverage, no certification, nothing donated. */
const CLEAN: Values = {
  tax_paid: 9, revenue: 100, employees: 10, local_hires: 5, social_insurance_coverage: 100,
  env_certifications: [], env_penalty: false, safety_accident: false,
  wage_arrears: false, labour_dispute: false, union: true, tax_violation: false,
  donations: 0, volunteer_hours: 0,
};

/** An enterprise whose figures are CLEAN with `values` over them, all declared unless `sources` says. */
function enterprise(id: string, sizeBand: SizeBand, values: Partial<Values> = {}, sources: Partial<Record<keyof CsrFigures, CsrFigure<unknown>['source']>> = {}): CsrEnterpriseInput {
  const all = { ...CLEAN, ...values } as Record<string, unknown>;
  const figures = Object.fromEntries(Object.entries(all).map(([name, value]) => [name, { value, source: sources[name as keyof CsrFigures] ?? 'declared' }]));
  return { id, uscc: `91330100MA${id.padStart(8, '0')}`, sizeBand, figures: figures as unknown as CsrFigures };
}

function config(change?: (c: ScoringConfig) => void): ScoringConfig {
  const c = defaultScoringConfig();
  change?.(c);
  return c;
}

const run = (enterprises: CsrEnterpriseInput[], c = config()) => scoreCsr({ config: c, enterprises });

function of(out: CsrScoringOutput, id: string): CsrEnterpriseResult {
  const found = out.enterprises.find((e) => e.id === id);
  if (!found) throw new Error(`no enterprise ${id}`);
  return found;
}

/** Every number in the output as it is before JSON would turn a NaN into null. */
function numbersIn(out: CsrScoringOutput): number[] {
  const numbers: number[] = [];
  JSON.stringify(out, (_key, value: unknown) => {
    if (typeof value === 'number') numbers.push(value);
    return value;
  });
  return numbers;
}

const scores = (r: CsrEnterpriseResult) => Object.fromEntries(CSR_INDICATORS.map((i) => [i, r.indicators?.[i].score ?? null]));
const all4 = ['iso14001', 'iso50001', 'green_factory', 'clean_production'];

describe('normalisation within a size band', () => {
  // Three small enterprises, every indicator varying.
  //   tax_paid 0, 9, 99 → ln 1, ln 10, ln 100 = 0, L, 2L → min–max 0, 50, 100
  //   employees 63, 3, 15 → ln 64, ln 4, ln 16 = 6l, 2l, 4l (l = ln 2) → 100, 0, 50
  //   donations ÷ revenue 1/100, 3/100, 0/100 → 0.01, 0.03, 0 → 100·0.01/0.03 = 33.33…, 100, 0
  //   environment: ISO 14001 = 40; ISO 14001 + green factory = 40 + 30 = 70; none = 0
  //   labour: union + 100% = 30 + 70 = 100; no union, 80% = 70·0.8 = 56; union + 50% = 30 + 35 = 65
  const band = () => [
    enterprise('a', 'small', { tax_paid: 0, employees: 63, donations: 1, env_certifications: ['iso14001'], union: true, social_insurance_coverage: 100 }),
    enterprise('b', 'small', { tax_paid: 9, employees: 3, donations: 3, env_certifications: ['iso14001', 'green_factory'], union: false, social_insurance_coverage: 80 }),
    enterprise('c', 'small', { tax_paid: 99, employees: 15, donations: 0, env_certifications: ['none'], union: true, social_insurance_coverage: 50 }),
  ];

  it('takes ln(1 + x) of tax and headcount, the donation ratio, then min–max to 0–100, and the rule points as they are', () => {
    const out = run(band());
    const expected = {
      a: { environment: 40, labour: 100, employment: 100, tax: 0, charity: 100 / 3 },
      b: { environment: 70, labour: 56, employment: 0, tax: 50, charity: 100 },
      c: { environment: 0, labour: 65, employment: 50, tax: 100, charity: 0 },
    };
    for (const [id, want] of Object.entries(expected)) {
      const got = scores(of(out, id));
      for (const indicator of CSR_INDICATORS) expect(got[indicator]).toBeCloseTo(want[indicator], 10);
    }
    expect(of(out, 'b').indicators?.tax.basis).toBeCloseTo(Math.log(10), 12);
    expect(of(out, 'b').indicators?.charity.basis).toBeCloseTo(0.03, 12);
    expect(out.bands.find((b) => b.sizeBand === 'small')?.indicators.tax).toMatchObject({ n: 3, min: 0, max: Math.log(100) });
  });

  it('weighs them 30/20/15/20/15 and ranks the composite', () => {
    const out = run(band());
    // a: (30·40 + 20·100 + 15·100 + 20·0 + 15·33.33…) / 100 = (1200 + 2000 + 1500 + 0 + 500) / 100 = 52
    // b: (30·70 + 20·56 + 15·0 + 20·50 + 15·100) / 100 = (2100 + 1120 + 0 + 1000 + 1500) / 100 = 57.2
    // c: (30·0 + 20·65 + 15·50 + 20·100 + 15·0) / 100 = (0 + 1300 + 750 + 2000 + 0) / 100 = 40.5
    expect(of(out, 'a').composite).toBeCloseTo(52, 10);
    expect(of(out, 'b').composite).toBeCloseTo(57.2, 10);
    expect(of(out, 'c').composite).toBeCloseTo(40.5, 10);
    expect(out.enterprises.map((e) => [e.id, e.rank])).toEqual([['b', 1], ['a', 2], ['c', 3]]);
    expect(of(out, 'a').indicators?.environment.weight).toBeCloseTo(0.3, 12);
    expect(of(out, 'a').flags).toEqual([]);
  });

  it('normalises each band on its own', () => {
    // large: tax 99 and 9999 → ln 100, ln 10000 → 0 and 100; small: tax 0 and 9 → 0 and 100.
    // The large enterprise paying 99 scores 0, the small one paying 9 scores 100.
    const out = run([
      enterprise('large-low', 'large', { tax_paid: 99 }),
      enterprise('large-high', 'large', { tax_paid: 9999 }),
      enterprise('small-low', 'small', { tax_paid: 0 }),
      enterprise('small-high', 'small', { tax_paid: 9 }),
    ]);
    expect(of(out, 'large-low').indicators?.tax.score).toBe(0);
    expect(of(out, 'large-high').indicators?.tax.score).toBe(100);
    expect(of(out, 'small-low').indicators?.tax.score).toBe(0);
    expect(of(out, 'small-high').indicators?.tax.score).toBe(100);
    expect(out.bands.map((b) => [b.sizeBand, b.applicants, b.ranked])).toEqual([['large', 2, 2], ['medium', 0, 0], ['small', 2, 2], ['micro', 0, 0]]);
    expect(out.bands[1].indicators.tax).toBeNull();
  });

  it('gives 50 where a band does not vary: a lone applicant, or equal values, flagged', () => {
    const out = run([
      enterprise('alone', 'medium', { tax_paid: 500, employees: 80, donations: 2 }),
      enterprise('twin-1', 'micro', { tax_paid: 4, employees: 3, donations: 1, revenue: 50 }),
      enterprise('twin-2', 'micro', { tax_paid: 4, employees: 3, donations: 2, revenue: 100 }),
    ]);
    for (const id of ['alone', 'twin-1', 'twin-2']) {
      const r = of(out, id);
      expect([r.indicators?.tax.score, r.indicators?.employment.score, r.indicators?.charity.score]).toEqual([50, 50, 50]);
      expect([r.indicators?.tax.z, r.indicators?.employment.z, r.indicators?.charity.z]).toEqual([0, 0, 0]);
      expect(r.flags).toEqual([CSR_FLAGS.employmentUniform, CSR_FLAGS.taxUniform, CSR_FLAGS.charityUniform]);
    }
    // Rule points are not normalised: the same 100 for labour (union + 100%) and 0 for environment.
    expect(of(out, 'alone').indicators?.labour.score).toBe(100);
    // (30·0 + 20·100 + 15·50 + 20·50 + 15·50) / 100 = 45, for all three: one shared rank.
    expect(out.enterprises.map((e) => [e.id, e.composite, e.rank])).toEqual([['alone', 45, 1], ['twin-1', 45, 1], ['twin-2', 45, 1]]);
  });
});

describe('vetoes', () => {
  it.each(Object.entries(CSR_VETOES))('%s excludes, with its reason, and leaves the others as if it had not applied', (fact, reason) => {
    // Without v, a (tax 9 → ln 10) and b (tax 99 → ln 100) are the band's min and max: 0 and 100.
    // v's 9999 must not stretch the band.
    const out = run([enterprise('a', 'small', { tax_paid: 9 }), enterprise('b', 'small', { tax_paid: 99 }), enterprise('v', 'small', { tax_paid: 9999, [fact]: true } as Partial<Values>)]);
    const v = of(out, 'v');
    expect(v).toMatchObject({ vetoReasons: [reason], indicators: null, composite: null, rank: null, proposed: false, flags: [CSR_FLAGS.vetoed] });
    expect(v.sensitivity).toEqual({ zScore: { composite: null, rank: null }, equalWeights: { composite: null, rank: null }, rankRange: null });
    expect(of(out, 'a').indicators?.tax.score).toBe(0);
    expect(of(out, 'b').indicators?.tax.score).toBe(100);
    expect(out.enterprises.map((e) => e.id)).toEqual(['b', 'a', 'v']);
    expect(out.bands[2]).toMatchObject({ applicants: 3, vetoed: 1, ranked: 2 });
  });

  it('lists every reason that applies, in the table order', () => {
    const out = run([enterprise('v', 'large', { safety_accident: true, wage_arrears: true, env_penalty: true })]);
    expect(of(out, 'v').vetoReasons).toEqual(['重大环境行政处罚', '拖欠工资', '较大及以上生产安全事故']);
  });

  it('does not exclude on a missing veto fact but flags it for the office', () => {
    const out = run([enterprise('a', 'small', { tax_violation: null }), enterprise('b', 'small', { labour_dispute: 'no' as unknown as boolean })]);
    expect(of(out, 'a')).toMatchObject({ vetoReasons: [], rank: 1, figureProblems: { tax_violation: 'missing' }, flags: [CSR_FLAGS.vetoFactMissing, CSR_FLAGS.employmentUniform, CSR_FLAGS.taxUniform, CSR_FLAGS.charityUniform] });
    expect(of(out, 'b')).toMatchObject({ vetoReasons: [], rank: 1, figureProblems: { labour_dispute: 'invalid' } });
    expect(of(out, 'b').flags.slice(0, 2)).toEqual([CSR_FLAGS.vetoFactMissing, CSR_FLAGS.figureInvalid]);
  });
});

describe('missing indicators', () => {
  // Two small enterprises. x: tax 0, y: tax 99 → tax 0 and 100; employees equal → 50; labour 100 both.
  it('renormalises the weights over the indicators present and flags the missing one', () => {
    const out = run([
      enterprise('x', 'small', { tax_paid: 0, env_certifications: null, donations: 1 }),
      enterprise('y', 'small', { tax_paid: 99, env_certifications: ['iso14001'], donations: 2 }),
    ]);
    const x = of(out, 'x');
    // x has no environment: charity 1/100 vs 2/100 → 0. (20·100 + 15·50 + 20·0 + 15·0) / (20 + 15 + 20 + 15) = 2750 / 70
    expect(x.composite).toBeCloseTo(2750 / 70, 10);
    expect(x.indicators?.environment).toEqual({ basis: null, score: null, z: null, weight: 0 });
    expect(x.indicators?.labour.weight).toBeCloseTo(20 / 70, 12);
    expect(x.indicators?.tax.weight).toBeCloseTo(20 / 70, 12);
    expect(CSR_INDICATORS.reduce((sum, i) => sum + (x.indicators?.[i].weight ?? 0), 0)).toBeCloseTo(1, 12);
    expect(x.flags).toEqual([CSR_FLAGS.environmentMissing, CSR_FLAGS.employmentUniform]);
    expect(x.figureProblems).toEqual({ env_certifications: 'missing' });
    // y: (30·40 + 20·100 + 15·50 + 20·100 + 15·100) / 100 = 74.5
    expect(of(out, 'y').composite).toBeCloseTo(74.5, 10);
  });

  it('treats negative and non-numeric figures as missing, with no NaN anywhere', () => {
    const out = run([
      enterprise('neg', 'small', { tax_paid: -5, employees: 'many' as unknown as number, social_insurance_coverage: 120 }),
      enterprise('ok-1', 'small', { tax_paid: 0, employees: 3 }),
      enterprise('ok-2', 'small', { tax_paid: 99, employees: 15 }),
    ]);
    const neg = of(out, 'neg');
    expect(neg.figureProblems).toEqual({ tax_paid: 'invalid', employees: 'invalid', social_insurance_coverage: 'invalid' });
    expect(scores(neg)).toEqual({ environment: 0, labour: null, employment: null, tax: null, charity: 50 });
    // Only environment (0) and charity (50, all gave 0) left: (30·0 + 15·50) / 45 = 16.67
    expect(neg.composite).toBeCloseTo(750 / 45, 10);
    expect(neg.flags).toEqual([CSR_FLAGS.figureInvalid, CSR_FLAGS.labourMissing, CSR_FLAGS.employmentMissing, CSR_FLAGS.taxMissing, CSR_FLAGS.charityUniform]);
    // The band's ranges come from the two valid ones.
    expect(of(out, 'ok-1').indicators?.tax.score).toBe(0);
    expect(of(out, 'ok-2').indicators?.employment.score).toBe(100);
    expect(numbersIn(out).every(Number.isFinite)).toBe(true);
    expect(neg.figures.tax_paid).toEqual({ value: -5, source: 'declared' });
  });

  it('does not rank an enterprise with no indicator at all', () => {
    const out = run([
      enterprise('none', 'small', { tax_paid: null, employees: null, donations: null, env_certifications: null, union: null }),
      enterprise('some', 'small'),
    ]);
    expect(of(out, 'none')).toMatchObject({ composite: null, rank: null, proposed: false });
    expect(of(out, 'none').flags).toContain(CSR_FLAGS.notRanked);
    expect(out.enterprises.map((e) => e.id)).toEqual(['some', 'none']);
    expect(out.ranked).toBe(1);
  });
});

describe('donations against revenue', () => {
  it('flags donations with a revenue of 0 and leaves charity out, without dividing', () => {
    const out = run([
      enterprise('zero', 'micro', { revenue: 0, donations: 5, tax_paid: 0 }),
      enterprise('nothing-given', 'micro', { revenue: 0, donations: 0, tax_paid: 99 }),
      enterprise('giver', 'micro', { revenue: 200, donations: 4, tax_paid: 9 }),
    ]);
    const zero = of(out, 'zero');
    expect(zero.indicators?.charity).toEqual({ basis: null, score: null, z: null, weight: 0 });
    expect(zero.flags).toEqual([CSR_FLAGS.revenueZero, CSR_FLAGS.charityMissing, CSR_FLAGS.employmentUniform]);
    expect(zero.figureProblems).toEqual({});
    // Nothing given is a ratio of 0 at any revenue, so the band's ratios are 0 and 4/200 = 0.02 → 0 and 100.
    expect(of(out, 'nothing-given').indicators?.charity).toMatchObject({ basis: 0, score: 0 });
    expect(of(out, 'giver').indicators?.charity).toMatchObject({ basis: 0.02, score: 100 });
    expect(of(out, 'nothing-given').flags).toEqual([CSR_FLAGS.employmentUniform]);
    // zero: environment 0, labour 100, employment 50, tax 0 → (0 + 2000 + 750 + 0) / 85
    expect(zero.composite).toBeCloseTo(2750 / 85, 10);
  });
});

describe('rule-based points', () => {
  const table = defaultScoringConfig().csr.points;

  it('adds the points of each certification held, once each, ignoring none and unknown codes', () => {
    expect(environmentPoints(all4, table.environment)).toBe(40 + 15 + 30 + 15);
    expect(environmentPoints(['iso14001', 'iso14001', 'clean_production'], table.environment)).toBe(40 + 15);
    expect(environmentPoints(['none'], table.environment)).toBe(0);
    expect(environmentPoints(['iso9001', 'toString'], table.environment)).toBe(0);
    expect(environmentPoints([], table.environment)).toBe(0);
  });

  it('gives the union points and the social-insurance points pro rata to coverage', () => {
    expect(labourPoints(true, 100, table.labour)).toBe(30 + 70);
    expect(labourPoints(true, 90, table.labour)).toBeCloseTo(30 + 63, 12);
    expect(labourPoints(false, 50, table.labour)).toBe(35);
    expect(labourPoints(false, 0, table.labour)).toBe(0);
  });

  it('scores from the configuration the campaign froze', () => {
    const out = run(
      [enterprise('a', 'large', { env_certifications: ['iso50001', 'green_factory'], union: false, social_insurance_coverage: 40 })],
      config((c) => {
        c.csr.points.environment = { iso50001: 50, green_factory: 25 };
        c.csr.points.labour = { union: 10, socialInsurance: 90 };
      }),
    );
    expect(of(out, 'a').indicators?.environment.score).toBe(75);
    expect(of(out, 'a').indicators?.labour.score).toBe(36); // 90 · 40 / 100
  });

  it('misses labour where coverage or the union answer is missing, and environment where certifications are', () => {
    const out = run([enterprise('a', 'large', { union: null }), enterprise('b', 'large', { env_certifications: 'iso14001' as unknown as string[] })]);
    expect(scores(of(out, 'a')).labour).toBeNull();
    expect(scores(of(out, 'b')).environment).toBeNull();
    expect(of(out, 'b').figureProblems).toEqual({ env_certifications: 'invalid' });
  });
});

describe('sensitivity: z-score and equal weights', () => {
  // One large band. Labour (100), employment (ln 11) and charity (0) are equal → 50 each, z 0.
  //   environment: a ISO 14001 = 40, b ISO 50001 = 15, c none = 0
  //   tax: a 0, b 0, c 99 → ln 1, ln 1, ln 100 → 0, 0, 100
  const out = () =>
    run([
      enterprise('a', 'large', { env_certifications: ['iso14001'], tax_paid: 0 }),
      enterprise('b', 'large', { env_certifications: ['iso50001'], tax_paid: 0 }),
      enterprise('c', 'large', { env_certifications: [], tax_paid: 99 }),
    ]);

  it('ranks the main run by config weights on min–max', () => {
    // composite = (30·env + 20·100 + 15·50 + 20·tax + 15·50) / 100 = (30·env + 20·tax + 3500) / 100
    // a: (1200 + 0 + 3500) / 100 = 47; b: (450 + 0 + 3500) / 100 = 39.5; c: (0 + 2000 + 3500) / 100 = 55
    const o = out();
    expect([of(o, 'a').composite, of(o, 'b').composite, of(o, 'c').composite]).toEqual([47, 39.5, 55]);
    expect([of(o, 'a').rank, of(o, 'b').rank, of(o, 'c').rank]).toEqual([2, 3, 1]);
  });

  it('standardises every indicator within the band for the z-score run', () => {
    const o = out();
    // environment 40, 15, 0: mean 55/3, population sd √(((40 − 55/3)² + (15 − 55/3)² + (0 − 55/3)²) / 3)
    const mean = 55 / 3;
    const sd = Math.sqrt(((40 - mean) ** 2 + (15 - mean) ** 2 + (0 - mean) ** 2) / 3);
    const zEnv = { a: (40 - mean) / sd, b: (15 - mean) / sd, c: (0 - mean) / sd }; // 1.3132, −0.2020, −1.1112
    // tax 0, 0, 2L (L = ln 10): mean 2L/3, sd = L·√((4/9 + 4/9 + 16/9) / 3) = L·2√2/3 → z −1/√2, −1/√2, √2
    const zTax = { a: -1 / Math.SQRT2, b: -1 / Math.SQRT2, c: Math.SQRT2 };
    for (const id of ['a', 'b', 'c'] as const) {
      expect(of(o, id).indicators?.environment.z).toBeCloseTo(zEnv[id], 10);
      expect(of(o, id).indicators?.tax.z).toBeCloseTo(zTax[id], 10);
      expect(of(o, id).indicators?.labour.z).toBe(0);
      // (30·z_env + 20·z_tax + 0) / 100
      expect(of(o, id).sensitivity.zScore.composite).toBeCloseTo((30 * zEnv[id] + 20 * zTax[id]) / 100, 10);
    }
    // a: (39.40 − 14.14) / 100 = 0.2525; b: (−6.06 − 14.14) / 100 = −0.2020; c: (−33.34 + 28.28) / 100 = −0.0505
    expect([of(o, 'a').sensitivity.zScore.rank, of(o, 'b').sensitivity.zScore.rank, of(o, 'c').sensitivity.zScore.rank]).toEqual([1, 3, 2]);
  });

  it('weighs the indicators equally in the equal-weights run, and gives each its rank range', () => {
    const o = out();
    // (env + 100 + 50 + tax + 50) / 5: a (40 + 0 + 200) / 5 = 48; b (15 + 0 + 200) / 5 = 43; c (0 + 100 + 200) / 5 = 60
    expect([of(o, 'a').sensitivity.equalWeights.composite, of(o, 'b').sensitivity.equalWeights.composite, of(o, 'c').sensitivity.equalWeights.composite]).toEqual([48, 43, 60]);
    expect([of(o, 'a').sensitivity.equalWeights.rank, of(o, 'b').sensitivity.equalWeights.rank, of(o, 'c').sensitivity.equalWeights.rank]).toEqual([2, 3, 1]);
    // ranks main / z / equal: a 2, 1, 2 → [1, 2]; b 3, 3, 3 → [3, 3]; c 1, 2, 1 → [1, 2]
    expect([of(o, 'a').sensitivity.rankRange, of(o, 'b').sensitivity.rankRange, of(o, 'c').sensitivity.rankRange]).toEqual([[1, 2], [3, 3], [1, 2]]);
  });

  it('shares a rank on a tie in any run', () => {
    // a: all four certifications (100), tax 0; c: none, tax 99.
    // equal weights: a (100 + 0 + 200) / 5 = 60, c (0 + 100 + 200) / 5 = 60 → both 1st, b 3rd.
    const o = run([
      enterprise('a', 'large', { env_certifications: all4, tax_paid: 0 }),
      enterprise('b', 'large', { env_certifications: ['iso50001'], tax_paid: 0 }),
      enterprise('c', 'large', { env_certifications: [], tax_paid: 99 }),
    ]);
    expect([of(o, 'a').sensitivity.equalWeights.rank, of(o, 'c').sensitivity.equalWeights.rank, of(o, 'b').sensitivity.equalWeights.rank]).toEqual([1, 1, 3]);
  });
});

describe('proposal', () => {
  // Five large enterprises differing only in environment: 100, 70, 55, 40, 0 → ranks 1…5.
  const five = (certs: string[][] = [all4, ['iso14001', 'green_factory'], ['iso14001', 'iso50001'], ['iso14001'], []]) => certs.map((c, i) => enterprise(`e${i + 1}`, 'large', { env_certifications: c }));
  const proposed = (out: CsrScoringOutput) => out.enterprises.filter((e) => e.proposed).map((e) => e.id);

  it('proposes the top count', () => {
    const out = run(five(), config((c) => (c.csr.award = { count: 2, share: 0.5 })));
    expect(out.enterprises.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(proposed(out)).toEqual(['e1', 'e2']);
    expect(out.proposal).toEqual({ basis: 'count', count: 2, proposed: 2 });
  });

  it('proposes the top share of the ranked, rounded, at least one', () => {
    // 0.5 × 5 = 2.5 → 3
    expect(proposed(run(five(), config((c) => (c.csr.award = { count: null, share: 0.5 }))))).toEqual(['e1', 'e2', 'e3']);
    // default 0.2 × 5 = 1
    expect(run(five()).proposal).toEqual({ basis: 'share', count: 1, proposed: 1 });
    // 0.05 × 5 = 0.25 → 0 → at least 1
    expect(proposed(run(five(), config((c) => (c.csr.award = { count: null, share: 0.05 }))))).toEqual(['e1']);
    // 0.58 × 25 is 14.499…98 in floating point, 14.5 in fact → 15
    expect(proposalSize({ count: null, share: 0.58 }, 25)).toEqual({ basis: 'share', count: 15 });
    expect(proposalSize({ count: null, share: 0.2 }, 0)).toEqual({ basis: 'share', count: 0 });
  });

  it('proposes a tie across the boundary whole, and counts only the ranked', () => {
    // e2 and e3 share rank 2; with count 2 both are proposed. A vetoed e6 is not counted: 0.4 × 5 = 2.
    const enterprises = [...five([all4, ['iso14001'], ['iso14001'], ['iso50001'], []]), enterprise('e6', 'large', { env_certifications: all4, tax_violation: true })];
    const out = run(enterprises, config((c) => (c.csr.award = { count: null, share: 0.4 })));
    expect(out.enterprises.map((e) => [e.id, e.rank])).toEqual([['e1', 1], ['e2', 2], ['e3', 2], ['e4', 4], ['e5', 5], ['e6', null]]);
    expect(proposed(out)).toEqual(['e1', 'e2', 'e3']);
    expect(out.proposal).toEqual({ basis: 'share', count: 2, proposed: 3 });
  });
});

describe('output', () => {
  const many = () => {
    const random = seededRandom(7);
    return Array.from({ length: 60 }, (_, i) => generated(random, `ent-${String(i).padStart(3, '0')}`));
  };

  it('is byte-identical for the same enterprises in any order', () => {
    const input = many();
    const reference = JSON.stringify(run(input));
    const random = seededRandom(11);
    const shuffled = [...input];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = randomInt(random, 0, i);
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    expect(shuffled.map((e) => e.id)).not.toEqual(input.map((e) => e.id));
    expect(JSON.stringify(run(shuffled))).toBe(reference);
    expect(JSON.stringify(run([...input].reverse()))).toBe(reference);
  });

  it('carries each figure and its source untouched, and names the configuration', () => {
    const input = enterprise('a', 'small', { tax_paid: 12.5 }, { tax_paid: 'corrected', revenue: 'authoritative', employees: 'verified' });
    const out = run([input]);
    expect(of(out, 'a').figures).toEqual(input.figures);
    expect(of(out, 'a').figures.tax_paid).toEqual({ value: 12.5, source: 'corrected' });
    expect(of(out, 'a').uscc).toBe(input.uscc);
    expect(out.configHash).toBe(configHash(config()));
  });

  it('refuses two enterprises with one id and an unknown size band', () => {
    expect(() => run([enterprise('a', 'small'), enterprise('a', 'large')])).toThrow(/share the id a/);
    expect(() => run([enterprise('a', 'huge' as SizeBand)])).toThrow(/unknown size band/);
  });
});

describe('5,000 generated declarations', () => {
  it('ranks every not vetoed enterprise consistently, within 0–100, with no NaN', () => {
    const random = seededRandom(2024);
    const input = Array.from({ length: 5000 }, (_, i) => generated(random, `e${String(i).padStart(5, '0')}`));
    const out = run(input);
    const ranked = out.enterprises.filter((e) => e.rank !== null);
    const vetoed = out.enterprises.filter((e) => e.vetoReasons.length > 0);
    expect(out.enterprises).toHaveLength(5000);
    expect(vetoed.length).toBeGreaterThan(100);
    expect(ranked.length + vetoed.length).toBe(5000);
    expect(out.ranked).toBe(ranked.length);
    expect(out.bands.reduce((sum, b) => sum + b.applicants, 0)).toBe(5000);

    let previous: CsrEnterpriseResult | null = null;
    for (const [i, e] of ranked.entries()) {
      expect(e.composite).toBeGreaterThanOrEqual(0);
      expect(e.composite).toBeLessThanOrEqual(100);
      for (const indicator of CSR_INDICATORS) {
        const score = e.indicators?.[indicator].score ?? null;
        if (score !== null) expect([indicator, score >= 0 && score <= 100]).toEqual([indicator, true]);
      }
      // Ranked on the composite rounded to 2 decimals: keys never rise, and rank = 1 + how many have a higher key.
      const key = Math.round(e.composite! * 100);
      const previousKey = previous === null ? Infinity : Math.round(previous.composite! * 100);
      expect(key).toBeLessThanOrEqual(previousKey);
      expect(e.rank).toBe(key === previousKey ? previous!.rank : i + 1);
      const [low, high] = e.sensitivity.rankRange as [number, number];
      for (const r of [e.rank, e.sensitivity.zScore.rank, e.sensitivity.equalWeights.rank]) expect(r! >= low && r! <= high).toBe(true);
      expect([e.rank, e.sensitivity.zScore.rank, e.sensitivity.equalWeights.rank]).toContain(low);
      expect([e.rank, e.sensitivity.zScore.rank, e.sensitivity.equalWeights.rank]).toContain(high);
      previous = e;
    }
    for (const e of vetoed) expect([e.rank, e.composite, e.indicators, e.proposed]).toEqual([null, null, null, false]);

    expect(out.proposal.count).toBe(Math.round(0.2 * ranked.length));
    expect(out.proposal.proposed).toBe(ranked.filter((e) => e.rank! <= out.proposal.count).length);
    expect(out.enterprises.filter((e) => e.proposed)).toHaveLength(out.proposal.proposed);

    expect(numbersIn(out).every(Number.isFinite)).toBe(true);
  });
});

describe('CSR settings in the scoring configuration', () => {
  const problemsWith = (csr: Record<string, unknown>) => scoringConfigProblems({ csr }).map((p) => p.field);

  it('accepts the defaults', () => {
    expect(scoringConfigProblems(defaultScoringConfig())).toEqual([]);
  });

  it('refuses a proposal without count or share, or out of range, and points beyond 100', () => {
    expect(problemsWith({ award: { count: null, share: null } })).toEqual(['csr.award']);
    expect(problemsWith({ award: { count: 0, share: null } })).toEqual(['csr.award.count']);
    expect(problemsWith({ award: { count: 2.5 } })).toEqual(['csr.award.count']);
    expect(problemsWith({ award: { share: 1.5 } })).toEqual(['csr.award.share']);
    expect(problemsWith({ points: { environment: { iso14001: 60, green_factory: 50 } } })).toEqual(['csr.points.environment']);
    expect(problemsWith({ points: { labour: { union: -1, socialInsurance: 70 } } })).toEqual(['csr.points.labour.union']);
  });

  it('takes a stored certification table whole, not merged with the default codes', () => {
    const resolved = resolveScoringConfig({ csr: { points: { environment: { iso14001: 100 } } } });
    expect(resolved.csr.points.environment).toEqual({ iso14001: 100 });
    expect(resolved.csr.points.labour).toEqual({ union: 30, socialInsurance: 70 });
    expect(resolved.csr.award).toEqual({ count: null, share: 0.2 });
  });
});

/** A plausible declaration: bands, figures spread over orders of magnitude, some vetoes, gaps and bad figures. */
function generated(random: () => number, id: string): CsrEnterpriseInput {
  const sizeBand = pick(random, ['large', 'medium', 'small', 'micro'] as const);
  const scale = { large: 10000, medium: 1000, small: 100, micro: 10 }[sizeBand];
  const amount = (max: number) => Math.round(random() * random() * max * 100) / 100;
  const chance = (p: number) => random() < p;
  const revenue = chance(0.02) ? 0 : amount(scale * 20);
  return enterprise(id, sizeBand, {
    tax_paid: chance(0.01) ? -1 : amount(scale),
    revenue,
    employees: randomInt(random, 0, scale),
    local_hires: 0,
    social_insurance_coverage: chance(0.01) ? null : randomInt(random, 40, 100),
    env_certifications: all4.filter(() => chance(0.3)),
    env_penalty: chance(0.01),
    safety_accident: chance(0.01),
    wage_arrears: chance(0.01),
    labour_dispute: chance(0.01),
    union: chance(0.7),
    tax_violation: chance(0.01),
    donations: chance(0.3) ? 0 : amount(scale / 10),
  });
}
