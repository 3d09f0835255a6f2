import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../../server/src/app.js';
import { createLogger } from '../../server/src/common/logger.js';
import { loadConfig, type AppConfig } from '../../server/src/config/app-config.js';
import type { DatabaseKind } from '../../server/src/database/database.js';
import { ensureFirstAdmin } from '../../server/src/users/first-admin.js';
import type { Role } from '../../server/src/users/user.entity.js';
import { UsersService } from '../../server/src/users/users.service.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export const ADMIN = { username: 'office-admin', password: 'admin-password-for-tests' };

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as is, for malformed or huge bodies. */
  rawBody?: string;
  token?: string;
  headers?: Record<string, string>;
}

/** The real app on a real PostgreSQL database of its own, listening on a free port. */
export class TestApp {
  private constructor(
    readonly app: NestExpressApplication,
    readonly baseUrl: string,
    readonly config: AppConfig,
    private readonly database: TestDatabase,
  ) {}

  static async start(env: Record<string, string> = {}, databaseKind: DatabaseKind = 'postgres'): Promise<TestApp> {
    const database = await createTestDatabase();
    const config = loadConfig({
      DATABASE_URL: database.url,
      APP_SECRET: 'a-secret-used-only-by-the-tests-0123456789',
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_PASSWORD: ADMIN.password,
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'fie-test-data-')),
      LOG_LEVEL: 'silent',
      ...env,
    });
    try {
      const app = await createApp(config, { kind: databaseKind, url: database.url, stop: async () => undefined }, createLogger(config.logLevel));
      await ensureFirstAdmin(app.get(UsersService), config, databaseKind);
      await app.listen(0, '127.0.0.1');
      const address = app.getHttpServer().address() as AddressInfo;
      return new TestApp(app, `http://127.0.0.1:${address.port}`, config, database);
    } catch (error) {
      await database.drop();
      throw error;
    }
  }

  async request<T = any>(method: string, route: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${this.baseUrl}${route}`, { method, headers, body, redirect: 'manual' });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: the test looks at `text`.
    }
    return { status: response.status, body: parsed as T, headers: response.headers, text };
  }

  /** A multipart/form-data POST with one file, as the console's upload sends it. */
  async upload<T = any>(route: string, file: { name: string; content: Buffer | string }, fields: Record<string, string>, token: string): Promise<ApiResponse<T>> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([typeof file.content === 'string' ? file.content : new Uint8Array(file.content)]), file.name);
    const response = await fetch(`${this.baseUrl}${route}`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON.
    }
    return { status: response.status, body: body as T, headers: response.headers, text };
  }

  /** The raw bytes of a GET, for downloads. */
  async download(route: string, token: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
    const response = await fetch(`${this.baseUrl}${route}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  async login(username: string, password: string): Promise<string> {
    const response = await this.request('POST', '/api/auth/login', { body: { username, password } });
    if (response.status !== 200) throw new Error(`login as ${username} failed: ${response.status} ${response.text}`);
    return response.body.accessToken as string;
  }

  loginAsAdmin(): Promise<string> {
    return this.login(ADMIN.username, ADMIN.password);
  }

  /** A new user of the given role, created through the API, and a token for it. */
  /**
   * A signed-in user of `role`. A department or district user works for the unit `unitCode`;
   * without one, a unit of its own (code UT1) is put into the directory for it.
   */
  async userWithRole(role: Role, adminToken?: string, unitCode?: string): Promise<{ id: string; username: string; password: string; token: string }> {
    const token = adminToken ?? (await this.loginAsAdmin());
    const username = `${role}-${Math.random().toString(36).slice(2, 8)}`;
    const password = `${role}-password-123`;
    if ((role === 'department' || role === 'district') && !unitCode) {
      unitCode = 'UT1';
      const body = role === 'department' ? { nameZh: '测试单位', nameEn: 'Test unit', category: '综合管理类' } : { nameZh: '测试区', nameEn: 'Test district', kind: '区' };
      const unit = await this.request('PUT', `/api/directory/${role === 'department' ? 'departments' : 'districts'}/${unitCode}`, { token, body });
      if (unit.status !== 200 && unit.status !== 201) throw new Error(`could not add a ${role} for the user: ${unit.status} ${unit.text}`);
    }
    const created = await this.request('POST', '/api/users', { token, body: { username, displayName: `${role} user`, role, password, ...(unitCode ? { unitCode } : {}) } });
    if (created.status !== 201) throw new Error(`could not create a ${role} user: ${created.status} ${created.text}`);
    return { id: created.body.id, username, password, token: await this.login(username, password) };
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.database.drop();
  }
}
