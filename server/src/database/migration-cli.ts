import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig, projectRoot } from '../config/app-config.js';
import { dataSourceOptions, openDatabase, runMigrations } from './database.js';

/**
 * `npm run migration:run | migration:revert | migration:generate -- Name` on the same
 * database the app would use (DATABASE_URL, or the embedded cluster).
 */
async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  if (!['run', 'revert', 'generate'].includes(command ?? '')) usage();
  if (command === 'generate' && !/^[A-Z][A-Za-z0-9]+$/.test(name ?? '')) usage('the migration needs a PascalCase name, e.g. AddCampaigns');

  const config = loadConfig();
  const database = await openDatabase(config, () => undefined);
  try {
    if (command === 'run') {
      const applied = await runMigrations(database.url);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migrations');
    } else if (command === 'revert') {
      await withDataSource(database.url, async (dataSource) => {
        await dataSource.undoLastMigration({ transaction: 'each' });
        console.log('reverted the last migration');
      });
    } else {
      await runMigrations(database.url);
      await withDataSource(database.url, (dataSource) => generate(dataSource, name!));
    }
  } finally {
    await database.stop();
  }
}

async function withDataSource(url: string, work: (dataSource: DataSource) => Promise<void>): Promise<void> {
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** Writes the difference between the entities and the migrated schema as a new migration. */
async function generate(dataSource: DataSource, name: string): Promise<void> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  if (sql.upQueries.length === 0) {
    console.log('the entities match the schema: no migration generated');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const fileName = `${timestamp}-${name}`;
  const literal = (query: string) => `\`${query.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``;
  const statement = (query: string, parameters?: unknown[]) =>
    `    await queryRunner.query(${literal(query)}${parameters?.length ? `, ${JSON.stringify(parameters)}` : ''});`;
  const source = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${sql.upQueries.map((q) => statement(q.query, q.parameters)).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${sql.downQueries.reverse().map((q) => statement(q.query, q.parameters)).join('\n')}
  }
}
`;
  const migrationsDir = path.join(projectRoot, 'migrations');
  writeFileSync(path.join(migrationsDir, `${fileName}.ts`), source);
  appendToIndex(path.join(migrationsDir, 'index.ts'), className, fileName);
  console.log(`generated migrations/${fileName}.ts; review it, then build and run it`);
}

function appendToIndex(indexFile: string, className: string, fileName: string): void {
  const updated = readFileSync(indexFile, 'utf8')
    .replace(/\n\nexport const migrations = \[/, `\nimport { ${className} } from './${fileName}.js';\n\nexport const migrations = [`)
    .replace(/\];\s*$/, `, ${className}];\n`);
  writeFileSync(indexFile, updated);
}

function usage(problem?: string): never {
  if (problem) console.error(problem);
  console.error('usage: migration-cli run | revert | generate <Name>');
  process.exit(2);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
