import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { launchBrowser, phonePage, signedInContext } from '../support/browser.js';
import { importSmallDirectory } from '../support/small-directory.js';
import { ADMIN, TestApp } from '../support/test-app.js';

/**
 * The whole life of a complaint, each step in the screen its user has: an enterprise raises it
 * through its link on an English phone without giving its name; the office assigns it to the
 * Municipal Taxation Bureau (D02) in the console; a D02 user replies under My cases without
 * learning who complained; the office closes it; the figures move from 0 % to 100 % closure for
 * D02; the enterprise reads the reply and rates it, and the figures count the rating.
 */
let api: TestApp;
let browser: Browser;
let db: DataSource;
let campaignId: string;
let enterprise: { id: string; link: string };
let companyName: string;
let unitUser: { username: string; password: string };

beforeAll(async () => {
  api = await TestApp.start();
  if (!existsSync(path.join(api.config.clientDist, 'index.html'))) throw new Error('the client is not built: run the tests with `npm test`');
  browser = await launchBrowser();
  db = api.app.get(DataSource);
  const admin = await api.loginAsAdmin();
  await importSmallDirectory(api, admin, 2);
  const campaign = (await api.request('POST', '/api/campaigns', { token: admin, body: { title: '2026 服务月', year: 2026, template: 'service-month' } })).body;
  campaignId = campaign.id;
  await api.request('POST', `/api/campaigns/${campaignId}/invitations`, { token: admin });
  expect((await api.request('POST', `/api/campaigns/${campaignId}/open`, { token: admin })).status).toBe(200);
  const links: { id: string; raterType: string; raterCode: string; link: string }[] = (
    await api.request('GET', `/api/campaigns/${campaignId}/invitations?pageSize=100`, { token: admin })
  ).body.items;
  enterprise = links.filter((l) => l.raterType === 'enterprise').sort((a, b) => a.raterCode.localeCompare(b.raterCode))[0]!;
  const [company] = await db.query('SELECT e.name_zh, e.name_en FROM invitations i JOIN enterprises e ON e.id = i.enterprise_id WHERE i.id = $1', [enterprise.id]);
  companyName = company.name_zh;
  unitUser = await api.userWithRole('department', admin, 'D02');
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const signedIn = (username: string, password: string): Promise<BrowserContext> => signedInContext(browser, api.baseUrl, { username, password });

/** A button's name: antd puts a space between two Chinese characters, and a name must not match a longer one (受理, 不予受理). */
const button = (label: string) => new RegExp(`(^|\\s)${[...label].join('\\s*')}$`);

const drawerOf = (page: Page) => page.locator('.console-case-drawer');

const COMPLAINT = 'Customs clearance of our imported moulds has been held for six weeks without a reason.';
const REPLY = '已协调海关于6月5日放行，延误原因已向企业书面说明。';

async function openCase(page: Page) {
  await page.locator('.console-cases-table tbody tr.ant-table-row').filter({ hasText: 'Customs clearance of our imported moulds' }).click();
  await drawerOf(page).getByText(COMPLAINT).waitFor();
}

/** D02's line in the figures view of the campaign's 案件督办 tab: closure rate, accepted, closed, rated, satisfaction. */
async function figuresOfD02(page: Page) {
  await page.goto(`${api.baseUrl}/admin/campaigns/${campaignId}?tab=cases`);
  await page.getByText('办理情况', { exact: true }).click();
  await page.waitForURL(/view=figures/);
  const row = page.locator('.console-case-figures-table tbody tr.ant-table-row').filter({ hasText: '市税务局' });
  await row.waitFor();
  const cells = await row.locator('td').allTextContents();
  return { closureRate: cells[1], accepted: cells[3], closed: cells[5], rectified: cells[8], rated: cells[10], satisfactionRate: cells[11] };
}

it('takes a complaint from the enterprise through the office and the department back to the enterprise, and counts it', async () => {
  // The enterprise raises it on its phone, not sharing who it is.
  const phone = await phonePage(browser);
  await phone.goto(`${api.baseUrl}${new URL(enterprise.link).pathname}`);
  await phone.getByRole('heading', { name: 'Problems and complaints' }).waitFor();
  await phone.getByRole('button', { name: 'Raise a problem or complaint' }).click();
  await phone.getByRole('textbox', { name: 'Describe the problem' }).fill(COMPLAINT);
  const identity = phone.getByRole('group', { name: 'May the department handling it see that it was your company?' });
  await expect(identity.getByRole('radio', { name: /^No/ }).isChecked()).resolves.toBe(true);
  await phone.getByRole('button', { name: 'Send' }).click();
  const item = phone.locator('.answer-case').filter({ hasText: 'Customs clearance of our imported moulds' });
  await item.locator('.answer-case__status', { hasText: 'Received' }).waitFor();

  // The office finds it in the campaign's 案件督办 tab and assigns it to D02.
  const office = await signedIn(ADMIN.username, ADMIN.password);
  let page = await office.newPage();
  await page.goto(`${api.baseUrl}/admin/campaigns/${campaignId}?tab=cases`);
  await openCase(page);
  const drawer = drawerOf(page);
  await drawer.locator('.ant-tag').getByText('待受理').waitFor();
  await drawer.getByRole('button', { name: button('交办') }).click();
  await drawer.getByLabel('承办单位').click();
  await page.keyboard.type('D02');
  await page.locator('.ant-select-item-option').filter({ hasText: '市税务局' }).click();
  await drawer.getByRole('button', { name: button('确定') }).click();
  await drawer.locator('.ant-tag').getByText('已交办').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('.console-cases-table').getByText('市税务局').waitFor();

  // The figures before D02 answers: one case accepted, none closed.
  const before = await figuresOfD02(page);
  expect(before).toEqual({ closureRate: '0%', accepted: '1', closed: '0', rectified: '0', rated: '0', satisfactionRate: '—' });
  await page.close();

  // The enterprise sees who handles it.
  await phone.reload();
  await item.locator('.answer-case__status', { hasText: 'Being handled by Municipal Taxation Bureau' }).waitFor();

  // A D02 user opens My cases, cannot see which company complained, and replies.
  const unit = await signedIn(unitUser.username, unitUser.password);
  const unitPage = await unit.newPage();
  await unitPage.goto(`${api.baseUrl}/admin`);
  await unitPage.getByRole('menuitem', { name: '我的案件' }).click();
  await unitPage.waitForURL(/\/admin\/my-cases/);
  await openCase(unitPage);
  const unitDrawer = drawerOf(unitPage);
  await unitDrawer.getByText('企业要求不公开名称').waitFor();
  await expect(unitDrawer.textContent()).resolves.not.toContain(companyName);
  await expect(unitPage.locator('body').textContent()).resolves.not.toContain(companyName);
  await unitDrawer.getByRole('button', { name: button('答复') }).click();
  await unitDrawer.getByLabel('答复内容').fill(REPLY);
  await unitDrawer.getByRole('button', { name: button('确定') }).click();
  await unitDrawer.locator('.ant-tag').getByText('已答复').waitFor();
  await unit.close();

  // The office closes it.
  page = await office.newPage();
  await page.goto(`${api.baseUrl}/admin/campaigns/${campaignId}?tab=cases`);
  await openCase(page);
  await drawerOf(page).getByText(REPLY).first().waitFor();
  await drawerOf(page).getByRole('button', { name: button('办结') }).click();
  await drawerOf(page).getByText('已整改', { exact: true }).click();
  await drawerOf(page).getByRole('button', { name: button('确定') }).click();
  await drawerOf(page).locator('.ant-tag').getByText('已办结').waitFor();
  await page.keyboard.press('Escape');

  // The figures now show D02 with its one case closed.
  const after = await figuresOfD02(page);
  expect(after).toEqual({ closureRate: '100%', accepted: '1', closed: '1', rectified: '1', rated: '0', satisfactionRate: '—' });
  await page.locator('.console-case-figures-chart canvas').waitFor();

  // The enterprise reads the reply and rates the handling.
  await phone.reload();
  await item.locator('.answer-case__status', { hasText: 'Closed' }).waitFor();
  await item.locator('.answer-case__reply').getByText(REPLY).waitFor();
  const satisfied = item.getByRole('button', { name: 'Satisfied', exact: true });
  await expect(satisfied.getAttribute('aria-pressed')).resolves.toBe('false');
  await satisfied.click();
  await item.locator('[aria-pressed="true"]').filter({ hasText: /^Satisfied$/ }).waitFor();
  await phone.context().close();

  // The rating shows in the figures too.
  const rated = await figuresOfD02(page);
  expect(rated).toEqual({ closureRate: '100%', accepted: '1', closed: '1', rectified: '1', rated: '1', satisfactionRate: '100%' });
  await office.close();

  // And in the database: closed, rated satisfied, and each step recorded in order.
  const [stored] = await db.query('SELECT id, source, status, identity_shared, handling_rating, rectified FROM cases WHERE invitation_id = $1', [enterprise.id]);
  expect(stored).toMatchObject({ source: 'complaint', status: 'closed', identity_shared: false, handling_rating: 'satisfied', rectified: true });
  const events: { action: string; actor_kind: string }[] = await db.query('SELECT action, actor_kind FROM case_events WHERE case_id = $1 ORDER BY at, id', [stored.id]);
  expect(events.map((e) => e.action)).toEqual(['create', 'assign', 'reply', 'close', 'rate']);
  expect(events.map((e) => e.actor_kind)).toEqual(['enterprise', 'office', 'unit', 'office', 'enterprise']);
});
