import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, signedInContext } from '../support/browser.js';
import { resultsComputed } from '../support/results.js';
import { importSmallDirectory } from '../support/small-directory.js';
import { ADMIN, TestApp } from '../support/test-app.js';

/**
 * The results pages of the console, on campaigns built through the public API. Departments:
 * 综合管理类 D01 市商务局 and D05 市人社局, 执法监督类 D02 and D04, 公共服务类 D03 and D06, all with
 * their inspection entered. Twelve enterprises rate them; D01 gets only 满意 (S = 100), D05 a
 * mix, D04 only three ballots (not ranked, no breakdown). The 2026 campaign is closed, so its
 * results are computed at close; the 2027 one is open with no results until the office computes
 * them, and D01 falls there to S = 60 (较上届 −40.0).
 */
let api: TestApp;
let browser: Browser;
let admin: string;
let closedId: string;
let openId: string;

const DEPARTMENT_CRITERIA = ['attitude', 'efficiency', 'lawful', 'transparency', 'integrity'];
const DISTRICT_CRITERIA = ['government', 'legal', 'market', 'factors', 'living'];
const ED = 'enterprise-rates-departments';
/** A card of a ballot: the answers are taken in turn, criterion by criterion. */
const card = (criteria: string[], target: string, answers: string[]) => ({ target, ...Object.fromEntries(criteria.map((criterion, i) => [criterion, answers[i % answers.length]])) });
const departmentCard = (target: string, ...answers: string[]) => card(DEPARTMENT_CRITERIA, target, answers);
const districtCard = (target: string, ...answers: string[]) => card(DISTRICT_CRITERIA, target, answers);

interface Campaign {
  id: string;
  evaluations: Record<string, string>;
  tokens: (raterType: string) => string[];
}

async function campaignWithLinks(title: string, year: number): Promise<Campaign> {
  const created = await api.request('POST', '/api/campaigns', { token: admin, body: { title, year, template: 'service-month' } });
  expect(created.status).toBe(201);
  const id: string = created.body.id;
  const evaluations = Object.fromEntries(created.body.evaluations.map((e: { kind: string; id: string }) => [e.kind, e.id]));
  await api.request('POST', `/api/campaigns/${id}/invitations`, { token: admin });
  const departments = ['D01', 'D02', 'D03', 'D04', 'D05', 'D06'].map((code) => ({ unitType: 'department', code, inspectionScore: 90, selfInspectionScore: 95, selfInspectionComplete: true }));
  const assessed = await api.request('PUT', `/api/campaigns/${id}/assessments`, { token: admin, body: { items: departments } });
  expect(assessed.status).toBe(200);
  expect((await api.request('POST', `/api/campaigns/${id}/open`, { token: admin })).status).toBe(200);
  const links: { raterType: string; raterCode: string; link: string }[] = (await api.request('GET', `/api/campaigns/${id}/invitations?pageSize=100`, { token: admin })).body.items;
  links.sort((a, b) => a.raterCode.localeCompare(b.raterCode));
  return { id, evaluations, tokens: (raterType) => links.filter((l) => l.raterType === raterType).map((l) => l.link.split('/s/')[1]!) };
}

async function submit(campaign: Campaign, token: string, kind: string, ratings: unknown[]): Promise<void> {
  const response = await api.request('POST', `/api/s/${token}/${campaign.evaluations[kind]}/submit`, { body: { data: { ratings } } });
  if (response.status !== 201) throw new Error(`submitting failed: ${response.status} ${response.text}`);
}

