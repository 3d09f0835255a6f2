import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DemoService, type DemoSummary } from '../../server/src/demo/demo.service.js';
import { InvitationsService } from '../../server/src/invitations/invitations.service.js';
import { compileQuestionnaire } from '../../server/src/questionnaires/compiled-validator.js';
import { loadTargets, ratingCriteria, withTargets } from '../../server/src/responses/served-questionnaire.js';
import { TestApp } from '../support/test-app.js';

/**
 * The demo campaign with its simulated six weeks: answers spread as a real campaign's are,
 * written as the answering path writes them, cases at every step, and nothing added twice.
 */
let api: TestApp;
let db: DataSource;
let summary: DemoSummary;
let campaignId: string;

const ED = 'enterprise-rates-departments';
const EQ = 'enterprise-rates-districts';
const DD = 'district-rates-departments';
const CSR = 'csr-declaration';
const POINTS: Record<string, number> = { satisfied: 100, basically: 60, dissatisfied: 0 };

interface Ballot {
  id: string;
  kind: string;
  evaluation_id: string;
  questionnaire_version_id: string;
  status: string;
  data: { ratings: Record<string, string>[]; problems?: string };
  receipt: string | null;
  started_at: Date;
  submitted_at: Date | null;
}

/** The rating ballots; the CSR declarations are demo-csr.test.ts's. */
let ballots: Ballot[];
const submitted = (kind: string) => ballots.filter((b) => b.kind === kind && b.status === 'submitted');

beforeAll(async () => {
  api = await TestApp.start();
  db = api.app.get(DataSource);
  summary = await api.app.get(DemoService).seed({ waitForResults: true });
  campaignId = summary.campaignId;
  ballots = await db.query(
    `SELECT r.id, e.kind, r.evaluation_id, r.questionnaire_version_id, r.status, r.data, r.receipt, r.started_at, r.submitted_at
       FROM responses r JOIN evaluations e ON e.id = r.evaluation_id WHERE e.campaign_id = $1 AND e.kind <> $2`,
    [campaignId, CSR],
  );
}, 120_000);
afterAll(async () => {
  await api?.close();
});

async function invited(type: 'enterprise' | 'district'): Promise<number> {
  const [{ count }] = await db.query('SELECT count(*)::int AS count FROM invitations WHERE campaign_id = $1 AND rater_type = $2', [campaignId, type]);
  return count;
}

describe('who answered', () => {
  it('has about 70 % of the enterprises rating departments, 60 % districts and 80 % of the district governments, and left the rest open', async () => {
    const enterprises = await invited('enterprise');
    const districts = await invited('district');
    expect(enterprises).toBe(1200);
    expect(districts).toBe(11);
    expect(submitted(ED).length / enterprises).toBeGreaterThan(0.65);
    expect(submitted(ED).length / enterprises).toBeLessThan(0.75);
    expect(submitted(EQ).length / enterprises).toBeGreaterThan(0.55);
    expect(submitted(EQ).length / enterprises).toBeLessThan(0.65);
    expect(submitted(DD).length).toBeGreaterThanOrEqual(8);
    expect(submitted(DD).length).toBeLessThanOrEqual(10);
    // Some of those who have not submitted stopped half-way.
    const drafts = ballots.filter((b) => b.status === 'draft');
    expect(drafts.length).toBeGreaterThan(50);
    expect(new Set(drafts.map((b) => b.kind))).toEqual(new Set([ED, EQ, DD]));
    const [{ declarations, checks }] = await db.query(
      `SELECT (SELECT count(*) FROM responses r JOIN evaluations e ON e.id = r.evaluation_id WHERE e.campaign_id = $1 AND e.kind = $2)::int AS declarations,
              (SELECT count(*) FROM csr_figure_checks WHERE campaign_id = $1)::int AS checks`,
      [campaignId, CSR],
    );
    expect(summary.answers).toEqual({
      submitted: { [ED]: submitted(ED).length, [EQ]: submitted(EQ).length, [DD]: submitted(DD).length, [CSR]: declarations },
      drafts: drafts.length,
      cases: expect.any(Number),
      csrChecks: checks,
      ms: expect.any(Number),
    });
  });

  it('has the rating answers of seed 2026 as they were before the CSR declarations were added', async () => {
    // Who rated whom and how, the drafts, receipts and suggestions: everything the generator decides
    // that does not hang on the time of day (problems do: the cases pick earlier ballots for theirs).
    const rows = await db.query(
      `SELECT COALESCE(n.uscc, d.code) AS rater, e.kind, r.status, r.data->'ratings' AS ratings, r.data->>'suggestions' AS suggestions, r.receipt
         FROM responses r JOIN evaluations e ON e.id = r.evaluation_id JOIN invitations i ON i.id = r.invitation_id
         LEFT JOIN enterprises n ON n.id = i.enterprise_id LEFT JOIN districts d ON d.id = i.district_id
        WHERE e.campaign_id = $1 AND e.kind <> $2 ORDER BY 1, 2`,
      [campaignId, CSR],
    );
    expect([submitted(ED).length, submitted(EQ).length, submitted(DD).length, summary.answers!.drafts, summary.answers!.cases]).toEqual([866, 748, 9, 121, 35]);
    expect(createHash('sha256').update(JSON.stringify(rows)).digest('hex')).toBe('e5f7451b9f94dc5ea27f1a2b9e9cdfd967684b73f235cd875e0cc8ece57dc6d2');
  });

  it('rates an enterprise\'s own district, and at most one more', async () => {
    const own: { own: string; ratings: { target: string }[] }[] = await db.query(
      `SELECT d.code AS own, r.data->'ratings' AS ratings
         FROM responses r JOIN evaluations e ON e.id = r.evaluation_id AND e.kind = $2
         JOIN invitations i ON i.id = r.invitation_id JOIN enterprises n ON n.id = i.enterprise_id JOIN districts d ON d.id = n.district_id
        WHERE e.campaign_id = $1 AND r.status = 'submitted'`,
      [campaignId, EQ],
    );
    for (const ballot of own) {
      expect(ballot.ratings[0]!.target).toBe(ballot.own);
      expect(ballot.ratings.length).toBeLessThanOrEqual(2);
    }
    expect(own.filter((b) => b.ratings.length === 2).length / own.length).toBeGreaterThan(0.2);
  });
});

