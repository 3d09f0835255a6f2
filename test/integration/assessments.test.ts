import { DataSource } from 'typeorm';
import { csv, readXlsx, xlsx } from '../support/directory-files.js';
import { importSmallDirectory } from '../support/small-directory.js';
import { TestApp } from '../support/test-app.js';

/** The office's inspection scores, self-inspection, objective indicators and vetoes per unit. */
let api: TestApp;
let db: DataSource;
let admin: string;
let viewer: string;
let campaignId: string;

beforeAll(async () => {
  api = await TestApp.start();
  db = api.app.get(DataSource);
  admin = await api.loginAsAdmin();
  await importSmallDirectory(api, admin, 2);
  campaignId = await newCampaign('2026 服务月');
  viewer = (await api.userWithRole('viewer', admin)).token;
});
afterAll(async () => {
  await api?.close();
});

const en = { 'accept-language': 'en' };
const route = (id = campaignId) => `/api/campaigns/${id}/assessments`;
const list = (id = campaignId, token = admin) => api.request('GET', route(id), { token });
const save = (items: Record<string, unknown>[], options: { id?: string; token?: string } = {}) =>
  api.request('PUT', route(options.id), { token: options.token ?? admin, body: { items }, headers: en });
const importFile = (name: string, content: Buffer | string, options: { id?: string; dryRun?: boolean } = {}) =>
  api.upload(`${route(options.id)}/import${options.dryRun ? '?dryRun=true' : ''}`, { name, content }, {}, admin);

async function newCampaign(title: string): Promise<string> {
  const created = await api.request('POST', '/api/campaigns', { token: admin, body: { title, year: 2026, template: 'service-month' } });
  if (created.status !== 201) throw new Error(`could not create a campaign: ${created.status} ${created.text}`);
  return created.body.id as string;
}

/** The rows of unit_assessments, for checking that a refused request wrote nothing. */
async function stored(id = campaignId): Promise<unknown[]> {
  return db.query('SELECT * FROM unit_assessments WHERE campaign_id = $1 ORDER BY id', [id]);
}

function unit(units: Record<string, any>[], unitType: string, code: string) {
  return units.find((u) => u.unitType === unitType && u.code === code)!;
}

it('lists every department, then every district, with nulls where nothing was entered', async () => {
  const fresh = await newCampaign('2026 空白');
  const response = await list(fresh, viewer);
  expect(response.status).toBe(200);
  expect(response.body.map((u: { unitType: string; code: string }) => `${u.unitType}:${u.code}`)).toEqual(['department:D01', 'department:D02', 'department:D03', 'district:Q01', 'district:Q02']);
  expect(response.body[0]).toEqual({
    unitType: 'department', code: 'D01', nameZh: '市商务局', nameEn: 'Municipal Bureau of Commerce', category: '综合管理类',
    inspectionScore: null, selfInspectionScore: null, selfInspectionComplete: false, objectiveScore: null, vetoReason: null, updatedAt: null,
  });
  expect(response.body[3]).toMatchObject({ unitType: 'district', code: 'Q01', category: '县(市)、区', selfInspectionComplete: null });
  expect(response.body[4]).toMatchObject({ code: 'Q02', category: '开发区' });
  expect((await list('00000000-0000-4000-8000-000000000000')).status).toBe(404);
});

