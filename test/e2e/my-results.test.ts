import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, signedInContext } from '../support/browser.js';
import { closeAndCompute, openCampaignWithBallots } from '../support/campaign-with-results.js';
import { confirmAndPublish } from '../support/results.js';
import { TestApp } from '../support/test-app.js';

/**
 * 我的结果 in the browser for a user of D01 市商务局, on the ballots of
 * test/support/campaign-with-results.ts: D01 is rated by the enterprises and by both district
 * governments and is proposed for 优质服务单位; D02 市税务局 and D03 市供电公司 are the others. The
 * tests run in order: the campaign open without results, closed with results, then published.
 */
let api: TestApp;
let browser: Browser;
let admin: string;
let campaignId: string;
let unitUser: { username: string; password: string };

const ED = 'enterprise-rates-departments';
const DD = 'district-rates-departments';
const OTHER_DEPARTMENTS = ['市税务局', '市供电公司', 'D02', 'D03'];

beforeAll(async () => {
  api = await TestApp.start();
  if (!existsSync(path.join(api.config.clientDist, 'index.html'))) throw new Error('the client is not built: run the tests with `npm test`');
  browser = await launchBrowser();
  admin = await api.loginAsAdmin();
  ({ campaignId } = await openCampaignWithBallots(api, admin));
  unitUser = await api.userWithRole('department', admin, 'D01');
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const signedIn = (viewport?: { width: number; height: number }): Promise<BrowserContext> => signedInContext(browser, api.baseUrl, unitUser, viewport);

/** The card of one evaluation, found by its title. */
const cardOf = (page: Page, title: string) => page.locator('.my-results-card').filter({ has: page.locator('.ant-card-head-title', { hasText: title }) });

/** The value of the figure whose label is exactly `label`. */
const figure = (card: Locator, label: string | RegExp) =>
  card
    .locator('.ant-descriptions-item')
    .filter({ has: card.page().locator('.ant-descriptions-item-label').getByText(label, { exact: true }) })
    .locator('.ant-descriptions-item-content');

interface Target {
  code: string;
  score: number;
  shrunkScore: number;
  n: number;
  rank: number;
  rankInterval: [number, number];
  satisfactionRate: number;
  satisfactionCi: [number, number];
}

async function officeResults(): Promise<{ titleOf: (kind: string) => string; d01: (kind: string) => Target }> {
  const results = (await api.request('GET', `/api/campaigns/${campaignId}/results`, { token: admin })).body;
  const evaluation = (kind: string) => results.evaluations.find((e: { kind: string }) => e.kind === kind);
  return { titleOf: (kind) => evaluation(kind).titleZh, d01: (kind) => evaluation(kind).targets.find((t: Target) => t.code === 'D01') };
}

const percent = (share: number) => `${(share * 100).toFixed(1)}`;

it('offers 我的结果 in the menu and says that the results are not computed yet', async () => {
  const context = await signedIn();
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/admin`);
  await page.getByRole('menuitem', { name: '我的结果' }).click();
  await page.waitForURL(/\/admin\/my-results$/);
  await page.getByRole('heading', { name: '我的结果' }).waitFor();
  await page.getByText('尚未计算结果').waitFor();
  await page.getByText('活动结束时会自动计算结果，届时即可查看。').waitFor();
  // Only the office computes.
  await expect(page.getByRole('button', { name: /计算/ }).count()).resolves.toBe(0);
  await context.close();
});

it("shows D01's scores, 满意率 and rank per evaluation and its composite, nothing of the other departments", async () => {
  await closeAndCompute(api, admin, campaignId);
  const { titleOf, d01 } = await officeResults();
  const rated = d01(ED);
  expect(rated).toMatchObject({ n: 12, rank: 1 });

  const context = await signedIn();
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/admin/my-results`);
  await page.getByRole('heading', { name: '市商务局' }).waitFor();

  const enterprises = cardOf(page, titleOf(ED));
  await expect(figure(enterprises, '得分 S').textContent()).resolves.toBe(rated.score.toFixed(2));
  await expect(figure(enterprises, '校正得分 S*').textContent()).resolves.toBe(rated.shrunkScore.toFixed(2));
  await expect(figure(enterprises, '有效答卷 n').textContent()).resolves.toBe('12');
  await expect(figure(enterprises, '满意率（95% 区间）').textContent()).resolves.toBe(
    `${percent(rated.satisfactionRate)}% (${percent(rated.satisfactionCi[0])}–${percent(rated.satisfactionCi[1])})`,
  );
  await expect(figure(enterprises, '综合管理类内名次（90% 区间）').textContent()).resolves.toBe(`1 (${rated.rankInterval[0]}–${rated.rankInterval[1]})`);
  // The district governments rate D01 too, each evaluation in its own card.
  await expect(figure(cardOf(page, titleOf(DD)), '得分 S').textContent()).resolves.toBe(d01(DD).score.toFixed(2));

  const composite = cardOf(page, '综合得分');
  await expect(figure(composite, '企业评价').textContent()).resolves.toMatch(/^\d+\.\d\d · 权重 \d+(\.\d)?%$/);
  await expect(figure(composite, '责任书检查').textContent()).resolves.toMatch(/^90\.00 · 权重/);
  // Before publication the award is the office's business.
  await composite.getByText('评选结果在评议部发布后显示。').waitFor();
  await expect(page.getByText(/获评/).count()).resolves.toBe(0);

  const text = (await page.locator('main').textContent()) ?? '';
  expect(text).toContain('市商务局');
  for (const other of OTHER_DEPARTMENTS) expect(text).not.toContain(other);

  await enterprises.getByRole('link', { name: '查看分项得分和答案分布' }).click();
  await page.waitForURL(new RegExp(`/admin/campaigns/${campaignId}/results/${ED}/D01$`));
  await page.locator('.results-criteria-table tbody tr.ant-table-row').first().waitFor();
  await context.close();
});

it('fits a 360 px phone', async () => {
  const context = await signedIn({ width: 360, height: 740 });
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/admin/my-results?campaign=${campaignId}`);
  await page.getByRole('heading', { name: '市商务局' }).waitFor();
  await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
  for (const box of await page.locator('.my-results-card').evaluateAll((cards) => cards.map((card) => card.getBoundingClientRect().toJSON() as DOMRect))) {
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
  }
  await context.close();
});

it('shows the award once the results are published', async () => {
  const published = await confirmAndPublish(api, campaignId, admin);
  expect(published.status).toBe(200);
  const context = await signedIn();
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/admin/my-results`);
  const composite = cardOf(page, '综合得分');
  await composite.getByText('获评优质服务单位').waitFor();
  await expect(figure(composite, '评选规则提名').textContent()).resolves.toBe('是');
  await expect(page.getByText('评选结果在评议部发布后显示。').count()).resolves.toBe(0);
  await context.close();
});
