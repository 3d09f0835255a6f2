import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createApp } from '../app.js';
import { createLogger } from '../common/logger.js';
import { loadConfig, projectRoot } from '../config/app-config.js';
import { openDatabase, runMigrations } from '../database/database.js';
import { buildOpenApiDocument, stableJson } from './openapi.js';

/** Writes client/src/api/openapi.json from the running app's routes; the client's types are generated from it. */
const config = loadConfig();
const database = await openDatabase(config, () => undefined);
try {
  await runMigrations(database.url);
  const app = await createApp(config, database, createLogger('warn'));
  await app.init();
  const target = path.join(projectRoot, 'client', 'src', 'api', 'openapi.json');
  writeFileSync(target, stableJson(buildOpenApiDocument(app)));
  await app.close();
  console.log(`wrote ${path.relative(projectRoot, target)}`);
} finally {
  await database.stop();
}
