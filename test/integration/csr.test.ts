import ExcelJS from 'exceljs';
import { closeAndCompute, recompute } from '../support/campaign-with-results.js';
import { CSR_DECLARATIONS, openCampaignWithDeclarations, type CsrCampaign } from '../support/csr-campaign.js';
import { csv } from '../support/directory-files.js';
import { usccs } from '../support/small-directory.js';
import { TestApp } from '../support/test-app.js';

/**
 * 社会责任先进企业 through the public API (SCORING.md §4): eight declarations submitted through
 * the enterprises' links (test/support/csr-campaign.ts), the office's verification, a correction
 * and the authorities' file, then the ranking the results compute, checked against the
 * arithmetic written out below; the award proposed, overridden, confirmed and published; and
 * every kind of bad input refused with nothing written.
 */
let api: TestApp;
let admin: string;
let campaign: CsrCampaign;

const en = { 'accept-language': 'en' };
const route = (path = '') => `/api/campaigns/${campaign.campaignId}${path}`;
const declarations = async () => (await api.request('GET', route('/csr/declarations'), { token: admin })).body as any[];
const figureOf = (list: any[], uscc: string, figure: string) => list.find((d) => d.uscc === uscc).figures.find((f: { figure: string }) => f.figure === figure);
const check = (uscc: string, figure: string, body: unknown) => api.request('PUT', route(`/csr/declarations/${uscc}/figures/${figure}`), { token: admin, body, headers: en });
const importFile = (content: string, dryRun: boolean, name = 'authorities.csv') =>
  api.upload(route(`/csr/authoritative/import?dryRun=${dryRun}`), { name, content }, {}, admin);
const results = async (token = admin) => (await api.request('GET', route('/results'), { token })).body;
const entry = (body: any, uscc: string) => body.csr.enterprises.find((e: { uscc: string }) => e.uscc === uscc);

beforeAll(async () => {
  api = await TestApp.start();
  admin = await api.loginAsAdmin();
  campaign = await openCampaignWithDeclarations(api, admin);
});
afterAll(async () => {
  await api?.close();
});

describe('declaring', () => {
  it('lists every submitted declaration with each figure as declared', async () => {
    const list = await declarations();
    expect(list.map((d) => d.uscc).sort()).toEqual(Object.values(campaign.uscc).sort());
    const a = list.find((d) => d.uscc === campaign.uscc.A);
    expect(a).toMatchObject({ sizeBand: 'small', voided: false, receipt: expect.any(String) });
    expect(a.figures).toHaveLength(14);
    expect(figureOf(list, campaign.uscc.A, 'tax_paid')).toMatchObject({ declared: 1000, value: 1000, source: 'declared', previous: null });
    expect(list.find((d) => d.uscc === campaign.uscc.H).sizeBand).toBeNull();
  });

  it('takes one declaration per enterprise: the same again gets the same receipt, different figures are refused', async () => {
    const evaluation = campaign.evaluations['csr-declaration'];
    const again = await api.request('POST', `/api/s/${campaign.tokens.A}/${evaluation}/submit`, { body: { data: CSR_DECLARATIONS.A } });
    expect(again.status).toBe(200);
    const changed = await api.request('POST', `/api/s/${campaign.tokens.A}/${evaluation}/submit`, { body: { data: { ...CSR_DECLARATIONS.A, tax_paid: 99999 } }, headers: en });
    expect(changed.status).toBe(409);
    expect(figureOf(await declarations(), campaign.uscc.A, 'tax_paid').declared).toBe(1000);
  });

  it('refuses negative and non-numeric figures in a declaration', async () => {
    const links: { raterType: string; raterCode: string; link: string }[] = (await api.request('GET', route('/invitations?pageSize=100'), { token: admin })).body.items;
    const token = links.find((l) => l.raterType === 'enterprise' && !Object.values(campaign.uscc).includes(l.raterCode))!.link.split('/s/')[1];
    const evaluation = campaign.evaluations['csr-declaration'];
    const negative = await api.request('POST', `/api/s/${token}/${evaluation}/submit`, { body: { data: { ...CSR_DECLARATIONS.B, tax_paid: -5 } }, headers: en });
    expect(negative.status).toBe(422);
    expect(negative.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'tax_paid' })]));
    const text = await api.request('POST', `/api/s/${token}/${evaluation}/submit`, { body: { data: { ...CSR_DECLARATIONS.B, donations: 'a lot' } }, headers: en });
    expect(text.status).toBe(422);
    expect(text.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'donations' })]));
    expect(await declarations()).toHaveLength(8);
  });
});

