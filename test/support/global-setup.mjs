// Runs once before all tests, outside Jest's module system, so it uses the built server
// (`npm test` builds first).
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { runMigrations } from '../../server/dist/server/src/database/database.js';
import { startEmbeddedPostgres } from '../../server/dist/server/src/database/embedded-postgres.js';

/**
 * One PostgreSQL for the whole run: TEST_DATABASE_URL or DATABASE_URL when set, else an
 * embedded throw-away cluster. A template database is migrated once; every test file
 * clones its own database from it (test/support/database.ts).
 */
export default async function globalSetup() {
  let adminUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || '';
  if (!adminUrl) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fie-test-pg-'));
    // As root, PostgreSQL runs as the "postgres" system user, which must reach the folder.
    chmodSync(dir, 0o755);
    globalThis.__fieTestCluster = await startEmbeddedPostgres(path.join(dir, 'data'), { persistent: false });
    adminUrl = globalThis.__fieTestCluster.adminUrl;
  }
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const template = `fie_test_${runId}_template`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(template)}`);
  } finally {
    await client.end();
  }
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${template}`;
  await runMigrations(templateUrl.toString());
  // Workers are started after this and inherit the environment.
  process.env.FIE_TEST_ADMIN_URL = adminUrl;
  process.env.FIE_TEST_RUN_ID = runId;
  process.env.FIE_TEST_DATABASE_KIND = globalThis.__fieTestCluster ? 'embedded' : 'postgres';
}
