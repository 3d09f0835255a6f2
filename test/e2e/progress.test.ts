import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { launchBrowser, scriptsOf, signedInContext } from '../support/browser.js';
import { answerRouteFiles, readManifest } from '../support/client-build.js';
import { importSmallDirectory } from '../support/small-directory.js';
import { ADMIN, TestApp } from '../support/test-app.js';

/**
 * The progress tab of a campaign, on a hand-made situation: 6 enterprises (Q01: 3, Q02: 3)
 * and 2 district governments. Q01: one enterprise submitted, one has a draft, one is untouched;
 * Q02: one opened its link, one is untouched, one link is revoked; district Q01 submitted.
 * That is 2 submitted of 7 working links (28.6 %), 4 opened, 1 draft.
 */
let api: TestApp;
let browser: Browser;
let campaignId: string;

beforeAll(async () => {
  api = await TestApp.start();
  if (!existsSync(path.join(api.config.clientDist, 'index.html'))) throw new Error('the client is not built: run the tests with `npm test`');
  browser = await launchBrowser();

  const admin = await api.loginAsAdmin();
  await importSmallDirectory(api, admin, 6);
  const campaign = (await api.request('POST', '/api/campaigns', { token: admin, body: { title: '2026 服务月', year: 2026, template: 'service-month' } })).body;
  campaignId = campaign.id;
  await api.request('POST', `/api/campaigns/${campaignId}/invitations`, { token: admin });
  const links: { id: string; raterType: string; raterCode: string; districtCode: string; link: string }[] = (
    await api.request('GET', `/api/campaigns/${campaignId}/invitations?pageSize=100`, { token: admin })
  ).body.items;
  const enterprises = links.filter((l) => l.raterType === 'enterprise').sort((a, b) => a.raterCode.localeCompare(b.raterCode));
  const [q01a, q01b] = enterprises.filter((e) => e.districtCode === 'Q01');
  const [q02a, , q02c] = enterprises.filter((e) => e.districtCode === 'Q02');
  const district = links.find((l) => l.raterType === 'district' && l.raterCode === 'Q01')!;

  for (const rater of [q01a!, q01b!, q02a!, district]) await api.request('GET', `/api/s/${rater.link.split('/s/')[1]}`);
  // Answers go straight into the database, as the answering routes would write them.
  const evaluationId = (kind: string) => campaign.evaluations.find((e: { kind: string }) => e.kind === kind).id as string;
  const answer = (invitationId: string, kind: string, status: 'draft' | 'submitted') =>
    api.app.get(DataSource).query(
      `INSERT INTO responses (invitation_id, evaluation_id, questionnaire_version_id, status, data, submitted_at)
       SELECT $1, e.id, q.id, $3, '{}'::jsonb, CASE WHEN $3 = 'submitted' THEN now() END FROM evaluations e JOIN questionnaire_versions q ON q.evaluation_id = e.id WHERE e.id = $2`,
      [invitationId, evaluationId(kind), status],
    );
  await answer(q01a!.id, 'enterprise-rates-departments', 'submitted');
  await answer(q01b!.id, 'enterprise-rates-departments', 'draft');
  await answer(district.id, 'district-rates-departments', 'submitted');
  await api.request('POST', `/api/campaigns/${campaignId}/invitations/${q02c!.id}/revoke`, { token: admin });
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/** A browser context signed in through the API. */
const signedIn = (username: string, password: string, viewport = { width: 1280, height: 900 }): Promise<BrowserContext> =>
  signedInContext(browser, api.baseUrl, { username, password }, viewport);


/** Waits until `condition` holds, for what the page does on its own (drawing, timers). */
async function until(what: string, condition: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const CHART_CHUNK = /\/(chart|ProgressChart)-[\w-]+\.js$/;

/** True when the canvas has been drawn on (some pixel is not transparent). */
function canvasIsDrawn(page: Page): Promise<boolean> {
  return page.locator('.console-progress-chart canvas').evaluate((canvas: HTMLCanvasElement) => {
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) return true;
    return false;
  });
}

it('shows the response rates, the evaluations, and the enterprises by district as a chart and a table', async () => {
  const context = await signedIn(ADMIN.username, ADMIN.password);
  const page = await context.newPage();
  const scripts = scriptsOf(page);

  // The overview tab loads no chart code; the progress tab does.
  await page.goto(`${api.baseUrl}/admin/campaigns/${campaignId}`);
  await page.getByRole('tab', { name: '答卷进度' }).waitFor();
  expect(scripts.filter((s) => CHART_CHUNK.test(s))).toEqual([]);
  await page.getByRole('tab', { name: '答卷进度' }).click();
  await page.waitForURL(/tab=progress/);

  const overall = page.locator('.ant-card').filter({ hasText: '总体回收率' });
  await expect(overall.locator('.console-rate__value').textContent()).resolves.toBe('28.6%');
  await overall.getByText('已提交 2 / 应答 7').waitFor();
  await overall.getByText('已打开 4 · 填写中 1').waitFor();
  await page.locator('.ant-card').filter({ hasText: '县(市)区政府' }).locator('.console-rate__value').getByText('50%').waitFor();

  const evaluations = page.locator('.console-evaluation-progress > li');
  await expect(evaluations.count()).resolves.toBe(4);
  await expect(evaluations.first().textContent()).resolves.toContain('已提交 1 / 应答 5');

  await page.locator('.console-progress-chart canvas').waitFor();
  await until('the chart is drawn', () => canvasIsDrawn(page));
  expect(scripts.filter((s) => CHART_CHUNK.test(s)).length).toBeGreaterThan(0);

  // Sorted as the chart: Q01 (1 of 3) above Q02 (0 of 2).
  const rows = page.locator('.console-progress-table tbody tr.ant-table-row');
  await expect(rows.allTextContents()).resolves.toEqual([expect.stringMatching(/^江东区33\.3%3/), expect.stringMatching(/^江州经济技术开发区0%2/)]);
  // Sortable: ascending by rate puts Q02 first.
  await page.locator('.console-progress-table th').filter({ hasText: '回收率' }).click();
  await rows.first().getByText('江州经济技术开发区').waitFor();

  await page.getByText('规模', { exact: true }).click();
  await page.waitForURL(/by=sizeBand/);
  await rows.first().getByText('小型').waitFor();
  await expect(rows.allTextContents()).resolves.toEqual([expect.stringMatching(/^小型20%5/)]);
  await context.close();
});

it('exports the non-responders and opens the links tab filtered by status', async () => {
  const context = await signedIn(ADMIN.username, ADMIN.password);
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/admin/campaigns/${campaignId}?tab=progress`);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出未提交名单' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

  await page.getByRole('button', { name: '按状态查看链接' }).click();
  await page.getByRole('menuitem', { name: '填写中' }).click();
  await page.waitForURL(/tab=links.*status=draft|status=draft.*tab=links/);
  await page.getByText('共 1 个链接').waitFor();
  await context.close();
});

it('shows leadership the progress without the office\'s export and links', async () => {
  const viewer = await api.userWithRole('viewer');
  const context = await signedIn(viewer.username, viewer.password);
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/admin/campaigns/${campaignId}?tab=progress`);
  await page.getByText('已提交 2 / 应答 7').waitFor();
  await expect(page.getByRole('button', { name: '导出未提交名单' }).count()).resolves.toBe(0);
  await expect(page.getByRole('tab', { name: '评议链接' }).count()).resolves.toBe(0);
  await context.close();
});

it('fits a 360 px phone, with the chart drawn inside the screen', async () => {
  const context = await signedIn(ADMIN.username, ADMIN.password, { width: 360, height: 740 });
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/admin/campaigns/${campaignId}?tab=progress`);
  await page.locator('.console-progress-chart canvas').waitFor();
  await until('the chart is drawn', () => canvasIsDrawn(page));
  const box = await page.locator('.console-progress-chart canvas').boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(360);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await context.close();
});

it('refreshes every minute while the browser tab is visible, and not while it is hidden', async () => {
  const context = await signedIn(ADMIN.username, ADMIN.password);
  const page = await context.newPage();
  await page.clock.install();
  let loads = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/progress')) loads += 1;
  });
  await page.goto(`${api.baseUrl}/admin/campaigns/${campaignId}?tab=progress`);
  await page.getByText('已提交 2 / 应答 7').waitFor();
  expect(loads).toBe(1);

  await page.clock.runFor(61_000);
  await until('the data is loaded again', () => loads === 2);

  await page.evaluate(() => Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' }));
  await page.clock.runFor(125_000);
  expect(loads).toBe(2);
  // Looked at again: brought up to date at once.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await until('the data is loaded on return', () => loads === 3);
  await context.close();
});

it('keeps chart.js out of what the public answer route loads', async () => {
  const manifest = readManifest(api.config.clientDist);
  const files = Object.values(manifest).map((chunk) => chunk.file);
  // The check below means something only if chart.js has a chunk of its own.
  expect(files.filter((file) => /assets\/chart-/.test(file))).toHaveLength(1);

  const loaded = answerRouteFiles(manifest);
  expect(loaded.length).toBeGreaterThan(2);
  expect(loaded.filter((file) => CHART_CHUNK.test(`/${file}`))).toEqual([]);
  // The campaign page itself loads it only on demand.
  expect(manifest['src/admin/pages/CampaignDetailPage.tsx']!.dynamicImports).toContain('src/admin/campaigns/ProgressChart.tsx');
});