it('saves, keeps what is left out, clears what is null, and returns every unit', async () => {
  const first = await save([
    { unitType: 'department', code: 'D01', inspectionScore: 92.5, selfInspectionScore: 88, selfInspectionComplete: true },
    { unitType: 'district', code: 'Q01', objectiveScore: 76, vetoReason: '  发生重大涉企服务投诉，经查属实  ' },
  ]);
  expect(first.status).toBe(200);
  expect([first.body.updated, first.body.unchanged]).toEqual([2, 0]);
  expect(unit(first.body.assessments, 'department', 'D01')).toMatchObject({ inspectionScore: 92.5, selfInspectionScore: 88, selfInspectionComplete: true, objectiveScore: null, vetoReason: null });
  const q01 = unit(first.body.assessments, 'district', 'Q01');
  expect(q01).toMatchObject({ objectiveScore: 76, vetoReason: '发生重大涉企服务投诉，经查属实' });
  expect(Date.parse(q01.updatedAt)).toBeGreaterThan(Date.now() - 60_000);

  const second = await save([
    { unitType: 'department', code: 'D01', inspectionScore: 95 },
    { unitType: 'district', code: 'Q01', vetoReason: null },
    { unitType: 'department', code: 'D02' },
  ]);
  expect([second.body.updated, second.body.unchanged]).toEqual([2, 1]);
  const units = (await list(campaignId, viewer)).body;
  expect(unit(units, 'department', 'D01')).toMatchObject({ inspectionScore: 95, selfInspectionScore: 88, selfInspectionComplete: true });
  expect(unit(units, 'district', 'Q01')).toMatchObject({ objectiveScore: 76, vetoReason: null });
  expect(Date.parse(unit(units, 'district', 'Q01').updatedAt)).toBeGreaterThan(Date.parse(q01.updatedAt));
  // A unit given nothing new gets no row.
  expect(unit(units, 'department', 'D02').updatedAt).toBeNull();

  const audit = await db.query(`SELECT status_code, entity, entity_id, before, after FROM audit_log WHERE action = 'AssessmentsController.saveAssessments' ORDER BY id DESC LIMIT 1`);
  expect(audit[0]).toMatchObject({ status_code: 200, entity: 'campaign.assessments', entity_id: campaignId });
  expect(audit[0].before['department:D01']).toMatchObject({ inspectionScore: 92.5 });
  expect(audit[0].after['department:D01']).toMatchObject({ inspectionScore: 95 });
  expect(audit[0].after['district:Q01']).toMatchObject({ vetoReason: null });
  expect(Object.keys(audit[0].after).sort()).toEqual(['department:D01', 'district:Q01']);
});

it('refuses every bad item with 422 naming it and its field, and writes nothing', async () => {
  await save([{ unitType: 'department', code: 'D03', inspectionScore: 80 }]);
  const before = await stored();
  const good = { unitType: 'department', code: 'D03', inspectionScore: 60 };
  const cases: [Record<string, unknown>, string, string][] = [
    [{ unitType: 'department', code: 'D02', inspectionScore: 101 }, 'items[1].inspectionScore', 'must be a number from 0 to 100'],
    [{ unitType: 'department', code: 'D02', inspectionScore: -1 }, 'items[1].inspectionScore', 'must be a number from 0 to 100'],
    [{ unitType: 'department', code: 'D02', selfInspectionScore: '90' }, 'items[1].selfInspectionScore', 'must be a number from 0 to 100'],
    [{ unitType: 'district', code: 'Q02', objectiveScore: 100.5 }, 'items[1].objectiveScore', 'must be a number from 0 to 100'],
    [{ unitType: 'department', code: 'D77', inspectionScore: 70 }, 'items[1].code', 'there is no department with the code "D77"'],
    [{ unitType: 'district', code: 'D01', inspectionScore: 70 }, 'items[1].code', 'there is no district with the code "D01"'],
    [{ unitType: 'bureau', code: 'D01' }, 'items[1].unitType', 'the type must be department or district'],
    [{ unitType: 'department', code: 'D02', objectiveScore: 50 }, 'items[1].objectiveScore', 'objective indicators are entered for districts only, not for departments'],
    [{ unitType: 'district', code: 'Q02', selfInspectionScore: 50 }, 'items[1].selfInspectionScore', 'self-inspection applies to departments only, not to districts'],
    [{ unitType: 'district', code: 'Q02', selfInspectionComplete: true }, 'items[1].selfInspectionComplete', 'self-inspection applies to departments only, not to districts'],
    [{ unitType: 'department', code: 'D02', selfInspectionComplete: '是' }, 'items[1].selfInspectionComplete', 'must be true or false'],
    [{ unitType: 'department', code: 'D02', vetoReason: '   ' }, 'items[1].vetoReason', 'a veto needs a reason; to lift the veto, clear the reason (null)'],
    [{ unitType: 'department', code: 'D02', vetoReason: '否'.repeat(2001) }, 'items[1].vetoReason', 'the reason is too long (at most 2000 characters)'],
    [{ unitType: 'department', code: 'D03', inspectionScore: 70 }, 'items[1].code', 'names the same unit as items[0] (D03)'],
  ];
  for (const [item, field, message] of cases) {
    const response = await save([good, item]);
    expect([response.status, response.body.code, response.body.errors]).toEqual([422, 'ASSESSMENTS_INVALID', [{ field, message, messages: { zh: expect.any(String), en: message } }]]);
  }
  const chinese = await api.request('PUT', route(), { token: admin, body: { items: [{ unitType: 'department', code: 'D77' }] } });
  expect(chinese.body.errors[0].message).toBe('名录中没有代码为“D77”的市级部门');
  // Every problem at once.
  const many = await save([{ unitType: 'department', code: 'D02', inspectionScore: 200, vetoReason: '' }, { unitType: 'district', code: 'Q99' }]);
  expect(many.body.errors.map((e: { field: string }) => e.field)).toEqual(['items[0].inspectionScore', 'items[0].vetoReason', 'items[1].code']);
  // A malformed body is refused before the items are looked at.
  expect((await save([{ unitType: 'department', code: 'D02', colour: 'red' }])).status).toBe(400);
  expect((await api.request('PUT', route(), { token: admin, body: { items: 'D02' } })).status).toBe(400);
  const tooMany = Array.from({ length: 2001 }, () => ({ unitType: 'department', code: 'D02' }));
  expect((await save(tooMany)).status).toBe(400);
  expect(await stored()).toEqual(before);
});

