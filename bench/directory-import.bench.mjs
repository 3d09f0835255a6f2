// Import of 10,000 enterprises from .xlsx, end to end through the API (upload, parsing,
// checks, upsert in one transaction), against the baseline of inserting the same rows
// straight into PostgreSQL with one set-based INSERT, in the same run. Target: at most 5 s.
import path from 'node:path';
import pg from 'pg';
import { benchDatabase, freePort, root, startServer } from './support.mjs';

const dist = (file) => import(path.join(root, 'server', 'dist', 'server', 'src', file));
const { writeXlsx } = await dist('common/tabular.js');
const { makeUscc } = await dist('directory/uscc.js');
const { seededRandom } = await dist('common/random.js');
const { demoDirectory } = await dist('demo/demo-directory.js');

const ROWS = Number(process.env.BENCH_ROWS || 10_000);
const ADMIN = { username: 'bench-admin', password: 'bench-admin-password' };

const city = demoDirectory();
const random = seededRandom(10_000);
const codes = new Set();
while (codes.size < ROWS) codes.add(makeUscc(random));
const enterprises = [...codes].map((uscc, i) => {
  const model = city.enterprises[i % city.enterprises.length];
  return {
    uscc, name_zh: `${model.nameZh.replace(/有限公司$/, '')}${i}有限公司`, name_en: `${model.nameEn} ${i}`, district_code: model.districtCode,
    industry: model.industry, investor_country: model.investorCountry, size_band: model.sizeBand, contact_name: model.contactName,
    contact_phone: model.contactPhone, contact_email: model.contactEmail,
  };
});
const columns = ['uscc', 'name_zh', 'name_en', 'district_code', 'industry', 'investor_country', 'size_band', 'contact_name', 'contact_phone', 'contact_email'].map((key) => ({ header: key, key }));
const workbook = await writeXlsx([{ name: 'enterprises', columns, rows: enterprises }]);
const districtsCsv = ['code,name_zh,name_en,kind,division_code', ...city.districts.map((d) => [d.code, d.nameZh, d.nameEn, d.kind, d.divisionCode].join(','))].join('\n');

const database = await benchDatabase();
const port = await freePort();
const server = await startServer({ DATABASE_URL: database.url, APP_SECRET: 'bench-secret-0123456789-0123456789-0123', ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password, PORT: String(port), HOST: '127.0.0.1' });
try {
  const base = `http://127.0.0.1:${port}`;
  const { accessToken } = await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })).json();
  const upload = async (kind, name, content) => {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', new Blob([content]), name);
    const started = performance.now();
    const response = await fetch(`${base}/api/directory/import`, { method: 'POST', body: form, headers: { authorization: `Bearer ${accessToken}` } });
    const body = await response.json();
    if (response.status !== 200) throw new Error(`import answered ${response.status}: ${JSON.stringify(body).slice(0, 500)}`);
    return { ms: performance.now() - started, body };
  };
  await upload('districts', 'districts.csv', districtsCsv);
  const first = await upload('enterprises', 'enterprises.xlsx', workbook);
  const again = await upload('enterprises', 'enterprises.xlsx', workbook);

  // Baseline: the same rows straight into the table of a fresh copy, one INSERT … SELECT FROM unnest.
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const districtIds = new Map((await client.query('SELECT code, id FROM districts')).rows.map((r) => [r.code, r.id]));
  await client.query('CREATE TEMP TABLE baseline (LIKE enterprises INCLUDING ALL)');
  const started = performance.now();
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO baseline (uscc, name_zh, name_en, district_id, industry, investor_country, size_band, contact_name, contact_phone, contact_email)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])`,
    [
      enterprises.map((e) => e.uscc), enterprises.map((e) => e.name_zh), enterprises.map((e) => e.name_en), enterprises.map((e) => districtIds.get(e.district_code)),
      enterprises.map((e) => e.industry), enterprises.map((e) => e.investor_country), enterprises.map((e) => e.size_band), enterprises.map((e) => e.contact_name),
      enterprises.map((e) => e.contact_phone), enterprises.map((e) => e.contact_email),
    ],
  );
  await client.query('COMMIT');
  const baselineMs = performance.now() - started;
  await client.end();

  console.log(`import of ${ROWS.toLocaleString('en')} enterprises from .xlsx (${(workbook.length / 1024).toFixed(0)} KB) through the API, ${database.kind} PostgreSQL`);
  console.log(`  first import:  ${(first.ms / 1000).toFixed(2)} s  (${JSON.stringify(first.body)})  target ≤ 5 s`);
  console.log(`  same file again: ${(again.ms / 1000).toFixed(2)} s  (${JSON.stringify(again.body)})`);
  console.log(`  raw PostgreSQL insert of the same rows: ${(baselineMs / 1000).toFixed(2)} s`);
  console.log(`  ratio API import / raw insert: ${(first.ms / baselineMs).toFixed(1)}`);
  if (first.ms > 5000) process.exitCode = 1;
} finally {
  await server.stop();
  await database.drop();
}
