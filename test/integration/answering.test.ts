import { DataSource } from 'typeorm';
import { withoutLinkToken } from '../../server/src/common/logger.js';
import { arrayElement } from '../../server/src/responses/answering.service.js';
import { importSmallDirectory } from '../support/small-directory.js';
import { TestApp } from '../support/test-app.js';

/**
 * The answering routes of the public contract, status code by status code, on a small
 * directory: departments D01–D03, districts Q01–Q02, six enterprises.
 */
let api: TestApp;
let admin: string;
let db: DataSource;
let campaignId: string;
let evaluations: Record<string, string>;
let links: { id: string; raterType: string; raterCode: string; link: string }[];

const CRITERIA = ['attitude', 'efficiency', 'lawful', 'transparency', 'integrity'];
const tokenOf = (i: number) => links.filter((l) => l.raterType === 'enterprise')[i]!.link.split('/s/')[1]!;
const districtToken = () => links.find((l) => l.raterType === 'district')!.link.split('/s/')[1]!;
const card = (target: string, answer = 'satisfied') => ({ target, ...Object.fromEntries(CRITERIA.map((c) => [c, answer])) });
// The target checkbox shares the value name `ratings` with the cards: ticking a target creates its card.
const ballot = (...targets: string[]) => ({ ratings: targets.map((t) => card(t)), problems: '审批材料要求反复补交' });
const draft = (token: string, kind: string, data: unknown, headers?: Record<string, string>) =>
  api.request('PUT', `/api/s/${token}/${evaluations[kind]}/draft`, { body: { data }, headers });
const submit = (token: string, kind: string, data: unknown, headers?: Record<string, string>) =>
  api.request('POST', `/api/s/${token}/${evaluations[kind]}/submit`, { body: { data }, headers });
const ED = 'enterprise-rates-departments';

beforeAll(async () => {
  api = await TestApp.start();
  db = api.app.get(DataSource);
  admin = await api.loginAsAdmin();
  await importSmallDirectory(api, admin, 6);
  const campaign = (await api.request('POST', '/api/campaigns', { token: admin, body: { title: '2026 服务月', year: 2026, template: 'service-month' } })).body;
  campaignId = campaign.id;
  evaluations = Object.fromEntries(campaign.evaluations.map((e: { kind: string; id: string }) => [e.kind, e.id]));
  await api.request('POST', `/api/campaigns/${campaignId}/invitations`, { token: admin });
  links = (await api.request('GET', `/api/campaigns/${campaignId}/invitations?pageSize=100`, { token: admin })).body.items;
  links.sort((a, b) => a.raterCode.localeCompare(b.raterCode));
});
afterAll(async () => {
  await api?.close();
});

describe('before the campaign opens', () => {
  it('refuses drafts and submissions with 409 CAMPAIGN_NOT_OPEN, in the language asked for', async () => {
    const response = await draft(tokenOf(0), ED, { ratings: [{ target: 'D01' }] }, { 'accept-language': 'en' });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('CAMPAIGN_NOT_OPEN');
    expect(response.body.message).toMatch(/has not opened yet/);
    expect(response.body.messages.zh).toMatch(/尚未开始/);
    expect((await submit(tokenOf(0), ED, ballot('D01'))).body.code).toBe('CAMPAIGN_NOT_OPEN');
    expect(Number((await db.query('SELECT count(*) FROM responses'))[0].count)).toBe(0);
  });

  it('opens', async () => {
    expect((await api.request('POST', `/api/campaigns/${campaignId}/open`, { token: admin })).status).toBe(200);
  });
});