it('lets the leadership read but not change, and freezes a published campaign', async () => {
  expect((await list(campaignId, viewer)).status).toBe(200);
  const refused = await save([{ unitType: 'department', code: 'D01', inspectionScore: 10 }], { token: viewer });
  expect(refused.status).toBe(403);
  expect((await api.upload(`${route()}/import`, { name: 'a.csv', content: csv([['unit_type', 'code'], ['department', 'D01']]) }, {}, viewer)).status).toBe(403);
  expect(unit((await list()).body, 'department', 'D01').inspectionScore).toBe(95);

  const published = await newCampaign('2025 已发布');
  await save([{ unitType: 'department', code: 'D01', inspectionScore: 90 }], { id: published });
  await db.query(`UPDATE campaigns SET status = 'published', published_at = now() WHERE id = $1`, [published]);
  const before = await stored(published);
  const frozen = await save([{ unitType: 'department', code: 'D01', inspectionScore: 10 }], { id: published });
  expect([frozen.status, frozen.body.code]).toEqual([409, 'RESULTS_FROZEN']);
  const frozenImport = await importFile('a.csv', csv([['unit_type', 'code', 'inspection_score'], ['department', 'D01', '10']]), { id: published });
  expect([frozenImport.status, frozenImport.body.code]).toEqual([409, 'RESULTS_FROZEN']);
  expect(await stored(published)).toEqual(before);
  // Reading and exporting still work.
  expect(unit((await list(published)).body, 'department', 'D01').inspectionScore).toBe(90);
  expect((await api.download(`${route(published)}.xlsx`, viewer)).status).toBe(200);
});

