import ExcelJS from 'exceljs';
import { CHINA_HOLIDAY_YEARS } from '../../server/src/cases/china-holidays.js';
import { WorkingDayCalendar } from '../../server/src/cases/working-days.js';
import { importSmallDirectory } from '../support/small-directory.js';
import { TestApp } from '../support/test-app.js';

/** Cases entered by the office, triaged, assigned to a department, answered and closed. */
let api: TestApp;
let admin: string;
let viewer: string;
let taxBureau: string;
let commerceBureau: string;
let campaignId: string;
let uscc: string;

beforeAll(async () => {
  api = await TestApp.start();
  admin = await api.loginAsAdmin();
  ({ usccs: [uscc] } = (await importSmallDirectory(api, admin, 2)) as { usccs: string[] });
  campaignId = (await api.request('POST', '/api/campaigns', { token: admin, body: { title: '2026 服务月', year: 2026, template: 'service-month' } })).body.id;
  viewer = (await api.userWithRole('viewer', admin)).token;
  taxBureau = (await api.userWithRole('department', admin, 'D02')).token;
  commerceBureau = (await api.userWithRole('department', admin, 'D01')).token;
});
afterAll(async () => {
  await api?.close();
});

const en = { 'accept-language': 'en' };
const create = (body: Record<string, unknown>) => api.request('POST', `/api/campaigns/${campaignId}/cases`, { token: admin, body, headers: en });
const act = (token: string, id: string, action: string, body: Record<string, unknown> = {}) => api.request('POST', `/api/cases/${id}/${action}`, { token, body, headers: en });

it('follows a case from the office\'s entry to closure, each step timed in its timeline', async () => {
  const created = await create({ text: '办理施工许可时，材料要求多次变化。', enterpriseUscc: uscc, categoryCode: 'approval', receivedVia: 'phone' });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ number: '2026-0001', source: 'office', status: 'new', category: { code: 'approval', nameZh: '审批' }, enterprise: { uscc }, allowedActions: ['accept', 'reject', 'merge', 'assign'] });
  const id = created.body.id;

  expect((await act(admin, id, 'accept')).body.status).toBe('accepted');
  const before = new Date();
  const assigned = await act(admin, id, 'assign', { unitCode: 'D02' });
  expect(assigned.status).toBe(200);
  expect(assigned.body).toMatchObject({ status: 'assigned', unit: { kind: 'department', code: 'D02' }, overdue: false });
  // 15 working days on the calendar with China's holidays and 调休 days.
  expect(assigned.body.deadline).toBe(new WorkingDayCalendar(CHINA_HOLIDAY_YEARS).addWorkingDays(before, 15).toISOString());

  expect((await act(taxBureau, id, 'start')).body.status).toBe('in-progress');
  const replied = await act(taxBureau, id, 'reply', { text: '已一次性告知所需材料清单，并安排专人跟进。' });
  expect(replied.body).toMatchObject({ status: 'replied', reply: '已一次性告知所需材料清单，并安排专人跟进。' });
  const closed = await act(admin, id, 'close', { rectified: true });
  expect(closed.body).toMatchObject({ status: 'closed', rectified: true, allowedActions: ['reopen'] });
  expect(closed.body.events.map((e: { action: string; fromStatus: string | null; toStatus: string }) => `${e.action}:${e.fromStatus}→${e.toStatus}`)).toEqual([
    'create:null→new', 'accept:new→accepted', 'assign:accepted→assigned', 'start:assigned→in-progress', 'reply:in-progress→replied', 'close:replied→closed',
  ]);
  expect(closed.body.events[2].note).toBe('D02 市税务局');
});

