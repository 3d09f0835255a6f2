import { DataSource } from 'typeorm';
import { importSmallDirectory } from '../support/small-directory.js';
import { TestApp } from '../support/test-app.js';

/** Department and district users belong to their unit (departments D01–D03, districts Q01–Q02). */
let api: TestApp;
let admin: string;

beforeAll(async () => {
  api = await TestApp.start();
  admin = await api.loginAsAdmin();
  await importSmallDirectory(api, admin, 1);
});
afterAll(async () => {
  await api?.close();
});

const create = (body: Record<string, unknown>) =>
  api.request('POST', '/api/users', { token: admin, body: { displayName: '联络员', password: 'unit-user-password', ...body }, headers: { 'accept-language': 'en' } });

it('creates a department user of its department, shown with the unit, and signs it in with it', async () => {
  const created = await create({ username: 'tax-liaison', role: 'department', unitCode: 'D02' });
  expect(created.status).toBe(201);
  expect(created.body.unit).toEqual({ kind: 'department', code: 'D02', nameZh: '市税务局', nameEn: 'Municipal Taxation Bureau' });
  const token = await api.login('tax-liaison', 'unit-user-password');
  expect((await api.request('GET', '/api/auth/me', { token })).body.unit).toMatchObject({ kind: 'department', code: 'D02' });
  const listed = (await api.request('GET', '/api/users', { token: admin })).body.find((u: { username: string }) => u.username === 'tax-liaison');
  expect(listed.unit.code).toBe('D02');
});

it('requires the unit for department and district users and refuses it for the others, saying why', async () => {
  const missing = await create({ username: 'no-unit', role: 'district' });
  expect(missing.status).toBe(400);
  expect(missing.body.errors).toEqual([{ field: 'unitCode', message: 'Choose the district this user works for.', messages: { zh: '请选择该用户所属的区县。', en: 'Choose the district this user works for.' } }]);
  const unknown = await create({ username: 'bad-unit', role: 'department', unitCode: 'D99' });
  expect(unknown.body.errors[0].message).toBe('The directory has no department with code D99.');
  // A district code is not a department.
  expect((await create({ username: 'wrong-kind', role: 'department', unitCode: 'Q01' })).status).toBe(400);
  const viewer = await create({ username: 'viewer-with-unit', role: 'viewer', unitCode: 'D01' });
  expect(viewer.body.errors[0].message).toBe('Only department and district users belong to a unit.');
});

it('moves a user to another unit, keeps it on other edits, and drops it with a role that has none', async () => {
  const { id } = (await create({ username: 'district-liaison', role: 'district', unitCode: 'Q01' })).body;
  const patch = (body: Record<string, unknown>) => api.request('PATCH', `/api/users/${id}`, { token: admin, body });
  expect((await patch({ unitCode: 'Q02' })).body.unit.code).toBe('Q02');
  expect((await patch({ displayName: '江开区联络员' })).body.unit.code).toBe('Q02');
  expect((await patch({ role: 'department' })).status).toBe(400);
  expect((await patch({ role: 'department', unitCode: 'D03' })).body.unit).toMatchObject({ kind: 'department', code: 'D03' });
  const viewer = await patch({ role: 'viewer' });
  expect([viewer.body.role, viewer.body.unit]).toEqual(['viewer', null]);
});

it('keeps the rule in the database too, and a unit with users cannot be deleted from under them', async () => {
  const db = api.app.get(DataSource);
  await expect(db.query(`UPDATE users SET department_id = (SELECT id FROM departments WHERE code = 'D01') WHERE role = 'admin'`)).rejects.toThrow(/CHK_users_department_role/);
  await expect(db.query(`DELETE FROM departments WHERE code = 'D02'`)).rejects.toThrow(/FK_users_department/);
});
