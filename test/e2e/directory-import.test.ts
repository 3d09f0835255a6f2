import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { ADMIN, TestApp } from '../support/test-app.js';
import { launchBrowser, signInThroughForm } from '../support/browser.js';
import { csv, DEPARTMENT_HEADER, DISTRICT_HEADER } from '../support/directory-files.js';

let api: TestApp;
let browser: Browser;

beforeAll(async () => {
  api = await TestApp.start();
  if (!existsSync(path.join(api.config.clientDist, 'index.html'))) throw new Error('the client is not built: run the tests with `npm test`');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

async function signedInPage(viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/login`);
  await signInThroughForm(page, ADMIN.username, ADMIN.password);
  await page.waitForURL(/\/admin$/);
  return page;
}

/** Chooses a file through the page's file input, as dropping it on the upload area would. */
async function chooseFile(page: Page, name: string, content: string): Promise<void> {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
}

/** The number shown on the preview card with this title (新增, 更新, 未变). */
function countCard(page: Page, title: string): Locator {
  return page.locator('.ant-statistic').filter({ has: page.locator('.ant-statistic-title', { hasText: title }) }).locator('.ant-statistic-content');
}

const departments = csv([
  DEPARTMENT_HEADER,
  ['D01', '市商务局', 'Municipal Bureau of Commerce', '综合管理类'],
  ['D02', '市税务局', 'Municipal Taxation Bureau', '执法监督类'],
  ['D03', '市供电公司', 'City Power Supply Company', '公共服务类'],
]);
const districts = csv([
  DISTRICT_HEADER,
  ['Q01', '江东区', 'Jiangdong District', '区'],
  ['Q02', '江州经济技术开发区', 'Jiangzhou Economic and Technological Development Zone', '开发区'],
]);

it('imports departments and districts through the page: preview, confirm, result, then the rows in the lists', async () => {
  const page = await signedInPage();
  await page.goto(`${api.baseUrl}/admin/directory/import`);

  // Departments are the list chosen by default.
  await chooseFile(page, '市级部门.csv', departments);
  await page.getByText('检查通过，尚未写入任何数据').waitFor();
  expect(await countCard(page, '新增').innerText()).toBe('3');
  expect(await countCard(page, '更新').innerText()).toBe('0');
  expect(await countCard(page, '未变').innerText()).toBe('0');
  // The preview wrote nothing.
  expect((await api.request('GET', '/api/directory/departments', { token: await api.loginAsAdmin() })).body.total).toBe(0);

  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByText('导入完成').waitFor();
  await page.getByText('市级部门：新增 3 条，更新 0 条，未变 0 条。').waitFor();
  await page.getByRole('button', { name: '查看名录' }).click();
  await page.waitForURL(/\/admin\/directory\/departments$/);
  for (const name of ['市商务局', '市税务局', '市供电公司']) await page.getByText(name, { exact: true }).waitFor();
  await page.getByRole('cell', { name: 'D03' }).waitFor();

  // Districts, chosen on the page.
  await page.goto(`${api.baseUrl}/admin/directory/import`);
  // antd draws the radio button over a transparent input: click its label.
  await page.locator('label', { has: page.getByRole('radio', { name: '县(市)区' }) }).click();
  await page.waitForURL(/kind=districts/);
  await chooseFile(page, 'districts.csv', districts);
  await page.getByText('检查通过，尚未写入任何数据').waitFor();
  expect(await countCard(page, '新增').innerText()).toBe('2');
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByText('县(市)区：新增 2 条，更新 0 条，未变 0 条。').waitFor();
  await page.getByRole('button', { name: '查看名录' }).click();
  await page.waitForURL(/\/admin\/directory\/districts$/);
  await page.getByText('江州经济技术开发区', { exact: true }).waitFor();
  const zone = page.getByRole('row').filter({ hasText: 'Q02' });
  await zone.getByText('开发区', { exact: true }).waitFor();

  // The same file again changes nothing, and the page says so.
  await page.goto(`${api.baseUrl}/admin/directory/import?kind=districts`);
  await chooseFile(page, 'districts.csv', districts);
  await page.getByText('文件内容与名录完全一致，无需导入。').waitFor();
  expect(await countCard(page, '未变').innerText()).toBe('2');
  expect(await page.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
  await page.context().close();
});

it('lists the problems of an invalid file by Excel row and writes nothing', async () => {
  const page = await signedInPage({ width: 360, height: 740 });
  await page.goto(`${api.baseUrl}/admin/directory/import`);
  const invalid = csv([DEPARTMENT_HEADER, ['D10', '市教育局', 'Municipal Education Bureau', '公共服务类'], ['D11', '', '', '公共服务类']]);
  await chooseFile(page, 'invalid.csv', invalid);
  await page.getByText('文件中有 1 处问题，未导入任何数据').waitFor();
  const problem = page.getByRole('row').filter({ hasText: 'name_zh' });
  expect(await problem.getByRole('cell').first().innerText()).toBe('3');
  await problem.getByText('“部门名称”不能为空').waitFor();
  const listed = await api.request('GET', '/api/directory/departments?q=D10', { token: await api.loginAsAdmin() });
  expect(listed.body.total).toBe(0);

  await page.getByRole('button', { name: '重新选择文件' }).click();
  await page.getByText('点击选择或将文件拖到此处').waitFor();
  await page.context().close();
});