describe('drafts', () => {
  it('saves a draft (200), returns it with the link, and freezes the questionnaire version', async () => {
    const response = await draft(tokenOf(0), ED, { ratings: [card('D01'), { target: 'D02', attitude: 'basically' }] });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'draft', savedAt: expect.any(String) });

    const again = await draft(tokenOf(0), ED, { ratings: [card('D01'), { target: 'D02', attitude: 'dissatisfied' }] });
    expect(again.status).toBe(200);
    expect(Date.parse(again.body.savedAt)).toBeGreaterThanOrEqual(Date.parse(response.body.savedAt));

    const opened = await api.request('GET', `/api/s/${tokenOf(0)}`);
    const questionnaire = opened.body.questionnaires.find((q: { kind: string }) => q.kind === ED);
    expect(questionnaire).toMatchObject({ status: 'draft', receipt: null, submittedAt: null, savedAt: again.body.savedAt });
    expect(questionnaire.data.ratings[1]).toEqual({ target: 'D02', attitude: 'dissatisfied' });

    const [version] = await db.query('SELECT frozen_at FROM questionnaire_versions WHERE evaluation_id = $1', [evaluations[ED]]);
    expect(version.frozen_at).toBeInstanceOf(Date);
    // Drafts never make rating rows.
    expect(Number((await db.query('SELECT count(*) FROM response_ratings'))[0].count)).toBe(0);
  });

  it('refuses a draft of the wrong shape with 422 and per-question messages, keeping the saved draft', async () => {
    const response = await draft(tokenOf(0), ED, { ratings: [{ target: 'D01', attitude: 'superb' }, { target: 'D99' }], nonsense: 1 }, { 'accept-language': 'en' });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('BALLOT_INVALID');
    const byField = Object.fromEntries(response.body.errors.map((e: { field: string }) => [e.field, e]));
    expect(byField['ratings[1].target']).toMatchObject({ code: 'not-allowed', message: expect.any(String), messages: { zh: expect.any(String), en: expect.any(String) } });
    expect(byField['ratings[0].attitude']).toMatchObject({ code: 'not-allowed' });
    expect(byField['nonsense']).toMatchObject({ code: 'unknown-question' });
    const [stored] = await db.query('SELECT data FROM responses WHERE evaluation_id = $1', [evaluations[ED]]);
    expect(stored.data.ratings[1]).toEqual({ target: 'D02', attitude: 'dissatisfied' });
  });

  it('accepts an incomplete draft: required answers are asked for only on submission', async () => {
    expect((await draft(tokenOf(1), ED, { ratings: [{ target: 'D03' }] })).status).toBe(200);
  });
});

