import { randomUUID } from 'node:crypto';
import { pick, seededRandom, type Random } from '../common/random.js';
import type { CsrCheckSource } from '../csr/csr.entities.js';
import { CSR_VETOES, type CsrFigureName, type CsrFigures, type SizeBand } from '../scoring/csr-scoring.js';
import type { DemoRater, SimulatedResponse } from './demo-responses.js';
import { byCode, Clock, MINUTE_MS, normal, receipt, type ClockInput } from './demo-simulation.js';

/**
 * The 社会责任先进企业 declarations of the demo campaign (surveys/csr-declaration.json) and what the
 * office made of them, so that the CSR results have something true to show. About one enterprise in
 * eight declares, the large ones far more often than the micro ones and those that rated the
 * departments more often than those that did not; revenue, tax and headcount grow with the size band,
 * certifications and unions are commoner in the large ones, and many small ones gave nothing. A
 * handful declare a veto fact (one of them two), one a revenue of 0 with donations. The office has
 * verified the main figures of some, corrected one headcount, and taken a few figures from the
 * authorities — one of which turns up an environmental penalty the enterprise did not declare.
 */

/** A declaration as the answering path stores it: the figures by question name. */
export type CsrDeclarationAnswers = { [K in CsrFigureName]: NonNullable<CsrFigures[K]['value']> } & { charity_notes?: string };

export type SimulatedCsrDeclaration = SimulatedResponse<CsrDeclarationAnswers> & { id: string };

/** A row of csr_figure_checks. */
export interface SimulatedCsrCheck {
  enterpriseId: string;
  figure: CsrFigureName;
  value: number | boolean | string[];
  source: CsrCheckSource;
  /** The figure as declared: what the check replaced. */
  previous: number | boolean | string[];
  reason: string | null;
  authority: string | null;
  checkedAt: Date;
}

export interface CsrSimulationInput extends ClockInput {
  raters: DemoRater[];
  /** The csr-declaration evaluation and the version a link opened now is served. */
  form: { evaluationId: string; versionId: string };
  /** Invitations of the enterprises that submitted a rating of the departments. */
  rated: ReadonlySet<string>;
}

export interface CsrSimulation {
  declarations: SimulatedCsrDeclaration[];
  checks: SimulatedCsrCheck[];
}

interface BandProfile {
  /** Share of the band's enterprises that declare. */
  declares: number;
  /** Typical revenue, 万元. */
  revenue: number;
  /** Social-insurance coverage: the share at 100 %, and the lowest the others declare. */
  fullCoverage: number;
  coverageFloor: number;
  union: number;
  /** Chance of each certification in manufacturing; other trades hold the plant ones far less often. */
  certifications: Record<Certification, number>;
  noDonations: number;
  volunteers: number;
}

const CERTIFICATIONS = ['iso14001', 'iso50001', 'green_factory', 'clean_production'] as const;
type Certification = (typeof CERTIFICATIONS)[number];
const PLANT_CERTIFICATIONS: ReadonlySet<Certification> = new Set(['iso50001', 'green_factory', 'clean_production']);

const BANDS: Record<SizeBand, BandProfile> = {
  large: { declares: 0.45, revenue: 150_000, fullCoverage: 0.45, coverageFloor: 85, union: 0.92, noDonations: 0.1, volunteers: 0.85,
    certifications: { iso14001: 0.75, iso50001: 0.45, green_factory: 0.35, clean_production: 0.3 } },
  medium: { declares: 0.2, revenue: 25_000, fullCoverage: 0.3, coverageFloor: 78, union: 0.7, noDonations: 0.25, volunteers: 0.6,
    certifications: { iso14001: 0.45, iso50001: 0.2, green_factory: 0.12, clean_production: 0.12 } },
  small: { declares: 0.08, revenue: 3_000, fullCoverage: 0.2, coverageFloor: 72, union: 0.4, noDonations: 0.45, volunteers: 0.4,
    certifications: { iso14001: 0.2, iso50001: 0.06, green_factory: 0.04, clean_production: 0.05 } },
  micro: { declares: 0.04, revenue: 300, fullCoverage: 0.15, coverageFloor: 70, union: 0.12, noDonations: 0.65, volunteers: 0.25,
    certifications: { iso14001: 0.05, iso50001: 0.01, green_factory: 0, clean_production: 0.01 } },
};

/** Taxes as a share of revenue, and revenue per employee (万元), both varying by enterprise. */
const TAX_RATE = 0.055;
const REVENUE_PER_EMPLOYEE = 100;
/** Donations as a share of revenue, for those that gave. */
const DONATION_RATE = 0.0015;

