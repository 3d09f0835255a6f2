import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, signedInContext } from '../support/browser.js';
import { closeAndCompute } from '../support/campaign-with-results.js';
import { openCampaignWithDeclarations, type Applicant, type CsrCampaign } from '../support/csr-campaign.js';
import { csv, xlsx } from '../support/directory-files.js';
import { confirmAndPublish } from '../support/results.js';
import { ADMIN, TestApp } from '../support/test-app.js';

/**
 * 社会责任先进企业 in the browser, on the eight declarations of test/support/csr-campaign.ts
 * (A–H are 江州测试1–8有限公司; D owes wages, H has no size band): the office verifies a figure,
 * corrects another with a reason, is told by the server when a reason is missing, imports the
 * authorities' records after checking the file; once computed, the results' CSR view ranks the
 * enterprises, draws one's indicators and lists the vetoes; the award is decided, published and
 * read on the public page in both languages; and the declarations fit a phone.
 */
let api: TestApp;
let browser: Browser;
let campaign: CsrCampaign;

const NAME: Record<Applicant, string> = { A: '江州测试1有限公司', B: '江州测试2有限公司', C: '江州测试3有限公司', D: '江州测试4有限公司', E: '江州测试5有限公司', F: '江州测试6有限公司', G: '江州测试7有限公司', H: '江州测试8有限公司' };
const CORRECTION_REASON = '以社保部门参保记录为准，年末参保 180 人。';

