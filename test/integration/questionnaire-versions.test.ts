import { DataSource } from 'typeorm';
import { importSmallDirectory } from '../support/small-directory.js';
import { loadTemplate, type Json } from '../support/ballots.js';
import { confirmAndPublish } from '../support/results.js';
import { TestApp } from '../support/test-app.js';

let api: TestApp;
let admin: string;

beforeAll(async () => {
  api = await TestApp.start();
  admin = await api.loginAsAdmin();
  await importSmallDirectory(api, admin);
});
afterAll(async () => {
  await api?.close();
});

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const KIND = 'enterprise-rates-departments';

interface Campaign {
  id: string;
  evaluations: { id: string; kind: string }[];
}

async function newCampaign(slug: string): Promise<{ campaign: Campaign; evaluationId: string }> {
  const response = await api.request('POST', '/api/campaigns', { token: admin, body: { title: '2026 服务月', year: 2026, template: 'service-month', slug } });
  expect(response.status).toBe(201);
  return { campaign: response.body, evaluationId: response.body.evaluations.find((e: { kind: string }) => e.kind === KIND).id };
}

const routes = (evaluationId: string) => `/api/evaluations/${evaluationId}/questionnaires`;
const save = (evaluationId: string, survey: unknown, options: { dryRun?: boolean; token?: string; headers?: Record<string, string> } = {}) =>
  api.request('POST', `${routes(evaluationId)}${options.dryRun ? '?dryRun=true' : ''}`, { token: options.token ?? admin, body: { survey }, headers: options.headers });
const versions = async (evaluationId: string) => (await api.request('GET', routes(evaluationId), { token: admin })).body;
const version = async (evaluationId: string, n: number) => (await api.request('GET', `${routes(evaluationId)}/${n}`, { token: admin })).body;

/** The template with a new title, the edit the office makes most. */
function retitled(zh: string, en = 'Retitled'): Json {
  return { ...loadTemplate(KIND), title: { default: zh, en } };
}

/** A draft on the latest version by an enterprise that has none yet, written as the answering routes write it: the response and the stamp together. */
async function startDraft(campaign: Campaign, evaluationId: string): Promise<void> {
  await api.request('POST', `/api/campaigns/${campaign.id}/invitations`, { token: admin });
  const inserted = await api.app.get(DataSource).query(
    `WITH used AS (
       UPDATE questionnaire_versions SET frozen_at = COALESCE(frozen_at, now())
        WHERE id = (SELECT id FROM questionnaire_versions WHERE evaluation_id = $2 ORDER BY version DESC LIMIT 1) RETURNING id)
     INSERT INTO responses (invitation_id, evaluation_id, questionnaire_version_id, status, data)
     SELECT (SELECT i.id FROM invitations i WHERE i.campaign_id = $1 AND i.rater_type = 'enterprise'
               AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.invitation_id = i.id AND r.evaluation_id = $2) LIMIT 1),
            $2, id, 'draft', '{}'::jsonb FROM used RETURNING id`,
    [campaign.id, evaluationId],
  );
  expect(inserted).toHaveLength(1);
}

describe('reading', () => {
  let evaluationId: string;
  beforeAll(async () => {
    ({ evaluationId } = await newCampaign('reading'));
  });

  it('lists the versions with their use, and gives one with its JSON and kind', async () => {
    const list = await api.request('GET', routes(evaluationId), { token: admin });
    expect(list.status).toBe(200);
    expect(list.body).toEqual([{ id: expect.any(String), version: 1, frozenAt: null, createdAt: expect.any(String), responseCount: 0, draftCount: 0 }]);
    const one = await api.request('GET', `${routes(evaluationId)}/1`, { token: admin });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: list.body[0].id, version: 1, frozenAt: null, kind: KIND });
    expect(one.body.survey).toEqual(loadTemplate(KIND));
  });

  it('lets a viewer read but not save', async () => {
    const viewer = await api.userWithRole('viewer', admin);
    expect((await api.request('GET', routes(evaluationId), { token: viewer.token })).status).toBe(200);
    expect((await api.request('GET', `${routes(evaluationId)}/1`, { token: viewer.token })).status).toBe(200);
    expect((await save(evaluationId, retitled('查看者改的'), { token: viewer.token })).status).toBe(403);
  });

  it('answers 404 for an unknown evaluation or version', async () => {
    for (const response of [
      await api.request('GET', routes(UNKNOWN), { token: admin }),
      await api.request('GET', `${routes(UNKNOWN)}/1`, { token: admin }),
      await save(UNKNOWN, retitled('无此评议')),
    ]) {
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 404, code: 'EVALUATION_NOT_FOUND' });
    }
    const missing = await api.request('GET', `${routes(evaluationId)}/9`, { token: admin });
    expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 404, code: 'QUESTIONNAIRE_VERSION_NOT_FOUND' });
    expect((await api.request('GET', `${routes(evaluationId)}/first`, { token: admin })).status).toBe(400);
  });
});