describe('what the departments get', () => {
  /** n (ballots with a valid answer) and S (mean points over the criteria) per department, enterprises rating. */
  async function departmentScores(): Promise<{ name: string; n: number; score: number; na: number; answers: number }[]> {
    const rows: { name: string; n: number; na: number; answers: number; points: number | null }[] = await db.query(
      `SELECT d.name_zh AS name,
              count(DISTINCT rr.response_id) FILTER (WHERE rr.answer <> 'na')::int AS n,
              count(*) FILTER (WHERE rr.answer = 'na')::int AS na, count(*)::int AS answers,
              avg(CASE rr.answer WHEN 'satisfied' THEN 100 WHEN 'basically' THEN 60 WHEN 'dissatisfied' THEN 0 END)::float AS points
         FROM evaluation_targets t JOIN evaluations e ON e.id = t.evaluation_id AND e.kind = $2 JOIN departments d ON d.id = t.department_id
         LEFT JOIN response_ratings rr ON rr.target_id = t.id
        WHERE e.campaign_id = $1 GROUP BY d.name_zh`,
      [campaignId, ED],
    );
    return rows.map((r) => ({ name: r.name, n: r.n, score: r.points ?? 0, na: r.na, answers: r.answers })).sort((a, b) => b.score - a.score);
  }

  it('has departments ticked by many and by few: some under 10 ballots, some from 10 to 30, some over 30', async () => {
    const scores = await departmentScores();
    expect(scores).toHaveLength(42);
    const n = (name: string) => scores.find((s) => s.name === name)!.n;
    expect(scores.some((s) => s.n < 10)).toBe(true);
    expect(scores.some((s) => s.n >= 10 && s.n < 30)).toBe(true);
    expect(scores.some((s) => s.n >= 30)).toBe(true);
    for (const busy of ['市税务局', '市市场监督管理局', '市商务局']) expect(n(busy)).toBeGreaterThan(250);
    expect(n('市中级人民法院')).toBeLessThan(10);
  });

  it('has clear leaders, a crowded middle and weaker departments with dissatisfied answers', async () => {
    const scores = await departmentScores();
    const top = scores.slice(0, 5).map((s) => s.name);
    const bottom = scores.slice(-4).map((s) => s.name);
    expect(top).toEqual(expect.arrayContaining(['市投资促进局', '市商务局', '市税务局']));
    expect(bottom).toEqual(expect.arrayContaining(['市城市管理局', '市自然资源和规划局']));
    const leader = scores[0]!;
    const weakest = scores.find((s) => s.name === '市城市管理局')!;
    expect(leader.score).toBeGreaterThan(85);
    expect(weakest.score).toBeLessThan(65);
    const [{ share }] = await db.query(
      `SELECT avg((rr.answer = 'dissatisfied')::int)::float AS share FROM response_ratings rr
         JOIN evaluation_targets t ON t.id = rr.target_id JOIN departments d ON d.id = t.department_id WHERE d.name_zh = '市城市管理局' AND rr.answer <> 'na'`,
    );
    expect(share).toBeGreaterThan(0.1);
  });

  it('has 5–10 % 不了解 answers, and a few ballots that know nothing of a target', async () => {
    const [{ na, total }] = await db.query(
      `SELECT count(*) FILTER (WHERE answer = 'na')::int AS na, count(*)::int AS total FROM response_ratings rr
         JOIN responses r ON r.id = rr.response_id JOIN evaluations e ON e.id = r.evaluation_id WHERE e.campaign_id = $1`,
      [campaignId],
    );
    expect(na / total).toBeGreaterThan(0.05);
    expect(na / total).toBeLessThan(0.1);
    const onlyNa = submitted(ED).flatMap((b) => b.data.ratings).filter((card) => Object.entries(card).every(([key, value]) => key === 'target' || value === 'na'));
    expect(onlyNa.length).toBeGreaterThan(5);
  });
});

