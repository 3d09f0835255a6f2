import { DataSource } from 'typeorm';
import { readXlsx } from '../support/directory-files.js';
import { importSmallDirectory } from '../support/small-directory.js';
import { TestApp } from '../support/test-app.js';

/**
 * Response rates on a hand-made situation: 6 enterprises (Q01: 3, Q02: 3) and 2 district
 * governments. Answers are written straight into the database here, as the answering
 * routes would; what is checked is how they are counted.
 */
let api: TestApp;
let admin: string;
let campaign: { id: string; evaluations: { id: string; kind: string }[] };
let links: { id: string; raterType: string; raterCode: string; districtCode: string; link: string }[];

beforeAll(async () => {
  api = await TestApp.start();
  admin = await api.loginAsAdmin();
  await importSmallDirectory(api, admin, 6);
  campaign = (await api.request('POST', '/api/campaigns', { token: admin, body: { title: '进度', year: 2026, template: 'service-month' } })).body;
  await api.request('POST', `/api/campaigns/${campaign.id}/invitations`, { token: admin });
  links = (await api.request('GET', `/api/campaigns/${campaign.id}/invitations?pageSize=100`, { token: admin })).body.items;

  const enterprises = links.filter((l) => l.raterType === 'enterprise').sort((a, b) => a.raterCode.localeCompare(b.raterCode));
  const q01 = enterprises.filter((e) => e.districtCode === 'Q01');
  const q02 = enterprises.filter((e) => e.districtCode === 'Q02');
  const district = links.find((l) => l.raterType === 'district' && l.raterCode === 'Q01')!;
  const evaluation = (kind: string) => campaign.evaluations.find((e) => e.kind === kind)!.id;

  // Q01: one submitted departments, one with only a draft, one untouched.
  // Q02: one opened only, one submitted only the (voluntary) CSR declaration, one revoked.
  // District Q01 submitted its rating of departments.
  for (const rater of [q01[0]!, q01[1]!, q02[0]!, q02[1]!, district]) await api.request('GET', `/api/s/${rater.link.split('/s/')[1]}`);
  const dataSource = api.app.get(DataSource);
  const answer = async (invitationId: string, kind: string, status: 'draft' | 'submitted') =>
    dataSource.query(
      `INSERT INTO responses (invitation_id, evaluation_id, questionnaire_version_id, status, data, submitted_at)
       SELECT $1, e.id, q.id, $3, '{}'::jsonb, CASE WHEN $3 = 'submitted' THEN now() END FROM evaluations e JOIN questionnaire_versions q ON q.evaluation_id = e.id WHERE e.id = $2`,
      [invitationId, evaluation(kind), status],
    );
  await answer(q01[0]!.id, 'enterprise-rates-departments', 'submitted');
  await answer(q01[0]!.id, 'enterprise-rates-districts', 'draft');
  await answer(q01[1]!.id, 'enterprise-rates-departments', 'draft');
  await answer(q02[1]!.id, 'csr-declaration', 'submitted');
  await answer(district.id, 'district-rates-departments', 'submitted');
  await api.request('POST', `/api/campaigns/${campaign.id}/invitations/${q02[2]!.id}/revoke`, { token: admin });
});
afterAll(async () => {
  await api?.close();
});

it('counts raters by their furthest step, overall and per kind of rater', async () => {
  const { body } = await api.request('GET', `/api/campaigns/${campaign.id}/progress`, { token: admin });
  // 7 working links (one revoked); opened: 4 enterprises + 1 district; drafts: q01[1]; submitted: q01[0] and the district.
  expect(body.overall).toEqual({ invited: 7, opened: 5, draft: 1, submitted: 2, rate: 2 / 7 });
  expect(body.enterprises).toEqual({ invited: 5, opened: 4, draft: 1, submitted: 1, rate: 1 / 5 });
  expect(body.districtGovernments).toEqual({ invited: 2, opened: 1, draft: 0, submitted: 1, rate: 1 / 2 });
});

it('counts each evaluation on its own', async () => {
  const { body } = await api.request('GET', `/api/campaigns/${campaign.id}/progress`, { token: admin });
  const byKind = Object.fromEntries(body.byEvaluation.map((e: { kind: string; invited: number; draft: number; submitted: number }) => [e.kind, [e.invited, e.draft, e.submitted]]));
  expect(byKind).toEqual({
    'enterprise-rates-departments': [5, 1, 1],
    'enterprise-rates-districts': [5, 1, 0],
    'district-rates-departments': [2, 0, 1],
    'csr-declaration': [5, 0, 1],
  });
});

it('breaks enterprises down by district, industry, country and size band', async () => {
  const { body } = await api.request('GET', `/api/campaigns/${campaign.id}/progress`, { token: admin });
  expect(body.byDistrict.map((g: { key: string; labelZh: string; invited: number; submitted: number }) => [g.key, g.labelZh, g.invited, g.submitted])).toEqual([
    ['Q01', '江东区', 3, 1],
    ['Q02', '江州经济技术开发区', 2, 0],
  ]);
  expect(body.byIndustry).toEqual([expect.objectContaining({ key: '制造业', invited: 5, submitted: 1 })]);
  expect(body.bySizeBand).toEqual([expect.objectContaining({ key: 'small', labelZh: '小型', labelEn: 'Small', invited: 5 })]);
  expect(body.byInvestorCountry.reduce((sum: number, g: { invited: number }) => sum + g.invited, 0)).toBe(5);
});

it('shows each rater\'s status in the list, filters by it, and exports those who have submitted nothing', async () => {
  const list = (query: string) => api.request('GET', `/api/campaigns/${campaign.id}/invitations?${query}`, { token: admin });
  const statuses = (await list('pageSize=100')).body.items.map((i: { status: string }) => i.status).sort();
  expect(statuses).toEqual(['draft', 'not-opened', 'not-opened', 'opened', 'opened', 'revoked', 'submitted', 'submitted']);
  expect((await list('status=draft')).body.total).toBe(1);

  const exported = await api.download(`/api/campaigns/${campaign.id}/non-responders.xlsx`, admin);
  expect(exported.status).toBe(200);
  const rows = await readXlsx(exported.bytes);
  expect(rows).toHaveLength(1 + 5);
  expect(rows.slice(1).map((r) => r[5]).sort()).toEqual(['填写中（未提交）', '已打开未填写', '已打开未填写', '未打开', '未打开']);
});
