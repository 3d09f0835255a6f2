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
 * and a preset are kept, and so are the 社会责任先进企业 weights, a count of awards and the rule
 * points, while a share above 100 % is refused under its field; the card fits a phone; and once
 * the campaign opens it is read-only.
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
const csrWeights = (page: Page) => page.getByRole('group', { name: '指标权重', exact: true });
const environmentPoints = (page: Page) => page.getByRole('group', { name: '环保：各项认证的分值' });
const formItem = (page: Page, label: string) => page.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });

async function chooseAwardBasis(page: Page, basis: string): Promise<void> {
  await page.getByLabel('推荐名额', { exact: true }).click();
  await page.locator('.ant-select-item-option').getByText(basis, { exact: true }).click();
}

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
  const defaults = defaultScoringConfig();
  const changed = {
    ...defaults,
    awards: { quotaShare: 0.3, quotaMinimum: 2, threshold: 70 },
    points: { preset: 'five-level', values: { ...POINT_PRESETS['five-level'] } },
    csr: { ...defaults.csr, award: { count: 7, share: null } },
  };
  expect((await api.request('PUT', `/api/campaigns/${campaignId}/scoring-config`, { token: admin, body: changed })).status).toBe(200);

  const context = await signedIn();
  const page = await openCard(context);
  await expect(page.getByLabel('分数线').inputValue()).resolves.toBe('70');
  await expect(page.getByLabel('推荐前 N 名').inputValue()).resolves.toBe('7');
  await page.getByRole('button', { name: '恢复默认值' }).click();
  await expect(page.getByLabel('分数线').inputValue()).resolves.toBe('85');
  await expect(page.getByLabel('推荐比例').inputValue()).resolves.toBe('20');
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

it('keeps the 社会责任先进企业 weights, a count of awards and the rule points after a reload', async () => {
  const context = await signedIn();
  const page = await openCard(context);
  const weights = csrWeights(page);
  await weights.getByText('占 30%').waitFor();
  await weights.getByLabel('环保', { exact: true }).fill('10');
  await weights.getByLabel('纳税', { exact: true }).fill('40');
  // The shares follow the weights as typed: 10 + 20 + 15 + 40 + 15.
  await weights.getByText('占 40%').waitFor();
  await expect(weights.getByText('占 30%').count()).resolves.toBe(0);
  await chooseAwardBasis(page, '固定名额（前 N 名）');
  await page.getByLabel('推荐前 N 名').fill('8');
  await environmentPoints(page).getByLabel('ISO 50001', { exact: true }).fill('10');
  await page.getByLabel('工会或职代会', { exact: true }).fill('40');
  await page.getByLabel('社会保险', { exact: true }).fill('60');
  await save(page);
  await page.getByText('评分方法已保存').waitFor();

  await page.reload();
  await card(page).getByText('评分方法', { exact: true }).waitFor();
  await expect(csrWeights(page).getByLabel('环保', { exact: true }).inputValue()).resolves.toBe('10');
  await expect(csrWeights(page).getByLabel('纳税', { exact: true }).inputValue()).resolves.toBe('40');
  await csrWeights(page).getByText('占 40%').waitFor();
  await formItem(page, '推荐名额').getByText('固定名额（前 N 名）', { exact: true }).waitFor();
  await expect(page.getByLabel('推荐前 N 名').inputValue()).resolves.toBe('8');
  await expect(environmentPoints(page).getByLabel('ISO 50001', { exact: true }).inputValue()).resolves.toBe('10');
  await expect(page.getByLabel('社会保险', { exact: true }).inputValue()).resolves.toBe('60');
  const stored = (await storedConfig()).csr;
  expect(stored.weights).toEqual({ environment: 10, labour: 20, employment: 15, tax: 40, charity: 15 });
  expect(stored.award).toEqual({ count: 8, share: null });
  expect(stored.points).toEqual({
    environment: { iso14001: 40, green_factory: 30, iso50001: 10, clean_production: 15 },
    labour: { union: 40, socialInsurance: 60 },
  });
  await context.close();
});

it('puts the server\'s refusal of a share above 100 % under the field, and of points over 100 under their group', async () => {
  const context = await signedIn();
  const page = await openCard(context);
  await chooseAwardBasis(page, '按比例');
  await page.getByLabel('推荐比例').fill('150');
  const environment = environmentPoints(page);
  await environment.getByLabel('ISO 14001', { exact: true }).fill('90');
  await environment.getByText('分值合计超过 100。').waitFor();

  await save(page);
  await formItem(page, '推荐比例').getByText('csr.award.share 应为 0 到 1 之间的数。').waitFor();
  await environment.getByRole('alert').getByText('csr.points.environment 的分值之和不能超过 100。').waitFor();
  await expect(environment.getByText('分值合计超过 100。').count()).resolves.toBe(0);
  const stored = (await storedConfig()).csr;
  expect(stored.award).toEqual({ count: 8, share: null });
  expect(stored.points.environment.iso14001).toBe(40);
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
  await expect(card(page).locator('#csr_award_basis').textContent()).resolves.toBe('固定名额（前 N 名）');
  await expect(card(page).locator('#csr_award_count').textContent()).resolves.toBe('8');
  await expect(card(page).locator('#csr_weights_tax').textContent()).resolves.toBe('40');
  await context.close();
});