describe('how the ballots are written', () => {
  it('passes each ballot through the checks of the questionnaire version it was served', async () => {
    const versions: { id: string; evaluation_id: string; target_group: 'department' | 'district'; survey: Record<string, unknown>; frozen_at: Date | null; newest: boolean }[] = await db.query(
      `SELECT q.id, q.evaluation_id, e.target_group, q.survey, q.frozen_at, q.version = max(q.version) OVER (PARTITION BY q.evaluation_id) AS newest
         FROM questionnaire_versions q JOIN evaluations e ON e.id = q.evaluation_id WHERE e.campaign_id = $1 AND e.target_group IS NOT NULL`,
      [campaignId],
    );
    for (const version of versions) {
      const used = ballots.filter((b) => b.questionnaire_version_id === version.id);
      expect(used.length).toBeGreaterThan(0);
      expect(version.newest).toBe(true);
      // Frozen from the first save that used it.
      expect(version.frozen_at).toEqual(new Date(Math.min(...used.map((b) => b.started_at.getTime()))));
      const validator = compileQuestionnaire(withTargets(version.survey, await loadTargets(db, version.evaluation_id, version.target_group)));
      for (const ballot of used) {
        expect([ballot.id, ballot.status === 'submitted' ? validator.validateSubmission(ballot.data) : validator.validateDraft(ballot.data)]).toEqual([ballot.id, []]);
      }
    }
  });

  it('gives submitted ballots a unique receipt, a start a plausible few minutes before, and drafts neither', async () => {
    const done = ballots.filter((b) => b.status === 'submitted');
    expect(done.every((b) => /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/.test(b.receipt!))).toBe(true);
    // Unique among every response of the campaign, the declarations' too.
    const [{ receipts, distinct }] = await db.query(
      `SELECT count(r.receipt)::int AS receipts, count(DISTINCT r.receipt)::int AS distinct FROM responses r JOIN evaluations e ON e.id = r.evaluation_id WHERE e.campaign_id = $1`,
      [campaignId],
    );
    expect(receipts).toBeGreaterThan(done.length);
    expect(distinct).toBe(receipts);
    expect(ballots.filter((b) => b.status === 'draft').every((b) => b.receipt === null && b.submitted_at === null)).toBe(true);
    const minutes = submitted(ED).map((b) => (b.submitted_at!.getTime() - b.started_at.getTime()) / 60_000).sort((a, b) => a - b);
    expect(minutes[0]).toBeGreaterThan(0);
    const median = minutes[Math.floor(minutes.length / 2)]!;
    expect(median).toBeGreaterThan(2);
    expect(median).toBeLessThan(10);
    const now = Date.now();
    const [campaign] = await db.query('SELECT opened_at FROM campaigns WHERE id = $1', [campaignId]);
    expect(done.every((b) => b.submitted_at!.getTime() < now && b.started_at.getTime() >= campaign.opened_at.getTime() - 3600_000)).toBe(true);
  });

  it('writes one rating row per answered criterion of each card, for that card\'s target of that evaluation', async () => {
    const rows: { response_id: string; evaluation_id: string; target_evaluation_id: string; code: string; criterion: string; answer: string }[] = await db.query(
      `SELECT rr.response_id, r.evaluation_id, t.evaluation_id AS target_evaluation_id, COALESCE(d.code, q.code) AS code, rr.criterion, rr.answer
         FROM response_ratings rr JOIN responses r ON r.id = rr.response_id JOIN evaluations e ON e.id = r.evaluation_id
         JOIN evaluation_targets t ON t.id = rr.target_id LEFT JOIN departments d ON d.id = t.department_id LEFT JOIN districts q ON q.id = t.district_id
        WHERE e.campaign_id = $1`,
      [campaignId],
    );
    expect(rows.every((r) => r.target_evaluation_id === r.evaluation_id)).toBe(true);
    const versions: { id: string; kind: string; survey: Record<string, unknown> }[] = await db.query(
      `SELECT q.id, e.kind, q.survey FROM questionnaire_versions q JOIN evaluations e ON e.id = q.evaluation_id WHERE e.campaign_id = $1 AND e.kind <> $2`,
      [campaignId, CSR],
    );
    const criteria = new Map(versions.map((v) => [v.id, ratingCriteria(v.survey)]));
    expect(criteria.get(versions.find((v) => v.kind === EQ)!.id)).toEqual(['government', 'legal', 'market', 'factors', 'living']);
    const expected = ballots
      .filter((b) => b.status === 'submitted')
      .flatMap((b) => b.data.ratings.flatMap((card) => criteria.get(b.questionnaire_version_id)!.map((c) => `${b.id} ${card.target} ${c} ${card[c]}`)));
    expect(rows.map((r) => `${r.response_id} ${r.code} ${r.criterion} ${r.answer}`).sort()).toEqual(expected.sort());
    expect(ballots.filter((b) => b.status === 'draft').some((b) => rows.some((r) => r.response_id === b.id))).toBe(false);
  });

  it('has ballots for the data-quality queue: too fast, straight-lined, and a near copy', () => {
    const seconds = (b: Ballot) => (b.submitted_at!.getTime() - b.started_at.getTime()) / 1000;
    const times = submitted(ED).map(seconds).sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    expect(times.filter((t) => t < median / 5).length).toBeGreaterThanOrEqual(3);

    const answers = (b: Ballot) => b.data.ratings.flatMap((card) => Object.entries(card).filter(([k]) => k !== 'target').map(([, v]) => v));
    const straight = ballots.filter((b) => b.status === 'submitted' && b.data.ratings.length >= 10 && new Set(answers(b)).size === 1);
    expect(new Set(straight.map((b) => b.kind))).toEqual(new Set([ED, DD]));

    const key = (b: Ballot) => b.data.ratings.map((c) => c.target).join();
    const byTargets = new Map<string, Ballot[]>();
    for (const b of submitted(ED).filter((b) => b.data.ratings.length >= 4)) byTargets.set(key(b), [...(byTargets.get(key(b)) ?? []), b]);
    const nearCopies = [...byTargets.values()].filter((group) => group.length === 2).filter(([a, b]) => {
      const [x, y] = [answers(a!), answers(b!)];
      return x.filter((v, i) => v === y[i]).length / x.length > 0.85;
    });
    expect(nearCopies.length).toBeGreaterThanOrEqual(1);
  });
});

