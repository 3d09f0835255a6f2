// Shared pieces of the benchmarks: a database to run on and the built server as a child process.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const builtMain = path.join(root, 'server', 'dist', 'server', 'src', 'main.js');
const dist = (file) => import(path.join(root, 'server', 'dist', 'server', 'src', file));

/** TEST_DATABASE_URL / DATABASE_URL when set, else an embedded throw-away cluster; a fresh database in it. */
export async function benchDatabase() {
  let adminUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || '';
  let cluster;
  if (!adminUrl) {
    const { startEmbeddedPostgres } = await dist('database/embedded-postgres.js');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fie-bench-pg-'));
    chmodSync(dir, 0o755);
    cluster = await startEmbeddedPostgres(path.join(dir, 'data'), { persistent: false });
    adminUrl = cluster.adminUrl;
  }
  const name = `fie_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const { runMigrations } = await dist('database/database.js');
  await runMigrations(url.toString());
  return {
    url: url.toString(),
    kind: cluster ? 'embedded' : 'postgres',
    async drop() {
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cluster?.stop();
    },
  };
}

async function adminQuery(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts the built server and resolves once it prints its banner, with the time that took. */
export async function startServer(env) {
  if (!existsSync(builtMain)) throw new Error('build first: npm run build');
  const started = performance.now();
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server under load.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, builtMain], { env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  await new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('is running on')) {
        clearInterval(timer);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(output));
      }
    }, 20);
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return {
    child,
    output: () => output,
    startMs: performance.now() - started,
    async stop() {
      child.kill('SIGINT');
      await exited;
    },
  };
}

/** Resident memory in MB of a process and its children (the embedded PostgreSQL's), from /proc. */
export function residentMb(pid) {
  let total = 0;
  const visit = (p) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
      const children = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim();
      for (const c of children ? children.split(/\s+/) : []) visit(c);
    } catch {
      // The process is gone.
    }
  };
  visit(pid);
  return total / 1024;
}

/** Runs `clients` loops of `operation` for `seconds`; returns throughput and latency percentiles. */
export async function load(clients, seconds, operation) {
  const latencies = [];
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        await operation();
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const pick = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { count: latencies.length, perSecond: latencies.length / seconds, p50: pick(0.5), p99: pick(0.99), latencies };
}

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 256 });

/**
 * A request over node:http with kept-alive connections: a lighter load generator than fetch,
 * so that less of the shared CPU goes to the client side of a benchmark.
 */
export function httpRequest(method, url, body) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const request = http.request(url, { method, agent: keepAlive, headers: payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {} }, (response) => {
      const chunks = [];
      response.on('data', (c) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(payload);
  });
}

/**
 * Signs in at the running server and answers a JSON API caller with that session: `api(method,
 * route, body)` resolves to the answer's JSON and throws on any status from 300 up.
 */
export async function signedInApi(base, user) {
  const { accessToken } = await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) })).json();
  return async (method, route, body) => {
    const response = await fetch(`${base}${route}`, { method, headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
    const json = await response.json();
    if (response.status >= 300) throw new Error(`${method} ${route} answered ${response.status}: ${JSON.stringify(json).slice(0, 400)}`);
    return json;
  };
}
