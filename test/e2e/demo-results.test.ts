import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DemoService } from '../../server/src/demo/demo.service.js';
import { launchBrowser, signedInContext } from '../support/browser.js';
import { resultsComputed } from '../support/results.js';
import { ADMIN, TestApp } from '../support/test-app.js';

/**
 * The results pages on the demo campaign, as `npm start` shows them: 54 departments, 11 districts,
 * six weeks of simulated ballots, the office's inspections, results computed on the first start.
 */
let api: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let campaignId: string;
let results: any;

beforeAll(async () => {
  api = await TestApp.start();
  if (!existsSync(path.join(api.config.clientDist, 'index.html'))) throw new Error('the client is not built: run the tests with `npm test`');
  const admin = await api.loginAsAdmin();
  campaignId = (await api.app.get(DemoService).seed({ waitForResults: true })).campaignId;
  await resultsComputed(api, campaignId, admin);
  results = (await api.request('GET', `/api/campaigns/${campaignId}/results`, { token: admin })).body;
  browser = await launchBrowser();
  context = await signedInContext(browser, api.baseUrl, ADMIN);
  page = await context.newPage();
}, 180_000);
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await api?.close();
});

/** Whether a chart.js canvas has anything drawn on it. */
const drawn = (canvas: ReturnType<Page['locator']>) =>
  canvas.evaluate((element) => {
    const c = element as HTMLCanvasElement;
    const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
    return false;
  });

it('has results with a spread: clear leaders, a crowded middle, units with few ballots, proposed awards', () => {
  const departments = results.evaluations.find((e: any) => e.kind === 'enterprise-rates-departments');
  const ranked = departments.targets.filter((t: any) => t.ranked);
  expect(ranked.length).toBeGreaterThan(20);
  expect(departments.targets.some((t: any) => !t.ranked && t.flags.includes('样本不足，不排名'))).toBe(true);
  expect(departments.targets.some((t: any) => t.flags.includes('样本偏少'))).toBe(true);
  expect(Math.max(...ranked.map((t: any) => t.score))).toBeGreaterThan(90);
  expect(Math.min(...ranked.map((t: any) => t.score))).toBeLessThan(70);
  expect(results.awards.filter((a: any) => a.proposed).length).toBeGreaterThan(0);
  expect(results.composite.some((c: any) => c.vetoReason)).toBe(true);
  expect(results.dataQuality.length).toBeGreaterThan(0);
});

it('shows the ranking tables, the composite and the charts of the demo in the console', async () => {
  await page.goto(`${api.baseUrl}/admin/campaigns/${campaignId}?tab=results`);
  const leader = [...results.evaluations.find((e: any) => e.kind === 'enterprise-rates-departments').targets]
    .filter((t: any) => t.rank === 1)
    .sort((a: any, b: any) => a.code.localeCompare(b.code))[0];
  await page.getByRole('link', { name: leader.nameZh }).first().waitFor();
  expect(await page.locator('.ant-table-row').count()).toBeGreaterThan(40);

  await page.goto(`${api.baseUrl}/admin/campaigns/${campaignId}?tab=results&view=charts`);
  const canvases = page.locator('canvas');
  await canvases.first().waitFor();
  await page.waitForTimeout(500);
  const count = await canvases.count();
  expect(count).toBeGreaterThanOrEqual(4);
  for (let i = 0; i < count; i++) expect(await drawn(canvases.nth(i))).toBe(true);

  await page.goto(`${api.baseUrl}/admin/campaigns/${campaignId}/results/enterprise-rates-departments/${leader.code}`);
  await page.getByText(leader.nameZh).first().waitFor();
  await page.locator('canvas').first().waitFor();
}, 120_000);

it('prints the A4 report of the demo with its title and the awards', async () => {
  await page.goto(`${api.baseUrl}/admin/campaigns/${campaignId}/report`);
  await page.getByText('外商投资企业服务月评议结果').first().waitFor();
  const proposed = results.awards.find((a: any) => a.awarded);
  await page.getByText(proposed.nameZh).first().waitFor();
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
}, 120_000);
