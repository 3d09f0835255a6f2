import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, projectRoot } from '../../server/src/config/app-config.js';

const dataDir = () => mkdtempSync(path.join(os.tmpdir(), 'fie-config-'));

describe('loadConfig', () => {
  it('defaults to the embedded database on port 3000 and keeps a generated secret', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({ port: 3000, host: '0.0.0.0', databaseUrl: '', dataDir: dir, admin: null, publicUrl: 'http://localhost:3000', logLevel: 'info', trustProxy: 0 });
    expect(config.appSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(readFileSync(path.join(dir, 'app-secret'), 'utf8').trim()).toBe(config.appSecret);
    expect(loadConfig({ DATA_DIR: dir }).appSecret).toBe(config.appSecret);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080', HOST: '127.0.0.1', DATABASE_URL: 'postgresql://fie:pw@db:5432/fie', DATA_DIR: '/srv/fie',
      ADMIN_USERNAME: 'office', ADMIN_PASSWORD: 'a-long-password', APP_SECRET: 's'.repeat(40),
      PUBLIC_URL: 'https://fie.example.cn/', LOG_LEVEL: 'debug', TRUST_PROXY: '1',
    });
    expect(config).toMatchObject({
      port: 8080, host: '127.0.0.1', databaseUrl: 'postgresql://fie:pw@db:5432/fie', dataDir: '/srv/fie',
      admin: { username: 'office', password: 'a-long-password' }, appSecret: 's'.repeat(40),
      publicUrl: 'https://fie.example.cn', logLevel: 'debug', trustProxy: 1,
    });
  });

  it('treats empty variables as unset, as .env.example leaves them', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: '', ADMIN_USERNAME: ' ', PORT: '' })).toMatchObject({ databaseUrl: '', admin: null, port: 3000 });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/fie', APP_SECRET: 's'.repeat(40) }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://localhost/fie' }, 'APP_SECRET'],
    [{ APP_SECRET: 'too-short' }, 'APP_SECRET'],
    [{ ADMIN_USERNAME: 'office' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_PASSWORD: 'a-long-password' }, 'ADMIN_USERNAME'],
    [{ ADMIN_USERNAME: 'office', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_USERNAME: 'bad name!', ADMIN_PASSWORD: 'a-long-password' }, 'ADMIN_USERNAME'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ PUBLIC_URL: 'fie.example.cn' }, 'PUBLIC_URL'],
    [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY'],
  ])('refuses %j, naming %s', (env, variable) => {
    let error: unknown;
    try {
      loadConfig({ DATA_DIR: dataDir(), ...env });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(new RegExp(`^  - ${variable}: `, 'm'));
  });

  it('never repeats a secret in its message', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), APP_SECRET: 'hunter2-short' })).toThrow(/APP_SECRET: .*\(got "\*\*\*"\)/);
  });

  it('lists every variable it reads in .env.example', () => {
    const example = readFileSync(path.join(projectRoot, '.env.example'), 'utf8');
    const listed = [...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]).sort();
    const source = readFileSync(path.join(projectRoot, 'server', 'src', 'config', 'app-config.ts'), 'utf8');
    const read = JSON.parse(source.match(/const ENV_KEYS = (\[[^\]]+\])/)![1]!.replace(/'/g, '"')).sort();
    expect(listed).toEqual(read);
  });
});