beforeAll(async () => {
  api = await TestApp.start();
  if (!existsSync(path.join(api.config.clientDist, 'index.html'))) throw new Error('the client is not built: run the tests with `npm test`');
  browser = await launchBrowser();
  campaign = await openCampaignWithDeclarations(api, await api.loginAsAdmin());
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const signedIn = (viewport = { width: 1280, height: 900 }): Promise<BrowserContext> => signedInContext(browser, api.baseUrl, ADMIN, viewport);

async function openDeclarations(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/admin/campaigns/${campaign.campaignId}?tab=csr`);
  await declarationRow(page, 'H').waitFor();
  return page;
}

const declarationRow = (page: Page, applicant: Applicant) => page.locator('.csr-declarations-table tbody tr.ant-table-row').filter({ hasText: NAME[applicant] });
const figure = (page: Page, name: string) => page.locator(`.csr-drawer .csr-figure[data-figure="${name}"]`);

/** Opens an applicant's figures in the drawer. */
async function openDrawer(page: Page, applicant: Applicant): Promise<void> {
  await declarationRow(page, applicant).getByRole('button', { name: /核\s*查/ }).click();
  await page.locator('.csr-drawer').getByText(campaign.uscc[applicant], { exact: true }).waitFor();
}

async function closeDrawer(page: Page): Promise<void> {
  await page.locator('.csr-drawer .ant-drawer-close').click();
  await page.locator('.csr-drawer').waitFor({ state: 'hidden' });
}

async function declarationOf(applicant: Applicant): Promise<{ figure: string; value: unknown; source: string; reason: string | null; authority: string | null }[]> {
  const declarations = (await api.request('GET', `/api/campaigns/${campaign.campaignId}/csr/declarations`, { token: await api.loginAsAdmin() })).body as { uscc: string; figures: never[] }[];
  return declarations.find((d) => d.uscc === campaign.uscc[applicant])!.figures;
}

it('lists the eight declarations with their size bands, H without one', async () => {
  const context = await signedIn();
  const page = await openDeclarations(context);
  await expect(page.locator('.csr-declarations-table tbody tr.ant-table-row').count()).resolves.toBe(8);
  await expect(declarationRow(page, 'A').textContent()).resolves.toContain('小型');
  await expect(declarationRow(page, 'E').textContent()).resolves.toContain('中型');
  await expect(declarationRow(page, 'G').textContent()).resolves.toContain('大型');
  await expect(declarationRow(page, 'H').textContent()).resolves.toContain('规模未填');
  await expect(declarationRow(page, 'A').textContent()).resolves.toContain('0 / 14 项');
  await context.close();
});

it('verifies one figure and corrects another with a reason; both sources survive a reload', async () => {
  const context = await signedIn();
  const page = await openDeclarations(context);
  await openDrawer(page, 'A');

  await figure(page, 'tax_paid').getByRole('button', { name: /核\s*实/ }).click();
  await figure(page, 'tax_paid').locator('.csr-source', { hasText: '已核实' }).waitFor();

  await figure(page, 'employees').getByRole('button', { name: /更\s*正/ }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '更正“从业人数”' });
  await dialog.getByLabel('更正值').fill('180');
  await dialog.getByRole('textbox', { name: '更正理由' }).fill(CORRECTION_REASON);
  await dialog.getByRole('button', { name: '保存更正' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await figure(page, 'employees').locator('.csr-source', { hasText: '已更正' }).waitFor();
  await expect(figure(page, 'employees').textContent()).resolves.toContain(CORRECTION_REASON);

  // The drawer is in the address: a reload opens it again, with what the server kept.
  await page.reload();
  await figure(page, 'employees').locator('.csr-source', { hasText: '已更正' }).waitFor();
  await figure(page, 'tax_paid').locator('.csr-source', { hasText: '已核实' }).waitFor();
  await expect(figure(page, 'employees').locator('.csr-figure__value').textContent()).resolves.toBe('180');
  await expect(figure(page, 'employees').textContent()).resolves.toMatch(/变更前200/);
  await closeDrawer(page);
  await expect(declarationRow(page, 'A').textContent()).resolves.toContain('2 / 14 项');

  const figures = await declarationOf('A');
  expect(figures.find((f) => f.figure === 'tax_paid')).toMatchObject({ value: 1000, source: 'verified' });
  expect(figures.find((f) => f.figure === 'employees')).toMatchObject({ value: 180, source: 'corrected', reason: CORRECTION_REASON });
  await context.close();
});

it('shows the server\'s message under the reason of a correction that gives none, and saves nothing', async () => {
  const context = await signedIn();
  const page = await openDeclarations(context);
  await openDrawer(page, 'B');
  await figure(page, 'union').getByRole('button', { name: /更\s*正/ }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '更正“建立工会或职代会”' });
  await dialog.getByText('是', { exact: true }).click();
  await dialog.getByRole('button', { name: '保存更正' }).click();
  const reason = dialog.locator('.ant-form-item').filter({ has: page.getByRole('textbox', { name: '更正理由' }) });
  await reason.locator('.ant-form-item-explain-error').getByText('更正须说明理由').waitFor();
  await expect(dialog.isVisible()).resolves.toBe(true);
  expect((await declarationOf('B')).find((f) => f.figure === 'union')).toMatchObject({ value: false, source: 'declared' });
  await context.close();
});

it('checks the authorities\' file first, lists its problems, then imports a good one: the figure counts as 主管部门数据', async () => {
  const context = await signedIn();
  const page = await openDeclarations(context);
  const modal = page.locator('.csr-import');
  const upload = (name: string, mimeType: string, buffer: Buffer) => page.locator('.console-toolbar input[type=file]').setInputFiles({ name, mimeType, buffer });

  const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载主管部门数据模板' }).click()]);
  expect(template.suggestedFilename()).toMatch(/\.xlsx$/);

  await upload('bad.csv', 'text/csv', Buffer.from(csv([['统一社会信用代码', '纳税总额'], [campaign.uscc.C, '十万']])));
  await modal.getByText('文件中有 1 处问题，未导入任何数据').waitFor();
  await modal.locator('tbody tr').filter({ hasText: 'tax_paid' }).getByText('应为不小于 0 的数字').waitFor();
  await modal.getByRole('button', { name: '关 闭', exact: true }).click();

  const records = await xlsx([
    ['统一社会信用代码', '数据来源', '纳税总额', '拖欠工资'],
    [campaign.uscc.C, '市税务局', '12.5', ''],
    [campaign.uscc.F, '', '', '否'],
  ]);
  await upload('records.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', records);
  await modal.getByText('检查通过，尚未写入任何数据').waitFor();
  await modal.getByText('文件中有 2 家企业的 2 项数据。确认导入后，2 项改按主管部门数据计分，0 项不变；文件中没有的数据保持不变。').waitFor();
  // Nothing is written by the check.
  expect((await declarationOf('C')).find((f) => f.figure === 'tax_paid')).toMatchObject({ value: 10, source: 'declared' });
  await modal.getByRole('button', { name: '确认导入' }).click();
  await page.getByText('导入完成：2 项改按主管部门数据计分，0 项不变。').waitFor();

  await openDrawer(page, 'C');
  await figure(page, 'tax_paid').locator('.csr-source', { hasText: '主管部门数据·市税务局' }).waitFor();
  await expect(figure(page, 'tax_paid').locator('.csr-figure__value').textContent()).resolves.toBe('12.5');
  await closeDrawer(page);
  await openDrawer(page, 'F');
  // Without a source in the file, the figure's usual authority.
  await figure(page, 'wage_arrears').locator('.csr-source', { hasText: '主管部门数据·人力资源和社会保障部门' }).waitFor();
  await context.close();
});

it('fits a 390 px phone: the declarations and a drawer without the page scrolling sideways', async () => {
  const context = await signedIn({ width: 390, height: 844 });
  const page = await openDeclarations(context);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth);
  await expect(overflow()).resolves.toBeLessThanOrEqual(390);
  await openDrawer(page, 'A');
  await figure(page, 'employees').scrollIntoViewIfNeeded();
  const box = await figure(page, 'employees').boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await expect(figure(page, 'employees').getByRole('button', { name: /更\s*正/ }).isVisible()).resolves.toBe(true);
  await expect(overflow()).resolves.toBeLessThanOrEqual(390);
  await context.close();
});

describe('once the results are computed', () => {
  const OVERRIDE_REASON = '就业带动和公益投入突出，经评议部集体研究增列。';

  // A 91 (proposed: 20% of six ranked is one place), E 85, G 56.3, B, F, C (公益 missing: revenue 0); D vetoed; H unplaced.
  beforeAll(async () => {
    await closeAndCompute(api, await api.loginAsAdmin(), campaign.campaignId);
  }, 120_000);

  const rankingRow = (page: Page, applicant: Applicant) => page.locator('.csr-ranking-table tbody tr.ant-table-row').filter({ hasText: NAME[applicant] });

  it('ranks the enterprises over every size band, draws one\'s indicators and lists the vetoes and the unplaced', async () => {
    const context = await signedIn();
    const page = await context.newPage();
    await page.goto(`${api.baseUrl}/admin/campaigns/${campaign.campaignId}?tab=results&view=csr`);
    await page.getByText('有效申报 8 家 · 参与排名 6 家 · 名额 1 家 · 拟推荐 1 家').waitFor();
    await page.getByText('名额 = 参与排名的 6 家 × 20%，四舍五入，至少 1 家。').waitFor();

    const rows = page.locator('.csr-ranking-table tbody tr.ant-table-row');
    await expect(rows.count()).resolves.toBe(6);
    await expect(rows.first().textContent()).resolves.toMatch(/^1江州测试1有限公司/);
    await expect(rankingRow(page, 'A').textContent()).resolves.toContain('拟推荐');
    await expect(rankingRow(page, 'A').textContent()).resolves.toContain('91.00');
    // The office's checks show where they count: A's verified and corrected figures, C's from the tax authority.
    await expect(rankingRow(page, 'A').locator('.csr-checked').textContent()).resolves.toBe('2 项非申报值');
    await rankingRow(page, 'C').locator('.csr-checked').hover();
    await page.locator('.ant-tooltip').getByText('纳税总额（万元）：12.5（主管部门数据）').waitFor();
    await expect(rankingRow(page, 'C').textContent()).resolves.toContain('缺少公益指标，权重已重新分配');
    // The rank range, with the three runs' ranks in its tooltip.
    await rankingRow(page, 'E').locator('.csr-rank-range').hover();
    await page.locator('.ant-tooltip').getByText('本方法第 2 名 · Z 分数法第 2 名 · 等权法第 2 名').waitFor();

    // The first ranked is drawn until another is chosen.
    const indicators = page.locator('.csr-indicators');
    await indicators.getByText('江州测试1有限公司 · 综合得分 91.00').waitFor();
    await rankingRow(page, 'E').click();
    await indicators.getByText('江州测试5有限公司 · 综合得分 85.00').waitFor();
    const canvas = indicators.getByRole('img', { name: '江州测试5有限公司：五项指标的得分与加权贡献' });
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(box!.height).toBeGreaterThan(150);

    const veto = page.locator('.csr-vetoes .csr-list__item').filter({ hasText: NAME.D });
    await expect(veto.locator('.csr-reasons').textContent()).resolves.toBe('拖欠工资');
    await expect(page.locator('.csr-vetoes .csr-list__item').count()).resolves.toBe(1);
    await expect(rows.filter({ hasText: NAME.D }).count()).resolves.toBe(0);
    await page.locator('.csr-unplaced').getByText(NAME.H).waitFor();
    await context.close();
  });

  it('decides the award in 获奖确认 like the others: an override with a reason, one taken back', async () => {
    const context = await signedIn();
    const page = await context.newPage();
    await page.goto(`${api.baseUrl}/admin/campaigns/${campaign.campaignId}?tab=results&view=awards`);
    const card = page.locator('.awards-card[data-award="csr-enterprise"]');
    await card.getByText('社会责任先进企业').first().waitFor();
    await card.getByText('名额 1 · 具备资格 6 个').waitFor();
    const row = (applicant: Applicant) => card.locator('tr.ant-table-row').filter({ hasText: NAME[applicant] });
    await expect(row('A').textContent()).resolves.toContain('建议授奖');
    await expect(row('D').textContent()).resolves.toContain('拖欠工资');
    // A vetoed enterprise is put right in its figures, not by the award.
    await expect(row('D').getByRole('button', { name: '改为授奖' }).count()).resolves.toBe(0);

    const award = async (applicant: Applicant) => {
      await row(applicant).getByRole('button', { name: '改为授奖' }).click();
      const dialog = page.getByRole('dialog').filter({ hasText: `授予“${NAME[applicant]}”社会责任先进企业` });
      await dialog.getByRole('textbox', { name: '理由' }).fill(OVERRIDE_REASON);
      await dialog.getByRole('button', { name: '保存调整' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await row(applicant).getByText('已调整').waitFor();
    };
    await award('B');
    await row('B').getByRole('button', { name: '恢复规则建议' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '恢复规则建议' }).click();
    await row('B').getByRole('button', { name: '改为授奖' }).waitFor();
    await expect(row('B').getByText('已调整').count()).resolves.toBe(0);
    await award('E');

    const awards = (await api.request('GET', `/api/campaigns/${campaign.campaignId}/results`, { token: await api.loginAsAdmin() })).body.awards as { code: string; awarded: boolean; overrideReason: string | null }[];
    expect(awards.filter((a) => a.awarded && [campaign.uscc.A, campaign.uscc.E, campaign.uscc.B].includes(a.code)).map((a) => [a.code, a.overrideReason])).toEqual([
      [campaign.uscc.A, null],
      [campaign.uscc.E, OVERRIDE_REASON],
    ]);
    await context.close();
  });

  it('prints the CSR ranking in the report, and names the awardees on the public page in Chinese and English once published', async () => {
    const admin = await api.loginAsAdmin();
    const context = await signedIn();
    const report = await context.newPage();
    await report.goto(`${api.baseUrl}/admin/campaigns/${campaign.campaignId}/report`);
    const block = report.locator('.report__csr');
    await block.getByRole('heading', { name: '社会责任先进企业排名 · 外商投资企业' }).waitFor();
    await block.getByText('有效申报 8 家，参与排名 6 家，一票否决 1 家，规模未填 1 家；名额 1 家，拟推荐 1 家。').waitFor();
    await expect(block.locator('thead th').allTextContents()).resolves.toEqual(['排名', '单位', '规模', '综合得分', '环保', '和谐劳动', '就业', '纳税', '公益', '名次范围', '授奖']);
    await expect(block.locator('tbody tr').first().textContent()).resolves.toMatch(/^1江州测试1有限公司/);
    const awardees = report.locator('.report__award').filter({ hasText: '社会责任先进企业' });
    await expect(awardees.locator('tbody tr').allTextContents()).resolves.toEqual([expect.stringContaining(NAME.A), expect.stringContaining(NAME.E)]);
    await context.close();

    const published = await confirmAndPublish(api, campaign.campaignId, admin);
    expect(published.status).toBe(200);

    const visitor = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page = await visitor.newPage();
    await page.goto(`${api.baseUrl}/results/${campaign.slug}`);
    const section = page.locator('section.public-results__award').filter({ has: page.getByRole('heading', { level: 2, name: /社会责任先进企业/ }) });
    await section.getByRole('heading', { level: 3, name: /外商投资企业/ }).waitFor();
    await expect(section.locator('.public-results__unit .public-results__name').allTextContents()).resolves.toEqual([NAME.A, NAME.E]);
    await expect(page.locator('body').textContent()).resolves.not.toContain(OVERRIDE_REASON);

    await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
    const english = page.locator('section.public-results__award').filter({ has: page.getByRole('heading', { level: 2, name: /Outstanding Enterprises in Corporate Social Responsibility/ }) });
    await english.getByRole('heading', { level: 3, name: /Foreign-invested enterprises/ }).waitFor();
    await expect(english.locator('.public-results__unit .public-results__name').allTextContents()).resolves.toEqual(['Jiangzhou Test 1 Co., Ltd.', 'Jiangzhou Test 5 Co., Ltd.']);
    await visitor.close();
  });
});