it('takes back the confirmation of the awards when an assessment changes, and only then', async () => {
  const id = await newCampaign('2026 确认');
  const [{ id: adminId }] = await db.query('SELECT id FROM users WHERE username = $1', ['office-admin']);
  await db.query(
    `INSERT INTO result_snapshots (campaign_id, config_hash, body_hash, computed_at, body, awards_confirmed_at, awards_confirmed_by) VALUES ($1, 'c', 'b', now(), '{}', now(), $2)`,
    [id, adminId],
  );
  const confirmation = async () => (await db.query('SELECT awards_confirmed_at, awards_confirmed_by FROM result_snapshots WHERE campaign_id = $1', [id]))[0];

  // Nothing new: the confirmation stands.
  expect((await save([{ unitType: 'department', code: 'D01', inspectionScore: null }], { id })).body.updated).toBe(0);
  expect((await confirmation()).awards_confirmed_by).toBe(adminId);
  // A refused save changes nothing either.
  expect((await save([{ unitType: 'department', code: 'D01', inspectionScore: 900 }], { id })).status).toBe(422);
  expect((await confirmation()).awards_confirmed_by).toBe(adminId);

  expect((await save([{ unitType: 'district', code: 'Q02', vetoReason: '弄虚作假' }], { id })).body.updated).toBe(1);
  expect(await confirmation()).toEqual({ awards_confirmed_at: null, awards_confirmed_by: null });

  await db.query('UPDATE result_snapshots SET awards_confirmed_at = now(), awards_confirmed_by = $2 WHERE campaign_id = $1', [id, adminId]);
  const imported = await importFile('veto.csv', csv([['unit_type', 'code', 'veto_reason'], ['district', 'Q02', '弄虚作假，已核实']]), { id });
  expect(imported.body).toEqual({ updated: 1, unchanged: 0, dryRun: false });
  expect(await confirmation()).toEqual({ awards_confirmed_at: null, awards_confirmed_by: null });
});

it('imports a workbook with Chinese headers and 部门/区县, after a dry run that writes nothing', async () => {
  const id = await newCampaign('2026 导入');
  const file = await xlsx([
    ['类型', '代码', '责任书检查得分', '自查得分', '自查材料齐全 (是/否)', '客观指标得分', '一票否决原因'],
    ['部门', 'D01', 91, 85.5, '是', '', ''],
    ['部门', 'D02', 78, 70, '否', '', '未按要求整改'],
    ['区县', 'Q01', 88, '', '', 81, ''],
    ['区县', 'Q02', '', '', '', '', ''],
  ]);
  const dry = await importFile('检查评分.xlsx', file, { id, dryRun: true });
  expect([dry.status, dry.body]).toEqual([200, { updated: 3, unchanged: 1, dryRun: true }]);
  expect(await stored(id)).toEqual([]);

  const done = await importFile('检查评分.xlsx', file, { id });
  expect(done.body).toEqual({ updated: 3, unchanged: 1, dryRun: false });
  const units = (await list(id)).body;
  expect(unit(units, 'department', 'D01')).toMatchObject({ inspectionScore: 91, selfInspectionScore: 85.5, selfInspectionComplete: true, vetoReason: null });
  expect(unit(units, 'department', 'D02')).toMatchObject({ inspectionScore: 78, selfInspectionScore: 70, selfInspectionComplete: false, vetoReason: '未按要求整改' });
  expect(unit(units, 'district', 'Q01')).toMatchObject({ inspectionScore: 88, objectiveScore: 81, selfInspectionComplete: null });
  expect(unit(units, 'district', 'Q02').updatedAt).toBeNull();

  // The same file again changes nothing; a column left out keeps its values.
  expect((await importFile('检查评分.xlsx', file, { id })).body).toEqual({ updated: 0, unchanged: 4, dryRun: false });
  const partial = await importFile('scores.csv', csv([['unit_type', 'code', 'inspection_score'], ['department', 'D02', '80']]), { id });
  expect(partial.body).toEqual({ updated: 1, unchanged: 0, dryRun: false });
  expect(unit((await list(id)).body, 'department', 'D02')).toMatchObject({ inspectionScore: 80, selfInspectionScore: 70, vetoReason: '未按要求整改' });
  // An empty cell clears.
  await importFile('scores.csv', csv([['unit_type', 'code', 'veto_reason'], ['department', 'D02', '']]), { id });
  expect(unit((await list(id)).body, 'department', 'D02').vetoReason).toBeNull();
});

