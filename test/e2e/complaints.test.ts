import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { launchBrowser, phonePage } from '../support/browser.js';
import { importSmallDirectory } from '../support/small-directory.js';
import { TestApp } from '../support/test-app.js';

/**
 * An enterprise raises a complaint on its phone, in English, through its link; the office assigns
 * it to the Municipal Taxation Bureau (D02), which replies; the enterprise reads the reply and rates it.
 */
let api: TestApp;
let browser: Browser;
let db: DataSource;
let admin: string;
let enterprise: { id: string; link: string };

beforeAll(async () => {
  api = await TestApp.start();
  if (!existsSync(path.join(api.config.clientDist, 'index.html'))) throw new Error('the client is not built: run the tests with `npm test`');
  browser = await launchBrowser();
  db = api.app.get(DataSource);
  admin = await api.loginAsAdmin();
  await importSmallDirectory(api, admin, 2);
  const campaign = (await api.request('POST', '/api/campaigns', { token: admin, body: { title: '2026 服务月', year: 2026, template: 'service-month' } })).body;
  await api.request('POST', `/api/campaigns/${campaign.id}/invitations`, { token: admin });
  expect((await api.request('POST', `/api/campaigns/${campaign.id}/open`, { token: admin })).status).toBe(200);
  const links: { id: string; raterType: string; raterCode: string; link: string }[] = (
    await api.request('GET', `/api/campaigns/${campaign.id}/invitations?pageSize=100`, { token: admin })
  ).body.items;
  enterprise = links.filter((l) => l.raterType === 'enterprise').sort((a, b) => a.raterCode.localeCompare(b.raterCode))[0]!;
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const phone = (): Promise<Page> => phonePage(browser);

it('raises a complaint without sharing who it is, reads the reply and rates the handling', async () => {
  const page = await phone();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  const linkPath = new URL(enterprise.link).pathname;
  await page.goto(`${api.baseUrl}${linkPath}`);
  await page.getByRole('heading', { name: 'Problems and complaints' }).waitFor();
  // No cases yet: the form and the list are not downloaded until asked for.
  expect(scripts.filter((s) => s.includes('CasesSection'))).toEqual([]);

  await page.getByRole('button', { name: 'Raise a problem or complaint' }).click();
  const text = page.getByRole('textbox', { name: 'Describe the problem' });
  await text.waitFor();
  await expect(text.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
  const identity = page.getByRole('group', { name: 'May the department handling it see that it was your company?' });
  await expect(identity.getByRole('radio', { name: /^No/ }).isChecked()).resolves.toBe(true);
  await page.getByText('usually has 15 working days to reply', { exact: false }).waitFor();
  const complaint = 'The tax refund for exports has been pending for three months.';
  await text.fill(complaint);
  await page.getByText(`${complaint.length} / 20000`).waitFor();
  await page.getByRole('button', { name: 'Send' }).click();
  const item = page.locator('.answer-case').filter({ hasText: 'The tax refund for exports' });
  await item.locator('.answer-case__status', { hasText: 'Received' }).waitFor();
  expect(scripts.filter((s) => s.includes('CasesSection'))).toHaveLength(1);
  // The page is no wider than the phone.
  await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);

  const [stored] = await db.query('SELECT id, source, status, identity_shared FROM cases WHERE invitation_id = $1', [enterprise.id]);
  expect(stored).toMatchObject({ source: 'complaint', status: 'new', identity_shared: false });

  const assigned = await api.request('POST', `/api/cases/${stored.id}/assign`, { token: admin, body: { unitCode: 'D02' } });
  expect(assigned.status).toBe(200);
  await page.reload();
  await item.locator('.answer-case__status', { hasText: 'Being handled by Municipal Taxation Bureau' }).waitFor();
  await expect(item.getByRole('button', { name: 'Satisfied', exact: true }).count()).resolves.toBe(0);

  const department = await api.userWithRole('department', admin, 'D02');
  const seen = await api.request('GET', `/api/cases/${stored.id}`, { token: department.token });
  expect(seen.body.enterprise).toBeNull();
  const replied = await api.request('POST', `/api/cases/${stored.id}/reply`, { token: department.token, body: { text: 'The refund was paid on 3 June; sorry for the delay.' } });
  expect(replied.status).toBe(200);

  await page.reload();
  await item.locator('.answer-case__status', { hasText: 'Replied' }).waitFor();
  await item.getByText('The refund was paid on 3 June; sorry for the delay.').waitFor();
  const satisfied = item.getByRole('button', { name: 'Satisfied', exact: true });
  await expect(satisfied.getAttribute('aria-pressed')).resolves.toBe('false');
  await satisfied.focus();
  await page.keyboard.press('Enter');
  await item.locator('[aria-pressed="true"]').filter({ hasText: /^Satisfied$/ }).waitFor();

  const [rated] = await db.query('SELECT handling_rating FROM cases WHERE id = $1', [stored.id]);
  expect(rated.handling_rating).toBe('satisfied');
  await page.context().close();
});
