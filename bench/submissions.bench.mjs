// Submissions through the public API: a full enterprise questionnaire (20 departments × 5
// criteria) from 50 concurrent clients, each a different rater, against a raw-PostgreSQL
// baseline doing the same writes in the same run (the response row with its jsonb and
// 100 rating rows in one transaction, over a pool of the app's size). Then the same load
// with survey-core validating every ballot on the hot path (BALLOT_VALIDATOR=survey-core),
// to show what the compiled validator buys.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { benchDatabase, freePort, httpRequest, load, residentMb, root, startServer } from './support.mjs';

const CLIENTS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS || 4);
const ROUNDS = 3;
const ENTERPRISES = Number(process.env.BENCH_ENTERPRISES || 40_000);
const ADMIN = { username: 'bench-admin', password: 'bench-admin-password' };
const CRITERIA = ['attitude', 'efficiency', 'lawful', 'transparency', 'integrity'];
const ANSWERS = ['satisfied', 'satisfied', 'basically', 'dissatisfied', 'na'];
const dist = (file) => import(path.join(root, 'server', 'dist', 'server', 'src', file));
const { makeUscc } = await dist('directory/uscc.js');
const { seededRandom } = await dist('common/random.js');

const csvLine = (cells) => cells.map((c) => `"${String(c).replaceAll('"', '""')}"`).join(',');
const departmentCodes = Array.from({ length: 20 }, (_, i) => `D${String(i + 1).padStart(2, '0')}`);

/** A complete, valid ballot rating every department, varied by `seed`. */
function ballot(seed) {
  return {
    ratings: departmentCodes.map((target, t) => ({ target, ...Object.fromEntries(CRITERIA.map((c, k) => [c, ANSWERS[(seed + t * 7 + k) % ANSWERS.length]])) })),
    problems: seed % 4 === 0 ? '办理施工许可时材料要求多次变化，希望一次性告知。' : undefined,
    suggestions: 'Keep the one-window service open on Saturdays.',
  };
}

/** The loads start from the same state: statistics fresh (plans remade), the set-up's writes checkpointed. */
async function settle() {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query('VACUUM ANALYZE');
  await client.query('CHECKPOINT').catch(() => undefined);
  await client.end();
}

/** Several rounds of the same load as one. */
function combine(rounds) {
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const pick = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { perSecond: latencies.length / (rounds.length * SECONDS), p50: pick(0.5), p99: pick(0.99), rounds: rounds.map((r) => r.perSecond) };
}