describe('saving while the campaign is a draft', () => {
  let evaluationId: string;
  beforeAll(async () => {
    ({ evaluationId } = await newCampaign('draft-saves'));
  });

  it('checks without writing on a dry run, saying what a save would do', async () => {
    const response = await save(evaluationId, retitled('只是检查'), { dryRun: true });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ dryRun: true, outcome: 'replaced', version: 1, id: expect.any(String), warnings: [] });
    expect((await version(evaluationId, 1)).survey.title.default).not.toBe('只是检查');
  });

  it('replaces the unused version in place, and records before and after in the audit log', async () => {
    const [before] = await versions(evaluationId);
    const response = await save(evaluationId, retitled('评议机关（修订）'));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ dryRun: false, outcome: 'replaced', version: 1, id: before.id, warnings: [] });
    expect((await versions(evaluationId)).map((v: { version: number }) => v.version)).toEqual([1]);
    expect((await version(evaluationId, 1)).survey.title).toEqual({ default: '评议机关（修订）', en: 'Retitled' });

    const audit = (await api.request('GET', '/api/audit?limit=5', { token: admin })).body.items;
    const entry = audit.find((e: { action: string; statusCode: number; entityId: string }) => e.action === 'QuestionnairesController.saveQuestionnaire' && e.statusCode === 200 && e.entityId === before.id);
    expect(entry.entity).toBe('questionnaire_version');
    expect(entry.before.survey.title).toEqual(loadTemplate(KIND).title);
    expect(entry.after.survey.title.default).toBe('评议机关（修订）');
  });

  it('says so when the JSON is the latest version already', async () => {
    const response = await save(evaluationId, retitled('评议机关（修订）'));
    expect(response.body).toMatchObject({ outcome: 'unchanged', version: 1 });
  });

  it('stores the targets empty, as the server fills them, and warns about texts without English', async () => {
    const survey = retitled('缺英文的问卷') as any;
    survey.title = { default: '缺英文的问卷' };
    survey.pages[0].elements[0].choices = [{ value: 'D01', text: 'x' }];
    const response = await save(evaluationId, survey, { headers: { 'accept-language': 'en' } });
    expect(response.status).toBe(200);
    expect(response.body.warnings).toEqual([
      { field: 'survey.pages[0].elements[0].choices', message: 'the targets are filled in from the directory; the choices given here are not saved', messages: expect.any(Object) },
      { field: 'survey.title', message: 'no English text', messages: { zh: '缺少英文', en: 'no English text' } },
    ]);
    expect((await version(evaluationId, 1)).survey.pages[0].elements[0].choices).toEqual([]);
  });

  it('refuses with 422 and the list of problems a questionnaire that breaks the rating structure or does not compile, writing nothing', async () => {
    const broken = retitled('坏的') as any;
    broken.pages[0].elements[0].valueName = 'picked';
    broken.pages[1].elements[0].templateElements[0].choices[0].value = 'excellent';
    broken.pages[2].elements.push({ type: 'file', name: 'upload' });
    const response = await save(evaluationId, broken);
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('QUESTIONNAIRE_INVALID');
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'survey.pages[0].elements[0].valueName',
      'survey.pages[1].elements[0].templateElements[0].choices[0]',
      'survey.pages[2].elements[2]',
    ]);
    expect(response.body.errors[2].messages.en).toMatch(/question type "file" is not supported/);
    expect(response.body.errors[2].message).toMatch(/^服务器无法校验/);

    const typo = await save(evaluationId, { ...loadTemplate(KIND), showQuestionNumber: 'off' }, { dryRun: true });
    expect(typo.status).toBe(422);
    expect(typo.body.errors).toEqual([expect.objectContaining({ field: 'survey.showQuestionNumber' })]);
    expect((await version(evaluationId, 1)).survey.title.default).toBe('缺英文的问卷');
  });

  it('refuses a survey that is not an object with 400', async () => {
    const response = await save(evaluationId, '{"pages": []}');
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('survey');
  });

  it('refuses a questionnaire over 256 KB, or nested like no questionnaire, with 413', async () => {
    const big = retitled('很长的问卷') as any;
    big.description = { default: '说明'.repeat(50_000), en: 'x' };
    const tooBig = await save(evaluationId, big);
    expect({ status: tooBig.status, code: tooBig.body.code }).toEqual({ status: 413, code: 'QUESTIONNAIRE_TOO_LARGE' });
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    const tooDeep = await save(evaluationId, { ...loadTemplate(KIND), deep });
    expect({ status: tooDeep.status, code: tooDeep.body.code }).toEqual({ status: 413, code: 'QUESTIONNAIRE_TOO_LARGE' });
  });
});