describe('submitting', () => {
  it('submits (201 with a receipt) and writes the ballot and its rating rows together', async () => {
    const response = await submit(tokenOf(0), ED, ballot('D01', 'D02', 'D03'));
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ status: 'submitted', receipt: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/), submittedAt: expect.any(String) });

    const rows = await db.query(
      `SELECT d.code, rr.criterion, rr.answer FROM response_ratings rr
         JOIN responses r ON r.id = rr.response_id JOIN evaluation_targets t ON t.id = rr.target_id JOIN departments d ON d.id = t.department_id
        WHERE r.evaluation_id = $1 ORDER BY d.code, rr.criterion`,
      [evaluations[ED]],
    );
    expect(rows).toHaveLength(15);
    expect(rows.filter((r: { code: string }) => r.code === 'D02').map((r: { criterion: string }) => r.criterion)).toEqual([...CRITERIA].sort());
    expect(rows.every((r: { answer: string }) => r.answer === 'satisfied')).toBe(true);

    const opened = await api.request('GET', `/api/s/${tokenOf(0)}`);
    expect(opened.body.questionnaires.find((q: { kind: string }) => q.kind === ED)).toMatchObject({ status: 'submitted', receipt: response.body.receipt, submittedAt: response.body.submittedAt });
  });

  it('answers the same submission again with 200 and the same receipt, writing nothing', async () => {
    const [first] = await db.query(`SELECT receipt FROM responses WHERE evaluation_id = $1 AND status = 'submitted'`, [evaluations[ED]]);
    // Key order does not make answers different.
    const reordered = { problems: '审批材料要求反复补交', ratings: ballot('D01', 'D02', 'D03').ratings.map((c) => Object.fromEntries(Object.entries(c).reverse())) };
    const response = await submit(tokenOf(0), ED, reordered);
    expect(response.status).toBe(200);
    expect(response.body.receipt).toBe(first.receipt);
    expect(Number((await db.query('SELECT count(*) FROM response_ratings'))[0].count)).toBe(15);
  });

  it('refuses different answers after submission (409 ALREADY_SUBMITTED), and drafts too', async () => {
    const changed = await submit(tokenOf(0), ED, ballot('D01'));
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('ALREADY_SUBMITTED');
    const late = await draft(tokenOf(0), ED, { ratings: [{ target: 'D01' }] });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ALREADY_SUBMITTED');
  });

  it('refuses an incomplete ballot with 422 naming each unanswered question', async () => {
    const response = await submit(tokenOf(1), ED, { ratings: [{ target: 'D03', attitude: 'satisfied' }] });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`).sort()).toEqual(
      ['efficiency', 'integrity', 'lawful', 'transparency'].map((c) => `ratings[0].${c}:required`),
    );
    expect((await db.query(`SELECT status FROM responses r JOIN invitations i ON i.id = r.invitation_id WHERE r.evaluation_id = $1 AND r.status = 'draft'`, [evaluations[ED]])).length).toBe(1);
  });

  it('checks the district government questionnaire and the declaration in the same way', async () => {
    const district = await submit(districtToken(), 'district-rates-departments', ballot('D02'));
    expect(district.status).toBe(201);
    const declaration = {
      tax_paid: 1200000, revenue: 58000000, employees: 320, local_hires: 290, social_insurance_coverage: 100,
      env_penalty: false, safety_accident: false, wage_arrears: false, labour_dispute: false, union: true, tax_violation: false,
      donations: 50000, volunteer_hours: 400,
    };
    const declared = await submit(tokenOf(2), 'csr-declaration', declaration);
    expect(declared.status).toBe(201);
    const wrongType = await submit(tokenOf(3), 'csr-declaration', { ...declaration, employees: 'many', revenue: -5 });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['employees', 'revenue']);
  });
});

describe('bad input', () => {
  const invalid: [string, unknown][] = [
    ['a rating outside the scale', { ratings: [{ ...card('D01'), attitude: 'excellent' }] }],
    ['an unknown target', { ratings: [card('D01'), card('D77')] }],
    ['an answer to a question that does not exist', { ...ballot('D01'), favourite_colour: 'blue' }],
    ['wrong types', { ratings: { target: 'D01' }, problems: 42 }],
    ['a number as a rating', { ratings: [{ ...card('D01'), integrity: 5 }] }],
    ['deeply nested JSON', { ...ballot('D01'), problems: JSON.parse('{"a":'.repeat(500) + '1' + '}'.repeat(500)) }],
    ['a 2 MB string', { ...ballot('D01'), suggestions: 'x'.repeat(2 * 1024 * 1024) }],
    ['too many cards: more than there are targets', { ratings: [card('D01'), card('D02'), card('D03'), card('D04')] }],
    ['the same target twice', { ratings: [card('D01'), card('D01')] }],
  ];
  it.each(invalid)('%s → 422 with a message per question, nothing stored', async (_name, data) => {
    const before = await db.query('SELECT count(*)::int AS n, max(updated_at) AS last FROM responses');
    const response = await submit(tokenOf(3), ED, data, { 'accept-language': 'en' });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('BALLOT_INVALID');
    expect(response.body.errors.length).toBeGreaterThan(0);
    for (const error of response.body.errors) expect(error).toMatchObject({ field: expect.any(String), message: expect.any(String), messages: { zh: expect.any(String), en: expect.any(String) } });
    expect(await db.query('SELECT count(*)::int AS n, max(updated_at) AS last FROM responses')).toEqual(before);
  });

  it('a body without answers → 422 ANSWERS_MISSING; malformed JSON → 400; over 4 MB → 413', async () => {
    const url = `/api/s/${tokenOf(3)}/${evaluations[ED]}/submit`;
    expect((await api.request('POST', url, { body: { answers: {} } })).body.code).toBe('ANSWERS_MISSING');
    expect((await api.request('POST', url, { body: { data: [1, 2] } })).status).toBe(422);
    const malformed = await api.request('POST', url, { rawBody: '{"data": {' });
    expect([malformed.status, malformed.body.code]).toEqual([400, 'MALFORMED_JSON']);
    const huge = await api.request('POST', url, { body: { data: { suggestions: 'x'.repeat(5 * 1024 * 1024) } } });
    expect([huge.status, huge.body.code]).toEqual([413, 'ANSWERS_TOO_LARGE']);
  });

  it('unknown, malformed or revoked tokens → 404 LINK_NOT_FOUND; another rater group\'s questionnaire → 404 QUESTIONNAIRE_NOT_FOUND', async () => {
    expect((await submit('AAAAAAAAAAAAAAAAAAAAAA', ED, ballot('D01'))).body.code).toBe('LINK_NOT_FOUND');
    expect((await draft('short', ED, {})).status).toBe(404);
    const revoked = links.filter((l) => l.raterType === 'enterprise')[3]!;
    await api.request('POST', `/api/campaigns/${campaignId}/invitations/${revoked.id}/revoke`, { token: admin });
    expect((await submit(tokenOf(3), ED, ballot('D01'))).status).toBe(404);
    await api.request('POST', `/api/campaigns/${campaignId}/invitations/${revoked.id}/reissue`, { token: admin });
    links = (await api.request('GET', `/api/campaigns/${campaignId}/invitations?pageSize=100`, { token: admin })).body.items;
    links.sort((a, b) => a.raterCode.localeCompare(b.raterCode));

    const wrongGroup = await api.request('PUT', `/api/s/${districtToken()}/${evaluations[ED]}/draft`, { body: { data: {} } });
    expect([wrongGroup.status, wrongGroup.body.code]).toEqual([404, 'QUESTIONNAIRE_NOT_FOUND']);
    expect((await api.request('PUT', `/api/s/${districtToken()}/not-a-uuid/draft`, { body: { data: {} } })).body.code).toBe('QUESTIONNAIRE_NOT_FOUND');
  });
});

describe('concurrency', () => {
  it('two tabs submitting at once make exactly one response; both get the same receipt', async () => {
    const token = tokenOf(3);
    const data = ballot('D02', 'D03');
    const results = await Promise.all(Array.from({ length: 8 }, () => submit(token, ED, data)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.receipt)).size).toBe(1);
    const invitationId = links.filter((l) => l.raterType === 'enterprise')[3]!.id;
    const [counts] = await db.query(
      `SELECT count(DISTINCT r.id)::int AS responses, count(rr.*)::int AS ratings FROM responses r LEFT JOIN response_ratings rr ON rr.response_id = r.id
        WHERE r.invitation_id = $1 AND r.evaluation_id = $2`,
      [invitationId, evaluations[ED]],
    );
    expect(counts).toEqual({ responses: 1, ratings: 10 });
  });

  it('different answers from two tabs at once: one is accepted, the other gets 409', async () => {
    const token = tokenOf(1);
    const [a, b] = await Promise.all([submit(token, ED, ballot('D01')), submit(token, ED, ballot('D02'))]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
  });
});

describe('questionnaire versions', () => {
  it('a draft keeps the version it started on; new raters get the newest, and are checked against it', async () => {
    expect((await draft(tokenOf(4), ED, { ratings: [{ target: 'D01', attitude: 'satisfied' }] })).status).toBe(200);
    // The office publishes version 2 without the integrity criterion.
    const [v1] = await db.query('SELECT id, survey FROM questionnaire_versions WHERE evaluation_id = $1 AND version = 1', [evaluations[ED]]);
    const survey = JSON.parse(JSON.stringify(v1.survey));
    const panel = survey.pages.flatMap((p: { elements: { name: string }[] }) => p.elements).find((e: { name: string }) => e.name === 'ratings');
    panel.templateElements = panel.templateElements.filter((q: { name: string }) => q.name !== 'integrity');
    const [v2] = await db.query('INSERT INTO questionnaire_versions (evaluation_id, version, survey) VALUES ($1, 2, $2) RETURNING id', [evaluations[ED], survey]);

    const onFirst = await submit(tokenOf(4), ED, ballot('D01'));
    expect(onFirst.status).toBe(201);
    const fiveCriteria = await submit(tokenOf(5), ED, ballot('D01'));
    expect(fiveCriteria.status).toBe(422);
    expect(fiveCriteria.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual(['ratings[0].integrity:unknown-question']);
    const fourCriteria: Record<string, string> = { ...card('D01') };
    delete fourCriteria.integrity;
    expect((await submit(tokenOf(5), ED, { ratings: [fourCriteria] })).status).toBe(201);

    const stored = await db.query(
      `SELECT i.id, r.questionnaire_version_id AS version, (SELECT count(*)::int FROM response_ratings rr WHERE rr.response_id = r.id) AS ratings
         FROM responses r JOIN invitations i ON i.id = r.invitation_id WHERE r.evaluation_id = $1 AND i.id = ANY($2)`,
      [evaluations[ED], [4, 5].map((n) => links.filter((l) => l.raterType === 'enterprise')[n]!.id)],
    );
    const byInvitation = Object.fromEntries(stored.map((r: { id: string }) => [r.id, r]));
    expect(byInvitation[links.filter((l) => l.raterType === 'enterprise')[4]!.id]).toMatchObject({ version: v1.id, ratings: 5 });
    expect(byInvitation[links.filter((l) => l.raterType === 'enterprise')[5]!.id]).toMatchObject({ version: v2.id, ratings: 4 });
    const [frozen] = await db.query('SELECT frozen_at FROM questionnaire_versions WHERE id = $1', [v2.id]);
    expect(frozen.frozen_at).toBeInstanceOf(Date);
  });
});

describe('after the campaign closes', () => {
  it('refuses drafts and submissions with 409 CAMPAIGN_CLOSED and keeps the draft', async () => {
    expect((await draft(tokenOf(2), ED, { ratings: [{ target: 'D01' }], problems: '用电报装时间较长' })).status).toBe(200);
    expect((await api.request('POST', `/api/campaigns/${campaignId}/close`, { token: admin })).status).toBe(200);
    const late = await submit(tokenOf(2), ED, ballot('D01'), { 'accept-language': 'zh-CN' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('CAMPAIGN_CLOSED');
    expect(late.body.message).toMatch(/已经结束/);
    expect((await draft(tokenOf(2), ED, { ratings: [{ target: 'D02' }] })).body.code).toBe('CAMPAIGN_CLOSED');
    const opened = await api.request('GET', `/api/s/${tokenOf(2)}`);
    expect(opened.body.campaign.status).toBe('closed');
    expect(opened.body.questionnaires.find((q: { kind: string }) => q.kind === ED)).toMatchObject({ status: 'draft', data: { ratings: [{ target: 'D01' }], problems: '用电报装时间较长' } });
  });
});

it('keeps no IP address, user agent or link token with answers, in the audit log or in request logs', async () => {
  const columns: { column_name: string }[] = await db.query(`SELECT column_name FROM information_schema.columns WHERE table_name IN ('responses', 'response_ratings')`);
  expect(columns.map((c) => c.column_name).filter((c) => /^ip|_ip$|agent|address/i.test(c))).toEqual([]);
  expect(await db.query(`SELECT path FROM audit_log WHERE path LIKE '/api/s/%'`)).toEqual([]);
  expect(withoutLinkToken(`/api/s/${tokenOf(0)}/${evaluations[ED]}/submit`)).toBe(`/api/s/[token]/${evaluations[ED]}/submit`);
});

it('quotes rating rows for PostgreSQL arrays so that any choice code survives', async () => {
  const codes = ['satisfied', 'a,b', 'say "no"', 'back\\slash', '{braces}', 'NULL', ' spaced ', '不了解'];
  const [row] = await db.query('SELECT $1::text[] AS codes', [`{${codes.map(arrayElement).join(',')}}`]);
  expect(row.codes).toEqual(codes);
});