it('refuses impossible changes with 409 naming the allowed ones, and a reply to a closed case', async () => {
  const { id } = (await create({ text: '用电报装时间较长。' })).body;
  await act(admin, id, 'accept');
  await act(admin, id, 'assign', { unitCode: 'D02' });
  const early = await act(admin, id, 'close');
  expect([early.status, early.body.code]).toEqual([409, 'CASE_TRANSITION_NOT_ALLOWED']);
  expect(early.body.errors[0].message).toBe('The case is assigned, so it cannot close; allowed now: assign.');
  expect(early.body.errors[0].messages.zh).toBe('案件当前为“已交办”，不能“办结”；可以：“交办”。');

  await act(taxBureau, id, 'reply', { text: '已协调供电公司加快办理。' });
  await act(admin, id, 'close');
  const late = await act(taxBureau, id, 'reply', { text: '补充说明' });
  expect([late.status, late.body.errors[0].message]).toEqual([409, 'The case is closed: it cannot reply, and nothing else can be done now.']);
  // The office closes, not the unit.
  const { id: other } = (await create({ text: '另一个问题' })).body;
  await act(admin, other, 'accept');
  await act(admin, other, 'assign', { unitCode: 'D02' });
  await act(taxBureau, other, 'reply', { text: '已处理' });
  const byUnit = await act(taxBureau, other, 'close');
  expect([byUnit.status, byUnit.body.errors[0].message]).toEqual([403, 'Only the office can close a case.']);
});

it('shows a department its own cases only, without the enterprise unless it agreed, and refuses it another\'s', async () => {
  const hidden = (await create({ text: '希望简化外籍员工工作许可。', enterpriseUscc: uscc })).body.id;
  await act(admin, hidden, 'assign', { unitCode: 'D02' });
  const shared = (await create({ text: '希望公开抽查标准。', enterpriseUscc: uscc, identityShared: true })).body.id;
  await act(admin, shared, 'assign', { unitCode: 'D02' });

  const own = (await api.request('GET', `/api/campaigns/${campaignId}/cases`, { token: taxBureau })).body as { id: string; enterprise: unknown; unit: { code: string } }[];
  expect(own.every((c) => c.unit.code === 'D02')).toBe(true);
  expect(own.find((c) => c.id === hidden)!.enterprise).toBeNull();
  expect(own.find((c) => c.id === shared)!.enterprise).toMatchObject({ uscc });
  expect((await api.request('GET', `/api/cases/${hidden}`, { token: admin })).body.enterprise).toMatchObject({ uscc });

  expect((await api.request('GET', `/api/campaigns/${campaignId}/cases`, { token: commerceBureau })).body).toEqual([]);
  // A unit finds the campaigns whose cases it follows.
  expect((await api.request('GET', '/api/campaigns', { token: commerceBureau })).body.map((c: { id: string }) => c.id)).toContain(campaignId);
  expect((await api.request('GET', `/api/cases/${hidden}`, { token: commerceBureau })).status).toBe(403);
  expect((await act(commerceBureau, hidden, 'reply', { text: '不是我们的' })).status).toBe(403);
  // Leadership reads everything and acts on nothing.
  expect((await api.request('GET', `/api/cases/${hidden}`, { token: viewer })).body.allowedActions).toEqual([]);
  expect((await act(viewer, hidden, 'accept')).status).toBe(403);
});

it('refuses empty and over-long texts, and actions missing what they need, with a message per field', async () => {
  const empty = await create({ text: '   ' });
  expect([empty.status, empty.body.errors[0].field]).toEqual([400, 'text']);
  const huge = await create({ text: '很'.repeat(100 * 1024 / 3) });
  expect([huge.status, huge.body.errors[0].field]).toEqual([400, 'text']);
  expect((await create({ text: '问题', enterpriseUscc: '91310000MA1FL0XX00' })).status).toBe(400);

  const { id } = (await create({ text: '重复反映的问题' })).body;
  const noReason = await act(admin, id, 'reject');
  expect([noReason.status, noReason.body.errors[0]]).toEqual([400, { field: 'text', message: 'Say why the case is rejected.', messages: { zh: '请说明不予受理的理由。', en: 'Say why the case is rejected.' } }]);
  expect((await act(admin, id, 'assign', { unitCode: 'D77' })).body.errors[0].message).toBe('The directory has no department or district with code D77.');
  expect((await act(admin, id, 'merge', { intoNumber: 1 })).body).toMatchObject({ status: 'merged', mergedInto: '2026-0001', allowedActions: [] });
  expect((await act(admin, id, 'fly')).status).toBe(404);
  const rejected = (await create({ text: '与评议无关的咨询' })).body.id;
  expect((await act(admin, rejected, 'reject', { text: '不属于涉企服务问题，已告知咨询渠道。' })).body).toMatchObject({ status: 'rejected', rejectReason: '不属于涉企服务问题，已告知咨询渠道。' });
});

