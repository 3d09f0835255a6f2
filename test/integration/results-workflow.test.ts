import { closeAndCompute, openCampaignWithBallots, recompute } from '../support/campaign-with-results.js';
import { TestApp } from '../support/test-app.js';

/**
 * From the ballots to the public page, as the office goes through it: results after close, the
 * awards overridden with a reason and confirmed, a ballot voided, the campaign published, and
 * what each rule refuses on the way. See test/support/campaign-with-results.ts for the ballots:
 * D01 and Q01 are proposed, D02 and Q02 are not, D03 fails the self-inspection gate.
 */
let api: TestApp;
let admin: string;
let department: string;
let campaignId: string;
let slug: string;

const en = { 'accept-language': 'en' };
const results = async (token = admin) => (await api.request('GET', `/api/campaigns/${campaignId}/results`, { token })).body;
const award = (body: any, code: string) => body.awards.find((a: { code: string }) => a.code === code);
const override = (code: string, body: unknown, unitType = 'department') =>
  api.request('PUT', `/api/campaigns/${campaignId}/awards/${unitType}/${code}`, { token: admin, body, headers: en });
const confirm = () => api.request('POST', `/api/campaigns/${campaignId}/awards/confirm`, { token: admin, headers: en });
const publish = () => api.request('POST', `/api/campaigns/${campaignId}/publish`, { token: admin, headers: en });
const auditEntries = async () =>
  (await api.request('GET', '/api/audit?limit=100', { token: admin })).body.items as { action: string; statusCode: number; entity: string | null; entityId: string | null; before: any; after: any }[];

beforeAll(async () => {
  api = await TestApp.start();
  admin = await api.loginAsAdmin();
  ({ campaignId, slug } = await openCampaignWithBallots(api, admin));
  department = (await api.userWithRole('department', admin, 'D02')).token;
});
afterAll(async () => {
  await api?.close();
});

it('refuses to confirm the awards while the campaign is open', async () => {
  const early = await confirm();
  expect([early.status, early.body.code]).toEqual([409, 'AWARDS_NEED_CLOSED_CAMPAIGN']);
  expect(early.body.messages).toEqual({ zh: expect.stringContaining('评议结束后才能确认获奖名单'), en: expect.stringContaining('only after the campaign has closed') });
});

it('has no public page before publication', async () => {
  const response = await api.request('GET', `/api/public/results/${slug}`);
  expect([response.status, response.body.code]).toEqual([404, 'NOT_FOUND']);
});

