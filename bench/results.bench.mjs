// A campaign's full results through the running server (SQL aggregation of the rating rows, the
// engine with 2,000 bootstrap resamples in its worker, the data-quality checks, the snapshot), for
// 1,200 and 12,000 enterprises each rating 40 departments on 5 criteria, plus 15 district
// governments rating the departments and every enterprise rating its district. The baseline, in
// the same run on the same data: one plain SQL GROUP BY that computes only the raw scores.
// Targets: ≤ 2 s for 1,200; ≤ 10 s and ≤ 500 MB for 12,000.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { benchDatabase, freePort, root, signedInApi, startServer } from './support.mjs';

const dist = (file) => import(path.join(root, 'server', 'dist', 'server', 'src', file));
const { makeUscc } = await dist('directory/uscc.js');
const { seededRandom } = await dist('common/random.js');

const SIZES = (process.env.BENCH_ENTERPRISES || '1200,12000').split(',').map(Number);
const TARGETS = { 1200: { seconds: 2 }, 12000: { seconds: 10, megabytes: 500 } };
const ADMIN = { username: 'bench-admin', password: 'bench-admin-password' };
const CATEGORIES = ['综合管理类', '执法监督类', '公共服务类'];

let failed = false;
for (const size of SIZES) {
  const outcome = await run(size);
  const target = TARGETS[size];
  const within = target ? outcome.seconds <= target.seconds && (!target.megabytes || outcome.peakMb <= target.megabytes) : true;
  if (!within) failed = true;
  console.log(
    `results, ${size} enterprises × 40 departments × 5 criteria (+ districts): ${outcome.seconds.toFixed(2)} s (first run ${outcome.firstSeconds.toFixed(2)} s), ` +
      `peak server memory ${outcome.peakMb.toFixed(0)} MB (${outcome.idleMb.toFixed(0)} MB before); plain SQL GROUP BY of the raw scores ${(outcome.baselineMs / 1000).toFixed(3)} s; ` +
      `ratio ${(outcome.seconds / (outcome.baselineMs / 1000)).toFixed(1)}× ${target ? (within ? `(within ${target.seconds} s${target.megabytes ? ` and ${target.megabytes} MB` : ''})` : '(OVER TARGET)') : ''}`,
  );
}
process.exit(failed ? 1 : 0);

