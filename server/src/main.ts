import 'reflect-metadata';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createApp } from './app.js';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config.js';
import { createLogger } from './common/logger.js';
import { openDatabase, runMigrations, type DatabaseRuntime } from './database/database.js';
import { DemoService, type DemoSummary } from './demo/demo.service.js';
import { ensureFirstAdmin, type FirstAdmin } from './users/first-admin.js';
import { UsersService } from './users/users.service.js';

/** Starts the whole platform in this process: database, migrations, API and built client. */
async function bootstrap(): Promise<void> {
  const started = Date.now();
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let database: DatabaseRuntime | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await app?.close().catch((error: unknown) => logger.error({ err: error }, 'error while closing the app'));
    await database?.stop().catch((error: unknown) => logger.error({ err: error }, 'error while stopping PostgreSQL'));
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  try {
    if (!config.databaseUrl) logger.info({ dataDir: config.dataDir }, 'starting the embedded PostgreSQL');
    database = await openDatabase(config, (line) => logger.debug({ component: 'postgres' }, line));
    const applied = await runMigrations(database.url);
    if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
    app = await createApp(config, database, logger);
    const admin = await ensureFirstAdmin(app.get(UsersService), config, database.kind);
    const demo = await seedDemoOnFirstStart(app.get(DemoService), config, database);
    await app.listen(config.port, config.host);
    printBanner(config, database, admin, demo, Date.now() - started);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database?.stop().catch(() => undefined);
    if (error instanceof ConfigError) fail(error.message);
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      fail(`PORT: port ${config.port} is already in use / 端口 ${config.port} 已被占用; set PORT to another one.`);
    }
    logger.fatal({ err: error }, 'start failed');
    fail(`The platform could not start / 平台启动失败: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The first start on the embedded database loads the demo city, so there is a campaign to
 * look at. Never on DATABASE_URL: a real database gets demo data only from `npm run demo`.
 */
async function seedDemoOnFirstStart(demo: DemoService, config: AppConfig, database: DatabaseRuntime): Promise<DemoSummary | null> {
  const marker = path.join(config.dataDir, 'demo-seeded');
  if (database.kind !== 'embedded' || existsSync(marker)) return null;
  const summary = await demo.seed();
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  return summary;
}

function printBanner(config: AppConfig, database: DatabaseRuntime, admin: FirstAdmin | null, demo: DemoSummary | null, elapsedMs: number): void {
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `  外商投资企业服务月评议平台 is running on ${url}  (started in ${(elapsedMs / 1000).toFixed(1)} s)`,
    `  Database: ${database.kind === 'embedded' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL at DATABASE_URL'}`,
  ];
  if (admin?.generatedPassword) {
    lines.push(
      `  Sign in / 登录: username "${admin.username}", password "${admin.generatedPassword}"`,
      '  This password is shown only this once; change it in the console (右上角 → 修改密码).',
    );
  } else if (admin) {
    lines.push(`  Sign in / 登录: username "${admin.username}" with the password from ADMIN_PASSWORD.`);
  } else {
    lines.push('  Sign in / 登录 with your account; the first admin\'s password was printed at the first start.');
  }
  if (demo) {
    lines.push(`  Demo data loaded / 已载入演示数据: ${demo.departments} departments, ${demo.districts} districts, ${demo.enterprises} enterprises, an open campaign with ${demo.invitations} links.`);
  }
  lines.push('  Stop with Ctrl-C.', '');
  process.stdout.write(`${lines.join('\n')}\n`);
}

function fail(message: string): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

await bootstrap();
