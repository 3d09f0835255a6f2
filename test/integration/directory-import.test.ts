import { TestApp } from '../support/test-app.js';
import { csv, DEPARTMENT_HEADER, DISTRICT_HEADER, ENTERPRISE_HEADER, gbk, readXlsx, utf8WithBom, xlsx } from '../support/directory-files.js';
import { usccs } from '../support/small-directory.js';

let api: TestApp;
let admin: string;

beforeAll(async () => {
  api = await TestApp.start({ LOG_LEVEL: process.env.DEBUG_LOG ?? 'silent' });
  admin = await api.loginAsAdmin();
  const districts = csv([DISTRICT_HEADER, ['Q01', '江东区', 'Jiangdong District', '区'], ['Q02', '江州高新区', 'Jiangzhou Hi-tech Zone', 'development-zone']]);
  expect((await importFile('districts', 'districts.csv', districts)).status).toBe(200);
});
afterAll(async () => {
  await api?.close();
});

const importFile = (kind: string, name: string, content: Buffer | string, query = '') =>
  api.upload(`/api/directory/import${query}`, { name, content }, { kind }, admin);
const count = async (kind: string) => (await api.request('GET', `/api/directory/${kind}?pageSize=1`, { token: admin })).body.total as number;
const codes = usccs(12, 3);
const enterprise = (uscc: string, overrides: Partial<Record<(typeof ENTERPRISE_HEADER)[number], string>> = {}) => {
  const values: Record<string, string> = {
    uscc, name_zh: `江州${uscc.slice(-4)}有限公司`, name_en: `Jiangzhou ${uscc.slice(-4)} Co., Ltd.`, district_code: 'Q01', industry: '制造业',
    investor_country: '日本', size_band: '中型', contact_name: '李娜', contact_phone: '13912345678', contact_email: 'li.na@example.com', ...overrides,
  };
  return ENTERPRISE_HEADER.map((h) => values[h]!);
};

describe('a valid file', () => {
  it('creates, then reports unchanged and updated rows by code on the next import', async () => {
    const rows = [DEPARTMENT_HEADER, ['D01', '市商务局', 'Municipal Bureau of Commerce', '综合管理类'], ['D02', '市税务局', 'Municipal Taxation Bureau', '执法监督类']];
    expect((await importFile('departments', 'd.csv', csv(rows))).body).toEqual({ created: 2, updated: 0, unchanged: 0, dryRun: false });
    rows[2] = ['D02', '国家税务总局江州市税务局', 'Jiangzhou Taxation Bureau', '执法监督类'];
    rows.push(['D03', '市供电公司', 'City Power Supply Company', '公共服务类']);
    expect((await importFile('departments', 'd.csv', csv(rows))).body).toEqual({ created: 1, updated: 1, unchanged: 1, dryRun: false });
    const listed = await api.request('GET', '/api/directory/departments?q=税务', { token: admin });
    expect(listed.body.items.map((d: { nameZh: string }) => d.nameZh)).toEqual(['国家税务总局江州市税务局']);
  });

  it('reads .xlsx with Chinese headers and Chinese size bands', async () => {
    const header = ['统一社会信用代码', '企业名称', '英文名称', '所属区县编码', '行业', '投资方国别（地区）', '企业规模', '联系人', '联系电话', '电子邮箱'];
    const file = await xlsx([header, enterprise(codes[0]!), enterprise(codes[1]!, { size_band: '小型', district_code: 'Q02' })]);
    expect((await importFile('enterprises', 'enterprises.xlsx', file)).body).toMatchObject({ created: 2 });
    const listed = await api.request('GET', '/api/directory/enterprises?district=Q02', { token: admin });
    expect(listed.body.items).toEqual([expect.objectContaining({ uscc: codes[1], sizeBand: 'small', districtCode: 'Q02', districtNameEn: 'Jiangzhou Hi-tech Zone' })]);
  });

  it('reads CSV in UTF-8 with a BOM and in GBK, as Excel writes it for Chinese', async () => {
    const text = csv([ENTERPRISE_HEADER, enterprise(codes[2]!, { name_zh: '江州樱花精密机械有限公司' })]);
    expect((await importFile('enterprises', 'bom.csv', utf8WithBom(text))).body.created).toBe(1);
    const gbkText = csv([['统一社会信用代码', '企业名称', '所属区县编码'], [codes[3]!, '江州莱茵化工有限公司', 'Q01']]);
    expect((await importFile('enterprises', 'gbk.csv', gbk(gbkText))).body.created).toBe(1);
    const listed = await api.request('GET', `/api/directory/enterprises?q=${encodeURIComponent('莱茵')}`, { token: admin });
    expect(listed.body.items[0]).toMatchObject({ uscc: codes[3], nameZh: '江州莱茵化工有限公司' });
  });

  it('previews a dry run without writing', async () => {
    const before = await count('enterprises');
    const file = csv([ENTERPRISE_HEADER, enterprise(codes[4]!), enterprise(codes[0]!)]);
    expect((await importFile('enterprises', 'preview.csv', file, '?dryRun=true')).body).toEqual({ created: 1, updated: 0, unchanged: 1, dryRun: true });
    expect(await count('enterprises')).toBe(before);
  });
});