it('lists overdue cases: with a unit and past the deadline', async () => {
  const { id } = (await create({ text: '长期未办结的问题' })).body;
  await act(admin, id, 'assign', { unitCode: 'Q01', deadline: '2099-01-02' });
  await api.app.get((await import('typeorm')).DataSource).query(`UPDATE cases SET deadline = now() - interval '1 day' WHERE id = $1`, [id]);
  const overdue = (await api.request('GET', `/api/campaigns/${campaignId}/cases?overdue=true`, { token: admin })).body as { id: string; overdue: boolean }[];
  expect(overdue.map((c) => c.id)).toEqual([id]);
  expect(overdue[0]!.overdue).toBe(true);
});

describe('through the enterprise\'s personal link', () => {
  let token: string;
  let districtToken: string;
  let evaluationId: string;

  beforeAll(async () => {
    await api.request('POST', `/api/campaigns/${campaignId}/invitations`, { token: admin });
    const links = (await api.request('GET', `/api/campaigns/${campaignId}/invitations?pageSize=100`, { token: admin })).body.items as { raterType: string; raterCode: string; link: string }[];
    token = links.find((l) => l.raterCode === uscc)!.link.split('/s/')[1]!;
    districtToken = links.find((l) => l.raterType === 'district')!.link.split('/s/')[1]!;
    const campaign = (await api.request('GET', `/api/campaigns/${campaignId}`, { token: admin })).body;
    evaluationId = campaign.evaluations.find((e: { kind: string }) => e.kind === 'enterprise-rates-departments').id;
  });

  it('takes complaints only while the campaign is open', async () => {
    const early = await api.request('POST', `/api/s/${token}/cases`, { body: { text: '太早了' }, headers: en });
    expect([early.status, early.body.code]).toEqual([409, 'CAMPAIGN_NOT_OPEN']);
    await api.request('POST', `/api/campaigns/${campaignId}/open`, { token: admin });
  });

  it('raises a complaint, follows it to the reply, and rates the handling (回访)', async () => {
    const raised = await api.request('POST', `/api/s/${token}/cases`, { body: { text: '海关查验等待时间过长。', identityShared: true } });
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({ source: 'complaint', status: 'new', identityShared: true, reply: null, canRate: false });
    const id = raised.body.id;
    const early = await api.request('POST', `/api/s/${token}/cases/${id}/rating`, { body: { rating: 'satisfied' }, headers: en });
    expect([early.status, early.body.errors[0].message]).toEqual([409, 'The handling can be rated once the unit has replied.']);

    await act(admin, id, 'assign', { unitCode: 'D02' });
    // The unit sees who raised it: the enterprise agreed.
    expect((await api.request('GET', `/api/cases/${id}`, { token: taxBureau })).body.enterprise).toMatchObject({ uscc });
    await act(taxBureau, id, 'reply', { text: '已与海关协调，开通绿色通道。' });
    const seen = (await api.request('GET', `/api/s/${token}/cases`)).body.find((c: { id: string }) => c.id === id);
    expect(seen).toMatchObject({ status: 'replied', reply: '已与海关协调，开通绿色通道。', unit: { code: 'D02' }, canRate: true });
    const rated = await api.request('POST', `/api/s/${token}/cases/${id}/rating`, { body: { rating: 'basically' } });
    expect([rated.status, rated.body.handlingRating]).toEqual([200, 'basically']);
    const detail = (await api.request('GET', `/api/cases/${id}`, { token: admin })).body;
    expect(detail.events.at(-1)).toMatchObject({ actorKind: 'enterprise', action: 'rate', note: 'basically' });
    expect((await api.request('POST', `/api/s/${token}/cases/${id}/rating`, { body: { rating: 'great' } })).status).toBe(400);
  });

  it('refuses complaints from a district government\'s link and from unknown links, and empty texts', async () => {
    expect((await api.request('POST', `/api/s/${districtToken}/cases`, { body: { text: '区里的问题' } })).status).toBe(403);
    expect((await api.request('POST', '/api/s/AAAAAAAAAAAAAAAAAAAAAA/cases', { body: { text: '问题' } })).status).toBe(404);
    expect((await api.request('GET', '/api/s/AAAAAAAAAAAAAAAAAAAAAA/cases')).status).toBe(404);
    expect((await api.request('POST', `/api/s/${token}/cases`, { body: { text: '' } })).status).toBe(400);
  });

  it('turns the "problems met" answer of a submitted ballot into a case for the office, once', async () => {
    const problems = '消防验收排期太久，影响投产。';
    const ratings = [{ target: 'D03', attitude: 'satisfied', efficiency: 'dissatisfied', lawful: 'satisfied', transparency: 'basically', integrity: 'satisfied' }];
    expect((await api.request('POST', `/api/s/${token}/${evaluationId}/submit`, { body: { data: { ratings, problems } } })).status).toBe(201);
    const list = async () => (await api.request('GET', `/api/campaigns/${campaignId}/cases`, { token: admin })).body as { source: string; text: string; status: string; enterprise: { uscc: string } | null }[];
    const fromBallots = (await list()).filter((c) => c.source === 'ballot');
    expect(fromBallots).toHaveLength(1);
    expect(fromBallots[0]).toMatchObject({ text: problems, status: 'new', enterprise: { uscc } });
    expect((await list()).filter((c) => c.source === 'ballot')).toHaveLength(1);
    // The enterprise follows it through its link too.
    expect((await api.request('GET', `/api/s/${token}/cases`)).body.some((c: { source: string; text: string }) => c.source === 'ballot' && c.text === problems)).toBe(true);
  });
});

