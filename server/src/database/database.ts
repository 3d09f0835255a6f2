import path from 'node:path';
import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations/index.js';
import type { AppConfig } from '../config/app-config.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { entities } from './entities.js';

export type DatabaseKind = 'embedded' | 'postgres';

/** The database the app runs on, resolved before Nest starts. */
export interface DatabaseRuntime {
  kind: DatabaseKind;
  url: string;
  stop(): Promise<void>;
}

export const DATABASE_RUNTIME = Symbol('DATABASE_RUNTIME');

const EMBEDDED_DATABASE = 'fie';

/** `DATABASE_URL` when set; otherwise the embedded cluster under `DATA_DIR/postgres`. */
export async function openDatabase(config: AppConfig, log: (line: string) => void): Promise<DatabaseRuntime> {
  if (config.databaseUrl) return { kind: 'postgres', url: config.databaseUrl, stop: async () => undefined };
  const cluster = await startEmbeddedPostgres(path.join(config.dataDir, 'postgres'), { log });
  try {
    await ensureDatabase(cluster.adminUrl, EMBEDDED_DATABASE);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return { kind: 'embedded', url: cluster.urlFor(EMBEDDED_DATABASE), stop: () => cluster.stop() };
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    // gen_random_uuid() is built into PostgreSQL 13+; creating extensions would need a superuser.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    // Every migration in its own transaction: one that fails leaves the ones before it applied.
    migrationsTransactionMode: 'each',
    extra: { max: 20, application_name: 'fie-server' },
  };
}

// Any fixed number works; it only has to be the same for every instance of the app.
const MIGRATION_LOCK = 7_240_001;

/**
 * Applies pending migrations. An advisory lock held on its own connection makes two
 * instances starting together take turns instead of racing.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  const dataSource = new DataSource(dataSourceOptions(url));
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await lock.end();
  }
}
