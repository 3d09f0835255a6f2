import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { launchBrowser, scriptsOf, signedInContext } from '../support/browser.js';
import { answerRouteFiles, readManifest } from '../support/client-build.js';
import { importSmallDirectory } from '../support/small-directory.js';
import { ADMIN, TestApp } from '../support/test-app.js';

/**
 * The questionnaire tab of a campaign: the JSON of "enterprises rate departments" beside its
 * preview; a draft already uses version 1, so saving makes version 2.
 */
let api: TestApp;
let browser: Browser;
let admin: string;
let campaignId: string;
let evaluationId: string;

const TITLE = '千家外商投资企业评议机关';
const TITLE_EN = "Foreign-invested enterprises rate the city's departments";
const SURVEY_CHUNK = /\/(survey-react-ui|survey|SurveyPreview)-[\w-]+\.js$/;

beforeAll(async () => {
  api = await TestApp.start();
  if (!existsSync(path.join(api.config.clientDist, 'index.html'))) throw new Error('the client is not built: run the tests with `npm test`');
  browser = await launchBrowser();
  admin = await api.loginAsAdmin();
  await importSmallDirectory(api, admin);
  const campaign = (await api.request('POST', '/api/campaigns', { token: admin, body: { title: '2026 服务月', year: 2026, template: 'service-month' } })).body;
  campaignId = campaign.id;
  evaluationId = campaign.evaluations.find((e: { kind: string }) => e.kind === 'enterprise-rates-departments').id;
  await api.request('POST', `/api/campaigns/${campaignId}/invitations`, { token: admin });
  // A draft, written as the answering routes write it: the response and the version's stamp together.
  await api.app.get(DataSource).query(
    `WITH used AS (UPDATE questionnaire_versions SET frozen_at = now() WHERE evaluation_id = $2 AND version = 1 RETURNING id)
     INSERT INTO responses (invitation_id, evaluation_id, questionnaire_version_id, status, data)
     SELECT (SELECT id FROM invitations WHERE campaign_id = $1 AND rater_type = 'enterprise' LIMIT 1), $2, id, 'draft', '{}'::jsonb FROM used`,
    [campaignId, evaluationId],
  );
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/** A browser context signed in through the API. */
const signedIn = (username: string, password: string, viewport = { width: 1440, height: 900 }): Promise<BrowserContext> =>
  signedInContext(browser, api.baseUrl, { username, password }, viewport);


const editor = (page: Page) => page.getByLabel('问卷 JSON');
const preview = (page: Page) => page.getByTestId('questionnaire-preview');

it('edits the JSON beside a live preview in both languages, reports a syntax error by line, and saves version 2 once a draft froze version 1', async () => {
  const context = await signedIn(ADMIN.username, ADMIN.password);
  const page = await context.newPage();
  const scripts = scriptsOf(page);

  // The overview loads no survey code; the questionnaire tab does.
  await page.goto(`${api.baseUrl}/admin/campaigns/${campaignId}`);
  await page.getByRole('tab', { name: '问卷' }).waitFor();
  expect(scripts.filter((s) => SURVEY_CHUNK.test(s))).toEqual([]);
  await page.getByRole('tab', { name: '问卷' }).click();
  await page.waitForURL(/tab=questionnaires/);

  const versions = page.locator('.questionnaire-versions tbody tr.ant-table-row');
  await versions.first().waitFor();
  await expect(versions.allTextContents()).resolves.toEqual([expect.stringMatching(/^第 1 版最新已冻结已提交 0 · 草稿 1/)]);
  await preview(page).getByText(TITLE).waitFor();
  expect(scripts.filter((s) => SURVEY_CHUNK.test(s)).length).toBeGreaterThan(0);

  // A new title shows in the preview, in Chinese and, switched, in English.
  const original = await editor(page).inputValue();
  const edited = original.replace(`"default": "${TITLE}"`, '"default": "2026 年度部门评议（修订）"').replace(`"en": "${TITLE_EN}"`, '"en": "Departments rated, revised"');
  expect(edited).not.toBe(original);
  await editor(page).fill(edited);
  await preview(page).getByText('2026 年度部门评议（修订）').waitFor();
  await page.locator('.ant-segmented').getByText('English').click();
  await preview(page).getByText('Departments rated, revised').waitFor();
  await page.locator('.ant-segmented').getByText('中文').click();

  // A missing comma: reported at its line and column, the preview keeps the last valid questionnaire.
  const lines = edited.split('\n');
  const broken = lines.findIndex((line) => line.includes('"showQuestionNumbers": "off",'));
  lines[broken] = lines[broken]!.replace('"off",', '"off"');
  await editor(page).fill(lines.join('\n'));
  const problem = page.locator('.questionnaire-problem--error');
  await problem.getByText('JSON 语法错误：此处应为逗号或“}”').waitFor();
  await expect(problem.locator('.questionnaire-problem__place').textContent()).resolves.toBe(`第 ${broken + 2} 行，第 3 列`);
  await page.getByText('JSON 有错误，预览显示的是上一次有效的内容。').waitFor();
  await preview(page).getByText('2026 年度部门评议（修订）').waitFor();
  await expect(page.getByRole('button', { name: /保\s*存/ }).isDisabled()).resolves.toBe(true);

  // A rule only the server knows: a criterion answer that scoring cannot count.
  await editor(page).fill(edited.replace('"value": "dissatisfied"', '"value": "bad"'));
  await page.locator('.questionnaire-problem--error').getByText(/offers "bad"|选项值 "bad" 无法计分/).waitFor();

  // Fixed: the server's dry run says what a save will do, and the save does it.
  await editor(page).fill(edited);
  await page.getByText('保存后将生成第 2 版').waitFor();
  await page.getByText('没有发现问题。').waitFor();
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText(/已保存为第 2 版/).waitFor();
  await versions.nth(1).waitFor();
  await expect(versions.allTextContents()).resolves.toEqual([
    expect.stringMatching(/^第 2 版最新未使用已提交 0 · 草稿 0/),
    expect.stringMatching(/^第 1 版已冻结已提交 0 · 草稿 1/),
  ]);

  const saved = await api.request('GET', `/api/evaluations/${evaluationId}/questionnaires/2`, { token: admin });
  expect(saved.body.survey.title).toEqual({ default: '2026 年度部门评议（修订）', en: 'Departments rated, revised' });
  const [draft] = await api.app.get(DataSource).query('SELECT q.version FROM responses r JOIN questionnaire_versions q ON q.id = r.questionnaire_version_id WHERE r.evaluation_id = $1', [evaluationId]);
  expect(draft.version).toBe(1);

  // The old version, read-only, as it was.
  await versions.nth(1).getByRole('button', { name: '查看' }).click();
  await page.getByText('正在查看第 1 版（只读）。').waitFor();
  await expect(editor(page).getAttribute('readonly')).resolves.not.toBeNull();
  await preview(page).getByText(TITLE).waitFor();
  await context.close();
});

it('imports a .json file into the editor and exports the JSON shown', async () => {
  const context = await signedIn(ADMIN.username, ADMIN.password);
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/admin/campaigns/${campaignId}?tab=questionnaires&evaluation=csr-declaration`);
  await preview(page).getByText('社会责任先进企业申报').waitFor();

  const survey = { locale: 'zh-cn', title: { default: '导入的申报表', en: 'Imported declaration' }, pages: [{ name: 'p', elements: [{ type: 'text', name: 'tax_paid', title: '纳税额' }] }] };
  await page.locator('input[type=file]').setInputFiles({ name: 'declaration.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(survey)) });
  await preview(page).getByText('导入的申报表').waitFor();
  // Bilingual texts are asked for, not required.
  await page.locator('.questionnaire-problem--warning').getByText('缺少英文').waitFor();
  await page.getByText('保存后将直接修改第 1 版（尚未被使用）').waitFor();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 JSON' }).click()]);
  expect(download.suggestedFilename()).toBe('2026-service-month-csr-declaration-v1-edited.json');
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(exported).toEqual(survey);
  await context.close();
});

it('asks before unsaved changes are left behind', async () => {
  const context = await signedIn(ADMIN.username, ADMIN.password);
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/admin/campaigns/${campaignId}?tab=questionnaires`);
  await preview(page).getByText('2026 年度部门评议（修订）').waitFor();
  await editor(page).fill((await editor(page).inputValue()).replace('2026 年度部门评议（修订）', '未保存的标题'));
  await page.getByText('有未保存的修改').waitFor();

  await page.getByRole('tab', { name: '概况' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '放弃未保存的修改？' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  expect(page.url()).toMatch(/tab=questionnaires/);
  await expect(editor(page).inputValue()).resolves.toContain('未保存的标题');

  await page.getByRole('tab', { name: '概况' }).click();
  await dialog.getByRole('button', { name: '放弃修改' }).click();
  await page.waitForURL((url) => !url.search.includes('tab=questionnaires'));
  await context.close();
});

it('stacks the editor above the preview on a narrow screen', async () => {
  const context = await signedIn(ADMIN.username, ADMIN.password, { width: 800, height: 900 });
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/admin/campaigns/${campaignId}?tab=questionnaires`);
  await preview(page).getByText('2026 年度部门评议（修订）').waitFor();
  const editorBox = (await page.locator('.questionnaire-editor').boundingBox())!;
  const previewBox = (await preview(page).boundingBox())!;
  expect(previewBox.y).toBeGreaterThan(editorBox.y + editorBox.height);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
  await context.close();
});

it('shows the questionnaires read-only once the campaign has closed, and to leadership', async () => {
  const closed = (await api.request('POST', '/api/campaigns', { token: admin, body: { title: '2025 服务月', year: 2025, template: 'service-month' } })).body;
  for (const action of ['open', 'close']) expect((await api.request('POST', `/api/campaigns/${closed.id}/${action}`, { token: admin })).status).toBe(200);
  const viewer = await api.userWithRole('viewer', admin);
  for (const [user, campaign, hint] of [
    [ADMIN, closed.id, '评议已结束，问卷只能查看，不能再修改。'],
    [viewer, campaignId, '您可以查看问卷；修改由评议部管理员进行。'],
  ] as const) {
    const context = await signedIn(user.username, user.password);
    const page = await context.newPage();
    await page.goto(`${api.baseUrl}/admin/campaigns/${campaign}?tab=questionnaires`);
    await page.getByText(hint).waitFor();
    await expect(editor(page).getAttribute('readonly')).resolves.not.toBeNull();
    await expect(page.getByRole('button', { name: /保\s*存/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: '导入 JSON' }).count()).resolves.toBe(0);
    await context.close();
  }
});

it('keeps the editor and survey-react-ui out of what the public answer route loads', () => {
  const manifest = readManifest(api.config.clientDist);
  const loaded = answerRouteFiles(manifest);
  expect(loaded.length).toBeGreaterThan(2);
  expect(loaded.filter((file) => /QuestionnairesPanel|SurveyPreview|survey/.test(file))).toEqual([]);
  // The campaign page loads the tab on demand, and the tab loads the preview on demand.
  expect(manifest['src/admin/pages/CampaignDetailPage.tsx']!.dynamicImports).toContain('src/admin/questionnaires/QuestionnairesPanel.tsx');
  expect(manifest['src/admin/questionnaires/QuestionnairesPanel.tsx']!.dynamicImports).toContain('src/admin/questionnaires/SurveyPreview.tsx');
  const panelImports = manifest['src/admin/questionnaires/QuestionnairesPanel.tsx']!.imports ?? [];
  expect(panelImports.filter((key) => /survey/.test(manifest[key]?.file ?? key))).toEqual([]);
});
