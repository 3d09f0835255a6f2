import { DataSource } from 'typeorm';
import { resultsComputed } from '../support/results.js';
import { importSmallDirectory } from '../support/small-directory.js';
import { TestApp } from '../support/test-app.js';

/**
 * A campaign built through the public API — invitations, twelve enterprises' and both districts'
 * ballots, close — and its results checked against arithmetic done by hand.
 *
 * Departments D01 综合管理类, D02 执法监督类, D03 公共服务类: one per category, so each is ranked alone
 * and m (its category's mean) is its own S, hence S* = S.
 */
let api: TestApp;
let admin: string;
let db: DataSource;
let campaignId: string;
let evaluations: Record<string, string>;
let links: { raterType: string; raterCode: string; link: string }[];

const CRITERIA = ['attitude', 'efficiency', 'lawful', 'transparency', 'integrity'];
const ED = 'enterprise-rates-departments';
const DD = 'district-rates-departments';
const all = (target: string, answer: string) => ({ target, ...Object.fromEntries(CRITERIA.map((c) => [c, answer])) });
const tokens = (type: string) => links.filter((l) => l.raterType === type).map((l) => l.link.split('/s/')[1]!);

async function submit(token: string, kind: string, ratings: Record<string, string>[]): Promise<void> {
  const response = await api.request('POST', `/api/s/${token}/${evaluations[kind]}/submit`, { body: { data: { ratings } } });
  if (response.status !== 201) throw new Error(`submit failed: ${response.status} ${response.text}`);
}

const computed = () => resultsComputed(api, campaignId, admin);

const results = async () => (await api.request('GET', `/api/campaigns/${campaignId}/results`, { token: admin })).body;
const target = (body: any, kind: string, code: string) => body.evaluations.find((e: any) => e.kind === kind).targets.find((t: any) => t.code === code);
const unit = (body: any, code: string) => body.composite.find((c: any) => c.code === code);

beforeAll(async () => {
  api = await TestApp.start();
  db = api.app.get(DataSource);
  admin = await api.loginAsAdmin();
  await importSmallDirectory(api, admin, 12);
  const campaign = (await api.request('POST', '/api/campaigns', { token: admin, body: { title: '2026 服务月', year: 2026, template: 'service-month' } })).body;
  campaignId = campaign.id;
  evaluations = Object.fromEntries(campaign.evaluations.map((e: { kind: string; id: string }) => [e.kind, e.id]));
  await api.request('POST', `/api/campaigns/${campaignId}/invitations`, { token: admin });
  links = (await api.request('GET', `/api/campaigns/${campaignId}/invitations?pageSize=100`, { token: admin })).body.items;
  links.sort((a, b) => a.raterCode.localeCompare(b.raterCode));
});
afterAll(async () => {
  await api?.close();
});

