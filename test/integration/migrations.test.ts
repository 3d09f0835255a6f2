import { readdirSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations/index.js';
import { projectRoot } from '../../server/src/config/app-config.js';
import { dataSourceOptions } from '../../server/src/database/database.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let database: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  database = await createTestDatabase();
  dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
});
afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

it('lists every migration file in migrations/index.ts, oldest first', () => {
  const files = readdirSync(path.join(projectRoot, 'migrations'))
    .filter((name) => /^\d{13}-[A-Za-z0-9]+\.ts$/.test(name))
    .sort();
  const names = files.map((file) => {
    const [timestamp, name] = file.replace(/\.ts$/, '').split('-');
    return `${name}${timestamp}`;
  });
  expect(migrations.map((m) => m.name)).toEqual(names);
});

it('leaves nothing for the schema builder to change: the entities match the migrated schema', async () => {
  const pending = await dataSource.driver.createSchemaBuilder().log();
  expect(pending.upQueries.map((q) => q.query)).toEqual([]);
});

it('keeps the invariants in SQL: a role outside the list or a duplicate username is refused by the database', async () => {
  const insert = (username: string, role: string) =>
    dataSource.query(`INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, 'x', $2, 'x')`, [username, role]);
  await insert('someone', 'viewer');
  await expect(insert('SomeOne', 'viewer')).rejects.toMatchObject({ driverError: { code: '23505' } });
  await expect(insert('another', 'superuser')).rejects.toMatchObject({ driverError: { code: '23514' } });
});

it('reverts and re-applies cleanly', async () => {
  const runner = dataSource.createQueryRunner();
  try {
    for (const migration of [...migrations].reverse()) await new migration().down(runner);
    expect(await runner.hasTable('users')).toBe(false);
    for (const migration of migrations) await new migration().up(runner);
    expect(await runner.hasTable('users')).toBe(true);
  } finally {
    await runner.release();
  }
});