beforeAll(async () => {
  api = await TestApp.start();
  if (!existsSync(path.join(api.config.clientDist, 'index.html'))) throw new Error('the client is not built: run the tests with `npm test`');
  browser = await launchBrowser();
  admin = await api.loginAsAdmin();
  await importSmallDirectory(api, admin, 12);
  for (const [code, nameZh, nameEn, category] of [
    ['D04', '市市场监管局', 'Municipal Market Regulation Bureau', '执法监督类'],
    ['D05', '市人社局', 'Municipal Human Resources Bureau', '综合管理类'],
    ['D06', '市水务集团', 'City Water Group', '公共服务类'],
  ]) {
    const added = await api.request('PUT', `/api/directory/departments/${code}`, { token: admin, body: { nameZh, nameEn, category } });
    expect([200, 201]).toContain(added.status);
  }

  const closed = await campaignWithLinks('2026 服务月', 2026);
  closedId = closed.id;
  for (const [i, token] of closed.tokens('enterprise').entries()) {
    await submit(closed, token, ED, [
      departmentCard('D01', 'satisfied'),
      departmentCard('D05', ...(i % 2 ? ['satisfied', 'basically'] : ['basically'])),
      departmentCard('D02', ...(i % 3 ? ['satisfied', 'basically'] : ['dissatisfied', 'basically'])),
      ...(i < 3 ? [departmentCard('D04', 'basically', 'satisfied')] : []),
      departmentCard('D03', 'basically', 'na'),
      departmentCard('D06', ...(i % 2 ? ['satisfied'] : ['basically', 'dissatisfied'])),
    ]);
    await submit(closed, token, 'enterprise-rates-districts', [districtCard('Q01', 'satisfied', 'basically'), districtCard('Q02', i % 2 ? 'satisfied' : 'basically')]);
  }
  for (const token of closed.tokens('district')) await submit(closed, token, 'district-rates-departments', [departmentCard('D01', 'satisfied'), departmentCard('D02', 'basically')]);
  expect((await api.request('POST', `/api/campaigns/${closedId}/close`, { token: admin })).status).toBe(200);
  await resultsComputed(api, closedId, admin);

  const open = await campaignWithLinks('2027 服务月', 2027);
  openId = open.id;
  for (const token of open.tokens('enterprise').slice(0, 6)) await submit(open, token, ED, [departmentCard('D01', 'basically'), departmentCard('D05', 'satisfied')]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const signedIn = (user: { username: string; password: string }, viewport?: { width: number; height: number }): Promise<BrowserContext> =>
  signedInContext(browser, api.baseUrl, user, viewport);

/** Waits until `condition` holds, for what the page does on its own (drawing, polling). */
async function until(what: string, condition: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** How many of the page's canvases have been drawn on (some pixel is not transparent). */
function drawnCanvases(page: Page): Promise<number> {
  return page.locator('canvas').evaluateAll((canvases: HTMLCanvasElement[]) =>
    canvases.filter((canvas) => {
      if (canvas.width === 0 || canvas.height === 0) return false;
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) return true;
      return false;
    }).length,
  );
}

/** The ranking table of one category. */
const categoryTable = (page: Page, category: string) => page.locator('.results-category').filter({ has: page.getByRole('heading', { name: category }) }).locator('.results-table');
const rowsOf = (page: Page, category: string) => categoryTable(page, category).locator('tbody tr.ant-table-row');

it('ranks the departments per category, with the top department, its scores and its notes', async () => {
  const context = await signedIn(ADMIN);
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/admin/campaigns/${closedId}`);
  await page.getByRole('tab', { name: '结果' }).click();
  await page.waitForURL(/tab=results/);

  await page.getByText(/^计算于 /).waitFor();
  const results = (await api.request('GET', `/api/campaigns/${closedId}/results`, { token: admin })).body;
  await page.locator('.results-hash').getByText(results.configHash.slice(0, 12)).waitFor();

  const rows = rowsOf(page, '综合管理类');
  await rows.first().waitFor();
  const top = await rows.first().locator('td').allTextContents();
  const d01 = results.evaluations.find((e: { kind: string }) => e.kind === ED).targets.find((t: { code: string }) => t.code === 'D01');
  expect(d01).toMatchObject({ score: 100, n: 12, rank: 1 });
  // Rank with its interval, name and code, S, S* with its interval, n, coverage, 满意率 with its Wilson interval, notes.
  expect(top[0]).toBe(`1 (${d01.rankInterval[0]}–${d01.rankInterval[1]})`);
  expect(top[1]).toContain('市商务局');
  expect(top[2]).toBe('100.00');
  expect(top[3]).toBe(`${d01.shrunkScore.toFixed(2)} (${d01.shrunkScoreInterval[0].toFixed(1)}–${d01.shrunkScoreInterval[1].toFixed(1)})`);
  expect(top[4]).toBe('12');
  expect(top[5]).toBe('100.0%');
  expect(top[6]).toBe(`100.0% (${(d01.satisfactionCi[0] * 100).toFixed(1)}–${(d01.satisfactionCi[1] * 100).toFixed(1)})`);
  expect(top[7]).toContain('样本偏少');
  await expect(rows.allTextContents()).resolves.toEqual([expect.stringContaining('市商务局'), expect.stringContaining('市人社局')]);

  // D04 with three ballots is reported, not ranked: last in its category, rank a dash.
  const lawEnforcement = await rowsOf(page, '执法监督类').allTextContents();
  expect(lawEnforcement).toEqual([expect.stringContaining('市税务局'), expect.stringMatching(/^—市市场监管局.*样本不足，不排名/)]);

  // The composite, per unit type and category, with its components and quota.
  await page.getByText('综合得分', { exact: true }).first().click();
  await page.waitForURL(/view=composite/);
  await page.getByRole('heading', { name: '优质服务单位（市级部门）' }).waitFor();
  const composite = await rowsOf(page, '综合管理类').first().locator('td').allTextContents();
  const unit = results.composite.find((c: { code: string }) => c.code === 'D01');
  expect(composite[1]).toContain('市商务局');
  expect(composite).toContain(unit.composite.toFixed(2));
  expect(composite).toContain('可评选');
  await context.close();
});

it('draws the response, scores, rank intervals and funnel plot, and compares the criteria', async () => {
  const context = await signedIn(ADMIN);
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/admin/campaigns/${closedId}?tab=results&view=charts`);
  await page.locator('.results-chart canvas').first().waitFor();
  // Response, S and S*, rank intervals for three department and two district categories, funnel plot.
  await until('every chart is drawn', async () => (await drawnCanvases(page)) === 8);
  await expect(page.locator('.results-chart canvas').count()).resolves.toBe(8);
  const heatmap = page.locator('.results-heatmap');
  await heatmap.getByRole('columnheader', { name: '服务态度' }).waitFor();
  await expect(heatmap.locator('tbody tr.ant-table-row').first().textContent()).resolves.toMatch(/^市商务局100\.00100\.00/);

  // Another evaluation: the districts, with their own criteria.
  await page.getByRole('combobox', { name: '评议项目' }).click();
  await page.getByTitle('测评各县（市）、区投资环境').click();
  await page.waitForURL(/evaluation=enterprise-rates-districts/);
  await heatmap.getByRole('columnheader', { name: '政务环境' }).waitFor();
  await context.close();
});

it("shows a target's numbers, criteria, answers and notes in words; a unit with fewer than 5 ballots has no breakdown", async () => {
  const context = await signedIn(ADMIN);
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/admin/campaigns/${closedId}?tab=results`);
  await rowsOf(page, '综合管理类').first().getByRole('link', { name: '市商务局' }).click();
  await page.waitForURL(new RegExp(`/admin/campaigns/${closedId}/results/${ED}/D01$`));
  await page.getByRole('heading', { name: '市商务局' }).waitFor();

  const criteria = page.locator('.results-criteria-table tbody tr.ant-table-row');
  await expect(criteria.allTextContents()).resolves.toEqual(['服务态度', '办事效率', '依法行政', '政务公开', '廉洁自律'].map((label) => `${label}100.0012000`));
  await until('the criteria and answer charts are drawn', async () => (await drawnCanvases(page)) === 2);
  await page.getByText('有效答卷偏少：参与排名，但得分的不确定性较大。').waitFor();
  // The same department as the district governments rated it.
  await page.getByRole('link', { name: '各县（市）、区政府评议市级有关部门' }).waitFor();

  await page.goto(`${api.baseUrl}/admin/campaigns/${closedId}/results/${ED}/D04`);
  await page.getByText('只有 3 份有效答卷评价了该单位，少于 5 份').waitFor();
  await expect(page.locator('.results-criteria-table').count()).resolves.toBe(0);
  await expect(page.locator('canvas').count()).resolves.toBe(0);
  await page.getByText('有效答卷太少，只报告得分，不参与排名。').waitFor();
  await context.close();
});

it('translates the notes in English', async () => {
  const context = await signedIn(ADMIN);
  await context.addInitScript(() => window.localStorage.setItem('lang', 'en'));
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/admin/campaigns/${closedId}?tab=results`);
  // Categories are the directory's own names, in Chinese.
  const top = rowsOf(page, '综合管理类').first();
  await top.getByText('Small sample', { exact: true }).waitFor();
  await top.getByRole('link', { name: 'Municipal Bureau of Commerce' }).waitFor();
  await expect(top.textContent()).resolves.not.toContain('样本偏少');
  await context.close();
});

it('shows an empty state until the office computes, then follows the computation to the results', async () => {
  const context = await signedIn(ADMIN);
  const page = await context.newPage();
  const polls: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/results/computation')) polls.push(request.method());
  });
  await page.goto(`${api.baseUrl}/admin/campaigns/${openId}?tab=results`);
  await page.getByText('尚未计算结果').waitFor();
  await page.getByText('活动结束时会自动计算；也可以现在计算一次临时结果。').waitFor();

  await page.getByRole('button', { name: '计算结果' }).click();
  await page.getByText('结果已计算完成').waitFor();
  expect(polls.length).toBeGreaterThanOrEqual(2);
  await page.getByText('活动仍在进行中：以下为临时结果，结束活动时将重新计算。').waitFor();
  await rowsOf(page, '综合管理类').first().waitFor();
  await expect(rowsOf(page, '综合管理类').allTextContents()).resolves.toEqual([expect.stringContaining('市人社局'), expect.stringContaining('市商务局')]);

  // Against the 2026 campaign: D01 went from 100 to 60.
  await rowsOf(page, '综合管理类').getByRole('link', { name: '市商务局' }).click();
  await page.getByText('较上届 −40.0').waitFor();
  await page.getByText('上届得分（2026 服务月）').waitFor();
  await context.close();
});

