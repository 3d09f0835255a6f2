import { ADMIN, TestApp } from '../support/test-app.js';

let api: TestApp;

beforeAll(async () => {
  api = await TestApp.start();
});
afterAll(async () => {
  await api?.close();
});

describe('login', () => {
  it('returns a token and an HttpOnly SameSite cookie that both authenticate', async () => {
    const response = await api.request('POST', '/api/auth/login', { body: ADMIN });
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ username: ADMIN.username, role: 'admin', active: true });
    expect(response.body.user.passwordHash).toBeUndefined();
    expect(response.body.expiresIn).toBe(12 * 3600);

    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^fie_session=[^;]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);

    const byBearer = await api.request('GET', '/api/auth/me', { token: response.body.accessToken });
    expect(byBearer.status).toBe(200);
    expect(byBearer.body.username).toBe(ADMIN.username);

    const byCookie = await api.request('GET', '/api/auth/me', { headers: { cookie: cookie.split(';')[0]! } });
    expect(byCookie.status).toBe(200);
    expect(byCookie.body.username).toBe(ADMIN.username);
  });

  it('answers a wrong password and an unknown user with the same 401', async () => {
    const wrongPassword = await api.request('POST', '/api/auth/login', { body: { username: ADMIN.username, password: 'not-the-password' } });
    const unknownUser = await api.request('POST', '/api/auth/login', { body: { username: 'nobody-here', password: 'not-the-password' } });
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(wrongPassword.body.code).toBe('INVALID_CREDENTIALS');
    const { requestId: _a, ...first } = wrongPassword.body;
    const { requestId: _b, ...second } = unknownUser.body;
    expect(first).toEqual(second);
    expect(first.messages).toEqual({ zh: '用户名或密码错误。', en: 'Wrong username or password.' });
  });

  it('matches usernames regardless of case', async () => {
    const response = await api.request('POST', '/api/auth/login', { body: { username: ADMIN.username.toUpperCase(), password: ADMIN.password } });
    expect(response.status).toBe(200);
  });

  it('refuses a tampered or foreign token', async () => {
    const token = await api.loginAsAdmin();
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    expect((await api.request('GET', '/api/auth/me', { token: forged })).status).toBe(401);
    expect((await api.request('GET', '/api/auth/me', { token: 'garbage' })).status).toBe(401);
  });

  it('locks a client out with 429 after repeated failures, even with the right password', async () => {
    const client = { 'x-forwarded-for': '203.0.113.9' };
    const other = await TestApp.start({ TRUST_PROXY: '1' });
    try {
      for (let i = 0; i < 10; i++) {
        const failed = await other.request('POST', '/api/auth/login', { body: { username: ADMIN.username, password: `wrong-${i}` }, headers: client });
        expect(failed.status).toBe(401);
      }
      const locked = await other.request('POST', '/api/auth/login', { body: ADMIN, headers: client });
      expect(locked.status).toBe(429);
      expect(locked.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
      expect(locked.headers.get('retry-after')).toBe('900');
      // Another client is not affected.
      const elsewhere = await other.request('POST', '/api/auth/login', { body: ADMIN, headers: { 'x-forwarded-for': '198.51.100.7' } });
      expect(elsewhere.status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('logs out by clearing the cookie', async () => {
    const response = await api.request('POST', '/api/auth/logout');
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(/fie_session=;/);
  });
});

describe('accounts', () => {
  it('takes a disabled account or a changed role into effect at once', async () => {
    const admin = await api.loginAsAdmin();
    const viewer = await api.userWithRole('viewer', admin);
    expect((await api.request('GET', '/api/auth/me', { token: viewer.token })).body.role).toBe('viewer');

    await api.request('PATCH', `/api/users/${viewer.id}`, { token: admin, body: { role: 'admin' } });
    expect((await api.request('GET', '/api/users', { token: viewer.token })).status).toBe(200);

    const disabled = await api.request('PATCH', `/api/users/${viewer.id}`, { token: admin, body: { active: false } });
    expect(disabled.status).toBe(200);
    expect((await api.request('GET', '/api/auth/me', { token: viewer.token })).status).toBe(401);
    expect((await api.request('POST', '/api/auth/login', { body: { username: viewer.username, password: viewer.password } })).status).toBe(401);
  });

  it('refuses a duplicate username with 409, whatever its case', async () => {
    const admin = await api.loginAsAdmin();
    const body = { username: ADMIN.username.toUpperCase(), displayName: 'Copy', role: 'viewer', password: 'long-enough-password' };
    const response = await api.request('POST', '/api/users', { token: admin, body });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('USERNAME_TAKEN');
  });

  it('keeps at least one active administrator', async () => {
    const admin = await api.loginAsAdmin();
    const users = await api.request('GET', '/api/users', { token: admin });
    const activeAdmins = users.body.filter((u: { role: string; active: boolean }) => u.role === 'admin' && u.active);
    for (const other of activeAdmins.filter((u: { username: string }) => u.username !== ADMIN.username)) {
      await api.request('PATCH', `/api/users/${other.id}`, { token: admin, body: { active: false } });
    }
    const self = users.body.find((u: { username: string }) => u.username === ADMIN.username);
    const response = await api.request('PATCH', `/api/users/${self.id}`, { token: admin, body: { role: 'viewer' } });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('LAST_ADMIN');
    expect((await api.request('GET', '/api/auth/me', { token: admin })).body.role).toBe('admin');
  });

  it('changes one\'s own password only with the current one', async () => {
    const admin = await api.loginAsAdmin();
    const user = await api.userWithRole('district', admin);
    const wrong = await api.request('POST', '/api/auth/password', { token: user.token, body: { currentPassword: 'nope', newPassword: 'a-brand-new-password' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('WRONG_PASSWORD');
    const right = await api.request('POST', '/api/auth/password', { token: user.token, body: { currentPassword: user.password, newPassword: 'a-brand-new-password' } });
    expect(right.status).toBe(204);
    expect((await api.request('POST', '/api/auth/login', { body: { username: user.username, password: 'a-brand-new-password' } })).status).toBe(200);
  });
});