const CHARITY_NOTES = [
  '向所在街道困难家庭捐赠生活物资。',
  '设立江州职业技术学院奖学金，资助家庭困难学生。',
  '组织员工参与社区环境整治和敬老院志愿服务。',
  '向市慈善总会捐款，用于乡村学校图书室建设。',
  '防汛期间向受灾村镇捐赠物资和抽水设备。',
  'Sponsored a summer science camp for the children of migrant workers.',
];

type VetoFact = keyof typeof CSR_VETOES;

/** Declared veto facts: one enterprise for each, and one with two; the plant accidents in manufacturing. */
const DECLARED_VETOES: readonly (readonly VetoFact[])[] = [
  ['env_penalty'], ['safety_accident'], ['wage_arrears'], ['labour_dispute'], ['tax_violation'], ['wage_arrears', 'labour_dispute'],
];
const PLANT_FACTS: ReadonlySet<VetoFact> = new Set(['env_penalty', 'safety_accident']);

const OFFICE = {
  /** Enterprises whose tax, revenue and headcount the office confirmed against their annual reports. */
  verified: 10,
  correction: { figure: 'employees', share: 0.82, reason: '申报人数含劳务派遣人员，按社会保险缴费人数更正' },
  taxBureau: { count: 4, authority: '市税务局' },
  socialInsurance: { count: 2, authority: '市人力资源和社会保障局' },
  environment: { authority: '市生态环境局' },
} as const;

interface Declarer {
  rater: DemoRater & { enterpriseId: string };
  band: SizeBand;
  answers: CsrDeclarationAnswers;
  /** Already given a part to play (a veto, the revenue of 0, a check): not picked for another. */
  cast: boolean;
}

/**
 * `seed` is the demo's: the declarations draw from streams of their own (seed + 2, and seed + 3 for
 * their times, whose draws depend on the time of day), so that adding them changed no rating answer.
 */
export function simulateCsrDeclarations(input: CsrSimulationInput, seed: number): CsrSimulation {
  const random = seededRandom(seed + 2);
  const clock = new Clock(seededRandom(seed + 3), input);
  const declarers: Declarer[] = [];
  for (const rater of input.raters.filter((r) => r.type === 'enterprise').sort(byCode)) {
    const band = sizeBandOf(rater);
    if (!band || !rater.enterpriseId) continue;
    const share = BANDS[band].declares * (input.rated.has(rater.invitationId) ? 1.2 : 0.55);
    if (random() >= share) continue;
    declarers.push({ rater: { ...rater, enterpriseId: rater.enterpriseId }, band, answers: declaration(random, rater, BANDS[band]), cast: false });
  }
  castExceptions(random, declarers);

  const declarations = declarers.map((d): SimulatedCsrDeclaration => {
    const submittedAt = clock.instant();
    // Looking the figures up takes a while: a quarter of an hour, give or take.
    const startedAt = new Date(submittedAt.getTime() - 15 * MINUTE_MS * Math.exp(normal(random) * 0.5));
    return {
      id: randomUUID(), invitationId: d.rater.invitationId, evaluationId: input.form.evaluationId, versionId: input.form.versionId,
      status: 'submitted', data: d.answers, receipt: receipt(random), startedAt, updatedAt: submittedAt, submittedAt,
    };
  });
  const submittedAt = new Map(declarations.map((d) => [d.invitationId, d.submittedAt!.getTime()]));
  const checks = officeChecks(random, declarers, (d) => {
    const from = submittedAt.get(d.rater.invitationId)!;
    return new Date(from + (0.2 + 0.7 * random()) * (clock.latest - from));
  });
  return { declarations, checks };
}