describe('results of a campaign', () => {
  it('are not there before any computation, and a draft campaign cannot be computed', async () => {
    const none = await api.request('GET', `/api/campaigns/${campaignId}/results`, { token: admin });
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('RESULTS_NOT_COMPUTED');
    const draft = await api.request('POST', `/api/campaigns/${campaignId}/results/compute`, { token: admin });
    expect(draft.status).toBe(409);
    expect(draft.body.code).toBe('RESULTS_NOT_AVAILABLE');
  });

  it('are computed at close from the ballots, as worked out by hand', async () => {
    expect((await api.request('POST', `/api/campaigns/${campaignId}/open`, { token: admin })).status).toBe(200);
    const enterprises = tokens('enterprise');
    expect(enterprises).toHaveLength(12);
    for (const [i, token] of enterprises.entries()) {
      await submit(token, ED, [
        // D01: ten satisfied ballots and two basically.
        all('D01', i < 10 ? 'satisfied' : 'basically'),
        // D02: six satisfied, six dissatisfied.
        all('D02', i < 6 ? 'satisfied' : 'dissatisfied'),
        // D03: attitude 不了解, the rest basically.
        { ...all('D03', 'basically'), attitude: 'na' },
      ]);
    }
    const [q01, q02] = tokens('district');
    await submit(q01!, DD, [all('D01', 'satisfied')]);
    await submit(q02!, DD, [all('D01', 'basically')]);

    // The office's inspection and self-inspection (D03 has none: it fails the gate).
    await db.query(
      `INSERT INTO unit_assessments (campaign_id, department_id, inspection_score, self_inspection_score, self_inspection_complete)
       SELECT $1, id, CASE code WHEN 'D01' THEN 90 ELSE 80 END, 95, true FROM departments WHERE code IN ('D01', 'D02')`,
      [campaignId],
    );

    expect((await api.request('POST', `/api/campaigns/${campaignId}/close`, { token: admin })).status).toBe(200);
    await computed();
    const body = await results();

    const d01 = target(body, ED, 'D01');
    // C_c = (10·100 + 2·60) / 12 = 93.33 for every criterion, so S = 93.33.
    expect(d01.n).toBe(12);
    expect(d01.coverage).toBeCloseTo(12 / 12, 10);
    expect(d01.score).toBeCloseTo(1120 / 12, 10);
    expect(d01.criteria.attitude).toBeCloseTo(1120 / 12, 10);
    // 满意率 = (50 + 10) / 60 = 1; nobody dissatisfied.
    expect(d01.satisfactionRate).toBe(1);
    expect(d01.dissatisfactionRate).toBe(0);
    // One department per category: m = S, so S* = S.
    expect(d01.shrunkScore).toBeCloseTo(1120 / 12, 10);
    // Its 90% interval from the resampled ballots (ten 100s, two 60s) holds S* and stays within them.
    const [low, high] = d01.shrunkScoreInterval;
    expect(60 <= low && low <= d01.shrunkScore && d01.shrunkScore <= high && high <= 100).toBe(true);
    expect(low).toBeLessThan(high);
    // 10 ≤ n < 30: ranked, with 样本偏少.
    expect(d01.ranked).toBe(true);
    expect(d01.flags).toContain('样本偏少');

    const d02 = target(body, ED, 'D02');
    // (6·100 + 6·0) / 12 = 50; 满意率 = 30/60; 不满意率 = 30/60.
    expect(d02.score).toBeCloseTo(50, 10);
    expect(d02.satisfactionRate).toBeCloseTo(0.5, 10);
    expect(d02.dissatisfactionRate).toBeCloseTo(0.5, 10);
    // Wilson 95 % on 30 of 60: centre (0.5 + z²/120) / (1 + z²/60) = 0.5, half-width z·√(0.25/60 + z²/14400) / (1 + z²/60).
    const z = 1.959963984540054;
    const half = (z * Math.sqrt(0.25 / 60 + (z * z) / 14400)) / (1 + (z * z) / 60);
    expect(d02.satisfactionCi[0]).toBeCloseTo(0.5 - half, 10);
    expect(d02.satisfactionCi[1]).toBeCloseTo(0.5 + half, 10);

    const d03 = target(body, ED, 'D03');
    // attitude has no valid answer and leaves S: the other four criteria are all 60.
    expect(d03.score).toBeCloseTo(60, 10);
    expect(d03.criteria.attitude).toBeNull();
    expect(d03.satisfactionRate).toBe(1);

    // K by moments over the three departments, with ballot target scores
    // D01 ten 100s and two 60s, D02 six 100s and six 0s, D03 twelve 60s:
    //   σ² = (10·(100−93.33)² + 2·(60−93.33)² + 12·50² + 0) / (11 + 11 + 11) = (2666.67 + 30000) / 33
    //   τ² = var(93.33, 50, 60) − σ²/12
    const sigma2 = (10 * (100 - 1120 / 12) ** 2 + 2 * (60 - 1120 / 12) ** 2 + 12 * 2500) / 33;
    const s = [1120 / 12, 50, 60];
    const mean = s.reduce((a, b) => a + b) / 3;
    const tau2 = s.reduce((a, b) => a + (b - mean) ** 2, 0) / 2 - sigma2 / 12;
    const ed = body.evaluations.find((e: any) => e.kind === ED);
    expect(ed.kEstimated).toBe(true);
    expect(ed.k).toBeCloseTo(sigma2 / tau2, 8);
    expect(ed.ballots).toBe(12);

    // District governments: both returned ballots (2 of 2 ≥ ⅔); D01 = (100 + 60) / 2 = 80, n = 2 < 7: no trimming.
    const dd = body.evaluations.find((e: any) => e.kind === DD);
    expect(dd.quorumMet).toBe(true);
    expect(target(body, DD, 'D01').score).toBeCloseTo(80, 10);
    expect(target(body, DD, 'D01').shrunkScore).toBeCloseTo(80, 10);

    // D01 composite = (50·93.33 + 20·80 + 30·90) / 100 = 89.67 ≥ 85: rank 1 of 1, in the quota of 1.
    const c01 = unit(body, 'D01');
    expect(c01.composite).toBeCloseTo((50 * (1120 / 12) + 20 * 80 + 30 * 90) / 100, 8);
    expect(c01).toMatchObject({ eligible: true, rank: 1, inQuota: true });
    // D02 has no district ballots: (50·50 + 30·80) / 80 = 61.25, flagged; rank 1 in its category, below 85.
    const c02 = unit(body, 'D02');
    expect(c02.composite).toBeCloseTo(61.25, 8);
    expect(c02.flags).toContain('缺少区县政府评议，权重已重新分配');
    expect(c02).toMatchObject({ eligible: true, rank: 1, inQuota: false });
    // D03 has no self-inspection: not eligible.
    const c03 = unit(body, 'D03');
    expect(c03).toMatchObject({ eligible: false, rank: null, inQuota: false });
    expect(c03.flags).toContain('自查缺失或不完整，不具备评选资格');

    expect(body.awards.map((a: any) => [a.award, a.code, a.proposed, a.awarded])).toEqual([['service-unit', 'D01', true, true]]);
    expect(body.configHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('computes byte-identical results a second time', async () => {
    const first = await results();
    const compute = await api.request('POST', `/api/campaigns/${campaignId}/results/compute`, { token: admin });
    expect(compute.status).toBe(202);
    await computed();
    const second = await results();
    expect(second.computedAt).not.toBe(first.computedAt);
    const strip = ({ computedAt: _, ...rest }: any) => JSON.stringify(rest);
    expect(strip(second)).toBe(strip(first));
    const hashes = await db.query('SELECT body_hash FROM result_snapshots WHERE campaign_id = $1', [campaignId]);
    expect(hashes).toHaveLength(1);
  });

  it('exports every valid answer in long format, with no rater identity', async () => {
    const csv = await api.download(`/api/campaigns/${campaignId}/ratings.csv`, admin);
    expect(csv.status).toBe(200);
    const lines = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('evaluation_kind,ballot,target_code,criterion,answer');
    // 12 ballots × 3 departments × 5 criteria + 2 district ballots × 5.
    expect(lines).toHaveLength(1 + 12 * 15 + 2 * 5);
    const ballots = new Set(lines.slice(1).filter((l) => l.startsWith(ED)).map((l) => l.split(',')[1]));
    expect([...ballots].sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
    const text = csv.bytes.toString('utf8');
    for (const link of links) expect(text).not.toContain(link.raterCode);
  });

  it('exports a workbook with a sheet per evaluation, the composite, the awards and the method', async () => {
    const file = await api.download(`/api/campaigns/${campaignId}/results.xlsx`, admin);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('spreadsheetml');
    expect(file.bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('weighs criteria as the configuration says, in S and in each ballot\'s target score', async () => {
    const created = (await api.request('POST', '/api/campaigns', { token: admin, body: { title: '2026 权重', year: 2026, template: 'service-month', slug: 'weights' } })).body;
    expect((await api.request('PUT', `/api/campaigns/${created.id}/scoring-config`, { token: admin, body: { criterionWeights: { attitude: 3 } } })).status).toBe(200);
    await api.request('POST', `/api/campaigns/${created.id}/invitations`, { token: admin });
    const own = (await api.request('GET', `/api/campaigns/${created.id}/invitations?pageSize=100`, { token: admin })).body.items
      .filter((l: any) => l.raterType === 'enterprise')
      .map((l: any) => l.link.split('/s/')[1]);
    await api.request('POST', `/api/campaigns/${created.id}/open`, { token: admin });
    const kinds = Object.fromEntries(created.evaluations.map((e: { kind: string; id: string }) => [e.kind, e.id]));
    const send = (token: string, ratings: unknown[]) => api.request('POST', `/api/s/${token}/${kinds[ED]}/submit`, { body: { data: { ratings } } });
    // Ballot A: attitude satisfied, the other four dissatisfied → (3·100 + 4·0) / 7; ballot B: all satisfied → 100.
    expect((await send(own[0], [{ ...all('D01', 'dissatisfied'), attitude: 'satisfied' }])).status).toBe(201);
    expect((await send(own[1], [all('D01', 'satisfied')])).status).toBe(201);
    await api.request('POST', `/api/campaigns/${created.id}/close`, { token: admin });
    await resultsComputed(api, created.id, admin);
    const body = (await api.request('GET', `/api/campaigns/${created.id}/results`, { token: admin })).body;
    const d01 = body.evaluations.find((e: any) => e.kind === ED).targets.find((t: any) => t.code === 'D01');
    // C_attitude = 100, the others (0 + 100) / 2 = 50: S = (3·100 + 4·50) / 7.
    expect(d01.score).toBeCloseTo(500 / 7, 10);
    // σ from the SQL's ballot target scores 300/7 and 100, one degree of freedom: |100 − 300/7| / √2.
    expect(body.evaluations.find((e: any) => e.kind === ED).withinSd).toBeCloseTo((100 - 300 / 7) / Math.SQRT2, 10);
  });

  it('refuses to publish before the awards are confirmed, then freezes the results', async () => {
    const early = await api.request('POST', `/api/campaigns/${campaignId}/publish`, { token: admin });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('AWARDS_NOT_CONFIRMED');
    expect((await api.request('POST', `/api/campaigns/${campaignId}/awards/confirm`, { token: admin })).status).toBe(200);
    expect((await api.request('POST', `/api/campaigns/${campaignId}/publish`, { token: admin })).status).toBe(200);
    const again = await api.request('POST', `/api/campaigns/${campaignId}/results/compute`, { token: admin });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('RESULTS_FROZEN');
    const published = await api.request('GET', '/api/public/results/2026-service-month');
    expect(published.status).toBe(200);
    expect(published.body.awards.map((a: any) => [a.award, a.code, a.nameZh])).toEqual([['service-unit', 'D01', '市商务局']]);
  });
});
