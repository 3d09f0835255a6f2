import { confirmAndPublish } from '../support/results.js';
import { TestApp } from '../support/test-app.js';
import { importSmallDirectory } from '../support/small-directory.js';

let api: TestApp;
let admin: string;

beforeAll(async () => {
  api = await TestApp.start();
  admin = await api.loginAsAdmin();
});
afterAll(async () => {
  await api?.close();
});

const create = (body: Record<string, unknown> = {}) => api.request('POST', '/api/campaigns', { token: admin, body: { title: '2026 外商投资企业服务月', year: 2026, template: 'service-month', ...body } });

it('refuses to create a campaign over an empty directory', async () => {
  const response = await create();
  expect(response.status).toBe(409);
  expect(response.body.code).toBe('CAMPAIGN_EMPTY_DIRECTORY');
});

describe('with a directory', () => {
  beforeAll(async () => {
    await importSmallDirectory(api, admin);
  });

  it('creates the four evaluations over the current directory, with the default scoring configuration', async () => {
    const response = await create({ opensAt: '2026-11-01T00:00:00+08:00', closesAt: '2026-11-30T23:59:59+08:00' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ slug: '2026-service-month', year: 2026, status: 'draft', opensAt: '2026-10-31T16:00:00.000Z' });
    expect(response.body.evaluations.map((e: { kind: string; targetCount: number; raterGroup: string }) => [e.kind, e.raterGroup, e.targetCount])).toEqual([
      ['enterprise-rates-departments', 'enterprise', 3],
      ['enterprise-rates-districts', 'enterprise', 2],
      ['district-rates-departments', 'district', 3],
      ['csr-declaration', 'enterprise', 0],
    ]);
    expect(response.body.evaluations.every((e: { questionnaireVersion: number }) => e.questionnaireVersion === 1)).toBe(true);
    expect(response.body.scoringConfig.points.values).toEqual({ satisfied: 100, basically: 60, dissatisfied: 0 });
    expect(response.body.scoringConfig.composite.departments).toEqual({ enterprises: 50, districts: 20, inspection: 30 });
  });

  it('gives a second campaign of the same year its own slug, and refuses a taken one', async () => {
    const second = await create();
    expect(second.body.slug).toBe('2026-service-month-2');
    const taken = await create({ slug: '2026-service-month' });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('SLUG_TAKEN');
  });

  it('refuses a window that closes before it opens', async () => {
    const response = await create({ opensAt: '2026-11-30T00:00:00Z', closesAt: '2026-11-01T00:00:00Z' });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('closesAt');
  });

  it('enforces the life cycle draft → open → closed → published, and freezes the configuration once open', async () => {
    const { body: campaign } = await create({ slug: 'life-cycle' });
    const act = (action: string) => api.request('POST', `/api/campaigns/${campaign.id}/${action}`, { token: admin });

    for (const action of ['close', 'publish']) {
      const refused = await act(action);
      expect({ action, status: refused.status, code: refused.body.code }).toEqual({ action, status: 409, code: 'CAMPAIGN_TRANSITION_NOT_ALLOWED' });
    }
    expect((await api.request('PATCH', `/api/campaigns/${campaign.id}`, { token: admin, body: { title: 'Renamed while draft' } })).body.title).toBe('Renamed while draft');

    const opened = await act('open');
    expect(opened.status).toBe(200);
    expect(opened.body.status).toBe('open');
    expect(opened.body.openedAt).toEqual(expect.any(String));
    const frozen = await api.request('PATCH', `/api/campaigns/${campaign.id}`, { token: admin, body: { title: 'Too late' } });
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('CAMPAIGN_NOT_DRAFT');
    expect((await act('open')).status).toBe(409);
    expect((await act('publish')).status).toBe(409);

    expect((await act('close')).body.status).toBe('closed');
    expect((await act('open')).status).toBe(409);
    const unconfirmed = await act('publish');
    expect({ status: unconfirmed.status, code: unconfirmed.body.code }).toEqual({ status: 409, code: 'AWARDS_NOT_CONFIRMED' });
    const published = await confirmAndPublish(api, campaign.id, admin);
    expect(published.body).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    expect((await act('close')).status).toBe(409);
  });

  it('lets the office change the scoring configuration while a draft, and refuses what cannot be scored', async () => {
    const { body: campaign } = await create({ slug: 'scoring-config' });
    const put = (config: unknown) => api.request('PUT', `/api/campaigns/${campaign.id}/scoring-config`, { token: admin, body: config });

    const zero = await put({ composite: { departments: { enterprises: 0, districts: 0, inspection: 0 } }, awards: { threshold: 150 } });
    expect(zero.status).toBe(422);
    expect(zero.body.code).toBe('SCORING_CONFIG_INVALID');
    expect(zero.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['awards.threshold', 'composite.departments']);
    expect(zero.body.errors.find((e: { field: string }) => e.field === 'composite.departments').messages.zh).toMatch(/权重之和应大于 0/);
    expect((await put({ points: { values: { satisfied: 'a lot', basically: 60 } } })).body.errors[0].field).toBe('points.values.satisfied');
    expect((await put([1, 2])).status).toBe(422);
    const unchanged = (await api.request('GET', `/api/campaigns/${campaign.id}`, { token: admin })).body.scoringConfig;
    expect(unchanged.awards.threshold).toBe(85);

    const changed = await put({ awards: { threshold: 80 }, points: { preset: 'county', values: { satisfied: 100, basically: 70, dissatisfied: 30 } } });
    expect(changed.status).toBe(200);
    expect(changed.body.scoringConfig.awards).toEqual({ quotaShare: 0.2, quotaMinimum: 1, threshold: 80 });
    expect(changed.body.scoringConfig.points.values).toEqual({ satisfied: 100, basically: 70, dissatisfied: 30 });

    await api.request('POST', `/api/campaigns/${campaign.id}/open`, { token: admin });
    const late = await put({ awards: { threshold: 70 } });
    expect({ status: late.status, code: late.body.code }).toEqual({ status: 409, code: 'CAMPAIGN_NOT_DRAFT' });
  });

  it('answers 404 for an unknown campaign and lets a viewer read but not act', async () => {
    expect((await api.request('GET', '/api/campaigns/00000000-0000-4000-8000-000000000000', { token: admin })).status).toBe(404);
    const viewer = await api.userWithRole('viewer', admin);
    expect((await api.request('GET', '/api/campaigns', { token: viewer.token })).status).toBe(200);
    expect((await api.request('POST', '/api/campaigns', { token: viewer.token, body: { title: 'x', year: 2026, template: 'service-month' } })).status).toBe(403);
  });
});
