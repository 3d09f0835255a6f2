import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, signedInContext } from '../support/browser.js';
import { importSmallDirectory } from '../support/small-directory.js';
import { ADMIN, TestApp } from '../support/test-app.js';

/**
 * A case from start to end in the console: the office enters a phone call and assigns it to
 * the tax bureau (D02); a D02 user finds it under My cases and replies; the office closes it;
 * the figures show D02 with all its cases closed.
 */
let api: TestApp;
let browser: Browser;
let campaignId: string;
let unitUser: { username: string; password: string };

beforeAll(async () => {
  api = await TestApp.start();
  if (!existsSync(path.join(api.config.clientDist, 'index.html'))) throw new Error('the client is not built: run the tests with `npm test`');
  browser = await launchBrowser();
  const admin = await api.loginAsAdmin();
  await importSmallDirectory(api, admin, 3);
  const campaign = (await api.request('POST', '/api/campaigns', { token: admin, body: { title: '2026 服务月', year: 2026, template: 'service-month' } })).body;
  campaignId = campaign.id;
  unitUser = await api.userWithRole('department', admin, 'D02');
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const signedIn = (username: string, password: string, viewport = { width: 1280, height: 900 }): Promise<BrowserContext> =>
  signedInContext(browser, api.baseUrl, { username, password }, viewport);

/** A button's name: antd puts a space between two Chinese characters, and a name must not match a longer one (受理, 不予受理). */
const button = (label: string) => new RegExp(`(^|\\s)${[...label].join('\\s*')}$`);

const TEXT = '企业反映办理税务登记时多次往返，希望一次办结。';

/** The drawer of the open case. */
const drawerOf = (page: Page) => page.locator('.console-case-drawer');

async function openCase(page: Page) {
  await page.locator('.console-cases-table tbody tr.ant-table-row').filter({ hasText: '2026-' }).first().click();
  await drawerOf(page).getByText(TEXT).waitFor();
}

it('takes a case from the office to the department and back to closure, and counts it in the figures', async () => {
  // The office enters the call and assigns it to D02.
  const office = await signedIn(ADMIN.username, ADMIN.password);
  let page = await office.newPage();
  await page.goto(`${api.baseUrl}/admin/campaigns/${campaignId}?tab=cases`);
  await page.getByRole('button', { name: button('登记案件') }).click();
  const modal = page.locator('.ant-modal');
  await modal.getByLabel('问题内容').fill(TEXT);
  await modal.getByRole('button', { name: button('确定') }).click();
  const drawer = drawerOf(page);
  await drawer.getByText(TEXT).waitFor();
  await drawer.locator('.ant-tag').getByText('待受理').waitFor();
  await drawer.getByRole('button', { name: button('交办') }).click();
  await drawer.getByText('不填则为交办之日起 15 个工作日。').waitFor();
  await drawer.getByLabel('承办单位').click();
  await page.keyboard.type('D02');
  await page.locator('.ant-select-item-option').filter({ hasText: '市税务局' }).click();
  await drawer.getByRole('button', { name: button('确定') }).click();
  await drawer.locator('.ant-tag').getByText('已交办').waitFor();
  await drawer.locator('.ant-timeline').getByText('交办').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('.console-cases-table').getByText('市税务局').waitFor();
  await page.close();

  // The D02 user finds it under My cases and replies.
  const unit = await signedIn(unitUser.username, unitUser.password);
  const unitPage = await unit.newPage();
  await unitPage.goto(`${api.baseUrl}/admin`);
  await unitPage.getByRole('menuitem', { name: '我的案件' }).waitFor();
  // Units cannot list campaigns, so the page is opened for the campaign, as a link from the office would.
  await unitPage.goto(`${api.baseUrl}/admin/my-cases?campaign=${campaignId}`);
  await openCase(unitPage);
  const unitDrawer = drawerOf(unitPage);
  await expect(unitDrawer.getByRole('button', { name: button('交办') }).count()).resolves.toBe(0);
  await unitDrawer.getByRole('button', { name: button('答复') }).click();
  await unitDrawer.getByLabel('答复内容').fill('已安排专人对接，材料齐全可一次办结。');
  await unitDrawer.getByRole('button', { name: button('确定') }).click();
  await unitDrawer.locator('.ant-tag').getByText('已答复').waitFor();
  await unit.close();

  // The office closes it.
  page = await office.newPage();
  await page.goto(`${api.baseUrl}/admin/campaigns/${campaignId}?tab=cases`);
  await openCase(page);
  await drawerOf(page).getByText('已安排专人对接，材料齐全可一次办结。').first().waitFor();
  await drawerOf(page).getByRole('button', { name: button('办结') }).click();
  await drawerOf(page).getByText('已整改', { exact: true }).click();
  await drawerOf(page).getByRole('button', { name: button('确定') }).click();
  await drawerOf(page).locator('.ant-tag').getByText('已办结').waitFor();
  await page.keyboard.press('Escape');

  // The figures: D02 closed all it had.
  await page.getByText('办理情况', { exact: true }).click();
  await page.waitForURL(/view=figures/);
  const row = page.locator('.console-case-figures-table tbody tr.ant-table-row').filter({ hasText: '市税务局' });
  await expect(row.locator('td').nth(1).textContent()).resolves.toBe('100%');
  await page.locator('.console-case-figures-chart canvas').waitFor();
  await office.close();
});

it('shows the office a transition the server refuses with its own message', async () => {
  const admin = await api.loginAsAdmin();
  const created = (await api.request('POST', `/api/campaigns/${campaignId}/cases`, { token: admin, body: { text: '重复提交的问题' } })).body;
  const office = await signedIn(ADMIN.username, ADMIN.password);
  const page = await office.newPage();
  await page.goto(`${api.baseUrl}/admin/campaigns/${campaignId}?tab=cases`);
  await page.locator('.console-cases-table tbody tr.ant-table-row').filter({ hasText: created.number }).click();
  const drawer = drawerOf(page);
  await drawer.getByRole('button', { name: button('受理') }).waitFor();
  // Rejected behind the console's back: the button it still shows is now refused.
  await api.request('POST', `/api/cases/${created.id}/reject`, { token: admin, body: { text: '重复' } });
  await drawer.getByRole('button', { name: button('受理') }).click();
  await drawer.locator('.ant-alert-error').waitFor();
  await office.close();
});

it('fits a phone: the list scrolls and the drawer takes the full width', async () => {
  const context = await signedIn(ADMIN.username, ADMIN.password, { width: 360, height: 740 });
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/admin/campaigns/${campaignId}?tab=cases`);
  await page.locator('.console-cases-table tbody tr.ant-table-row').first().click();
  const panel = page.locator('.ant-drawer-content-wrapper, .ant-drawer-section').first();
  await panel.waitFor();
  const box = await panel.boundingBox();
  expect(Math.round(box!.width)).toBe(360);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await context.close();
});
