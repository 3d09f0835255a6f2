import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from './app.js';
import { createLogger } from './common/logger.js';
import { loadConfig } from './config/app-config.js';
import { openDatabase, runMigrations, type DatabaseKind } from './database/database.js';

/**
 * For command-line tools: the app on the configured database (embedded or DATABASE_URL),
 * migrated and initialised but not listening, closed again after `work`.
 */
export async function withApp<T>(work: (app: NestExpressApplication, database: DatabaseKind) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config, () => undefined);
  try {
    await runMigrations(database.url);
    const app = await createApp(config, database, createLogger('warn'));
    await app.init();
    try {
      return await work(app, database.kind);
    } finally {
      await app.close();
    }
  } finally {
    await database.stop();
  }
}
