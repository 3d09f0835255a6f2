import pg from 'pg';

/** Drops every database this run created, then stops the embedded cluster if there is one. */
export default async function globalTeardown() {
  const adminUrl = process.env.FIE_TEST_ADMIN_URL;
  const runId = process.env.FIE_TEST_RUN_ID;
  if (adminUrl && runId) {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`fie_test_${runId}_%`]);
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }
  await globalThis.__fieTestCluster?.stop();
}