function sizeBandOf(rater: DemoRater): SizeBand | null {
  return rater.sizeBand !== null && Object.hasOwn(BANDS, rater.sizeBand) ? (rater.sizeBand as SizeBand) : null;
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** Last year's figures of one enterprise, clean of veto facts. */
function declaration(random: Random, rater: DemoRater, band: BandProfile): CsrDeclarationAnswers {
  const manufacturing = rater.industry === '制造业';
  const revenue = round(band.revenue * Math.exp(normal(random) * 0.6), 1);
  const tax = round(revenue * TAX_RATE * Math.exp(normal(random) * 0.35), 2);
  const employees = Math.max(2, Math.round(revenue / (REVENUE_PER_EMPLOYEE * Math.exp(normal(random) * 0.5))));
  const localHires = Math.round(employees * (0.45 + 0.45 * random()));
  const coverage = random() < band.fullCoverage ? 100 : round(band.coverageFloor + (100 - band.coverageFloor) * random(), 1);
  const held = CERTIFICATIONS.filter((code) => random() < band.certifications[code] * (manufacturing || !PLANT_CERTIFICATIONS.has(code) ? 1 : 0.25));
  const union = random() < band.union;
  const donations = random() < band.noDonations ? 0 : Math.max(0.1, round(revenue * DONATION_RATE * Math.exp(normal(random) * 0.9), 1));
  const volunteerHours = random() < band.volunteers ? Math.round(employees * (0.5 + 3 * random())) : 0;
  const answers: CsrDeclarationAnswers = {
    tax_paid: tax, revenue, employees, local_hires: localHires, social_insurance_coverage: coverage,
    env_certifications: held.length > 0 ? held : ['none'],
    env_penalty: false, safety_accident: false, wage_arrears: false, labour_dispute: false, union, tax_violation: false,
    donations, volunteer_hours: volunteerHours,
  };
  if (donations > 0 && random() < 0.4) answers.charity_notes = pick(random, CHARITY_NOTES);
  return answers;
}

/** One of the declarers not cast yet, preferably one that `prefer` likes. */
function castOne(random: Random, declarers: Declarer[], prefer: (d: Declarer) => boolean = () => true): Declarer {
  const free = declarers.filter((d) => !d.cast);
  const preferred = free.filter(prefer);
  const chosen = pick(random, preferred.length > 0 ? preferred : free);
  chosen.cast = true;
  return chosen;
}

/** The declared vetoes, and a company set up last year that has no revenue yet but gave all the same. */
function castExceptions(random: Random, declarers: Declarer[]): void {
  for (const facts of DECLARED_VETOES) {
    const plant = facts.some((f) => PLANT_FACTS.has(f));
    const chosen = castOne(random, declarers, (d) => !plant || d.rater.industry === '制造业');
    for (const fact of facts) chosen.answers[fact] = true;
  }
  const starter = castOne(random, declarers, (d) => d.band === 'small' || d.band === 'micro');
  starter.answers.revenue = 0;
  starter.answers.tax_paid = round(0.5 + 2 * random(), 2);
  starter.answers.donations = round(2 + 8 * random(), 1);
  starter.answers.charity_notes = '公司去年新设，尚未产生营业收入；向所在社区捐赠防疫和助学物资。';
}

/**
 * What the office has done with the declarations so far, each enterprise checked once: the main
 * figures of some confirmed, one headcount corrected, tax and social insurance from the authorities'
 * records, and the environment bureau's record of a penalty one enterprise left out.
 */
function officeChecks(random: Random, declarers: Declarer[], checkedAt: (d: Declarer) => Date): SimulatedCsrCheck[] {
  const checks: SimulatedCsrCheck[] = [];
  const add = (d: Declarer, at: Date, figure: CsrFigureName, source: CsrCheckSource, value: SimulatedCsrCheck['value'], extra: { reason?: string; authority?: string } = {}) =>
    checks.push({ enterpriseId: d.rater.enterpriseId, figure, value, source, previous: d.answers[figure], reason: extra.reason ?? null, authority: extra.authority ?? null, checkedAt: at });
  const larger = (d: Declarer) => d.band === 'large' || d.band === 'medium';

  for (let i = 0; i < OFFICE.verified; i++) {
    const d = castOne(random, declarers, larger);
    const at = checkedAt(d);
    for (const figure of ['tax_paid', 'revenue', 'employees'] as const) add(d, at, figure, 'verified', d.answers[figure]);
  }
  const corrected = castOne(random, declarers, (d) => d.band === 'large');
  add(corrected, checkedAt(corrected), OFFICE.correction.figure, 'corrected', Math.round(corrected.answers.employees * OFFICE.correction.share), { reason: OFFICE.correction.reason });
  for (let i = 0; i < OFFICE.taxBureau.count; i++) {
    const d = castOne(random, declarers);
    // The bureau's record is mostly a little below what was declared (refunds the enterprise counted in).
    add(d, checkedAt(d), 'tax_paid', 'authoritative', round(d.answers.tax_paid * (0.88 + 0.14 * random()), 2), { authority: OFFICE.taxBureau.authority });
  }
  for (let i = 0; i < OFFICE.socialInsurance.count; i++) {
    const d = castOne(random, declarers, (x) => x.answers.social_insurance_coverage >= 95);
    add(d, checkedAt(d), 'social_insurance_coverage', 'authoritative', round(d.answers.social_insurance_coverage - 4 - 8 * random(), 1), { authority: OFFICE.socialInsurance.authority });
  }
  const polluter = castOne(random, declarers, (d) => larger(d) && d.rater.industry === '制造业');
  add(polluter, checkedAt(polluter), 'env_penalty', 'authoritative', true, { authority: OFFICE.environment.authority });
  return checks;
}