describe('verifying', () => {
  it('marks a declared figure verified', async () => {
    const response = await check(campaign.uscc.A, 'tax_paid', { action: 'verify' });
    expect(response.status).toBe(200);
    expect(figureOf([response.body], campaign.uscc.A, 'tax_paid')).toMatchObject({ declared: 1000, value: 1000, source: 'verified', reason: null, updatedAt: expect.any(String) });
  });

  it('corrects a figure with the old and new value and the reason, audited', async () => {
    const response = await check(campaign.uscc.B, 'employees', { action: 'correct', value: 60, reason: '社保参保人数为 60 人' });
    expect(response.status).toBe(200);
    expect(figureOf([response.body], campaign.uscc.B, 'employees')).toMatchObject({ declared: 50, value: 60, previous: 50, source: 'corrected', reason: '社保参保人数为 60 人' });
    const audit = (await api.request('GET', '/api/audit?limit=20', { token: admin })).body.items as any[];
    expect(audit.find((e) => e.entity === 'csr.figure' && e.entityId.endsWith(`${campaign.uscc.B}:employees`))).toMatchObject({
      before: { value: 50, source: 'declared' }, after: { value: 60, source: 'corrected', reason: '社保参保人数为 60 人' },
    });
  });

  it.each([
    ['a negative figure', 'employees', { action: 'correct', value: -1, reason: 'x' }, 'value', 'at least 0'],
    ['text for a number', 'tax_paid', { action: 'correct', value: 'many', reason: '核对' }, 'value', 'number'],
    ['a coverage above 100', 'social_insurance_coverage', { action: 'correct', value: 120, reason: '核对' }, 'value', 'from 0 to 100'],
    ['a correction without a reason', 'tax_paid', { action: 'correct', value: 90 }, 'reason', 'needs a reason'],
    ['a yes/no given as text', 'union', { action: 'correct', value: 'yes', reason: '核对' }, 'value', 'yes'],
    ['an unknown certification', 'env_certifications', { action: 'correct', value: ['iso9001'], reason: '核对' }, 'value', 'certification'],
    ['an unknown figure', 'turnover', { action: 'verify' }, 'figure', 'no such figure'],
  ])('refuses %s with a message naming the field, and saves nothing', async (_case, figure, body, field, words) => {
    const before = await declarations();
    const response = await check(campaign.uscc.B, figure, body);
    expect([response.status, response.body.code]).toEqual([422, 'CSR_FIGURE_INVALID']);
    expect(response.body.errors).toEqual([expect.objectContaining({ field, message: expect.stringContaining(words), messages: { zh: expect.any(String), en: expect.any(String) } })]);
    expect(await declarations()).toEqual(before);
  });

  it('answers 404 for an enterprise that has not declared', async () => {
    const response = await check('91110000000000000X', 'tax_paid', { action: 'verify' });
    expect([response.status, response.body.code]).toEqual([404, 'CSR_DECLARATION_NOT_FOUND']);
  });

  it('takes back its own correction, by verifying or by putting the declared figure back', async () => {
    await check(campaign.uscc.F, 'revenue', { action: 'correct', value: 1, reason: '误录' });
    const verified = await check(campaign.uscc.F, 'revenue', { action: 'verify' });
    expect(figureOf([verified.body], campaign.uscc.F, 'revenue')).toMatchObject({ value: 50000, previous: 1, source: 'verified' });
    await check(campaign.uscc.F, 'tax_paid', { action: 'correct', value: 1, reason: '误录' });
    const reset = await api.request('DELETE', route(`/csr/declarations/${campaign.uscc.F}/figures/tax_paid`), { token: admin });
    expect(reset.status).toBe(200);
    expect(figureOf([reset.body], campaign.uscc.F, 'tax_paid')).toMatchObject({ value: 2000, source: 'declared', previous: null });
  });
});

