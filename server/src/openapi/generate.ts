import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { withApp } from '../app-context.js';
import { projectRoot } from '../config/app-config.js';
import { clientTypes } from './client-types.js';
import { buildOpenApiDocument, stableJson } from './openapi.js';

/**
 * Writes client/src/api/openapi.json from the app's routes and the client's types
 * (schema.d.ts) from it. A test fails while either differs from what the server serves.
 */
await withApp(async (app) => {
  const document = buildOpenApiDocument(app);
  const folder = path.join(projectRoot, 'client', 'src', 'api');
  writeFileSync(path.join(folder, 'openapi.json'), stableJson(document));
  writeFileSync(path.join(folder, 'schema.d.ts'), await clientTypes(document));
  console.log('wrote client/src/api/openapi.json and client/src/api/schema.d.ts');
});
