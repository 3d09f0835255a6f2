import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, TestApp } from '../support/test-app.js';
import { launchBrowser, signInThroughForm } from '../support/browser.js';
import { answerRouteFiles, readManifest } from '../support/client-build.js';

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

async function newPage(viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  return context.newPage();
}

it('sends a visitor to the login page, refuses a wrong password, and lets the office in', async () => {
  const page = await newPage();
  await page.goto(`${api.baseUrl}/admin/users`);
  await page.waitForURL(/\/login\?next=/);

  await signInThroughForm(page, ADMIN.username, 'not-the-password');
  await page.getByText('用户名或密码错误。').waitFor();

  await signInThroughForm(page, ADMIN.username, ADMIN.password);
  await page.waitForURL(/\/admin\/users$/);
  await page.getByRole('cell', { name: ADMIN.username }).first().waitFor();
  await page.context().close();
});

it('creates a user from the console, and the new user can sign in', async () => {
  // A district user works for a district of the directory.
  const token = await api.loginAsAdmin();
  await api.request('PUT', '/api/directory/districts/Q01', { token, body: { nameZh: '西湖区', nameEn: 'Xihu District', kind: '区' } });
  const page = await newPage();
  await page.goto(`${api.baseUrl}/login`);
  await signInThroughForm(page, ADMIN.username, ADMIN.password);
  await page.waitForURL(/\/admin/);
  await page.goto(`${api.baseUrl}/admin/users`);
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill('district-user');
  await dialog.getByLabel('姓名').fill('西湖区政府');
  await dialog.getByLabel('角色').click();
  await page.getByTitle('区县用户').click();
  await dialog.getByLabel('所属区县').click();
  await page.getByTitle('Q01 西湖区').click();
  await dialog.getByLabel(/密码/).fill('district-password-1');
  await dialog.getByRole('button', { name: /创\s*建/ }).click();
  await page.getByRole('cell', { name: 'district-user' }).waitFor();
  await page.context().close();

  expect(await api.login('district-user', 'district-password-1')).toEqual(expect.any(String));
});

it('switches the console to English', async () => {
  const page = await newPage();
  await page.goto(`${api.baseUrl}/login`);
  await page.evaluate(() => localStorage.setItem('lang', 'en'));
  await page.reload();
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: /log in/i }).click();
  await page.waitForURL(/\/admin$/);
  await page.getByText('Overview').first().waitFor();
  await page.context().close();
});

it('serves the public answer route on a phone without loading the console library', async () => {
  const page = await newPage({ width: 360, height: 740 });
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto(`${api.baseUrl}/s/AAAAAAAAAAAAAAAAAAAAAA`);
  await page.getByText('此链接无效或已失效').waitFor();
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((s) => /antd|AdminShell|LoginPage/.test(s))).toEqual([]);

  // The same, read from the build: nothing the answer page imports statically is antd.
  const files = answerRouteFiles(readManifest(api.config.clientDist));
  expect(files.length).toBeGreaterThan(2);
  expect(files.filter((file) => /antd/.test(file))).toEqual([]);
  await page.context().close();
});
