import { TestApp } from '../support/test-app.js';

let api: TestApp;
let admin: string;

beforeAll(async () => {
  api = await TestApp.start();
  admin = await api.loginAsAdmin();
});
afterAll(async () => {
  await api?.close();
});

/** Every error answers in one shape, in the language asked for, and never with a stack trace. */
function expectErrorShape(body: Record<string, unknown>, statusCode: number, code: string) {
  expect(body).toMatchObject({ statusCode, code, requestId: expect.any(String) });
  expect(body.messages).toEqual({ zh: expect.any(String), en: expect.any(String) });
  expect(body.message).toBe((body.messages as { zh: string }).zh);
  expect(JSON.stringify(body)).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+|stack/);
}

it('reports health with the kind of database', async () => {
  const response = await api.request('GET', '/api/health');
  expect(response.status).toBe(200);
  expect(response.body).toEqual({ status: 'ok', database: 'postgres' });
});

it('answers malformed JSON with 400', async () => {
  const response = await api.request('POST', '/api/auth/login', { rawBody: '{"username": "admin", ' });
  expect(response.status).toBe(400);
  expectErrorShape(response.body, 400, 'MALFORMED_JSON');
});

it('answers a body over 1 MB with 413', async () => {
  const rawBody = JSON.stringify({ username: 'admin', password: 'x'.repeat(1024 * 1024 + 10) });
  const response = await api.request('POST', '/api/auth/login', { rawBody });
  expect(response.status).toBe(413);
  expectErrorShape(response.body, 413, 'PAYLOAD_TOO_LARGE');
});

it('answers an unknown API route with 404 in the error shape, for any method', async () => {
  for (const method of ['GET', 'POST', 'DELETE']) {
    const response = await api.request(method, '/api/no-such-thing');
    expect(response.status).toBe(404);
    expectErrorShape(response.body, 404, 'ROUTE_NOT_FOUND');
  }
});

it('answers in English when the request prefers it', async () => {
  const response = await api.request('GET', '/api/users', { headers: { 'accept-language': 'en-GB,en;q=0.9,zh;q=0.5' } });
  expect(response.status).toBe(401);
  expect(response.body.message).toBe('Please sign in first.');
});

it('lists each invalid field, and refuses fields the route does not know', async () => {
  const response = await api.request('POST', '/api/users', {
    token: admin,
    body: { username: 'a b', displayName: '', role: 'root', password: 'short', isSuperuser: true },
  });
  expect(response.status).toBe(400);
  expectErrorShape(response.body, 400, 'VALIDATION_FAILED');
  const fields = new Set(response.body.errors.map((e: { field: string }) => e.field));
  expect([...fields].sort()).toEqual(['displayName', 'isSuperuser', 'password', 'role', 'username']);
});

it('refuses wrong types rather than coercing them', async () => {
  const response = await api.request('POST', '/api/auth/login', { body: { username: ['admin'], password: 12345 } });
  expect(response.status).toBe(400);
  expectErrorShape(response.body, 400, 'VALIDATION_FAILED');
});

it('answers a malformed id with 400 and an unknown one with 404', async () => {
  const malformed = await api.request('PATCH', '/api/users/not-a-uuid', { token: admin, body: { displayName: 'x' } });
  expect(malformed.status).toBe(400);
  const unknown = await api.request('PATCH', '/api/users/00000000-0000-4000-8000-000000000000', { token: admin, body: { displayName: 'x' } });
  expect(unknown.status).toBe(404);
  expectErrorShape(unknown.body, 404, 'NOT_FOUND');
});

it('puts a request id on every response, keeping a well-formed one from the caller', async () => {
  const generated = await api.request('GET', '/api/health');
  expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  const kept = await api.request('GET', '/api/nope', { headers: { 'x-request-id': 'lb-4711' } });
  expect(kept.headers.get('x-request-id')).toBe('lb-4711');
  expect(kept.body.requestId).toBe('lb-4711');
  const replaced = await api.request('GET', '/api/health', { headers: { 'x-request-id': 'bad id\twith spaces' } });
  expect(replaced.headers.get('x-request-id')).not.toBe('bad id\twith spaces');
});

it('writes every mutation to the audit log with who, what and the record before and after', async () => {
  const created = await api.request('POST', '/api/users', {
    token: admin,
    body: { username: 'audited', displayName: 'Before', role: 'viewer', password: 'long-enough-password' },
    headers: { 'x-request-id': 'audit-create' },
  });
  expect(created.status).toBe(201);
  await api.request('PATCH', `/api/users/${created.body.id}`, { token: admin, body: { displayName: 'After', password: 'another-long-password' }, headers: { 'x-request-id': 'audit-update' } });
  await api.request('POST', '/api/users', { token: admin, body: { username: 'x' }, headers: { 'x-request-id': 'audit-refused' } });

  const page = await api.request('GET', '/api/audit?limit=500', { token: admin });
  expect(page.status).toBe(200);
  const byRequest = (id: string) => page.body.items.find((e: { requestId: string }) => e.requestId === id);

  expect(byRequest('audit-create')).toMatchObject({
    actorUsername: 'office-admin', action: 'UsersController.createUser', method: 'POST', path: '/api/users', statusCode: 201,
    entity: 'user', entityId: created.body.id, before: null, after: { username: 'audited', displayName: 'Before' },
  });
  const update = byRequest('audit-update');
  expect(update).toMatchObject({ statusCode: 200, before: { displayName: 'Before' }, after: { displayName: 'After', passwordChanged: true } });
  expect(JSON.stringify(page.body)).not.toMatch(/scrypt\$|another-long-password/);
  expect(byRequest('audit-refused')).toMatchObject({ statusCode: 400, entity: null });
});

it('pages the audit log within bounds', async () => {
  expect((await api.request('GET', '/api/audit?limit=0', { token: admin })).status).toBe(400);
  expect((await api.request('GET', '/api/audit?limit=abc', { token: admin })).status).toBe(400);
  const page = await api.request('GET', '/api/audit?limit=1&offset=0', { token: admin });
  expect(page.body.items).toHaveLength(1);
  expect(page.body.total).toBeGreaterThan(1);
});
