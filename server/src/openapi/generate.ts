import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createApp } from '../app.js';
import { createLogger } from '../common/logger.js';
import { loadConfig, projectRoot } from '../config/app-config.js';
import { openDatabase, runMigrations } from '../database/database.js';
import { clientTypes } from './client-types.js';
import { buildOpenApiDocument, stableJson } from './openapi.js';

/**
 * Writes client/src/api/openapi.json from the app's routes and the client's types
 * (schema.d.ts) from it. A test fails while either differs from what the server serves.
 */
const config = loadConfig();
const database = await openDatabase(config, () => undefined);
try {
  await runMigrations(database.url);
  const app = await createApp(config, database, createLogger('warn'));
  await app.init();
  const document = buildOpenApiDocument(app);
  const folder = path.join(projectRoot, 'client', 'src', 'api');
  writeFileSync(path.join(folder, 'openapi.json'), stableJson(document));
  writeFileSync(path.join(folder, 'schema.d.ts'), await clientTypes(document));
  await app.close();
  console.log('wrote client/src/api/openapi.json and client/src/api/schema.d.ts');
} finally {
  await database.stop();
}