it('refuses a file with any bad row, naming the row, the column and an unknown code, and writes nothing', async () => {
  const id = await newCampaign('2026 导入错误');
  await save([{ unitType: 'department', code: 'D01', inspectionScore: 50 }], { id });
  const before = await stored(id);
  const file = csv([
    ['unit_type', 'code', 'inspection_score', 'self_inspection_score', 'self_inspection_complete', 'objective_score', 'veto_reason'],
    ['department', 'D01', '99', '', '是', '', ''],
    ['department', 'D88', '70', '', '', '', ''],
    ['district', 'Q01', '120', '60', '', '', ''],
    ['department', 'D02', 'abc', '', '也许', '40', ''],
    ['部委', 'D03', '', '', '', '', ''],
    ['department', 'D01', '98', '', '', '', ''],
    ['district', 'Q02', '', '', '', '', '否'.repeat(2001)],
  ]);
  for (const dryRun of [true, false]) {
    const response = await importFile('bad.csv', file, { id, dryRun });
    expect([response.status, response.body.code]).toEqual([422, 'IMPORT_INVALID']);
    expect(response.body.errors.map((e: { row: number; column: string; messages: { en: string } }) => [e.row, e.column, e.messages.en])).toEqual([
      [3, 'code', 'there is no department with the code "D88"'],
      [4, 'inspection_score', 'must be a number from 0 to 100'],
      [4, 'self_inspection_score', 'self-inspection applies to departments only, not to districts'],
      [5, 'inspection_score', 'must be a number from 0 to 100'],
      [5, 'self_inspection_complete', 'must be yes (是) or no (否)'],
      [5, 'objective_score', 'objective indicators are entered for districts only, not for departments'],
      [6, 'unit_type', 'the type must be department or district'],
      [7, 'code', 'duplicates row 2: D01'],
      [8, 'veto_reason', 'the reason is too long (at most 2000 characters)'],
    ]);
  }
  const missing = await importFile('bad.csv', csv([['代码', '责任书检查得分'], ['D01', '90']]), { id });
  expect([missing.status, missing.body.errors]).toEqual([422, [{ row: 1, column: 'unit_type', message: '缺少必填列“类型”（unit_type）', messages: expect.any(Object) }]]);
  expect((await importFile('scores.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), { id })).status).toBe(415);
  expect(await stored(id)).toEqual(before);
});

it('exports the current values in the import\'s columns, and the export imports back unchanged', async () => {
  const id = await newCampaign('2026 导出');
  await save([
    { unitType: 'department', code: 'D02', inspectionScore: 83.25, selfInspectionScore: 90, selfInspectionComplete: true, vetoReason: '=弄虚作假' },
    { unitType: 'district', code: 'Q02', objectiveScore: 66 },
  ], { id });
  const file = await api.download(`${route(id)}.xlsx`, admin);
  expect(file.status).toBe(200);
  expect(file.headers.get('content-disposition')).toContain("filename*=UTF-8''");
  // Empty cells come back as holes.
  const rows = (await readXlsx(file.bytes)).map((row) => Array.from(row, (cell) => cell ?? ''));
  expect(rows[0]).toEqual(['unit_type', 'code', 'name', 'inspection_score', 'self_inspection_score', 'self_inspection_complete', 'objective_score', 'veto_reason']);
  expect(rows.slice(1).map((r) => r.slice(0, 2).join(':'))).toEqual(['department:D01', 'department:D02', 'department:D03', 'district:Q01', 'district:Q02']);
  expect(rows[2]).toEqual(['department', 'D02', '市税务局', '83.25', '90', '是', '', "'=弄虚作假"]);
  expect(rows[5]).toEqual(['district', 'Q02', '江州经济技术开发区', '', '', '', '66']);

  const back = await importFile('assessments.xlsx', file.bytes, { id });
  expect(back.body).toEqual({ updated: 0, unchanged: 5, dryRun: false });
  expect(unit((await list(id)).body, 'department', 'D02').vetoReason).toBe('=弄虚作假');
});
