import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, signedInContext } from '../support/browser.js';
import { csv } from '../support/directory-files.js';
import { importSmallDirectory } from '../support/small-directory.js';
import { ADMIN, TestApp } from '../support/test-app.js';

/**
 * The office's inspection tab: scores and a veto typed in the table and saved, still there after
 * a reload; a score out of range refused with the message under its cell; a file checked, then
 * imported; and the table on a phone.
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

async function openTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/admin/campaigns/${campaignId}?tab=assessments`);
  await page.getByLabel('责任书检查得分 · 市商务局').waitFor();
  return page;
}

const row = (page: Page, name: string) => page.locator('.console-assessments-table tbody tr.ant-table-row').filter({ hasText: name });

it('saves an inspection score and a veto, and shows them after a reload', async () => {
  const context = await signedIn();
  const page = await openTab(context);
  await page.getByLabel('责任书检查得分 · 市商务局').fill('92.5');
  await page.getByLabel('自查得分 · 市商务局').fill('88');
  await row(page, '市商务局').getByText('齐全').click();
  await page.getByLabel('一票否决原因 · 江东区').fill('发生重大涉企服务投诉，经查属实');
  await page.getByRole('button', { name: /保存（2 个单位）/ }).click();
  await page.getByText('已保存，2 个单位有变化。').waitFor();

  await page.reload();
  await page.getByLabel('责任书检查得分 · 市商务局').waitFor();
  await expect(page.getByLabel('责任书检查得分 · 市商务局').inputValue()).resolves.toBe('92.5');
  await expect(page.getByLabel('自查得分 · 市商务局').inputValue()).resolves.toBe('88');
  await expect(page.getByLabel('自查材料齐全 · 市商务局').isChecked()).resolves.toBe(true);
  await expect(page.getByLabel('一票否决原因 · 江东区').inputValue()).resolves.toBe('发生重大涉企服务投诉，经查属实');
  // What the server has, too.
  const saved = (await api.request('GET', `/api/campaigns/${campaignId}/assessments`, { token: await api.loginAsAdmin() })).body as { code: string; inspectionScore: number | null; vetoReason: string | null }[];
  expect(saved.find((u) => u.code === 'D01')!.inspectionScore).toBe(92.5);
  expect(saved.find((u) => u.code === 'Q01')!.vetoReason).toBe('发生重大涉企服务投诉，经查属实');
  await context.close();
});

it('shows the server\'s message under a score out of range, and saves nothing', async () => {
  const context = await signedIn();
  const page = await openTab(context);
  await page.getByLabel('责任书检查得分 · 市税务局').fill('120');
  await page.getByLabel('客观指标得分 · 江东区').fill('80');
  await page.getByRole('button', { name: /保存（2 个单位）/ }).click();
  await row(page, '市税务局').locator('.console-assessment-error').getByText('应为 0 到 100 之间的数字').waitFor();
  await expect(page.locator('.console-assessment-error').count()).resolves.toBe(1);
  await page.getByText('有 1 处需要修改，未保存任何内容。').waitFor();
  const saved = (await api.request('GET', `/api/campaigns/${campaignId}/assessments`, { token: await api.loginAsAdmin() })).body as { code: string; inspectionScore: number | null; objectiveScore: number | null }[];
  expect(saved.find((u) => u.code === 'D02')!.inspectionScore).toBeNull();
  expect(saved.find((u) => u.code === 'Q01')!.objectiveScore).toBeNull();

  // Corrected, the message goes and both rows save.
  await page.getByLabel('责任书检查得分 · 市税务局').fill('90');
  await expect(page.locator('.console-assessment-error').count()).resolves.toBe(0);
  await page.getByRole('button', { name: /保存（2 个单位）/ }).click();
  await page.getByText('已保存，2 个单位有变化。').waitFor();
  await context.close();
});

it('checks a file first, lists its problems, then imports a good one', async () => {
  const context = await signedIn();
  const page = await openTab(context);
  const upload = (name: string, rows: string[][]) =>
    page.locator('.console-toolbar input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv(rows)) });

  await upload('bad.csv', [['类型', '代码', '责任书检查得分'], ['部门', 'D03', '75'], ['部门', 'D99', '80']]);
  const modal = page.locator('.console-assessments-import');
  await modal.getByText('文件中有 1 处问题，未导入任何数据').waitFor();
  await modal.getByText('名录中没有代码为“D99”的市级部门').waitFor();
  await modal.getByRole('button', { name: '关 闭', exact: true }).click();
  await expect(page.getByLabel('责任书检查得分 · 市供电公司').inputValue()).resolves.toBe('');

  await upload('good.csv', [['类型', '代码', '责任书检查得分'], ['部门', 'D03', '75']]);
  await modal.getByText('检查通过，尚未写入任何数据').waitFor();
  await modal.getByRole('button', { name: '确认导入' }).click();
  await page.getByText('导入完成：更新 1 个单位，0 个单位不变。').waitFor();
  // The table reloads after the import: wait for the imported value rather than read the old one.
  const imported = page.getByLabel('责任书检查得分 · 市供电公司');
  for (let i = 0; i < 100 && (await imported.inputValue()) !== '75'; i++) await page.waitForTimeout(100);
  await expect(imported.inputValue()).resolves.toBe('75');
  await context.close();
});

it('fits a phone: the table scrolls sideways within the page', async () => {
  const context = await signedIn({ width: 360, height: 740 });
  const page = await openTab(context);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  const table = await page.locator('.console-assessments-table .ant-table-content, .console-assessments-table .ant-table-body').first().evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
  expect(table.scroll).toBeGreaterThan(table.client);
  // The last column is reached by scrolling the table.
  await page.getByLabel('一票否决原因 · 江东区').scrollIntoViewIfNeeded();
  await page.getByLabel('一票否决原因 · 江东区').fill('弄虚作假');
  await page.getByRole('button', { name: /保存（1 个单位）/ }).click();
  await page.getByText('已保存，1 个单位有变化。').waitFor();
  await context.close();
});