describe('a file with errors', () => {
  /** Imports, expects 422 with exactly these (row, column) pairs, and checks nothing was written. */
  async function expectRejected(kind: string, content: Buffer | string, expected: [number, string][], name = 'bad.csv') {
    const before = await count(kind);
    const response = await importFile(kind, name, content);
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('IMPORT_INVALID');
    expect(response.body.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual(expected);
    for (const error of response.body.errors) {
      expect(error.message).toEqual(expect.any(String));
      expect(error.messages).toEqual({ zh: expect.any(String), en: expect.any(String) });
    }
    expect(await count(kind)).toBe(before);
    return response.body.errors as { row: number; column: string; message: string; messages: { en: string } }[];
  }

  it('lists a missing required field, a wrong check digit, an unknown district, a duplicate and over-long text, and writes none of the good rows', async () => {
    const badCheckDigit = codes[5]!.slice(0, 17) + (codes[5]![17] === '0' ? '1' : '0');
    const errors = await expectRejected('enterprises', csv([
      ENTERPRISE_HEADER,
      enterprise(codes[6]!),
      enterprise(codes[7]!, { name_zh: '' }),
      enterprise(badCheckDigit),
      enterprise(codes[8]!, { district_code: 'Q99' }),
      enterprise(codes[6]!),
      enterprise(codes[9]!, { name_zh: '长'.repeat(201) }),
      enterprise(codes[10]!, { size_band: 'huge', contact_email: 'not-an-email' }),
    ]), [[3, 'name_zh'], [4, 'uscc'], [5, 'district_code'], [6, 'uscc'], [7, 'name_zh'], [8, 'size_band'], [8, 'contact_email']]);
    expect(errors[1]!.messages.en).toMatch(/check digit/i);
    expect(errors[3]!.messages.en).toMatch(/row 2/);
  });

  it('names a missing required column', async () => {
    await expectRejected('departments', csv([['code', 'name_en'], ['D09', 'Somewhere']]), [[1, 'name_zh'], [1, 'category']]);
  });

  it('refuses a district of an unknown kind and a malformed code', async () => {
    await expectRejected('districts', csv([DISTRICT_HEADER, ['Q03', '江西区', 'Jiangxi District', '乡'], ['Q 04', '江南区', 'Jiangnan District', '区']]), [[2, 'kind'], [3, 'code']]);
  });

  it('answers a file that is not a spreadsheet, an old .xls, an empty one and a missing one clearly', async () => {
    const pdf = await importFile('departments', 'list.pdf', Buffer.from('%PDF-1.4 not a list'));
    expect([pdf.status, pdf.body.code]).toEqual([415, 'FILE_UNSUPPORTED']);
    const xls = await importFile('departments', 'list.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expect(xls.status).toBe(415);
    const corrupt = await importFile('departments', 'list.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 1)]));
    expect([corrupt.status, corrupt.body.code]).toEqual([422, 'FILE_UNREADABLE']);
    const headerOnly = await importFile('departments', 'empty.csv', csv([DEPARTMENT_HEADER]));
    expect(headerOnly.status).toBe(422);

    const form = new FormData();
    form.append('kind', 'departments');
    const missing = await fetch(`${api.baseUrl}/api/directory/import`, { method: 'POST', body: form, headers: { authorization: `Bearer ${admin}` } });
    expect(missing.status).toBe(400);
    expect((await missing.json()).code).toBe('FILE_MISSING');

    const wrongKind = await importFile('ministries', 'd.csv', csv([DEPARTMENT_HEADER, ['D01', 'x', 'x', 'x']]));
    expect([wrongKind.status, wrongKind.body.errors[0].field]).toEqual([400, 'kind']);
  });

  it('refuses a file over 20 MB with 413 and one over 50,000 rows', async () => {
    const huge = await importFile('departments', 'huge.csv', Buffer.alloc(20 * 1024 * 1024 + 1, 0x41));
    expect([huge.status, huge.body.code]).toEqual([413, 'FILE_TOO_LARGE']);
    const rows = [DEPARTMENT_HEADER.join(',')];
    for (let i = 0; i < 50_001; i++) rows.push(`D${i},部门${i},Dept ${i},综合管理类`);
    const many = await importFile('departments', 'many.csv', rows.join('\n'));
    expect([many.status, many.body.code]).toEqual([413, 'TOO_MANY_ROWS']);
  });
});

describe('single records and exports', () => {
  it('edits one record with the same checks as an import, and refuses deleting a district still in use', async () => {
    const saved = await api.request('PUT', '/api/directory/departments/D10', { token: admin, body: { nameZh: '市数据资源管理局', nameEn: 'Municipal Data Resources Bureau', category: '公共服务类' } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ code: 'D10', nameZh: '市数据资源管理局' });
    const bad = await api.request('PUT', `/api/directory/enterprises/${codes[11]!.slice(0, 17)}Z`, { token: admin, body: { nameZh: 'x', districtCode: 'Q98' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['districtCode', 'uscc']);
    expect((await api.request('DELETE', '/api/directory/districts/Q01', { token: admin })).status).toBe(409);
    expect((await api.request('DELETE', '/api/directory/departments/D10', { token: admin })).status).toBe(204);
    expect((await api.request('DELETE', '/api/directory/departments/D10', { token: admin })).status).toBe(404);
  });

  it('exports a list to .xlsx that imports back unchanged, with formulas neutralised', async () => {
    await api.request('PUT', '/api/directory/departments/D20', { token: admin, body: { nameZh: '=HYPERLINK("http://evil.example","点我")', category: '+综合' } });
    const exported = await api.download('/api/directory/departments/export', admin);
    expect(exported.status).toBe(200);
    const rows = await readXlsx(exported.bytes);
    expect(rows[0]).toEqual(['部门编码', '部门名称', '英文名称', '类别']);
    const injected = rows.find((r) => r[0] === 'D20')!;
    expect(injected[1]!.startsWith("'=")).toBe(true);
    expect(injected[3]!.startsWith("'+")).toBe(true);
    expect((await importFile('departments', 'back.xlsx', exported.bytes)).body).toMatchObject({ created: 0, updated: 0 });

    const template = await api.download('/api/directory/enterprises/template', admin);
    expect((await readXlsx(template.bytes))[0]).toEqual(['统一社会信用代码', '企业名称', '英文名称', '所属区县编码', '行业', '投资方国别（地区）', '企业规模', '联系人', '联系电话', '电子邮箱']);
    expect((await api.download('/api/directory/ministries/export', admin)).status).toBe(404);
  });
});
