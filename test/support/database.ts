import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { databaseUrl } from './database-url.js';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

function runSettings(): { adminUrl: string; runId: string } {
  const adminUrl = process.env.FIE_TEST_ADMIN_URL;
  const runId = process.env.FIE_TEST_RUN_ID;
  if (!adminUrl || !runId) throw new Error('the test database was not prepared: run the tests with `npm test`');
  return { adminUrl, runId };
}

/** A fresh database for one test file, cloned from the migrated template in milliseconds. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { adminUrl, runId } = runSettings();
  const name = `fie_test_${runId}_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(`fie_test_${runId}_template`)}`);
  return {
    url: databaseUrl(adminUrl, name),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
  };
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