const database = await benchDatabase();
const secret = 'bench-secret-0123456789-0123456789-0123';
const env = (port, validator) => ({
  DATABASE_URL: database.url, APP_SECRET: secret, ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password,
  PORT: String(port), HOST: '127.0.0.1', BALLOT_VALIDATOR: validator,
});
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
let server = await startServer(env(port, 'compiled'));
try {
  const login = await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })).json();
  const auth = { authorization: `Bearer ${login.accessToken}` };
  const upload = async (kind, lines) => {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', new Blob([lines.join('\n')], { type: 'text/csv' }), `${kind}.csv`);
    const response = await fetch(`${base}/api/directory/import`, { method: 'POST', headers: auth, body: form });
    if (response.status !== 200) throw new Error(`import ${kind}: ${response.status} ${await response.text()}`);
  };
  const setupStarted = performance.now();
  await upload('departments', ['code,name_zh,name_en,category', ...departmentCodes.map((code, i) => csvLine([code, `市第${i + 1}局`, `Municipal Bureau ${i + 1}`, '综合管理类']))]);
  await upload('districts', ['code,name_zh,name_en,kind', csvLine(['Q01', '江东区', 'Jiangdong District', '区']), csvLine(['Q02', '江西区', 'Jiangxi District', '区'])]);
  const random = seededRandom(11);
  const usccs = new Set();
  while (usccs.size < ENTERPRISES) usccs.add(makeUscc(random));
  await upload('enterprises', [
    'uscc,name_zh,name_en,district_code,industry,investor_country,size_band,contact_name,contact_phone,contact_email',
    ...[...usccs].map((uscc, i) => csvLine([uscc, `江州基准${i}有限公司`, `Bench ${i} Co., Ltd.`, i % 2 ? 'Q02' : 'Q01', '制造业', '日本', 'small', '', '', ''])),
  ]);
  const campaign = await (await fetch(`${base}/api/campaigns`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ title: '基准', year: 2026, template: 'service-month' }) })).json();
  await fetch(`${base}/api/campaigns/${campaign.id}/open`, { method: 'POST', headers: auth });
  await fetch(`${base}/api/campaigns/${campaign.id}/invitations`, { method: 'POST', headers: auth });
  const exported = await (await fetch(`${base}/api/campaigns/${campaign.id}/invitations.csv`, { headers: auth })).text();
  const raters = exported.split('\r\n').filter((l) => l.startsWith('enterprise,')).map((l) => ({ uscc: l.split(',')[1], token: l.match(/\/s\/([A-Za-z0-9_-]{22})/)[1] }));
  const evaluationId = campaign.evaluations.find((e) => e.kind === 'enterprise-rates-departments').id;
  console.log(`set-up: ${ENTERPRISES} enterprises, 20 departments, links exported in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);

  // The app answers for the first 40 % of the raters, the baseline writes for the others.
  const split = Math.floor(raters.length * 0.4);
  const tokens = raters.slice(0, split).map((r) => r.token);
  const pool = new pg.Pool({ connectionString: database.url, max: 20 });
  const { rows: [fixed] } = await pool.query(
    `SELECT (SELECT id FROM questionnaire_versions WHERE evaluation_id = $1 ORDER BY version DESC LIMIT 1) AS version_id,
            (SELECT array_agg(t.id ORDER BY d.code) FROM evaluation_targets t JOIN departments d ON d.id = t.department_id WHERE t.evaluation_id = $1) AS target_ids`,
    [evaluationId],
  );
  const { rows: invitationRows } = await pool.query(
    'SELECT e.uscc, i.id FROM invitations i JOIN enterprises e ON e.id = i.enterprise_id WHERE i.campaign_id = $1',
    [campaign.id],
  );
  const invitationOf = new Map(invitationRows.map((r) => [r.uscc, r.id]));
  const baselineInvitations = raters.slice(split).map((r) => invitationOf.get(r.uscc));

  let next = 0;
  const submitOne = async () => {
    const token = tokens[next++];
    if (!token) throw new Error('ran out of raters: raise BENCH_ENTERPRISES');
    const response = await httpRequest('POST', `${base}/api/s/${token}/${evaluationId}/submit`, { data: ballot(next) });
    if (response.status !== 201) throw new Error(`submit answered ${response.status}: ${response.text}`);
  };
  const baselineSql = `
    WITH saved AS (
      INSERT INTO responses (invitation_id, evaluation_id, questionnaire_version_id, status, data, receipt, submitted_at)
      VALUES ($1, $2, $3, 'submitted', $4::jsonb, $5, now()) RETURNING id
    )
    INSERT INTO response_ratings (response_id, target_id, criterion, answer)
    SELECT saved.id, x.t, x.c, x.a FROM saved, unnest($6::uuid[], $7::text[], $8::text[]) AS x(t, c, a)`;
  let nextRaw = 0;
  const rawOne = async () => {
    const invitationId = baselineInvitations[nextRaw++];
    if (!invitationId) throw new Error('ran out of raters for the baseline: raise BENCH_ENTERPRISES');
    const data = ballot(nextRaw);
    const rows = data.ratings.flatMap((card, t) => CRITERIA.map((c) => [fixed.target_ids[t], c, card[c]]));
    await pool.query({ name: 'baseline-submit', text: baselineSql, values: [invitationId, evaluationId, fixed.version_id, JSON.stringify(data), randomUUID().slice(0, 14), ...[0, 1, 2].map((k) => `{${rows.map((r) => `"${r[k]}"`).join(',')}}`)] });
  };

  // App and baseline take turns, ROUNDS times each, so that a slow moment of a shared machine
  // falls on both rather than on one.
  // Warm up both, then analyse: PostgreSQL keeps the plan of each foreign-key check per
  // connection, and a plan made while `responses` was empty scans the whole table for every
  // rating row, slower with each ballot. Autovacuum's ANALYZE replaces it in production.
  for (let i = 0; i < 100; i++) await submitOne();
  for (let i = 0; i < 100; i++) await rawOne();
  await settle();
  const appRounds = [];
  const baselineRounds = [];
  for (let round = 0; round < ROUNDS; round++) {
    appRounds.push(await load(CLIENTS, SECONDS, submitOne));
    baselineRounds.push(await load(CLIENTS, SECONDS, rawOne));
  }
  const app = combine(appRounds);
  const baseline = combine(baselineRounds);
  const appMemory = residentMb(server.child.pid);
  await pool.end();

  // survey-core on the hot path: a new server process on the same data.
  await server.stop();
  server = await startServer(env(port, 'survey-core'));
  for (let i = 0; i < 5; i++) await submitOne();
  const slow = await load(CLIENTS, SECONDS, submitOne);

  const check = new pg.Pool({ connectionString: database.url, max: 1 });
  const { rows: [counts] } = await check.query(
    `SELECT count(*) FILTER (WHERE status = 'submitted')::int AS responses, (SELECT count(*)::int FROM response_ratings) AS ratings FROM responses`,
  );
  await check.end();
  if (counts.ratings !== counts.responses * 100) throw new Error(`expected 100 rating rows per ballot: ${JSON.stringify(counts)}`);

  const ratio = app.perSecond / baseline.perSecond;
  const perRound = (r) => `rounds ${r.rounds.map((x) => x.toFixed(0)).join(' / ')}`;
  console.log(`submissions of a full questionnaire (20 departments × 5 criteria), ${CLIENTS} clients, ${ROUNDS} alternating rounds of ${SECONDS} s, ${database.kind} PostgreSQL`);
  console.log(`  app (compiled validator): ${app.perSecond.toFixed(0)} /s  p50 ${app.p50.toFixed(1)} ms  p99 ${app.p99.toFixed(1)} ms  (${perRound(app)}; server RSS ${appMemory.toFixed(0)} MB)`);
  console.log(`  raw pg, same writes:      ${baseline.perSecond.toFixed(0)} /s  p50 ${baseline.p50.toFixed(1)} ms  p99 ${baseline.p99.toFixed(1)} ms  (${perRound(baseline)})`);
  console.log(`  app with survey-core:     ${slow.perSecond.toFixed(0)} /s  p50 ${slow.p50.toFixed(1)} ms  p99 ${slow.p99.toFixed(1)} ms  (one round)`);
  console.log(`  ratio app / raw pg: ${ratio.toFixed(2)} (target ≥ 0.50); survey-core / raw pg: ${(slow.perSecond / baseline.perSecond).toFixed(2)}`);
  console.log(`  stored: ${counts.responses} submitted responses, ${counts.ratings} rating rows`);
  if (ratio < 0.5) process.exitCode = 1;
} finally {
  await server.stop();
  await database.drop();
}