describe('cases', () => {
  it('has cases at every step, departments with overdue ones and districts with closed, rectified and rated ones', async () => {
    const cases: { status: string; source: string; unit: string | null; kind: string | null; overdue: boolean; rectified: boolean | null; handling_rating: string | null; events: number; last_status: string | null }[] = await db.query(
      `SELECT c.status, c.source, COALESCE(d.code, q.code) AS unit, CASE WHEN d.id IS NOT NULL THEN 'department' WHEN q.id IS NOT NULL THEN 'district' END AS kind,
              (c.status IN ('assigned', 'in-progress', 'reopened') AND c.deadline < now()) AS overdue, c.rectified, c.handling_rating,
              (SELECT count(*)::int FROM case_events v WHERE v.case_id = c.id) AS events,
              (SELECT v.to_status FROM case_events v WHERE v.case_id = c.id ORDER BY v.at DESC, v.action = 'rate' DESC LIMIT 1) AS last_status
         FROM cases c LEFT JOIN departments d ON d.id = c.department_id LEFT JOIN districts q ON q.id = c.district_id WHERE c.campaign_id = $1`,
      [campaignId],
    );
    expect(cases.length).toBe(summary.answers!.cases);
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(['new', 'rejected', 'merged', 'assigned', 'in-progress', 'replied', 'closed']));
    expect(new Set(cases.map((c) => c.source))).toEqual(new Set(['ballot', 'complaint', 'office']));
    expect(cases.every((c) => c.last_status === c.status && c.events >= 1)).toBe(true);
    expect(cases.filter((c) => c.overdue && c.kind === 'department').length).toBeGreaterThanOrEqual(3);
    expect(cases.filter((c) => !c.overdue && (c.status === 'assigned' || c.status === 'in-progress')).length).toBeGreaterThanOrEqual(2);
    const closedInDistricts = cases.filter((c) => c.status === 'closed' && c.kind === 'district');
    expect(closedInDistricts.filter((c) => c.rectified === true && c.handling_rating).length).toBeGreaterThanOrEqual(5);
    expect(closedInDistricts.some((c) => c.rectified === false)).toBe(true);

    const admin = await api.loginAsAdmin();
    const figures = (await api.request('GET', `/api/campaigns/${campaignId}/case-figures`, { token: admin })).body;
    const departments = figures.units.filter((u: { unit: { kind: string } }) => u.unit.kind === 'department');
    const districts = figures.units.filter((u: { unit: { kind: string } }) => u.unit.kind === 'district');
    expect(departments.filter((u: { overdueAtCutoff: number }) => u.overdueAtCutoff > 0).length).toBeGreaterThanOrEqual(3);
    expect(districts.filter((u: { closureRate: number | null }) => u.closureRate !== null).length).toBeGreaterThanOrEqual(6);
    expect(new Set(districts.map((u: { rectificationRate: number | null }) => u.rectificationRate)).size).toBeGreaterThan(2);
  });

  it('leaves the ballots\' other problems for the office to take in as new cases, once', async () => {
    const admin = await api.loginAsAdmin();
    const before = (await db.query('SELECT count(*)::int AS count FROM cases WHERE campaign_id = $1', [campaignId]))[0].count;
    const withProblems = ballots.filter((b) => b.status === 'submitted' && b.data.problems).length;
    const list = await api.request('GET', `/api/campaigns/${campaignId}/cases`, { token: admin });
    expect(list.status).toBe(200);
    const fromBallots = (await db.query(`SELECT count(*)::int AS count FROM cases WHERE campaign_id = $1 AND source = 'ballot'`, [campaignId]))[0].count;
    expect(fromBallots).toBe(withProblems);
    expect(list.body.length).toBeGreaterThan(before);
  });
});

