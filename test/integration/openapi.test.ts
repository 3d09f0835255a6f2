import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../server/src/config/app-config.js';
import { clientTypes } from '../../server/src/openapi/client-types.js';
import { buildOpenApiDocument, stableJson } from '../../server/src/openapi/openapi.js';
import { TestApp } from '../support/test-app.js';

let api: TestApp;

beforeAll(async () => {
  api = await TestApp.start();
});
afterAll(async () => {
  await api?.close();
});

const committed = (file: string) => readFileSync(path.join(projectRoot, 'client', 'src', 'api', file), 'utf8');
const REGENERATE = 'the committed API description is out of date: run `npm run api:generate` and commit the result';

it('serves the OpenAPI document at /api/docs-json, equal to the committed client/src/api/openapi.json', async () => {
  const served = await api.request('GET', '/api/docs-json');
  expect(served.status).toBe(200);
  expect(served.body.paths['/api/auth/login'].post.operationId).toBe('login');
  const matches = stableJson(served.body) === committed('openapi.json');
  if (!matches) throw new Error(REGENERATE);
});

it('keeps the client\'s generated types in step with the document', async () => {
  const matches = (await clientTypes(buildOpenApiDocument(api.app))) === committed('schema.d.ts');
  if (!matches) throw new Error(REGENERATE);
});