describe('the freeze', () => {
  let campaign: Campaign;
  let evaluationId: string;
  beforeAll(async () => {
    ({ campaign, evaluationId } = await newCampaign('freeze'));
  });

  it('makes a new version once a draft uses the latest one; the draft keeps its version', async () => {
    await startDraft(campaign, evaluationId);
    const [first] = await versions(evaluationId);
    expect(first).toMatchObject({ version: 1, frozenAt: expect.any(String), draftCount: 1, responseCount: 0 });

    expect((await save(evaluationId, retitled('第二版'), { dryRun: true })).body).toMatchObject({ dryRun: true, outcome: 'created', version: 2, id: null });
    const response = await save(evaluationId, retitled('第二版'));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ dryRun: false, outcome: 'created', version: 2, id: expect.any(String) });

    const list = await versions(evaluationId);
    expect(list.map((v: { version: number; frozenAt: string | null; draftCount: number }) => [v.version, v.frozenAt !== null, v.draftCount])).toEqual([[2, false, 0], [1, true, 1]]);
    expect((await version(evaluationId, 1)).survey).toEqual(loadTemplate(KIND));
    expect((await version(evaluationId, 2)).survey.title.default).toBe('第二版');
    const [draft] = await api.app.get(DataSource).query('SELECT q.version FROM responses r JOIN questionnaire_versions q ON q.id = r.questionnaire_version_id WHERE r.evaluation_id = $1', [evaluationId]);
    expect(draft.version).toBe(1);
  });

  it('keeps changing the new version in place while nothing uses it and the campaign is a draft', async () => {
    expect((await save(evaluationId, retitled('第二版（改）'))).body).toMatchObject({ outcome: 'replaced', version: 2 });
    expect((await versions(evaluationId)).length).toBe(2);
  });

  it('numbers two saves at once one after the other', async () => {
    await startDraft(campaign, evaluationId);
    const [a, b] = await Promise.all([save(evaluationId, retitled('并发甲')), save(evaluationId, retitled('并发乙'))]);
    expect([a.status, b.status]).toEqual([200, 200]);
    // The second waits for the first, finds its version unused and changes it in place.
    expect([a.body.version, b.body.version]).toEqual([3, 3]);
    expect([a.body.outcome, b.body.outcome].sort()).toEqual(['created', 'replaced']);
    expect((await versions(evaluationId)).map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
  });
});

describe('after the campaign opens and closes', () => {
  let campaign: Campaign;
  let evaluationId: string;
  beforeAll(async () => {
    ({ campaign, evaluationId } = await newCampaign('life-cycle'));
  });
  const act = (action: string) => api.request('POST', `/api/campaigns/${campaign.id}/${action}`, { token: admin });

  it('makes a new version for every change once open, even of an unused version', async () => {
    expect((await act('open')).status).toBe(200);
    expect((await save(evaluationId, retitled('开放后第一次'))).body).toMatchObject({ outcome: 'created', version: 2 });
    expect((await save(evaluationId, retitled('开放后第二次'))).body).toMatchObject({ outcome: 'created', version: 3 });
  });

  it('refuses every change, dry runs included, with 409 once closed or published', async () => {
    expect((await act('close')).status).toBe(200);
    for (const dryRun of [false, true]) {
      const response = await save(evaluationId, retitled('太晚了'), { dryRun });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 409, code: 'QUESTIONNAIRE_LOCKED' });
    }
    expect((await confirmAndPublish(api, campaign.id, admin)).status).toBe(200);
    expect((await save(evaluationId, retitled('太晚了'))).status).toBe(409);
    expect((await versions(evaluationId)).length).toBe(3);
  });
});

it('leaves dry runs out of the audit log: the editor checks on every pause in typing', async () => {
  const { evaluationId } = await newCampaign('2026-dry-run-audit');
  const audited = async () => Number((await api.app.get(DataSource).query(`SELECT count(*) FROM audit_log WHERE action = 'QuestionnairesController.saveQuestionnaire'`))[0].count);
  const before = await audited();
  for (const title of ['一', '二', '三']) expect((await save(evaluationId, retitled(title), { dryRun: true })).status).toBe(200);
  expect(await audited()).toBe(before);
  expect((await save(evaluationId, retitled('四'))).status).toBe(200);
  expect(await audited()).toBe(before + 1);
});
