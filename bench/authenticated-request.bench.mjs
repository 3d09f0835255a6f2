// What the skeleton adds to every signed-in request: GET /api/auth/me through HTTP (JWT
// check, the account read twice — by the guard and by the handler —, JSON, request id,
// logging) against a raw-PostgreSQL baseline doing the same two reads over a pool of
// the same size, with the same number of concurrent clients, in the same run.
import pg from 'pg';
import { benchDatabase, freePort, load, residentMb, startServer } from './support.mjs';

const CLIENTS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS || 5);
const ADMIN = { username: 'bench-admin', password: 'bench-admin-password' };

const database = await benchDatabase();
const port = await freePort();
const server = await startServer({
  DATABASE_URL: database.url,
  APP_SECRET: 'bench-secret-0123456789-0123456789-0123',
  ADMIN_USERNAME: ADMIN.username,
  ADMIN_PASSWORD: ADMIN.password,
  PORT: String(port),
  HOST: '127.0.0.1',
});
try {
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const { accessToken, user } = await login.json();
  const headers = { authorization: `Bearer ${accessToken}` };

  const call = async () => {
    const response = await fetch(`${base}/api/auth/me`, { headers });
    if (response.status !== 200) throw new Error(`GET /api/auth/me answered ${response.status}`);
    await response.arrayBuffer();
  };
  for (let i = 0; i < 200; i++) await call();
  const app = await load(CLIENTS, SECONDS, call);
  const appMemory = residentMb(server.child.pid);

  const pool = new pg.Pool({ connectionString: database.url, max: 20 });
  const sql = 'SELECT id, username, display_name, role, password_hash, active, created_at, updated_at, last_login_at FROM users WHERE id = $1';
  const raw = async () => {
    await pool.query(sql, [user.id]);
    await pool.query(sql, [user.id]);
  };
  for (let i = 0; i < 200; i++) await raw();
  const baseline = await load(CLIENTS, SECONDS, raw);
  await pool.end();

  console.log(`authenticated request (GET /api/auth/me), ${CLIENTS} clients, ${SECONDS} s, ${database.kind} PostgreSQL`);
  console.log(`  app:      ${app.perSecond.toFixed(0)} req/s  p50 ${app.p50.toFixed(1)} ms  p99 ${app.p99.toFixed(1)} ms  (server RSS ${appMemory.toFixed(0)} MB)`);
  console.log(`  raw pg:   ${baseline.perSecond.toFixed(0)} req/s  p50 ${baseline.p50.toFixed(1)} ms  p99 ${baseline.p99.toFixed(1)} ms`);
  console.log(`  ratio app / raw pg: ${(app.perSecond / baseline.perSecond).toFixed(2)}`);
} finally {
  await server.stop();
  await database.drop();
}
