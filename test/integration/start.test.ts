import { jest } from '@jest/globals';
import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase } from '../support/database.js';
import { bareEnvironment, freePort, processesMentioning, runUntilExit, startServer } from '../support/server-process.js';

/**
 * The platform as `npm start` runs it on a machine with nothing set: the embedded
 * PostgreSQL is created, kept, stopped with the app, and recovered after a crash.
 */
jest.setTimeout(180_000);

let dataDir: string;
let env: NodeJS.ProcessEnv;
let baseUrl: string;

beforeAll(async () => {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'fie-start-'));
  chmodSync(parent, 0o755);
  dataDir = path.join(parent, 'data');
  const port = await freePort();
  env = bareEnvironment({ DATA_DIR: dataDir, PORT: String(port) });
  baseUrl = `http://127.0.0.1:${port}`;
});

async function login(username: string, password: string, base = baseUrl): Promise<number> {
  return (await loginResponse(username, password, base)).status;
}

function loginResponse(username: string, password: string, base = baseUrl): Promise<Response> {
  return fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
}

async function campaigns(base: string, username: string, password: string): Promise<{ status: string; slug: string }[]> {
  const { accessToken } = await (await loginResponse(username, password, base)).json();
  return (await fetch(`${base}/api/campaigns`, { headers: { authorization: `Bearer ${accessToken}` } })).json();
}

it('starts on an embedded PostgreSQL, prints a working login, stops it on SIGINT, keeps the data, and recovers from a kill -9', async () => {
  const first = await startServer(env);
  const password = first.output().match(/username "admin", password "([^"]+)"/)?.[1];
  expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
  expect(await (await fetch(`${baseUrl}/api/health`)).json()).toEqual({ status: 'ok', database: 'embedded' });
  expect(await login('admin', password!)).toBe(200);
  expect(processesMentioning(dataDir).length).toBeGreaterThan(0);
  // The first embedded start brings a demo campaign to look at.
  expect(first.output()).toMatch(/Demo data loaded/);
  expect(await campaigns(baseUrl, 'admin', password!)).toEqual([expect.objectContaining({ status: 'open', slug: '2026-service-month-demo' })]);

  first.child.kill('SIGINT');
  expect(await first.exited).toBe(0);
  expect(processesMentioning(dataDir)).toEqual([]);

  // The second start reuses the cluster: same account, and no new password printed.
  const second = await startServer(env);
  expect(second.output()).not.toMatch(/password "|Demo data loaded/);
  expect(await login('admin', password!)).toBe(200);

  // A killed server leaves its PostgreSQL running; the next start stops it and goes on.
  second.child.kill('SIGKILL');
  await second.exited;
  expect(processesMentioning(dataDir).length).toBeGreaterThan(0);
  const third = await startServer(env);
  expect(await login('admin', password!)).toBe(200);
  third.child.kill('SIGTERM');
  expect(await third.exited).toBe(0);
  expect(processesMentioning(dataDir)).toEqual([]);
});

it('never puts demo data into a DATABASE_URL database', async () => {
  const database = await createTestDatabase();
  const port = await freePort();
  const server = await startServer({
    ...env, PORT: String(port), DATABASE_URL: database.url, APP_SECRET: 'a-secret-used-only-by-the-tests-0123456789', ADMIN_USERNAME: 'office', ADMIN_PASSWORD: 'office-password-1',
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    expect(await (await fetch(`${base}/api/health`)).json()).toEqual({ status: 'ok', database: 'postgres' });
    expect(server.output()).not.toMatch(/Demo data loaded/);
    expect(await campaigns(base, 'office', 'office-password-1')).toEqual([]);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await database.drop();
  }
});

// Every rule of the configuration is in test/unit/config.test.ts; these check the process exits cleanly.
it.each([
  [{ PORT: 'eighty' }, 'PORT'],
  [{ DATABASE_URL: 'postgres://localhost/fie' }, 'APP_SECRET'],
])('refuses to start with %j, naming %s', async (extra, variable) => {
  const { code, output } = await runUntilExit({ ...env, ...extra });
  expect(code).toBe(1);
  expect(output).toMatch(new RegExp(`${variable}:`));
  expect(output).not.toMatch(/\n\s+at /);
});
