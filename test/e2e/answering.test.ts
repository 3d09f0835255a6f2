import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { launchBrowser, phonePage } from '../support/browser.js';
import { importSmallDirectory } from '../support/small-directory.js';
import { TestApp } from '../support/test-app.js';

/**
 * A rater answering on a phone, in English, through the built page and the real API: the small
 * directory's three departments (D01 Commerce, D02 Taxation, D03 Power Supply) ticked and rated.
 */
let api: TestApp;
let browser: Browser;
let db: DataSource;
let admin: string;
let campaignId: string;
let departmentsEvaluation: string;
let enterprises: { id: string; link: string }[];

const DEPARTMENTS = ['Municipal Bureau of Commerce', 'Municipal Taxation Bureau', 'City Power Supply Company'];
const CRITERIA = { attitude: 'Attitude of service', efficiency: 'Efficiency', lawful: 'Acting by law', transparency: 'Openness', integrity: 'Integrity' };
const CHOICES = { satisfied: 'Satisfied', basically: 'Basically satisfied', dissatisfied: 'Dissatisfied', na: "Don't know / N/A" };
type Criterion = keyof typeof CRITERIA;
type Choice = keyof typeof CHOICES;
const QUESTIONNAIRE = "Foreign-invested enterprises rate the city's departments";

