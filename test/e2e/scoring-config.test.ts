import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { defaultScoringConfig, POINT_PRESETS } from '../../server/src/scoring/scoring-config.js';
import { launchBrowser, signedInContext } from '../support/browser.js';
import { importSmallDirectory } from '../support/small-directory.js';
import { ADMIN, TestApp } from '../support/test-app.js';

/**
 * The scoring method card of a draft campaign: weights the server refuses show its message under
 * their group and nothing is saved; "restore defaults" gives the server's defaults; a threshold
 * and a preset are kept; the card fits a phone; and once the campaign opens it is read-only.
 */
let api: TestApp;
let browser: Browser;
let campaignId: string;

beforeAll(async () => {
  api = await TestApp.start();
  if (!existsSync(path.join(api.config.clientDist, 'index.html'))) throw new Error('the client is not built: run the tests with `npm test`');
  browser = await launchBrowser();
  const admin = await api.loginAsAdmin();
  await importSmallDirectory(api, admin, 2);
  campaignId = (await api.request('POST', '/api/campaigns', { token: admin, body: { title: '2026 服务月', year: 2026, template: 'service-month' } })).body.id;
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const signedIn = (viewport = { width: 1280, height: 900 }): Promise<BrowserContext> =>
  signedInContext(browser, api.baseUrl, { username: ADMIN.username, password: ADMIN.password }, viewport);

const storedConfig = async () => (await api.request('GET', `/api/campaigns/${campaignId}`, { token: await api.loginAsAdmin() })).body.scoringConfig;

async function openCard(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/admin/campaigns/${campaignId}`);
  await page.locator('.console-scoring-config').getByText('评分方法', { exact: true }).waitFor();
  return page;
}

const card = (page: Page) => page.locator('.console-scoring-config');
const departmentsComposite = (page: Page) => page.getByRole('group', { name: '优质服务单位（市级部门）' });

async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: '保存评分方法' }).click();
}

it('puts the server\'s refusal of all-zero weights under their group, and saves nothing', async () => {
  const context = await signedIn();
  const page = await openCard(context);
  const group = departmentsComposite(page);
  // The weights as used, normalised to 100 %.
  await group.getByText('占 50%').waitFor();
  for (const part of ['企业评价', '区县政府评议', '责任书检查']) await group.getByLabel(part, { exact: true }).fill('0');
  await group.getByText('权重全为 0 或未填写，无法计算。').waitFor();
  // A single field's message stands under that field.
  await page.getByLabel('分数线').fill('120');

  await save(page);
  await group.getByRole('alert').getByText('composite.departments 的权重之和应大于 0。').waitFor();
  await expect(group.getByText('权重全为 0 或未填写，无法计算。').count()).resolves.toBe(0);
  await page.locator('.ant-form-item').filter({ has: page.getByLabel('分数线') }).getByText('awards.threshold 应为 0 到 100 之间的数。').waitFor();
  await card(page).getByText('评分配置有误，请看下方说明。').waitFor();
  // Only that group: the districts' composite carries no message.
  await expect(page.getByRole('group', { name: '投资环境优秀区域（县(市)区）' }).getByRole('alert').count()).resolves.toBe(0);
  const stored = await storedConfig();
  expect(stored.composite.departments).toEqual({ enterprises: 50, districts: 20, inspection: 30 });
  expect(stored.awards.threshold).toBe(85);
  await context.close();
});

it('restores the server\'s defaults', async () => {
  const admin = await api.loginAsAdmin();
  const changed = { ...defaultScoringConfig(), awards: { quotaShare: 0.3, quotaMinimum: 2, threshold: 70 }, points: { preset: 'five-level', values: { ...POINT_PRESETS['five-level'] } } };
  expect((await api.request('PUT', `/api/campaigns/${campaignId}/scoring-config`, { token: admin, body: changed })).status).toBe(200);

  const context = await signedIn();
  const page = await openCard(context);
  await expect(page.getByLabel('分数线').inputValue()).resolves.toBe('70');
  await page.getByRole('button', { name: '恢复默认值' }).click();
  await expect(page.getByLabel('分数线').inputValue()).resolves.toBe('85');
  await save(page);
  await page.getByText('评分方法已保存').waitFor();
  expect(await storedConfig()).toEqual(defaultScoringConfig());
  await context.close();
});

it('keeps a threshold of 80 and the county preset after a reload', async () => {
  const context = await signedIn();
  const page = await openCard(context);
  await page.getByLabel('分数线').fill('80');
  await page.getByLabel('赋分方案').click();
  await page.locator('.ant-select-item-option').getByText('县级实践（100 / 70 / 30）').click();
  await save(page);
  await page.getByText('评分方法已保存').waitFor();

  await page.reload();
  await card(page).getByText('评分方法', { exact: true }).waitFor();
  await expect(page.getByLabel('分数线').inputValue()).resolves.toBe('80');
  await expect(card(page).locator('#points_values_basically').textContent()).resolves.toBe('70');
  const stored = await storedConfig();
  expect(stored.awards.threshold).toBe(80);
  expect(stored.points).toEqual({ preset: 'county', values: POINT_PRESETS.county });
  // The sensitivity run compares with the scale given up, not with the one now used.
  expect(stored.alternativePoints).toEqual({ standard: POINT_PRESETS.standard });
  // Settings shown as percentages and not touched keep their exact share.
  expect(stored.eligibility.district.quorumShare).toBe(2 / 3);
  expect(stored.awards.quotaShare).toBe(0.2);
  await context.close();
});

it('fits a 360 px phone', async () => {
  const context = await signedIn({ width: 360, height: 740 });
  const page = await openCard(context);
  await departmentsComposite(page).getByLabel('企业评价', { exact: true }).scrollIntoViewIfNeeded();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  const box = await page.getByRole('button', { name: '保存评分方法' }).boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(360);
  await context.close();
});

it('says so when the campaign opened before a save, and shows the method read-only from then on', async () => {
  const context = await signedIn();
  const page = await openCard(context);
  expect((await api.request('POST', `/api/campaigns/${campaignId}/open`, { token: await api.loginAsAdmin() })).status).toBe(200);
  await page.getByLabel('分数线').fill('75');
  await save(page);
  await card(page).getByText('评议活动已开始，配置已冻结，不能再修改。').waitFor();
  await card(page).getByText('评议开始时评分方法已冻结，以下是本次活动使用的设置。').waitFor();
  expect((await storedConfig()).awards.threshold).toBe(80);

  await page.reload();
  await card(page).getByText('评议开始时评分方法已冻结，以下是本次活动使用的设置。').waitFor();
  await expect(card(page).locator('input').count()).resolves.toBe(0);
  await expect(page.getByRole('button', { name: '保存评分方法' }).count()).resolves.toBe(0);
  await expect(page.getByRole('button', { name: '恢复默认值' }).count()).resolves.toBe(0);
  await expect(card(page).locator('#awards_threshold').textContent()).resolves.toBe('80');
  await expect(card(page).locator('#points_preset').textContent()).resolves.toBe('县级实践（100 / 70 / 30）');
  await expect(card(page).locator('#awards_quotaShare').textContent()).resolves.toBe('20%');
  await context.close();
});
