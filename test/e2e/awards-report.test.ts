import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, scriptsOf, signedInContext } from '../support/browser.js';
import { closeAndCompute, openCampaignWithBallots } from '../support/campaign-with-results.js';
import { readManifest, staticallyLoadedFiles } from '../support/client-build.js';
import { ADMIN, TestApp } from '../support/test-app.js';

/**
 * The end of a campaign in the browser: the office awards a unit the rules did not propose, with
 * a reason, confirms the awards and publishes; everyone reads the awards on the public page in
 * Chinese and English; the printable report comes out on A4. The ballots are those of
 * test/support/campaign-with-results.ts: D01 市商务局 and Q01 江东区 proposed, D02 市税务局 not.
 */
let api: TestApp;
let browser: Browser;
let campaignId: string;
let slug: string;

const REASON = '全年专项服务成效突出，经评议部集体研究增列。';

beforeAll(async () => {
  api = await TestApp.start();
  if (!existsSync(path.join(api.config.clientDist, 'index.html'))) throw new Error('the client is not built: run the tests with `npm test`');
  browser = await launchBrowser();
  const admin = await api.loginAsAdmin();
  ({ campaignId, slug } = await openCampaignWithBallots(api, admin));
  await closeAndCompute(api, admin, campaignId);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const signedIn = () => signedInContext(browser, api.baseUrl, ADMIN);

/** The row of a unit in the awards confirmation. */
const awardRow = (page: Page, name: string) => page.locator('.awards-table tr.ant-table-row').filter({ hasText: name });

it('voids a flagged ballot with a reason; the awards wait for a new computation', async () => {
  const context = await signedIn();
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/admin/campaigns/${campaignId}?tab=results&view=quality`);
  const rows = page.locator('.quality-table tr.ant-table-row');
  await rows.first().waitFor();
  const first = rows.first();
  const receipt = (await first.locator('.quality-receipt').textContent())!;
  await expect(first.textContent()).resolves.toContain('雷同答卷');

  await first.getByRole('button', { name: /作\s*废/ }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: `作废答卷 ${receipt}` });
  await dialog.getByRole('textbox', { name: '理由' }).fill('与另一份答卷雷同，经核实为重复提交');
  await dialog.getByRole('button', { name: '作废答卷' }).click();
  await dialog.waitFor({ state: 'hidden' });
  // Other ballots name it among their near copies: its row is the one whose receipt it is.
  const voided = rows.filter({ has: page.locator('.quality-receipt', { hasText: receipt }) });
  await voided.getByText('已作废').waitFor();
  await expect(voided.getByRole('button').count()).resolves.toBe(0);
  await page.getByText('已有答卷作废，但当前结果是在此之前计算的。').waitFor();

  // Confirming now is refused with the server's reason, where the button is.
  await page.getByText('获奖确认', { exact: true }).click();
  await page.getByRole('button', { name: '确认获奖名单' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确认获奖名单' }).click();
  await page.locator('.awards-refusal').getByText('计算结果之后，检查得分、否决名单、社会责任申报的核查数据、作废的答卷或名录有了变化，请先重新计算结果再确认。').waitFor();

  // Computed again, the ballot has left the scores and the queue.
  await page.getByRole('button', { name: '重新计算' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '重新计算' }).click();
  await page.getByText('数据质量', { exact: true }).click();
  await page.getByText(/已作废 0 份$/).waitFor({ timeout: 60_000 });
  await expect(voided.count()).resolves.toBe(0);
  await context.close();
});

it('overrides an award with a reason, confirms the awards and publishes', async () => {
  const context = await signedIn();
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/admin/campaigns/${campaignId}?tab=results&view=awards`);
  await page.locator('.awards-card').first().waitFor();

  // The rules propose 市商务局; 市税务局 is below the threshold.
  await expect(awardRow(page, '市商务局').textContent()).resolves.toContain('建议授奖');
  const taxBureau = awardRow(page, '市税务局');
  await expect(taxBureau.textContent()).resolves.toContain('未进入名额');
  // Publishing waits for the confirmation, and says so.
  await expect(page.getByRole('button', { name: '发布结果' }).isDisabled()).resolves.toBe(true);
  await page.getByText('发布前，需要先确认获奖名单。').waitFor();

  await taxBureau.getByRole('button', { name: '改为授奖' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '授予“市税务局”优质服务单位' });
  await dialog.waitFor();
  // No reason, no override.
  await dialog.getByRole('button', { name: '保存调整' }).click();
  await dialog.getByText('请填写理由（至少 2 个字）。').waitFor();
  await dialog.getByRole('textbox', { name: '理由' }).fill(REASON);
  await dialog.getByRole('button', { name: '保存调整' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await taxBureau.getByText('已调整').waitFor();
  await taxBureau.getByText(`理由：${REASON}`).waitFor();
  await expect(taxBureau.getByRole('button', { name: '恢复规则建议' }).count()).resolves.toBe(1);

  await page.getByRole('button', { name: '确认获奖名单' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确认获奖名单' }).click();
  // Confirmed, or refused with the server's reason, which then is the failure to read.
  await page.locator('.awards-confirmed, .awards-refusal').first().waitFor({ timeout: 60_000 });
  await expect(page.locator('.awards-refusal').count().then(async (n) => (n ? page.locator('.awards-refusal').textContent() : null))).resolves.toBeNull();
  await page.getByText(/^已于 .+ 确认$/).waitFor();

  const publish = page.getByRole('button', { name: '发布结果' });
  await expect(publish.isEnabled()).resolves.toBe(true);
  await publish.click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '发布结果' }).click();
  await page.getByText(/^结果已于 .+ 发布，不能再修改。$/).waitFor();
  // Published: nothing more to decide, and the public page is linked.
  await expect(page.getByRole('button', { name: '改为授奖' }).count()).resolves.toBe(0);
  await expect(page.getByRole('link', { name: '公开页面' }).getAttribute('href')).resolves.toBe(`/results/${slug}`);

  const campaign = (await api.request('GET', `/api/campaigns/${campaignId}`, { token: await api.loginAsAdmin() })).body;
  expect(campaign.status).toBe('published');
  await context.close();
});

it('shows the published awards to anyone, in Chinese and after the toggle in English, without the console\'s code', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const scripts = scriptsOf(page);
  await page.goto(`${api.baseUrl}/results/${slug}`);
  await page.getByRole('heading', { level: 1, name: '2026 外商投资企业服务月评议结果' }).waitFor();

  const serviceUnits = page.locator('section.public-results__award').filter({ has: page.getByRole('heading', { level: 2, name: /优质服务单位/ }) });
  await serviceUnits.locator('.public-results__name', { hasText: '市税务局' }).waitFor();
  await expect(serviceUnits.locator('.public-results__unit .public-results__name').allTextContents()).resolves.toEqual(expect.arrayContaining(['市商务局', '市税务局']));
  await page.locator('.public-results__award').filter({ hasText: '投资环境优秀区域' }).getByText('江东区').waitFor();
  // Nothing of the deliberation is public.
  await expect(page.locator('body').textContent()).resolves.not.toContain(REASON);

  await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: '2026 Foreign-Invested Enterprise Service Month: Results' }).waitFor();
  await serviceUnits.locator('.public-results__name', { hasText: 'Municipal Taxation Bureau' }).waitFor();
  await page.getByRole('heading', { level: 2, name: /Quality Service Units/ }).waitFor();
  await page.getByRole('heading', { level: 3, name: /Law enforcement and supervision/ }).waitFor();
  await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');

  // The console's antd chunk is neither loaded nor reachable from the entry, the router or the page.
  const manifest = readManifest(api.config.clientDist);
  const antd = Object.values(manifest).find((chunk) => chunk.name === 'antd')!.file;
  expect(staticallyLoadedFiles(manifest, 'index.html', 'src/router.tsx', 'src/public/PublicResultsPage.tsx')).not.toContain(antd);
  expect(scripts.filter((script) => script.endsWith(antd))).toEqual([]);
  await context.close();
});