describe("the authorities' file", () => {
  const header = ['统一社会信用代码', '数据来源', '纳税总额（万元）', '重大环境行政处罚'];

  it('refuses a file with an unknown USCC, a duplicate row or a bad value, listing every problem, and writes nothing', async () => {
    const before = await declarations();
    const file = csv([
      header,
      [campaign.uscc.C, '市税务局', '12', ''],
      [usccs(13)[12]!, '', '5', ''],
      ['9111-not-a-code', '', '5', ''],
      [campaign.uscc.C, '', '13', ''],
      [campaign.uscc.E, '', '-3', '也许'],
    ]);
    const response = await importFile(file, false);
    expect([response.status, response.body.code]).toEqual([422, 'IMPORT_INVALID']);
    expect(response.body.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([[3, 'uscc'], [4, 'uscc'], [5, 'uscc'], [6, 'tax_paid'], [6, 'env_penalty']]);
    expect(response.body.errors[0].messages.zh).toContain('名录中没有');
    expect(response.body.errors[1].messages.zh).toContain('不是有效的统一社会信用代码');
    expect(response.body.errors[2].messages.zh).toContain('与第 2 行是同一企业');
    expect(await declarations()).toEqual(before);
  });

  it('gives a template of the declaring enterprises that imports back as it is filled in', async () => {
    const template = await api.download(route('/csr/authoritative-template.xlsx'), admin);
    expect(template.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['uscc', 'authority', 'tax_paid', 'env_penalty']));
    expect(sheet.rowCount).toBe(1 + 8);
    // Imported back empty, it changes nothing.
    const empty = await api.upload(route('/csr/authoritative/import?dryRun=true'), { name: 'template.xlsx', content: template.bytes }, {}, admin);
    expect(empty.body).toMatchObject({ enterprises: 8, figures: 0, changed: 0 });
  });

  it('exports the declarations in columns the import does not take for authorities\' figures', async () => {
    const exported = await api.download(route('/csr/declarations.xlsx'), admin);
    expect(exported.status).toBe(200);
    const again = await api.upload(route('/csr/authoritative/import?dryRun=true'), { name: 'declarations.xlsx', content: exported.bytes }, {}, admin);
    expect([again.status, again.body.code]).toEqual([422, 'IMPORT_INVALID']);
  });

  it('reads a coverage formatted as a percentage in Excel as the percentage shown, not the fraction stored', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('社保');
    sheet.addRow(['统一社会信用代码', '社会保险参保率（%）']);
    sheet.addRow([campaign.uscc.H, 0.85]);
    sheet.getCell('B2').numFmt = '0%';
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const imported = await api.upload(route('/csr/authoritative/import?dryRun=false'), { name: '社保.xlsx', content }, {}, admin);
    expect(imported.status).toBe(200);
    expect(figureOf(await declarations(), campaign.uscc.H, 'social_insurance_coverage')).toMatchObject({ value: 85, source: 'authoritative', authority: '人力资源和社会保障部门' });
  });

  it('refuses a file without a figure column', async () => {
    const response = await importFile(csv([['uscc', 'note'], [campaign.uscc.C, 'x']]), false);
    expect(response.status).toBe(422);
    expect(response.body.errors[0].messages.en).toContain('no figure column');
  });

  it('checks first, then overrides the declarations with the source shown', async () => {
    const file = csv([header, [campaign.uscc.C, '市税务局', '12', ''], [campaign.uscc.E, '', '', '是']]);
    const dry = await importFile(file, true);
    expect(dry.body).toEqual({ enterprises: 2, figures: 2, changed: 2, unchanged: 0, withoutDeclaration: [], dryRun: true });
    expect(figureOf(await declarations(), campaign.uscc.C, 'tax_paid').source).toBe('declared');

    const done = await importFile(file, false);
    expect(done.body).toMatchObject({ changed: 2, dryRun: false });
    const list = await declarations();
    expect(figureOf(list, campaign.uscc.C, 'tax_paid')).toMatchObject({ declared: 10, value: 12, previous: 10, source: 'authoritative', authority: '市税务局' });
    expect(figureOf(list, campaign.uscc.E, 'env_penalty')).toMatchObject({ declared: false, value: true, source: 'authoritative', authority: '生态环境部门' });
    // The same file again changes nothing.
    expect((await importFile(file, false)).body).toMatchObject({ changed: 0, unchanged: 2 });
  });

  it('keeps an authority\'s figure until the office verifies the declaration with a reason or corrects it', async () => {
    const reset = await api.request('DELETE', route(`/csr/declarations/${campaign.uscc.C}/figures/tax_paid`), { token: admin, headers: en });
    expect([reset.status, reset.body.errors[0].field]).toEqual([422, 'figure']);
    const unexplained = await check(campaign.uscc.C, 'tax_paid', { action: 'verify' });
    expect([unexplained.status, unexplained.body.errors[0].field]).toEqual([422, 'reason']);
    expect(figureOf(await declarations(), campaign.uscc.C, 'tax_paid')).toMatchObject({ value: 12, source: 'authoritative' });
  });
});

