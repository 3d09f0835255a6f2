import { importSmallDirectory } from './small-directory.js';
import type { TestApp } from './test-app.js';

/**
 * A campaign taken through the public API to computed results, on the small directory
 * (D01 综合管理类, D02 执法监督类, D03 公共服务类; Q01 县(市)、区, Q02 开发区) with twelve enterprises:
 * - D01: ten satisfied ballots and two basically, both district governments, inspection 90 →
 *   composite ≈ 89.7, proposed for 优质服务单位;
 * - D02: six satisfied, six dissatisfied, inspection 80 → ≈ 61, not proposed;
 * - D03: no self-inspection, so not eligible;
 * - Q01: rated satisfied by every enterprise, objective 90 → proposed for 投资环境优秀区域;
 * - Q02: rated basically, objective 70 → not proposed.
 * Every enterprise ballot is the same as many others, so the data-quality queue lists near copies.
 */
export interface CampaignWithResults {
  campaignId: string;
  slug: string;
  evaluations: Record<string, string>;
}

const DEPARTMENT_CRITERIA = ['attitude', 'efficiency', 'lawful', 'transparency', 'integrity'];
const DISTRICT_CRITERIA = ['government', 'legal', 'market', 'factors', 'living'];
const card = (criteria: string[], target: string, answer: string) => ({ target, ...Object.fromEntries(criteria.map((c) => [c, answer])) });

export async function openCampaignWithBallots(api: TestApp, admin: string, title = '2026 外商投资企业服务月'): Promise<CampaignWithResults> {
  await importSmallDirectory(api, admin, 12);
  const created = await api.request('POST', '/api/campaigns', { token: admin, body: { title, year: 2026, template: 'service-month' } });
  if (created.status !== 201) throw new Error(`creating the campaign failed: ${created.status} ${created.text}`);
  const campaignId: string = created.body.id;
  const evaluations: Record<string, string> = Object.fromEntries(created.body.evaluations.map((e: { kind: string; id: string }) => [e.kind, e.id]));
  await api.request('POST', `/api/campaigns/${campaignId}/invitations`, { token: admin });
  const links: { raterType: string; raterCode: string; link: string }[] = (await api.request('GET', `/api/campaigns/${campaignId}/invitations?pageSize=100`, { token: admin })).body.items;
  links.sort((a, b) => a.raterCode.localeCompare(b.raterCode));
  const tokens = (type: string) => links.filter((l) => l.raterType === type).map((l) => l.link.split('/s/')[1]!);

  const opened = await api.request('POST', `/api/campaigns/${campaignId}/open`, { token: admin });
  if (opened.status !== 200) throw new Error(`opening the campaign failed: ${opened.status} ${opened.text}`);
  const submit = async (token: string, kind: string, ratings: Record<string, string>[]) => {
    const response = await api.request('POST', `/api/s/${token}/${evaluations[kind]}/submit`, { body: { data: { ratings } } });
    if (response.status !== 201) throw new Error(`submitting ${kind} failed: ${response.status} ${response.text}`);
  };
  for (const [i, token] of tokens('enterprise').entries()) {
    await submit(token, 'enterprise-rates-departments', [
      card(DEPARTMENT_CRITERIA, 'D01', i < 10 ? 'satisfied' : 'basically'),
      card(DEPARTMENT_CRITERIA, 'D02', i < 6 ? 'satisfied' : 'dissatisfied'),
      card(DEPARTMENT_CRITERIA, 'D03', 'basically'),
    ]);
    await submit(token, 'enterprise-rates-districts', [card(DISTRICT_CRITERIA, 'Q01', 'satisfied'), card(DISTRICT_CRITERIA, 'Q02', 'basically')]);
  }
  const [q01, q02] = tokens('district');
  await submit(q01!, 'district-rates-departments', [card(DEPARTMENT_CRITERIA, 'D01', 'satisfied'), card(DEPARTMENT_CRITERIA, 'D02', 'basically')]);
  await submit(q02!, 'district-rates-departments', [card(DEPARTMENT_CRITERIA, 'D01', 'basically'), card(DEPARTMENT_CRITERIA, 'D02', 'basically')]);

  const assessed = await api.request('PUT', `/api/campaigns/${campaignId}/assessments`, {
    token: admin,
    body: {
      items: [
        { unitType: 'department', code: 'D01', inspectionScore: 90, selfInspectionScore: 95, selfInspectionComplete: true },
        { unitType: 'department', code: 'D02', inspectionScore: 80, selfInspectionScore: 95, selfInspectionComplete: true },
        { unitType: 'district', code: 'Q01', objectiveScore: 90 },
        { unitType: 'district', code: 'Q02', objectiveScore: 70 },
      ],
    },
  });
  if (assessed.status !== 200) throw new Error(`saving the assessments failed: ${assessed.status} ${assessed.text}`);
  return { campaignId, slug: created.body.slug, evaluations };
}

/**
 * Waits until a computation started at or after `since` has finished; throws with the server's
 * error when it failed. (An earlier run's "done" may show until the new one has claimed the row.)
 */
export async function computationDone(api: TestApp, admin: string, campaignId: string, since: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const state = (await api.request('GET', `/api/campaigns/${campaignId}/results/computation`, { token: admin })).body;
    const current = state.startedAt !== null && Date.parse(state.startedAt) >= Date.parse(since);
    if (current && state.status === 'done') return;
    if (current && state.status === 'failed') throw new Error(`the computation failed: ${state.error}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the computation did not finish in ${timeoutMs / 1000} s`);
}

/** Closes the campaign, which starts the computation, and waits for the results. */
export async function closeAndCompute(api: TestApp, admin: string, campaignId: string): Promise<void> {
  const closed = await api.request('POST', `/api/campaigns/${campaignId}/close`, { token: admin });
  if (closed.status !== 200) throw new Error(`closing the campaign failed: ${closed.status} ${closed.text}`);
  await computationDone(api, admin, campaignId, closed.body.closedAt);
}

/** Starts a computation and waits for it. */
export async function recompute(api: TestApp, admin: string, campaignId: string): Promise<void> {
  const started = await api.request('POST', `/api/campaigns/${campaignId}/results/compute`, { token: admin });
  if (started.status !== 202) throw new Error(`starting the computation failed: ${started.status} ${started.text}`);
  await computationDone(api, admin, campaignId, started.body.startedAt);
}
