import { DataSource } from 'typeorm';
import { WorkingDayCalendarsService } from '../../server/src/cases/working-day-calendars.service.js';
import { simulateCsrDeclarations, type CsrSimulationInput } from '../../server/src/demo/demo-csr.js';
import { DEMO_SEED, demoRaters } from '../../server/src/demo/demo-responses.js';
import { DemoService, type DemoSummary } from '../../server/src/demo/demo.service.js';
import { compileQuestionnaire } from '../../server/src/questionnaires/compiled-validator.js';
import { CSR_VETOES } from '../../server/src/scoring/csr-scoring.js';
import { TestApp } from '../support/test-app.js';

/**
 * 社会责任先进企业 in the demo campaign: the declarations of seed 2026, written as the answering
 * path writes them, the office's checks of some of their figures, and the selection in the results.
 */
let api: TestApp;
let db: DataSource;
let admin: string;
let summary: DemoSummary;
let campaignId: string;

interface Declaration {
  id: string;
  invitation_id: string;
  enterprise_id: string;
  uscc: string;
  size_band: string;
  questionnaire_version_id: string;
  status: string;
  data: Record<string, any>;
  receipt: string | null;
  started_at: Date;
  submitted_at: Date;
  first_opened_at: Date | null;
  last_opened_at: Date | null;
}

interface Check {
  enterprise_id: string;
  uscc: string;
  figure: string;
  value: unknown;
  source: string;
  previous: unknown;
  reason: string | null;
  authority: string | null;
  updated_by: string | null;
  updated_at: Date;
}

let declarations: Declaration[];
let checks: Check[];
const declarationOf = (enterpriseId: string) => declarations.find((d) => d.enterprise_id === enterpriseId)!;
const vetoFacts = (data: Record<string, unknown>) => Object.keys(CSR_VETOES).filter((fact) => data[fact] === true);

/** 171 declarations, 6 with a declared veto fact and one with a penalty the environment bureau found. */
const DECLARATIONS = 171;
const VETOED = 7;

beforeAll(async () => {
  api = await TestApp.start();
  db = api.app.get(DataSource);
  admin = await api.loginAsAdmin();
  summary = await api.app.get(DemoService).seed({ waitForResults: true });
  campaignId = summary.campaignId;
  declarations = await db.query(
    `SELECT r.id, r.invitation_id, n.id AS enterprise_id, n.uscc, n.size_band, r.questionnaire_version_id, r.status, r.data, r.receipt, r.started_at, r.submitted_at,
            i.first_opened_at, i.last_opened_at
       FROM responses r JOIN evaluations e ON e.id = r.evaluation_id AND e.kind = 'csr-declaration'
       JOIN invitations i ON i.id = r.invitation_id JOIN enterprises n ON n.id = i.enterprise_id
      WHERE e.campaign_id = $1 ORDER BY n.uscc`,
    [campaignId],
  );
  checks = await db.query(
    `SELECT c.enterprise_id, n.uscc, c.figure, c.value, c.source, c.previous, c.reason, c.authority, c.updated_by, c.updated_at
       FROM csr_figure_checks c JOIN enterprises n ON n.id = c.enterprise_id WHERE c.campaign_id = $1 ORDER BY n.uscc, c.figure`,
    [campaignId],
  );
}, 120_000);
afterAll(async () => {
  await api?.close();
});