beforeAll(async () => {
  api = await TestApp.start();
  if (!existsSync(path.join(api.config.clientDist, 'index.html'))) throw new Error('the client is not built: run the tests with `npm test`');
  browser = await launchBrowser();
  db = api.app.get(DataSource);
  admin = await api.loginAsAdmin();
  await importSmallDirectory(api, admin, 4);
  const campaign = (await api.request('POST', '/api/campaigns', { token: admin, body: { title: '2026 服务月', year: 2026, template: 'service-month' } })).body;
  campaignId = campaign.id;
  departmentsEvaluation = campaign.evaluations.find((e: { kind: string }) => e.kind === 'enterprise-rates-departments').id;
  await api.request('POST', `/api/campaigns/${campaignId}/invitations`, { token: admin });
  expect((await api.request('POST', `/api/campaigns/${campaignId}/open`, { token: admin })).status).toBe(200);
  const links: { id: string; raterType: string; raterCode: string; link: string }[] = (
    await api.request('GET', `/api/campaigns/${campaignId}/invitations?pageSize=100`, { token: admin })
  ).body.items;
  enterprises = links.filter((l) => l.raterType === 'enterprise').sort((a, b) => a.raterCode.localeCompare(b.raterCode));
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const phone = (): Promise<Page> => phonePage(browser);

/** The page of a rater's link, with the link's path (the server prints its own host in links). */
const linkPath = (rater: { link: string }) => new URL(rater.link).pathname;

async function openQuestionnaire(page: Page, rater: { link: string }): Promise<void> {
  await page.goto(`${api.baseUrl}${linkPath(rater)}`);
  await page.locator('.questionnaire-item').filter({ hasText: QUESTIONNAIRE }).getByRole('button').click();
  await page.getByText(DEPARTMENTS[0]!).waitFor();
}

/** The rating card shown in the carousel, by its position ("2 / 3 · …"). */
function card(page: Page, position: number, count: number): Locator {
  return page.locator('.sd-paneldynamic__panel-wrapper').filter({ has: page.locator('.sd-panel__title', { hasText: `${position} / ${count} · ` }) });
}

/** A criterion on a card, with its title, choices and messages. */
function criterion(cardLocator: Locator, title: string): Locator {
  return cardLocator.locator('.sd-question').filter({ has: cardLocator.page().getByRole('radiogroup', { name: title }) });
}

async function rate(cardLocator: Locator, answers: Partial<Record<Criterion, Choice>>): Promise<void> {
  await cardLocator.waitFor();
  for (const [criterion, choice] of Object.entries(answers) as [Criterion, Choice][]) {
    await cardLocator.getByRole('radiogroup', { name: CRITERIA[criterion] }).getByText(CHOICES[choice], { exact: true }).click();
  }
}

const nextCard = (page: Page) => page.locator('.sd-paneldynamic__footer').getByRole('button', { name: 'Next' }).click();
const nextPage = (page: Page) => page.locator('.sd-body__navigation').getByRole('button', { name: 'Next' }).click();

/** What the server holds for a rater's departments questionnaire, as the link's page reads it. */
async function stored(rater: { link: string }): Promise<{ status: string; data: { ratings?: Record<string, string>[] } | null }> {
  const response = await api.request('GET', `/api${linkPath(rater)}`);
  return response.body.questionnaires.find((q: { evaluationId: string }) => q.evaluationId === departmentsEvaluation);
}

/** Waits for what the page does on its own (debounced saves). */
async function until(what: string, condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

it('ticks three departments, rates them, finds the draft after a reload, and submits once for a receipt', async () => {
  const rater = enterprises[0]!;
  const page = await phone();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });

  const { nameEn } = (await api.request('GET', `/api${linkPath(rater)}`)).body.rater;
  expect(nameEn).toMatch(/^Jiangzhou Test \d Co\., Ltd\.$/);
  await page.goto(`${api.baseUrl}${linkPath(rater)}`);
  await page.getByText(`Hello, ${nameEn}`).waitFor();
  await page.getByText('No IP address or device information', { exact: false }).waitFor();
  await openQuestionnaire(page, rater);
  for (const department of DEPARTMENTS) await page.getByText(department, { exact: true }).click();
  await nextPage(page);
  await rate(card(page, 1, 3), { attitude: 'satisfied', efficiency: 'satisfied', lawful: 'satisfied', transparency: 'satisfied', integrity: 'satisfied' });
  await nextCard(page);
  await rate(card(page, 2, 3), { attitude: 'basically', efficiency: 'dissatisfied' });

  // Saved on the server while answering, without pressing anything.
  await until('the draft holds the second card', async () => (await stored(rater)).data?.ratings?.[1]?.efficiency === 'dissatisfied');
  await expect(page.locator('.answer-save').textContent()).resolves.toMatch(/^Saved \d\d:\d\d$/);

  // Half-way, the page is reloaded: the questionnaire reopens with the answers so far.
  await page.reload();
  for (const department of DEPARTMENTS) await expect(page.getByRole('checkbox', { name: department, exact: true }).isChecked()).resolves.toBe(true);
  await nextPage(page);
  await expect(card(page, 1, 3).getByRole('radiogroup', { name: 'Integrity' }).getByRole('radio', { name: 'Satisfied', exact: true }).isChecked()).resolves.toBe(true);
  await nextCard(page);
  await expect(card(page, 2, 3).getByRole('radiogroup', { name: 'Efficiency' }).getByRole('radio', { name: 'Dissatisfied', exact: true }).isChecked()).resolves.toBe(true);
  await rate(card(page, 2, 3), { lawful: 'satisfied', transparency: 'na', integrity: 'satisfied' });
  await nextCard(page);

  // A criterion left unanswered stops the rater on its card with a message.
  await rate(card(page, 3, 3), { attitude: 'satisfied', efficiency: 'basically', lawful: 'satisfied', transparency: 'satisfied' });
  await nextPage(page);
  await criterion(card(page, 3, 3), 'Integrity').getByText('Response required.').waitFor();
  await rate(card(page, 3, 3), { integrity: 'dissatisfied' });
  await nextPage(page);

  await page.getByRole('textbox', { name: 'Problems or complaints' }).fill('Documents were asked for twice.');
  await page.getByRole('button', { name: 'Complete' }).click();
  await page.getByRole('heading', { name: 'Submitted. Thank you for taking part!' }).waitFor();
  const receipt = (await page.locator('.answer-receipt__code').textContent())!;
  expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  const responses = await db.query('SELECT id, status, receipt, data FROM responses WHERE invitation_id = $1', [rater.id]);
  expect(responses).toHaveLength(1);
  expect(responses[0]).toMatchObject({ status: 'submitted', receipt, data: { problems: 'Documents were asked for twice.' } });
  const rows: { code: string; criterion: string; answer: string }[] = await db.query(
    `SELECT d.code, r.criterion, r.answer FROM response_ratings r
       JOIN evaluation_targets t ON t.id = r.target_id JOIN departments d ON d.id = t.department_id
      WHERE r.response_id = $1 ORDER BY d.code, r.criterion`,
    [responses[0].id],
  );
  const expected = {
    D01: { attitude: 'satisfied', efficiency: 'satisfied', integrity: 'satisfied', lawful: 'satisfied', transparency: 'satisfied' },
    D02: { attitude: 'basically', efficiency: 'dissatisfied', integrity: 'satisfied', lawful: 'satisfied', transparency: 'na' },
    D03: { attitude: 'satisfied', efficiency: 'basically', integrity: 'dissatisfied', lawful: 'satisfied', transparency: 'satisfied' },
  };
  expect(rows).toEqual(Object.entries(expected).flatMap(([code, answers]) => Object.entries(answers).map(([criterion, answer]) => ({ code, criterion, answer }))));

  // Back on the list, the questionnaire shows its receipt and opens read-only.
  await page.getByRole('button', { name: 'Back to the questionnaires' }).first().click();
  const item = page.locator('.questionnaire-item').filter({ hasText: QUESTIONNAIRE });
  await item.getByText(`Submitted · receipt ${receipt}`).waitFor();
  await item.getByRole('button', { name: 'View' }).click();
  await page.getByText(receipt).waitFor();
  const answered = page.getByRole('radiogroup', { name: 'Integrity' }).first().getByRole('radio', { name: 'Satisfied', exact: true });
  await expect(answered.isChecked()).resolves.toBe(true);
  await expect(answered.isEditable()).resolves.toBe(false);
  await expect(page.getByRole('button', { name: 'Complete' }).count()).resolves.toBe(0);

  // Nothing of the console came with the page.
  expect(scripts.length).toBeGreaterThan(2);
  expect(scripts.filter((s) => /\/(antd|chart|i18n|router|AdminShell)-/.test(s))).toEqual([]);
  await page.context().close();
});

it('keeps the answers in progress when the rater switches language', async () => {
  const page = await phone();
  await openQuestionnaire(page, enterprises[1]!);
  await page.getByText(DEPARTMENTS[1]!, { exact: true }).click();
  await page.getByText(DEPARTMENTS[2]!, { exact: true }).click();
  await nextPage(page);
  await rate(card(page, 1, 2), { attitude: 'dissatisfied', efficiency: 'na' });

  await page.getByRole('button', { name: '中文' }).click();
  const chinese = card(page, 1, 2);
  await chinese.getByText('市税务局').waitFor();
  await expect(chinese.getByRole('radiogroup', { name: '服务态度' }).getByRole('radio', { name: '不满意', exact: true }).isChecked()).resolves.toBe(true);
  await expect(chinese.getByRole('radiogroup', { name: '办事效率' }).getByRole('radio', { name: '不了解', exact: true }).isChecked()).resolves.toBe(true);
  await page.locator('.sd-body__navigation').getByRole('button', { name: '下一页' }).waitFor();
  await page.getByRole('button', { name: '返回问卷列表' }).waitFor();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(card(page, 1, 2).getByRole('radiogroup', { name: 'Attitude of service' }).getByRole('radio', { name: 'Dissatisfied', exact: true }).isChecked()).resolves.toBe(true);
  // The choice is remembered for the next visit.
  await page.getByRole('button', { name: '中文' }).click();
  await page.reload();
  await page.getByRole('button', { name: '返回问卷列表' }).waitFor();
  await page.context().close();
});

it("puts the server's per-question messages under the questions and stays on the questionnaire", async () => {
  const page = await phone();
  await page.route('**/submit', (route) =>
    route.fulfill({
      status: 422,
      contentType: 'application/json',
      body: JSON.stringify({
        statusCode: 422,
        code: 'BALLOT_INVALID',
        message: 'Some answers need attention; see the note under each question.',
        messages: { zh: '部分答案需要修改，请查看各题下的提示。', en: 'Some answers need attention; see the note under each question.' },
        requestId: 'test',
        errors: [{ field: 'ratings[0].lawful', code: 'not-allowed', message: 'This answer is not one of the choices.', messages: { zh: '此答案不在选项之内。', en: 'This answer is not one of the choices.' } }],
      }),
    }),
  );
  await openQuestionnaire(page, enterprises[2]!);
  await page.getByText(DEPARTMENTS[0]!, { exact: true }).click();
  await nextPage(page);
  await rate(card(page, 1, 1), { attitude: 'satisfied', efficiency: 'satisfied', lawful: 'satisfied', transparency: 'satisfied', integrity: 'satisfied' });
  await nextPage(page);
  await page.getByRole('button', { name: 'Complete' }).click();

  // Back on the card's page, the message under the question it is about.
  await criterion(card(page, 1, 1), 'Acting by law').getByText('This answer is not one of the choices.').waitFor();
  await expect(page.getByRole('heading', { name: 'Submitted. Thank you for taking part!' }).count()).resolves.toBe(0);
  await page.context().close();
});

it('shows the closed page when the campaign closes while the rater answers, and keeps the draft', async () => {
  const rater = enterprises[3]!;
  const page = await phone();
  await openQuestionnaire(page, rater);
  await page.getByText(DEPARTMENTS[0]!, { exact: true }).click();
  await until('the draft is saved', async () => (await stored(rater)).status === 'draft');

  expect((await api.request('POST', `/api/campaigns/${campaignId}/close`, { token: admin })).status).toBe(200);
  await page.getByText(DEPARTMENTS[1]!, { exact: true }).click();
  await page.getByRole('heading', { name: 'This evaluation has closed' }).waitFor();
  await page.getByText('This evaluation has closed and no longer accepts answers or changes.', { exact: false }).waitFor();

  await page.getByRole('button', { name: 'Back to the questionnaires' }).click();
  await page.locator('.answer-notice').getByText('This evaluation has closed').waitFor();
  await expect(page.locator('.questionnaire-item').filter({ hasText: QUESTIONNAIRE }).getByRole('button').count()).resolves.toBe(0);
  expect((await stored(rater)).data).toEqual({ ratings: [{ target: 'D01' }] });
  await page.context().close();
});