it('reports each unit\'s case figures for a period, and a unit its own line only', async () => {
  const figures = await api.request('GET', `/api/campaigns/${campaignId}/case-figures`, { token: admin });
  expect(figures.status).toBe(200);
  const byCode = Object.fromEntries(figures.body.units.map((u: { unit: { code: string } }) => [u.unit.code, u]));
  // D02 in this file: closed — the first case, the closed one of the 409 test, the complaint's is replied, others open.
  const d02 = byCode.D02;
  const d02Cases = (await api.request('GET', `/api/campaigns/${campaignId}/cases`, { token: admin })).body.filter((c: { unit: { code: string } | null; status: string }) => c.unit?.code === 'D02' && c.status !== 'merged' && c.status !== 'rejected');
  const closed = d02Cases.filter((c: { status: string }) => c.status === 'closed').length;
  expect(d02).toMatchObject({ unit: { kind: 'department', code: 'D02' }, acceptedInPeriod: d02Cases.length, carriedOver: 0, closedInPeriod: closed, closureRate: closed / d02Cases.length, overdueAtCutoff: 0 });
  expect(d02.rectificationApplies).toBe(1);
  expect(d02.rectificationRate).toBe(1);
  expect(byCode.Q01.overdueAtCutoff).toBe(1);

  const own = (await api.request('GET', `/api/campaigns/${campaignId}/case-figures`, { token: taxBureau })).body.units;
  expect(own.map((u: { unit: { code: string } }) => u.unit.code)).toEqual(['D02']);
  const backwards = await api.request('GET', `/api/campaigns/${campaignId}/case-figures?from=2026-06-30&to=2026-06-01`, { token: admin, headers: en });
  expect([backwards.status, backwards.body.errors[0].message]).toEqual([400, 'The last day cannot be before the first.']);
});