it('computes the results at close: the awards the rules propose, per category', async () => {
  await closeAndCompute(api, admin, campaignId);
  const body = await results();
  expect(body).toMatchObject({ campaignId, year: 2026, campaignStatus: 'closed', awardsConfirmedAt: null, configHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  expect(body.awards.map((a: any) => [a.award, a.unitType, a.code, a.category, a.rank, a.proposed, a.awarded, a.overrideReason])).toEqual([
    ['service-unit', 'department', 'D01', '综合管理类', 1, true, true, null],
    ['investment-district', 'district', 'Q01', '县(市)、区', 1, true, true, null],
  ]);
  expect(award(body, 'D01')).toMatchObject({ nameZh: '市商务局', nameEn: 'Municipal Bureau of Commerce', composite: expect.any(Number) });
  expect(award(body, 'D01')!.pInQuota).toBeGreaterThan(0.5);
  expect(body.composite.find((c: any) => c.code === 'D03')).toMatchObject({ eligible: false, rank: null });
  expect(body.categories).toEqual(expect.arrayContaining([{ unitType: 'department', category: '综合管理类', eligible: 1, quota: 1 }]));
  // Every enterprise ballot is the same as others: the queue lists them as near copies.
  expect(body.dataQuality.length).toBeGreaterThan(0);
  expect(body.dataQuality[0]).toMatchObject({ kind: 'duplicate', voided: false, receipt: expect.any(String), otherReceipt: expect.any(String) });
});

it('refuses to publish before the awards are confirmed', async () => {
  const response = await publish();
  expect([response.status, response.body.code]).toEqual([409, 'AWARDS_NOT_CONFIRMED']);
  expect(response.body.messages.zh).toBe('发布前，请先在结果页确认获奖名单。');
  expect((await api.request('GET', `/api/campaigns/${campaignId}`, { token: admin })).body.status).toBe('closed');
});

it('refuses an override without a reason and changes nothing', async () => {
  const confirmed = await confirm();
  expect(confirmed.status).toBe(200);
  const before = await results();
  expect(before.awardsConfirmedAt).toEqual(expect.any(String));

  for (const body of [{ awarded: true }, { awarded: true, reason: '' }, { awarded: true, reason: 5 }]) {
    const refused = await override('D02', body);
    expect([400, 422]).toContain(refused.status);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
  }
  const after = await results();
  expect(after.awards).toEqual(before.awards);
  expect(after.awardsConfirmedAt).toBe(before.awardsConfirmedAt);
  expect((await auditEntries()).filter((e) => e.entity === 'award')).toEqual([]);
});

it('awards a unit the rules did not propose, with the reason kept and audited, and asks for confirmation again', async () => {
  const response = await override('D02', { awarded: true, reason: '全年专项服务成效突出，经评议部集体研究增列。' });
  expect(response.status).toBe(200);
  expect(response.body.find((a: any) => a.code === 'D02')).toMatchObject({
    award: 'service-unit', category: '执法监督类', proposed: false, awarded: true, overrideReason: '全年专项服务成效突出，经评议部集体研究增列。',
  });
  const body = await results();
  expect(award(body, 'D02')!.awarded).toBe(true);
  expect(body.awardsConfirmedAt).toBeNull();

  const entry = (await auditEntries()).find((e) => e.action === 'ResultsController.overrideAward' && e.statusCode === 200);
  expect(entry).toMatchObject({ entity: 'award', entityId: `${campaignId}:department:D02`, before: null, after: { awarded: true, reason: '全年专项服务成效突出，经评议部集体研究增列。' } });
});

it('withholds a proposed award and goes back to the proposal', async () => {
  const withheld = await override('Q01', { awarded: false, reason: '复核中发现问题' }, 'district');
  expect(withheld.body.find((a: any) => a.code === 'Q01')).toMatchObject({ proposed: true, awarded: false, overrideReason: '复核中发现问题' });
  const back = await api.request('DELETE', `/api/campaigns/${campaignId}/awards/district/Q01`, { token: admin });
  expect(back.status).toBe(200);
  expect(back.body.find((a: any) => a.code === 'Q01')).toMatchObject({ proposed: true, awarded: true, overrideReason: null });
  const entries = (await auditEntries()).filter((e) => e.entityId === `${campaignId}:district:Q01`);
  expect(entries.map((e) => e.action).sort()).toEqual(['ResultsController.clearAwardOverride', 'ResultsController.overrideAward']);
});

it('voids a ballot with a reason, and confirms only after the results are computed again', async () => {
  const flagged = (await results()).dataQuality[0];
  const void_ = (body: unknown) => api.request('POST', `/api/responses/${flagged.responseId}/void`, { token: admin, body, headers: en });
  const noReason = await void_({});
  expect([400, 422]).toContain(noReason.status);
  expect((await results()).dataQuality[0].voided).toBe(false);

  const voided = await void_({ reason: '与另一份答卷雷同，经核实为重复提交' });
  expect(voided.status).toBe(200);
  expect(voided.body).toMatchObject({ responseId: flagged.responseId, reason: '与另一份答卷雷同，经核实为重复提交', voidedAt: expect.any(String) });
  const before = await results();
  expect(before.dataQuality.find((f: any) => f.responseId === flagged.responseId).voided).toBe(true);
  expect((await auditEntries()).find((e) => e.action === 'ResultsController.voidBallot' && e.statusCode === 200)).toMatchObject({
    entity: 'response', entityId: flagged.responseId, before: { voided: false }, after: { voided: true, reason: '与另一份答卷雷同，经核实为重复提交' },
  });
  const ballotsBefore = before.evaluations.find((e: any) => e.evaluationId === flagged.evaluationId).ballots;

  const outdated = await confirm();
  expect([outdated.status, outdated.body.code]).toEqual([409, 'RESULTS_OUTDATED']);
  expect(outdated.body.messages.en).toContain('recompute');

  await recompute(api, admin, campaignId);
  const after = await results();
  const evaluation = after.evaluations.find((e: any) => e.evaluationId === flagged.evaluationId);
  expect([evaluation.ballots, evaluation.voided]).toEqual([ballotsBefore - 1, 1]);
  // Scored without it, the ballot is no longer checked either: it leaves the queue.
  expect(after.dataQuality.map((f: any) => f.responseId)).not.toContain(flagged.responseId);
  // The override survives the new computation.
  expect(award(after, 'D02')).toMatchObject({ awarded: true, overrideReason: expect.any(String) });
  const confirmed = await confirm();
  expect(confirmed.status).toBe(200);
  expect(confirmed.body.awardsConfirmedAt).toEqual(expect.any(String));
});

it('shows a department user its own unit only, and lets it change nothing', async () => {
  const own = await results(department);
  expect(own.composite.map((c: { code: string }) => c.code)).toEqual(['D02']);
  // Before publication a unit does not learn whether it is proposed or awarded.
  expect(own.awards).toEqual([]);
  expect(own.composite[0]).toMatchObject({ inQuota: false, pInQuota: null });
  for (const evaluation of own.evaluations) for (const target of evaluation.targets) expect(target).toMatchObject({ awarded: false, pInQuota: null });
  for (const evaluation of own.evaluations) {
    for (const target of evaluation.targets) expect(target.code).toBe('D02');
  }
  expect(own.dataQuality).toEqual([]);
  const asDepartment = (method: string, route: string, body?: unknown) => api.request(method, route, { token: department, body });
  expect((await asDepartment('PUT', `/api/campaigns/${campaignId}/awards/department/D02`, { awarded: false, reason: '自己撤销' })).status).toBe(403);
  expect((await asDepartment('POST', `/api/campaigns/${campaignId}/awards/confirm`)).status).toBe(403);
  expect((await asDepartment('POST', `/api/campaigns/${campaignId}/publish`)).status).toBe(403);
});

it('publishes, then freezes the results and shows the awards to everyone', async () => {
  const published = await publish();
  expect([published.status, published.body.status]).toEqual([200, 'published']);

  const again = await api.request('POST', `/api/campaigns/${campaignId}/results/compute`, { token: admin });
  expect([again.status, again.body.code]).toEqual([409, 'RESULTS_FROZEN']);
  const late = await override('D01', { awarded: false, reason: '发布后再改' });
  expect([late.status, late.body.code]).toEqual([409, 'RESULTS_FROZEN']);

  // Published: the unit sees its award like everyone.
  expect((await results(department)).awards.map((a: { code: string; awarded: boolean }) => [a.code, a.awarded])).toEqual([['D02', true]]);

  const page = await api.request('GET', `/api/public/results/${slug}`);
  expect(page.status).toBe(200);
  expect(page.body).toMatchObject({ slug, title: '2026 外商投资企业服务月', year: 2026, publishedAt: published.body.publishedAt });
  expect([...page.body.awards].sort((a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code))).toEqual([
    { award: 'service-unit', code: 'D01', nameZh: '市商务局', nameEn: 'Municipal Bureau of Commerce', category: '综合管理类', rank: 1, composite: expect.any(Number) },
    { award: 'service-unit', code: 'D02', nameZh: '市税务局', nameEn: 'Municipal Taxation Bureau', category: '执法监督类', rank: 1, composite: expect.any(Number) },
    { award: 'investment-district', code: 'Q01', nameZh: '江东区', nameEn: 'Jiangdong District', category: '县(市)、区', rank: 1, composite: expect.any(Number) },
  ]);
  // Nothing of the office's deliberation leaves the building.
  expect(page.text).not.toMatch(/overrideReason|pInQuota|集体研究/);
  expect((await api.request('GET', '/api/public/results/no-such-campaign')).status).toBe(404);
});
