import { TestApp } from '../support/test-app.js';
import { csv, ENTERPRISE_HEADER } from '../support/directory-files.js';
import { importSmallDirectory, usccs } from '../support/small-directory.js';

let api: TestApp;
let admin: string;
let campaignId: string;

beforeAll(async () => {
  // A short host, as the office would print in SMS and letters.
  api = await TestApp.start({ PUBLIC_URL: 'https://fie.jz.gov.cn' });
  admin = await api.loginAsAdmin();
  await importSmallDirectory(api, admin, 5);
  const created = await api.request('POST', '/api/campaigns', { token: admin, body: { title: '2026 服务月', year: 2026, template: 'service-month' } });
  campaignId = created.body.id;
});
afterAll(async () => {
  await api?.close();
});

const generate = () => api.request('POST', `/api/campaigns/${campaignId}/invitations`, { token: admin });
const listAll = async () => (await api.request('GET', `/api/campaigns/${campaignId}/invitations?pageSize=2000`, { token: admin })).body.items as { id: string; raterType: string; raterCode: string; link: string | null; status: string }[];
const tokenOf = (link: string) => link.split('/s/')[1]!;

it('creates one link per enterprise and per district government, idempotently', async () => {
  const first = await generate();
  expect(first.status).toBe(200);
  expect(first.body).toEqual({ created: 7, total: 7 });
  expect((await generate()).body).toEqual({ created: 0, total: 7 });

  // An enterprise added to the directory later gets its link on the next call, and only it.
  const before = await listAll();
  const [extra] = usccs(1, 99);
  const content = csv([ENTERPRISE_HEADER, [extra!, '江州后加有限公司', 'Jiangzhou Latecomer Co., Ltd.', 'Q01', '', '', '', '', '', '']]);
  expect((await api.upload('/api/directory/import', { name: 'more.csv', content }, { kind: 'enterprises' }, admin)).status).toBe(200);
  expect((await generate()).body).toEqual({ created: 1, total: 8 });
  const after = await listAll();
  for (const invitation of before) expect(after.find((a) => a.id === invitation.id)?.link).toBe(invitation.link);
});

it('makes short links with 128-bit tokens, and exports them as invitations.csv', async () => {
  const items = await listAll();
  for (const item of items) {
    expect(item.link!.length).toBeLessThanOrEqual(60);
    expect(tokenOf(item.link!)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  }
  expect(new Set(items.map((i) => i.link)).size).toBe(items.length);

  const exported = await api.download(`/api/campaigns/${campaignId}/invitations.csv`, admin);
  expect(exported.status).toBe(200);
  expect(exported.headers.get('content-type')).toMatch(/text\/csv/);
  const lines = exported.bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe('rater_type,rater_code,rater_name,link,status');
  expect(lines).toHaveLength(items.length + 1);
  expect(lines.some((l) => l.startsWith('district,Q01,江东区,https://fie.jz.gov.cn/s/'))).toBe(true);
});

it('opens a link: the campaign, the rater and its questionnaires with targets filled in', async () => {
  const enterprise = (await listAll()).find((i) => i.raterType === 'enterprise')!;
  const response = await api.request('GET', `/api/s/${tokenOf(enterprise.link!)}`);
  expect(response.status).toBe(200);
  expect(response.body.rater).toMatchObject({ type: 'enterprise', code: enterprise.raterCode });
  expect(response.body.questionnaires.map((q: { kind: string }) => q.kind)).toEqual(['enterprise-rates-departments', 'enterprise-rates-districts', 'csr-declaration']);
  const departments = response.body.questionnaires[0].survey.pages[0].elements[0];
  expect(departments.choices.map((c: { value: string }) => c.value)).toEqual(['D01', 'D02', 'D03']);
  expect(departments.choices[0].text).toEqual({ default: '市商务局', en: 'Municipal Bureau of Commerce' });
  // Its own district is ticked to start with.
  expect(response.body.questionnaires[1].data.ratings).toHaveLength(1);

  const district = (await listAll()).find((i) => i.raterType === 'district')!;
  const forDistrict = await api.request('GET', `/api/s/${tokenOf(district.link!)}`);
  expect(forDistrict.body.questionnaires.map((q: { kind: string }) => q.kind)).toEqual(['district-rates-departments']);

  expect((await listAll()).find((i) => i.id === enterprise.id)!.status).toBe('opened');
});

it('answers an unknown, malformed, revoked or replaced token with the same 404', async () => {
  const [one, two] = (await listAll()).filter((i) => i.raterType === 'enterprise');
  const unknown = await api.request('GET', '/api/s/AAAAAAAAAAAAAAAAAAAAAA');
  const malformed = await api.request('GET', '/api/s/short');

  const revoked = await api.request('POST', `/api/campaigns/${campaignId}/invitations/${one!.id}/revoke`, { token: admin });
  expect(revoked.body).toMatchObject({ status: 'revoked', link: null });
  const afterRevoke = await api.request('GET', `/api/s/${tokenOf(one!.link!)}`);

  const reissued = await api.request('POST', `/api/campaigns/${campaignId}/invitations/${two!.id}/reissue`, { token: admin });
  expect(reissued.body.link).not.toBe(two!.link);
  const oldLink = await api.request('GET', `/api/s/${tokenOf(two!.link!)}`);
  const newLink = await api.request('GET', `/api/s/${tokenOf(reissued.body.link)}`);
  expect(newLink.status).toBe(200);

  for (const response of [unknown, malformed, afterRevoke, oldLink]) {
    expect(response.status).toBe(404);
    const { requestId: _ignored, ...body } = response.body;
    expect(body).toEqual({ statusCode: 404, code: 'LINK_NOT_FOUND', message: '此链接无效或已失效。', messages: { zh: '此链接无效或已失效。', en: 'This link is not valid or has expired.' } });
  }

  // A revoked link can be reissued too, and then works again under a new token.
  const back = await api.request('POST', `/api/campaigns/${campaignId}/invitations/${one!.id}/reissue`, { token: admin });
  expect((await api.request('GET', `/api/s/${tokenOf(back.body.link)}`)).status).toBe(200);
  expect((await api.request('GET', `/api/s/${tokenOf(one!.link!)}`)).status).toBe(404);
});

it('draws a QR code of the link', async () => {
  const [item] = await listAll();
  const qr = await api.download(`/api/campaigns/${campaignId}/invitations/${item!.id}/qr.svg`, admin);
  expect(qr.status).toBe(200);
  expect(qr.headers.get('content-type')).toMatch(/image\/svg\+xml/);
  expect(qr.bytes.toString()).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
});

it('filters the list by status, type and text', async () => {
  const page = (query: string) => api.request('GET', `/api/campaigns/${campaignId}/invitations?${query}`, { token: admin });
  expect((await page('raterType=district')).body.total).toBe(2);
  expect((await page('status=opened')).body.items.every((i: { status: string }) => i.status === 'opened')).toBe(true);
  expect((await page('q=江东')).body.items.map((i: { raterCode: string }) => i.raterCode)).toEqual(['Q01']);
  expect((await page('status=sleeping')).status).toBe(400);
});

it('keeps a district with links from being deleted', async () => {
  const response = await api.request('DELETE', '/api/directory/districts/Q02', { token: admin });
  expect([response.status, response.body.code]).toEqual([409, 'IN_USE']);
});

it('stops generating links once the campaign is closed', async () => {
  await api.request('POST', `/api/campaigns/${campaignId}/open`, { token: admin });
  await api.request('POST', `/api/campaigns/${campaignId}/close`, { token: admin });
  expect((await generate()).status).toBe(409);
});
