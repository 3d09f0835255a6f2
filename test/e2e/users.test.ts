import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, signedInContext } from '../support/browser.js';
import { importSmallDirectory } from '../support/small-directory.js';
import { ADMIN, TestApp } from '../support/test-app.js';

/** Department and district users get their unit in the console (departments D01–D03, districts Q01–Q02). */
let api: TestApp;
let admin: string;
let browser: Browser;

beforeAll(async () => {
  api = await TestApp.start();
  if (!existsSync(path.join(api.config.clientDist, 'index.html'))) throw new Error('the client is not built: run the tests with `npm test`');
  admin = await api.loginAsAdmin();
  await importSmallDirectory(api, admin, 1);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

async function usersPage(): Promise<Page> {
  const context = await signedInContext(browser, api.baseUrl, ADMIN);
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/admin/users`);
  await page.getByRole('cell', { name: ADMIN.username }).first().waitFor();
  return page;
}

/** Picks an option of the select that is open now. */
async function choose(page: Page, title: string): Promise<void> {
  await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${title}"]`).click();
}

async function findUser(username: string) {
  const users = (await api.request('GET', '/api/users', { token: admin })).body as { username: string; role: string; unit: { code: string } | null }[];
  return users.find((user) => user.username === username);
}

function fieldError(dialog: Locator, label: string): Locator {
  return dialog.locator('.ant-form-item').filter({ has: dialog.page().getByLabel(label) }).locator('.ant-form-item-explain');
}

it('creates a department user of the department chosen, showing the server’s refusal under the select', async () => {
  const page = await usersPage();
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill('tax-liaison');
  await dialog.getByLabel('姓名').fill('税务局联络员');
  await dialog.getByLabel(/密码/).fill('tax-liaison-password');

  // New users start as department users, who must name their department.
  await dialog.getByRole('button', { name: /创\s*建/ }).click();
  await fieldError(dialog, '所属部门').getByText('请选择该用户所属的部门').waitFor();

  // A department removed from the directory meanwhile: the server's reason lands under the select.
  await dialog.getByLabel('所属部门').click();
  await choose(page, 'D03 市供电公司');
  expect((await api.request('DELETE', '/api/directory/departments/D03', { token: admin })).status).toBeLessThan(300);
  await dialog.getByRole('button', { name: /创\s*建/ }).click();
  await fieldError(dialog, '所属部门').getByText('名录中没有代码为 D03 的部门。').waitFor();

  // Searching narrows the list on the server.
  await dialog.getByLabel('所属部门').fill('税务');
  await page.locator('.ant-select-item-option[title="D01 市商务局"]').waitFor({ state: 'detached' });
  await choose(page, 'D02 市税务局');
  await dialog.getByRole('button', { name: /创\s*建/ }).click();
  await page.getByRole('cell', { name: 'D02 市税务局' }).waitFor();
  expect((await findUser('tax-liaison'))?.unit?.code).toBe('D02');
  await page.context().close();
});

it('moves a user to a district, then to a role without a unit', async () => {
  const { username } = await api.userWithRole('department', admin, 'D01');
  const page = await usersPage();
  const row = page.getByRole('row', { name: new RegExp(username) });
  await row.getByRole('cell', { name: 'D01 市商务局' }).waitFor();

  await row.getByRole('button', { name: /编\s*辑/ }).click();
  const dialog = page.getByRole('dialog');
  // The edit form starts from the user's department.
  await dialog.getByTitle('D01 市商务局').waitFor();
  await dialog.getByLabel('角色').click();
  await choose(page, '区县用户');
  await dialog.getByLabel('所属区县').click();
  await choose(page, 'Q01 江东区');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await row.getByRole('cell', { name: 'Q01 江东区' }).waitFor();
  expect(await findUser(username)).toMatchObject({ role: 'district', unit: { code: 'Q01' } });

  await row.getByRole('button', { name: /编\s*辑/ }).click();
  await dialog.getByTitle('Q01 江东区').waitFor();
  await dialog.getByLabel('角色').click();
  await choose(page, '领导查看');
  await expect(dialog.getByLabel('所属区县').count()).resolves.toBe(0);
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await row.getByText('领导查看').waitFor();
  expect(await findUser(username)).toMatchObject({ role: 'viewer', unit: null });
  await page.context().close();
});