describe('the declarations', () => {
  it('come from about one enterprise in eight, far more often from the large ones than from the micro ones', async () => {
    expect(declarations).toHaveLength(DECLARATIONS);
    expect(summary.answers!.submitted['csr-declaration']).toBe(DECLARATIONS);
    const bands: { size_band: string; enterprises: number }[] = await db.query('SELECT size_band, count(*)::int AS enterprises FROM enterprises GROUP BY 1');
    const share = (band: string) => declarations.filter((d) => d.size_band === band).length / bands.find((b) => b.size_band === band)!.enterprises;
    expect(share('large')).toBeGreaterThan(share('medium'));
    expect(share('medium')).toBeGreaterThan(share('small'));
    expect(share('small')).toBeGreaterThan(share('micro'));
    expect(share('micro')).toBeGreaterThan(0);
  });

  it('are written as the answering path writes them: submitted with a receipt, on the newest version, checked by it, after the link was opened', async () => {
    const [version] = await db.query(
      `SELECT q.id, q.survey, q.frozen_at FROM questionnaire_versions q JOIN evaluations e ON e.id = q.evaluation_id
        WHERE e.campaign_id = $1 AND e.kind = 'csr-declaration' ORDER BY q.version DESC LIMIT 1`,
      [campaignId],
    );
    const validator = compileQuestionnaire(version.survey);
    const now = Date.now();
    for (const d of declarations) {
      expect([d.uscc, d.status, d.questionnaire_version_id, validator.validateSubmission(d.data)]).toEqual([d.uscc, 'submitted', version.id, []]);
      expect(d.receipt).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(d.started_at.getTime()).toBeLessThan(d.submitted_at.getTime());
      expect(d.submitted_at.getTime()).toBeLessThan(now);
      expect(d.first_opened_at!.getTime()).toBeLessThanOrEqual(d.started_at.getTime());
      expect(d.last_opened_at!.getTime()).toBeGreaterThanOrEqual(d.submitted_at.getTime());
    }
    expect(version.frozen_at).toEqual(new Date(Math.min(...declarations.map((d) => d.started_at.getTime()))));
  });

  it('have figures that grow with the size band: revenue, tax at a few per cent of it, headcount, certifications, coverage of 70–100 %', () => {
    const median = (band: string, pick: (data: Record<string, any>) => number) => {
      const values = declarations.filter((d) => d.size_band === band).map((d) => pick(d.data)).sort((a, b) => a - b);
      return values[Math.floor(values.length / 2)]!;
    };
    for (const pick of [(x: Record<string, any>) => x.revenue, (x: Record<string, any>) => x.tax_paid, (x: Record<string, any>) => x.employees]) {
      expect(median('large', pick)).toBeGreaterThan(median('medium', pick));
      expect(median('medium', pick)).toBeGreaterThan(median('small', pick));
      expect(median('small', pick)).toBeGreaterThan(median('micro', pick));
    }
    const taxRates = declarations.filter((d) => d.data.revenue > 0).map((d) => d.data.tax_paid / d.data.revenue).sort((a, b) => a - b);
    expect(taxRates[Math.floor(taxRates.length / 2)]).toBeGreaterThan(0.03);
    expect(taxRates[Math.floor(taxRates.length / 2)]).toBeLessThan(0.09);
    expect(declarations.every((d) => d.data.social_insurance_coverage >= 70 && d.data.social_insurance_coverage <= 100)).toBe(true);
    expect(declarations.every((d) => d.data.local_hires <= d.data.employees)).toBe(true);
    const certified = (band: string) => declarations.filter((d) => d.size_band === band && !d.data.env_certifications.includes('none')).length / declarations.filter((d) => d.size_band === band).length;
    expect(certified('large')).toBeGreaterThan(0.6);
    expect(certified('small')).toBeLessThan(0.4);
    // Many gave nothing, most of the large ones something.
    expect(declarations.filter((d) => d.data.donations === 0).length).toBeGreaterThan(20);
    expect(declarations.filter((d) => d.size_band === 'large' && d.data.donations > 0).length / declarations.filter((d) => d.size_band === 'large').length).toBeGreaterThan(0.7);
  });

  it('have a handful with a declared veto fact, one of them with two, and one with a revenue of 0 but donations', () => {
    const vetoed = declarations.filter((d) => vetoFacts(d.data).length > 0);
    expect(vetoed.map((d) => vetoFacts(d.data).sort().join('+')).sort()).toEqual(
      ['env_penalty', 'labour_dispute', 'labour_dispute+wage_arrears', 'safety_accident', 'tax_violation', 'wage_arrears'],
    );
    const noRevenue = declarations.filter((d) => d.data.revenue === 0);
    expect(noRevenue).toHaveLength(1);
    expect(noRevenue[0]!.data.donations).toBeGreaterThan(0);
    expect(vetoFacts(noRevenue[0]!.data)).toEqual([]);
  });

  it('are the same for the same seed, whatever the time of day they are simulated at', async () => {
    const [form] = await db.query(
      `SELECT e.id AS "evaluationId", q.id AS "versionId" FROM evaluations e JOIN questionnaire_versions q ON q.evaluation_id = e.id
        WHERE e.campaign_id = $1 AND e.kind = 'csr-declaration'`,
      [campaignId],
    );
    const rated: { invitation_id: string }[] = await db.query(
      `SELECT r.invitation_id FROM responses r JOIN evaluations e ON e.id = r.evaluation_id
        WHERE e.campaign_id = $1 AND e.kind = 'enterprise-rates-departments' AND r.status = 'submitted'`,
      [campaignId],
    );
    const raters = await demoRaters(db.manager, campaignId);
    const calendar = await api.app.get(WorkingDayCalendarsService).calendar();
    const input = (now: Date): CsrSimulationInput => ({
      now, opensAt: new Date(now.getTime() - 42 * 24 * 3600_000), calendar, raters, form, rated: new Set(rated.map((r) => r.invitation_id)),
    });
    const what = (simulation: ReturnType<typeof simulateCsrDeclarations>) => ({
      declarations: simulation.declarations.map((d) => [d.invitationId, d.data, d.receipt]),
      checks: simulation.checks.map(({ checkedAt, ...check }) => check),
    });
    const morning = what(simulateCsrDeclarations(input(new Date('2026-05-12T01:30:00Z')), DEMO_SEED));
    const evening = what(simulateCsrDeclarations(input(new Date('2026-05-12T13:45:00Z')), DEMO_SEED));
    expect(evening).toEqual(morning);
    // And what the demo wrote.
    const stored = new Map(declarations.map((d) => [d.invitation_id, [d.invitation_id, d.data, d.receipt]]));
    expect(morning.declarations).toEqual(morning.declarations.map(([invitationId]) => stored.get(invitationId as string)));
    expect(morning.declarations).toHaveLength(DECLARATIONS);
    expect(what(simulateCsrDeclarations(input(new Date()), DEMO_SEED + 1)).declarations).not.toEqual(morning.declarations);
  });
});