describe('the working-day calendar', () => {
  const calendar = () => api.request('GET', '/api/working-day-calendar', { token: taxBureau });
  it('shows the built-in years and lets the office set its own version of a year, checked, and go back', async () => {
    const years = (await calendar()).body as { year: number; source: string; holidays: string[]; workdays: string[] }[];
    expect(years.find((y) => y.year === 2026)).toMatchObject({ source: 'built-in', workdays: expect.arrayContaining(['2026-02-14', '2026-02-28']) });

    const weekend = await api.request('PUT', '/api/working-day-calendar/2027', { token: admin, body: { holidays: ['2027-01-02'], workdays: [] }, headers: en });
    expect([weekend.status, weekend.body.errors[0].message]).toEqual([400, '2027: 2027-01-02 is a weekend day, already a day off; list only holidays that fall on weekdays']);
    const saved = await api.request('PUT', '/api/working-day-calendar/2027', { token: admin, body: { holidays: ['2027-01-01', '2027-02-08'], workdays: ['2027-02-06'] } });
    expect(saved.body).toEqual({ year: 2027, source: 'office', holidays: ['2027-01-01', '2027-02-08'], workdays: ['2027-02-06'] });
    expect((await api.request('PUT', '/api/working-day-calendar/2027', { token: taxBureau, body: { holidays: [], workdays: [] } })).status).toBe(403);
    expect((await api.request('PUT', '/api/working-day-calendar/1999', { token: admin, body: { holidays: [], workdays: [] } })).status).toBe(400);

    expect((await api.request('DELETE', '/api/working-day-calendar/2027', { token: admin })).body.source).toBe('none');
    expect((await api.request('DELETE', '/api/working-day-calendar/2027', { token: admin })).status).toBe(404);
  });
});

it('exports the cases and the figures to Excel', async () => {
  const file = await api.download(`/api/campaigns/${campaignId}/cases.xlsx`, admin);
  expect(file.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
  const rows = (name: string) => {
    const found: string[][] = [];
    workbook.getWorksheet(name)!.eachRow((row) => found.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
    return found;
  };
  const cases = rows('案件 Cases');
  expect(cases[0]).toEqual(expect.arrayContaining(['编号 No.', '问题 Problem', '承办单位 Unit']));
  expect(cases.some((r) => r[0] === '2026-0001' && r[2] === '已办结' && r[6] === 'D02 市税务局')).toBe(true);
  expect(rows('办理情况 Figures').some((r) => r[0] === 'D02 市税务局')).toBe(true);
});

it('lets the office add, rename, reorder and retire case categories; a retired one is offered no more', async () => {
  const list = async () => (await api.request('GET', '/api/case-categories', { token: taxBureau })).body as { code: string; nameZh: string; position: number; active: boolean }[];
  expect((await list()).map((c) => c.nameZh)).toEqual(['用地', '用工', '审批', '执法检查', '税费', '融资', '其他']);
  const added = await api.request('POST', '/api/case-categories', { token: admin, body: { code: 'customs', nameZh: '通关', nameEn: 'Customs clearance' } });
  expect([added.status, added.body]).toEqual([201, { code: 'customs', nameZh: '通关', nameEn: 'Customs clearance', position: 8, active: true }]);
  expect((await api.request('POST', '/api/case-categories', { token: admin, body: { code: 'customs', nameZh: '重复', nameEn: 'Again' } })).status).toBe(409);
  expect((await api.request('POST', '/api/case-categories', { token: admin, body: { code: 'Bad Code', nameZh: '坏', nameEn: 'Bad' } })).status).toBe(400);
  expect((await api.request('PATCH', '/api/case-categories/customs', { token: admin, body: { nameZh: '通关便利', position: 1 } })).body).toMatchObject({ nameZh: '通关便利', position: 1 });
  expect((await list())[0]!.code).toBe('customs');
  await api.request('PATCH', '/api/case-categories/finance', { token: admin, body: { active: false } });
  expect((await create({ text: '融资难', categoryCode: 'finance' })).body.errors[0].message).toBe('There is no case category with code finance.');
  expect((await api.request('PATCH', '/api/case-categories/customs', { token: taxBureau, body: { active: false } })).status).toBe(403);
  expect((await api.request('PATCH', '/api/case-categories/nothing', { token: admin, body: { active: false } })).status).toBe(404);
});