it('says plainly when a campaign\'s results are not published', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/results/no-such-campaign`);
  await page.getByRole('heading', { name: '结果尚未发布' }).waitFor();
  await context.close();
});

it('prints the report on A4: its title, the awards and the ranking tables, without the toolbar', async () => {
  const context = await signedIn();
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/admin/campaigns/${campaignId}/report`);
  const title = page.getByRole('heading', { level: 1, name: '2026 外商投资企业服务月评议结果' });
  await title.waitFor();
  await page.getByText('2026 Foreign-Invested Enterprise Service Month: Results of the Evaluation').waitFor();
  await expect(page.getByRole('button', { name: /打\s*印/ }).isVisible()).resolves.toBe(true);

  await page.emulateMedia({ media: 'print' });
  await expect(title.isVisible()).resolves.toBe(true);
  await expect(page.locator('.report-toolbar').isVisible()).resolves.toBe(false);
  const awards = page.locator('.report__section').filter({ has: page.getByRole('heading', { level: 2, name: '一、获奖名单' }) });
  await expect(awards.locator('table tbody tr').allTextContents()).resolves.toEqual(
    expect.arrayContaining([expect.stringContaining('市商务局'), expect.stringContaining('市税务局'), expect.stringContaining('江东区')]),
  );
  await expect(awards.getByText(REASON).count()).resolves.toBe(1);
  const composite = page.locator('.report__table-block').filter({ hasText: '综合得分排名 · 综合管理类' }).locator('table');
  await expect(composite.locator('thead th').allTextContents()).resolves.toEqual(expect.arrayContaining(['排名', '单位', '综合得分', '进入名额概率']));
  await expect(composite.locator('tbody tr').first().textContent()).resolves.toMatch(/^1市商务局/);
  await page.getByRole('heading', { level: 2, name: '三、评分方法' }).waitFor();
  await page.getByText(/满意 100、基本满意 60、不满意 0/).waitFor();
  await page.getByText(/2,000 次重抽样/).waitFor();

  // Chromium lays the page out on A4 (595 × 842 pt) with the sections on pages of their own.
  const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
  expect(pdf.startsWith('%PDF')).toBe(true);
  const sizes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
  expect(sizes.length).toBeGreaterThanOrEqual(3);
  for (const size of sizes) expect(size).toEqual([595, 842]);
  await context.close();
});