describe('seeding again and using the demo', () => {
  it('adds nothing the second time', async () => {
    const counts = async () =>
      (await db.query(`SELECT (SELECT count(*) FROM responses)::int AS responses, (SELECT count(*) FROM response_ratings)::int AS ratings,
                              (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM case_events)::int AS events,
                              (SELECT count(*) FROM invitations)::int AS invitations, (SELECT count(*) FROM campaigns)::int AS campaigns,
                              (SELECT count(*) FROM csr_figure_checks)::int AS checks`))[0];
    const before = await counts();
    const again = await api.app.get(DemoService).seed({ waitForResults: true });
    expect(again.campaignId).toBe(campaignId);
    expect(again.answers).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it('still opens an unanswered link on the answer page, and takes its answers', async () => {
    const [invitation] = await db.query(
      `SELECT i.id, i.token_generation FROM invitations i
        WHERE i.campaign_id = $1 AND i.rater_type = 'enterprise' AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.invitation_id = i.id)
        ORDER BY i.id LIMIT 1`,
      [campaignId],
    );
    const token = api.app.get(InvitationsService).linkFor(invitation.id, invitation.token_generation).split('/s/')[1]!;
    const page = await api.request('GET', `/api/s/${token}`);
    expect(page.status).toBe(200);
    expect(page.body.campaign.status).toBe('open');
    expect(page.body.questionnaires.map((q: { status: string }) => q.status)).toEqual(['not-started', 'not-started', 'not-started']);
    const rating = page.body.questionnaires.find((q: { kind: string }) => q.kind === ED);
    const card = { target: 'D18', attitude: 'satisfied', efficiency: 'basically', lawful: 'satisfied', transparency: 'na', integrity: 'satisfied' };
    const submit = await api.request('POST', `/api/s/${token}/${rating.evaluationId}/submit`, { body: { data: { ratings: [card] } } });
    expect(submit.status).toBe(201);

    const [draft] = await db.query(
      `SELECT i.id, i.token_generation, r.data FROM invitations i JOIN responses r ON r.invitation_id = i.id AND r.status = 'draft'
        JOIN evaluations e ON e.id = r.evaluation_id AND e.kind = $2 WHERE i.campaign_id = $1 ORDER BY i.id LIMIT 1`,
      [campaignId, ED],
    );
    const draftToken = api.app.get(InvitationsService).linkFor(draft.id, draft.token_generation).split('/s/')[1]!;
    const resumed = (await api.request('GET', `/api/s/${draftToken}`)).body.questionnaires.find((q: { kind: string }) => q.kind === ED);
    expect(resumed.status).toBe('draft');
    expect(resumed.data).toEqual(draft.data);
  });
});