describe('the selection', () => {
  beforeAll(async () => {
    await closeAndCompute(api, admin, campaign.campaignId);
  });

  // Small band, not vetoed: A, B (employees corrected to 60), C (tax 12 from the tax bureau).
  const ln = Math.log;
  const minMax = (x: number, min: number, max: number) => ((x - min) / (max - min)) * 100;
  const taxB = minMax(ln(101), ln(13), ln(1001)); // 47.198
  const employmentB = minMax(ln(61), ln(21), ln(201)); // 47.209
  // Weights 环保 30, 和谐劳动 20, 就业 15, 纳税 20, 公益 15.
  // A: ISO 14001 40 + green factory 30 = 70; union 30 + 70 × 100 % = 100; the band's best in tax, headcount and donations ÷ revenue.
  const compositeA = (30 * 70 + 20 * 100 + 15 * 100 + 20 * 100 + 15 * 100) / 100; // 91
  // B: ISO 14001 40; no union, 70 × 80 % = 56; donations 0 → ratio 0, the band's lowest.
  const compositeB = (30 * 40 + 20 * 56 + 15 * employmentB + 20 * taxB + 15 * 0) / 100; // 39.72
  // C: no certification 0; 30 + 70 = 100; lowest tax and headcount; revenue 0 with donations → 公益 missing, weights over 85.
  const compositeC = (30 * 0 + 20 * 100 + 15 * 0 + 20 * 0) / 85; // 23.53
  // F alone in the medium band once E is vetoed: tax, headcount and donations 50 each; ISO 50001 15; 70 × 90 % = 63.
  const compositeF = (30 * 15 + 20 * 63 + 15 * 50 + 20 * 50 + 15 * 50) / 100; // 42.1
  // G alone in the large band: ISO 14001 40; 30 + 70 × 95 % = 96.5; 50 each.
  const compositeG = (30 * 40 + 20 * 96.5 + 15 * 50 + 20 * 50 + 15 * 50) / 100; // 56.3

  it('ranks the applicants as the arithmetic says', async () => {
    const body = await results();
    const rows = body.csr.enterprises.filter((e: { rank: number | null }) => e.rank !== null);
    expect(rows.map((e: { uscc: string }) => e.uscc)).toEqual([campaign.uscc.A, campaign.uscc.G, campaign.uscc.F, campaign.uscc.B, campaign.uscc.C]);
    expect(rows.map((e: { rank: number }) => e.rank)).toEqual([1, 2, 3, 4, 5]);
    for (const [applicant, expected] of [['A', compositeA], ['B', compositeB], ['C', compositeC], ['F', compositeF], ['G', compositeG]] as const) {
      expect(entry(body, campaign.uscc[applicant]).composite).toBeCloseTo(expected, 2);
    }
    expect(entry(body, campaign.uscc.B).indicators.tax.score).toBeCloseTo(taxB, 6);
    expect(entry(body, campaign.uscc.B).indicators.employment.score).toBeCloseTo(employmentB, 6);
    expect(entry(body, campaign.uscc.C).indicators.charity.score).toBeNull();
    expect(entry(body, campaign.uscc.C).indicators.charity.weight).toBe(0);
    expect(entry(body, campaign.uscc.C).flags).toEqual(expect.arrayContaining(['营业收入为 0 而有公益捐赠，捐赠占比无法计算', '缺少公益指标，权重已重新分配']));
    expect(entry(body, campaign.uscc.F).flags).toEqual(expect.arrayContaining(['同规模组内纳税额无差异，纳税按 50 分计']));
  });

  it('shows where each figure came from', async () => {
    const body = await results();
    expect(entry(body, campaign.uscc.A).figures.tax_paid).toEqual({ value: 1000, source: 'verified' });
    expect(entry(body, campaign.uscc.B).figures.employees).toEqual({ value: 60, source: 'corrected' });
    expect(entry(body, campaign.uscc.C).figures.tax_paid).toEqual({ value: 12, source: 'authoritative' });
    // Declared figures are in the declarations, not repeated in the results.
    expect(entry(body, campaign.uscc.C).figures.employees).toBeUndefined();
  });

  it('lists the vetoed with every reason, whether declared or from the authorities, and the enterprise without a size band', async () => {
    const body = await results();
    expect(entry(body, campaign.uscc.D)).toMatchObject({ rank: null, composite: null, indicators: null, vetoReasons: ['拖欠工资'] });
    expect(entry(body, campaign.uscc.E)).toMatchObject({ rank: null, vetoReasons: ['重大环境行政处罚'] });
    expect(body.csr.unplaced).toEqual([{ uscc: campaign.uscc.H, nameZh: expect.any(String), nameEn: expect.any(String) }]);
    expect(body.csr).toMatchObject({ declarations: 8, ranked: 5 });
    expect(body.csr.bands.find((b: { sizeBand: string }) => b.sizeBand === 'small')).toMatchObject({ applicants: 4, vetoed: 1, ranked: 3 });
  });

  it('reports the rank range over the z-score and equal-weight runs', async () => {
    const body = await results();
    for (const e of body.csr.enterprises.filter((row: { rank: number | null }) => row.rank !== null)) {
      const ranks = [e.rank, e.sensitivity.zScore.rank, e.sensitivity.equalWeights.rank];
      expect(e.sensitivity.rankRange).toEqual([Math.min(...ranks), Math.max(...ranks)]);
    }
    // Equal weights: A (70+100+100+100+100)/5 = 94 stays first, C (0+100+0+0)/4 = 25 last.
    expect(entry(body, campaign.uscc.A).sensitivity.equalWeights).toEqual({ composite: 94, rank: 1 });
    expect(entry(body, campaign.uscc.C).sensitivity.equalWeights).toEqual({ composite: 25, rank: 5 });
  });

  it('proposes the top 20 % (round(0.2 × 5) = 1) for the office to confirm with the other awards', async () => {
    const body = await results();
    expect(body.csr.proposal).toEqual({ basis: 'share', count: 1, proposed: 1 });
    const csrAwards = body.awards.filter((a: { award: string }) => a.award === 'csr-enterprise');
    expect(csrAwards).toEqual([expect.objectContaining({ unitType: 'enterprise', code: campaign.uscc.A, category: '外商投资企业', rank: 1, proposed: true, awarded: true })]);
    expect(body.categories).toEqual(expect.arrayContaining([{ unitType: 'enterprise', category: '外商投资企业', eligible: 5, quota: 1 }]));
  });

  it('keeps declarations from department users', async () => {
    const department = (await api.userWithRole('department', admin, 'D01')).token;
    expect((await results(department)).csr).toBeNull();
    expect((await api.request('GET', route('/csr/declarations'), { token: department })).status).toBe(403);
  });

  it('writes a sheet and a method section in results.xlsx', async () => {
    const file = await api.download(route('/results.xlsx'), admin);
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('社会责任 CSR')!;
    expect(sheet).toBeDefined();
    const values = sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    const header = values[0] as string[];
    const first = values[1] as unknown[];
    expect(first[header.indexOf('统一社会信用代码 USCC')]).toBe(campaign.uscc.A);
    expect(first[header.indexOf('综合得分 Composite')]).toBeCloseTo(91, 2);
    const method = workbook.getWorksheet('方法 Method')!;
    const text = method.getSheetValues().flat().join('\n');
    expect(text).toContain('社会责任先进企业');
    expect(text).toContain('log');
  });

  it('takes an override with a reason; a correction after confirming makes the results outdated', async () => {
    const override = await api.request('PUT', route(`/awards/enterprise/${campaign.uscc.G}`), { token: admin, body: { awarded: true, reason: '大型企业组唯一申报，表现突出' } });
    expect(override.status).toBe(200);
    expect(override.body.find((a: { code: string }) => a.code === campaign.uscc.G)).toMatchObject({ proposed: false, awarded: true, overrideReason: '大型企业组唯一申报，表现突出' });
    expect((await api.request('POST', route('/awards/confirm'), { token: admin })).status).toBe(200);

    await check(campaign.uscc.F, 'union', { action: 'correct', value: true, reason: '已建立工会' });
    expect((await results()).awardsConfirmedAt).toBeNull();
    const outdated = await api.request('POST', route('/awards/confirm'), { token: admin });
    expect([outdated.status, outdated.body.code]).toEqual([409, 'RESULTS_OUTDATED']);
    await recompute(api, admin, campaign.campaignId);
    // F: union 30 + 63 → labour 93: 42.1 + 20 × 30 / 100 = 48.1.
    expect(entry(await results(), campaign.uscc.F).composite).toBeCloseTo(compositeF + 6, 2);
    expect((await api.request('POST', route('/awards/confirm'), { token: admin })).status).toBe(200);
  });

  it('makes the results outdated when the office takes a correction back or the directory changes a size band', async () => {
    const reset = await api.request('DELETE', route(`/csr/declarations/${campaign.uscc.F}/figures/union`), { token: admin });
    expect(reset.status).toBe(200);
    expect([(await api.request('POST', route('/awards/confirm'), { token: admin })).body.code]).toEqual(['RESULTS_OUTDATED']);
    await recompute(api, admin, campaign.campaignId);
    expect((await api.request('POST', route('/awards/confirm'), { token: admin })).status).toBe(200);

    const g = (await api.request('GET', `/api/directory/enterprises?q=${campaign.uscc.G}`, { token: admin })).body.items[0];
    const { nameZh, nameEn, districtCode, industry, investorCountry, contactName, contactPhone, contactEmail } = g;
    const moved = await api.request('PUT', `/api/directory/enterprises/${campaign.uscc.G}`, {
      token: admin, body: { nameZh, nameEn, districtCode, industry, investorCountry, contactName, contactPhone, contactEmail, sizeBand: 'medium' },
    });
    expect(moved.status).toBe(200);
    expect([(await api.request('POST', route('/awards/confirm'), { token: admin })).body.code]).toEqual(['RESULTS_OUTDATED']);
    await recompute(api, admin, campaign.campaignId);
    // G now shares the medium band with F: 纳税 and 就业 min–maxed between them, G the higher in both.
    expect(entry(await results(), campaign.uscc.G)).toMatchObject({ sizeBand: 'medium' });
    expect(entry(await results(), campaign.uscc.G).indicators.tax.score).toBe(100);
    expect((await api.request('POST', route('/awards/confirm'), { token: admin })).status).toBe(200);
  });

  it('refuses an award decision about an enterprise outside the selection, or for a vetoed one', async () => {
    const outsider = await api.request('PUT', route(`/awards/enterprise/${campaign.uscc.H}`), { token: admin, body: { awarded: true, reason: '表现突出' }, headers: en });
    expect([outsider.status, outsider.body.code, outsider.body.errors[0].field]).toEqual([422, 'AWARD_OVERRIDE_INVALID', 'code']);
    const vetoed = await api.request('PUT', route(`/awards/enterprise/${campaign.uscc.D}`), { token: admin, body: { awarded: true, reason: '已整改' }, headers: en });
    expect([vetoed.status, vetoed.body.errors[0].field, vetoed.body.errors[0].message]).toEqual([422, 'awarded', 'this enterprise is vetoed and cannot receive the CSR award']);
    expect((await api.request('POST', route('/awards/confirm'), { token: admin })).status).toBe(200);
  });

  it('publishes the awarded enterprises, then refuses further changes', async () => {
    expect((await api.request('POST', route('/publish'), { token: admin })).status).toBe(200);
    const published = (await api.request('GET', `/api/public/results/${campaign.slug}`)).body;
    const csrAwards = published.awards.filter((a: { award: string }) => a.award === 'csr-enterprise');
    expect(csrAwards.map((a: { code: string }) => a.code)).toEqual([campaign.uscc.A, campaign.uscc.G]);
    expect(Object.keys(csrAwards[0]).sort()).toEqual(['award', 'category', 'code', 'composite', 'nameEn', 'nameZh', 'rank']);
    const frozen = await check(campaign.uscc.A, 'revenue', { action: 'verify' });
    expect([frozen.status, frozen.body.code]).toEqual([409, 'RESULTS_FROZEN']);
    const frozenImport = await importFile(csv([['uscc', 'tax_paid'], [campaign.uscc.A, '1']]), false);
    expect(frozenImport.status).toBe(409);
  });
});
