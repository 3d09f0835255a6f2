// `npm start` on the embedded default: time to a served console on a new data folder
// (initdb included) and on an existing one, and the memory of the server with its
// PostgreSQL, against the baseline of starting the embedded PostgreSQL alone.
import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, residentMb, root, startServer } from './support.mjs';

const { startEmbeddedPostgres } = await import(path.join(root, 'server', 'dist', 'server', 'src', 'database', 'embedded-postgres.js'));

const folder = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fie-bench-start-'));
  chmodSync(dir, 0o755);
  return path.join(dir, 'data');
};

async function timePostgresAlone(dataDir) {
  const started = performance.now();
  const cluster = await startEmbeddedPostgres(dataDir);
  const ms = performance.now() - started;
  await cluster.stop();
  return ms;
}

const baselineDir = folder();
const baselineFirst = await timePostgresAlone(baselineDir);
const baselineAgain = await timePostgresAlone(baselineDir);

const dataDir = folder();
const env = { DATA_DIR: dataDir, PORT: String(await freePort()), HOST: '127.0.0.1' };
const first = await startServer(env);
await fetch(`http://127.0.0.1:${env.PORT}/api/health`);
const memory = residentMb(first.child.pid);
await first.stop();
const again = await startServer(env);
await again.stop();

console.log('start-up on the embedded PostgreSQL');
console.log(`  new data folder:      app ${(first.startMs / 1000).toFixed(2)} s, PostgreSQL alone ${(baselineFirst / 1000).toFixed(2)} s, ratio ${(first.startMs / baselineFirst).toFixed(2)}`);
console.log(`  existing data folder: app ${(again.startMs / 1000).toFixed(2)} s, PostgreSQL alone ${(baselineAgain / 1000).toFixed(2)} s, ratio ${(again.startMs / baselineAgain).toFixed(2)}`);
console.log(`  memory after start: ${memory.toFixed(0)} MB resident (server and its PostgreSQL)`);