async function run(size) {
  const database = await benchDatabase();
  const port = await freePort();
  const server = await startServer({ DATABASE_URL: database.url, APP_SECRET: 'bench-secret-0123456789-0123456789-0123', ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const base = `http://127.0.0.1:${port}`;
    const api = await signedInApi(base, ADMIN);

    await seedDirectory(client, size);
    const campaign = await api('POST', '/api/campaigns', { title: `bench ${size}`, year: 2026, template: 'service-month' });
    await api('POST', `/api/campaigns/${campaign.id}/invitations`);
    await api('POST', `/api/campaigns/${campaign.id}/open`);
    await seedBallots(client, campaign.id);
    // As autovacuum would have left data of weeks: hint bits set, statistics fresh.
    await client.query('VACUUM ANALYZE');

    const compute = async () => {
      const started = performance.now();
      await api('POST', `/api/campaigns/${campaign.id}/results/compute`);
      for (;;) {
        const state = await api('GET', `/api/campaigns/${campaign.id}/results/computation`);
        if (state.status === 'done') return (performance.now() - started) / 1000;
        if (state.status === 'failed') throw new Error(`computation failed: ${state.error}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const idleMb = memory(server.child.pid, 'VmRSS');
    resetPeak(server.child.pid);
    const firstSeconds = await compute();
    const seconds = await compute();
    const peakMb = memory(server.child.pid, 'VmHWM');

    const baselineMs = await baseline(client, campaign.id);
    return { seconds, firstSeconds, peakMb, idleMb, baselineMs };
  } finally {
    await client.end();
    // Where the time went, as the server logs it.
    for (const line of server.output().split('\n').filter((l) => l.includes('results computed'))) console.log(`  ${line.replace(/.*"loadMs"/, 'loadMs').replace(/,"msg".*/, '')}`);
    await server.stop();
    // BENCH_KEEP_DATABASE=1 leaves the data for EXPLAIN; drop it by hand afterwards.
    if (process.env.BENCH_KEEP_DATABASE) console.log(`  kept ${database.url}`);
    else await database.drop();
  }
}

/** 40 departments in three categories, 15 districts (two development zones), `size` enterprises. */
async function seedDirectory(client, size) {
  const departments = Array.from({ length: 40 }, (_, i) => `D${String(i + 1).padStart(2, '0')}`);
  await client.query(
    `INSERT INTO departments (code, name_zh, name_en, category) SELECT code, '部门' || code, 'Department ' || code, ($2::text[])[1 + (n % 3)]
       FROM unnest($1::text[]) WITH ORDINALITY AS d(code, n)`,
    [departments, CATEGORIES],
  );
  const districts = Array.from({ length: 15 }, (_, i) => `Q${String(i + 1).padStart(2, '0')}`);
  await client.query(
    `INSERT INTO districts (code, name_zh, name_en, kind) SELECT code, '区县' || code, 'District ' || code, CASE WHEN n > 13 THEN 'development-zone' ELSE 'district' END
       FROM unnest($1::text[]) WITH ORDINALITY AS d(code, n)`,
    [districts],
  );
  const random = seededRandom(size);
  const codes = new Set();
  while (codes.size < size) codes.add(makeUscc(random));
  await client.query(
    `INSERT INTO enterprises (uscc, name_zh, name_en, district_id)
     SELECT uscc, '企业' || n, 'Enterprise ' || n, (SELECT id FROM districts ORDER BY code OFFSET (n % 15) LIMIT 1)
       FROM unnest($1::text[]) WITH ORDINALITY AS e(uscc, n)`,
    [[...codes]],
  );
}

/**
 * Every rater submits: answers drawn per (ballot, target, criterion) from the target's own
 * quality, so the departments spread from clear leaders to a crowded middle.
 */
async function seedBallots(client, campaignId) {
  const evaluations = (await client.query(`SELECT id, kind FROM evaluations WHERE campaign_id = $1`, [campaignId])).rows;
  const byKind = Object.fromEntries(evaluations.map((e) => [e.kind, e.id]));
  for (const [kind, raterType] of [['enterprise-rates-departments', 'enterprise'], ['enterprise-rates-districts', 'enterprise'], ['district-rates-departments', 'district']]) {
    const evaluationId = byKind[kind];
    const [{ id: versionId, survey }] = (await client.query(`SELECT id, survey FROM questionnaire_versions WHERE evaluation_id = $1 ORDER BY version DESC LIMIT 1`, [evaluationId])).rows;
    const criteria = JSON.stringify(survey).match(/"name":"(attitude|efficiency|lawful|transparency|integrity|government|legal|market|factors|living)"/g).map((m) => m.slice(8, -1));
    await client.query(`UPDATE questionnaire_versions SET frozen_at = now() WHERE id = $1`, [versionId]);
    await client.query(
      `INSERT INTO responses (invitation_id, evaluation_id, questionnaire_version_id, status, data, receipt, started_at, updated_at, submitted_at)
       SELECT i.id, $2::uuid, $3::uuid, 'submitted', '{}'::jsonb, upper(substr(md5(i.id::text || $2::text), 1, 12)), now() - make_interval(secs => 120 + (abs(hashtext(i.id::text)) % 900)), now(), now()
         FROM invitations i WHERE i.campaign_id = $1 AND i.rater_type = $4`,
      [campaignId, evaluationId, versionId, raterType],
    );
    // Enterprises rate their own district only; departments are rated by every rater.
    const ownDistrict = kind === 'enterprise-rates-districts' ? 'AND t.district_id = e.district_id' : '';
    await client.query(
      `INSERT INTO response_ratings (response_id, target_id, criterion, answer)
       SELECT s.id, t.id, c.name,
              CASE WHEN u.roll < 4 THEN 'na'
                   WHEN u.roll < 4 + q.quality THEN 'satisfied'
                   WHEN u.roll < 4 + q.quality + (96 - q.quality) * 0.7 THEN 'basically'
                   ELSE 'dissatisfied' END
         FROM responses s
         JOIN invitations i ON i.id = s.invitation_id
         LEFT JOIN enterprises e ON e.id = i.enterprise_id
         JOIN evaluation_targets t ON t.evaluation_id = s.evaluation_id ${ownDistrict}
         CROSS JOIN unnest($2::text[]) AS c(name)
         CROSS JOIN LATERAL (SELECT 40 + abs(hashtext(t.id::text)) % 55 AS quality) q
         CROSS JOIN LATERAL (SELECT abs(hashtext(s.id::text || t.id::text || c.name)) % 100 AS roll) u
        WHERE s.evaluation_id = $1`,
      [evaluationId, criteria],
    );
  }
}

/** The raw scores alone in one plain query (mean points per target and criterion, then over criteria); best of three. */
async function baseline(client, campaignId) {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await client.query(
      `SELECT target_id, avg(criterion_score) AS score FROM (
         SELECT r.target_id, r.criterion,
                avg(CASE r.answer WHEN 'satisfied' THEN 100 WHEN 'basically' THEN 60 WHEN 'dissatisfied' THEN 0 END) AS criterion_score
           FROM response_ratings r JOIN responses s ON s.id = r.response_id JOIN evaluations e ON e.id = s.evaluation_id
          WHERE e.campaign_id = $1 AND s.status = 'submitted' AND s.voided_at IS NULL
          GROUP BY r.target_id, r.criterion) c
        GROUP BY target_id`,
      [campaignId],
    );
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

function memory(pid, field) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))?.[1] ?? 0) / 1024;
}

/** Linux resets a process's peak resident size when 5 is written to its clear_refs. */
function resetPeak(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not allowed here: the peak then covers the server's whole life, which only overstates it.
  }
}