it('gives the leadership the results without the compute button', async () => {
  const viewer = await api.userWithRole('viewer', admin);
  const context = await signedIn(viewer);
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/admin/campaigns/${closedId}?tab=results`);
  await rowsOf(page, '综合管理类').first().waitFor();
  await page.getByRole('button', { name: '导出结果（Excel）' }).waitFor();
  await expect(page.getByRole('button', { name: /计算/ }).count()).resolves.toBe(0);
  await context.close();
});

it("gives a department user its own unit's page and nothing of the others", async () => {
  const unitUser = await api.userWithRole('department', admin, 'D01');
  const context = await signedIn(unitUser);
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/admin/campaigns/${closedId}/results/${ED}/D01`);
  await page.getByRole('heading', { name: '市商务局' }).waitFor();
  await expect(page.locator('.results-criteria-table tbody tr.ant-table-row').count()).resolves.toBe(5);
  // The campaign's page is the office's: the way back names the campaign without linking to it.
  await expect(page.locator('.console-breadcrumb').getByRole('link').count()).resolves.toBe(0);

  await page.goto(`${api.baseUrl}/admin/campaigns/${closedId}/results/${ED}/D02`);
  await page.getByText('结果中没有这个单位').waitFor();
  await context.close();
});

it('fits a 360 px phone: the tables scroll inside themselves and the charts fit the screen', async () => {
  const context = await signedIn(ADMIN, { width: 360, height: 740 });
  const page = await context.newPage();
  const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);

  await page.goto(`${api.baseUrl}/admin/campaigns/${closedId}?tab=results`);
  await rowsOf(page, '综合管理类').first().waitFor();
  expect(await pageWidth()).toBeLessThanOrEqual(360);
  // The table is wider than the phone and scrolls within its own box.
  const scroller = categoryTable(page, '综合管理类').locator('.ant-table-content, .ant-table-body').first();
  const { scrollWidth, clientWidth } = await scroller.evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
  expect(scrollWidth).toBeGreaterThan(clientWidth);
  expect(clientWidth).toBeLessThanOrEqual(360);

  await page.goto(`${api.baseUrl}/admin/campaigns/${closedId}?tab=results&view=composite`);
  await rowsOf(page, '综合管理类').first().waitFor();
  expect(await pageWidth()).toBeLessThanOrEqual(360);

  await page.goto(`${api.baseUrl}/admin/campaigns/${closedId}?tab=results&view=charts`);
  await until('the charts are drawn', async () => (await drawnCanvases(page)) === 8);
  expect(await pageWidth()).toBeLessThanOrEqual(360);
  for (const box of await page.locator('.results-chart canvas').evaluateAll((canvases) => canvases.map((canvas) => canvas.getBoundingClientRect().toJSON() as DOMRect))) {
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
  }

  await page.goto(`${api.baseUrl}/admin/campaigns/${closedId}/results/${ED}/D01`);
  await until('the detail charts are drawn', async () => (await drawnCanvases(page)) === 2);
  expect(await pageWidth()).toBeLessThanOrEqual(360);
  await context.close();
});