describe('the office\'s checks', () => {
  it('has verified the main figures of some declarations as declared, and corrected one headcount with a reason', async () => {
    const [{ id: officeUser }] = await db.query(`SELECT id FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1`);
    expect(checks.every((c) => c.updated_by === officeUser)).toBe(true);
    const verified = checks.filter((c) => c.source === 'verified');
    expect(new Set(verified.map((c) => c.uscc)).size).toBe(10);
    expect(new Set(verified.map((c) => c.figure))).toEqual(new Set(['tax_paid', 'revenue', 'employees']));
    for (const c of verified) expect([c.uscc, c.figure, c.value, c.previous]).toEqual([c.uscc, c.figure, declarationOf(c.enterprise_id).data[c.figure], declarationOf(c.enterprise_id).data[c.figure]]);
    const corrected = checks.filter((c) => c.source === 'corrected');
    expect(corrected).toHaveLength(1);
    expect(corrected[0]).toMatchObject({ figure: 'employees', previous: declarationOf(corrected[0]!.enterprise_id).data.employees, reason: expect.stringContaining('劳务派遣') });
    expect(corrected[0]!.value).toBeLessThan(corrected[0]!.previous as number);
  });

  it('has a few figures from the authorities, one of them a penalty the enterprise did not declare; each after the declaration and none in the future', () => {
    const authoritative = checks.filter((c) => c.source === 'authoritative');
    expect(authoritative.map((c) => `${c.authority} ${c.figure}`).sort()).toEqual([
      ...Array(2).fill('市人力资源和社会保障局 social_insurance_coverage'), ...Array(4).fill('市税务局 tax_paid'), '市生态环境局 env_penalty',
    ].sort());
    for (const c of authoritative) expect(c.previous).toEqual(declarationOf(c.enterprise_id).data[c.figure]);
    const penalty = authoritative.find((c) => c.figure === 'env_penalty')!;
    expect([penalty.value, penalty.previous, vetoFacts(declarationOf(penalty.enterprise_id).data)]).toEqual([true, false, []]);
    expect(checks.every((c) => c.reason === null || c.source === 'corrected')).toBe(true);
    const now = Date.now();
    for (const c of checks) {
      expect(c.updated_at.getTime()).toBeGreaterThan(declarationOf(c.enterprise_id).submitted_at.getTime());
      expect(c.updated_at.getTime()).toBeLessThan(now);
    }
  });

  it('shows on the office\'s list of declarations with each figure\'s source', async () => {
    const list = await api.request('GET', `/api/campaigns/${campaignId}/csr/declarations`, { token: admin });
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(DECLARATIONS);
    const sources = list.body.flatMap((d: { figures: { source: string }[] }) => d.figures.map((f) => f.source));
    expect(sources.filter((s: string) => s !== 'declared')).toHaveLength(checks.length);
  });
});

describe('the selection in the results computed on the first start', () => {
  it('ranks every declaration but the vetoed ones, proposes the top fifth, and excludes the enterprise the environment bureau found a penalty for', async () => {
    const results = (await api.request('GET', `/api/campaigns/${campaignId}/results`, { token: admin })).body;
    const csr = results.csr;
    expect(csr.declarations).toBe(DECLARATIONS);
    expect(csr.unplaced).toEqual([]);
    expect(csr.ranked).toBe(DECLARATIONS - VETOED);
    expect(csr.proposal).toEqual({ basis: 'share', count: Math.round(0.2 * (DECLARATIONS - VETOED)), proposed: Math.round(0.2 * (DECLARATIONS - VETOED)) });
    expect(csr.bands.map((b: { sizeBand: string; applicants: number }) => [b.sizeBand, b.applicants > 0])).toEqual([['large', true], ['medium', true], ['small', true], ['micro', true]]);

    const vetoed = csr.enterprises.filter((e: { vetoReasons: string[] }) => e.vetoReasons.length > 0);
    expect(vetoed).toHaveLength(VETOED);
    expect(vetoed.filter((e: { vetoReasons: string[] }) => e.vetoReasons.length === 2)).toHaveLength(1);
    const found = checks.find((c) => c.figure === 'env_penalty')!;
    expect(csr.enterprises.find((e: { uscc: string }) => e.uscc === found.uscc)).toMatchObject({
      rank: null, proposed: false, vetoReasons: [CSR_VETOES.env_penalty], figures: { env_penalty: { value: true, source: 'authoritative' } },
    });
    // The corrected headcount is the one that counts.
    const corrected = checks.find((c) => c.source === 'corrected')!;
    expect(csr.enterprises.find((e: { uscc: string }) => e.uscc === corrected.uscc).figures.employees).toEqual({ value: corrected.value, source: 'corrected' });
    const noRevenue = declarations.find((d) => d.data.revenue === 0)!;
    const starter = csr.enterprises.find((e: { uscc: string }) => e.uscc === noRevenue.uscc);
    expect(starter.rank).not.toBeNull();
    expect(starter.indicators.charity.score).toBeNull();
    expect(starter.flags).toContain('营业收入为 0 而有公益捐赠，捐赠占比无法计算');

    expect(results.awards.filter((a: { award: string; proposed: boolean }) => a.award === 'csr-enterprise' && a.proposed)).toHaveLength(csr.proposal.proposed);
  });
});
