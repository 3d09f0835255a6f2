import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../../server/src/config/app-config.js';

/** Docker cannot run here, so the production wiring is checked by reading the files. */
const compose = parse(readFileSync(path.join(projectRoot, 'docker-compose.yml'), 'utf8'));
const dockerfile = readFileSync(path.join(projectRoot, 'Dockerfile'), 'utf8');

describe('docker-compose.yml', () => {
  it('runs PostgreSQL with a pinned major version, a health check and a volume', () => {
    const db = compose.services.db;
    expect(db.image).toMatch(/^postgres:\d+(\.\d+)?(-[a-z]+)?$/);
    expect(db.healthcheck.test.join(' ')).toMatch(/pg_isready/);
    const [volume] = db.volumes[0].split(':');
    expect(Object.keys(compose.volumes)).toContain(volume);
    expect(db.volumes[0]).toMatch(/:\/var\/lib\/postgresql\/data$/);
  });

  it('starts the app after the database is healthy and points it at that database', () => {
    const app = compose.services.app;
    expect(app.build).toBe('.');
    expect(app.depends_on.db.condition).toBe('service_healthy');
    const url = new URL(app.environment.DATABASE_URL.replace('${POSTGRES_PASSWORD}', 'pw'));
    expect(url.hostname).toBe('db');
    expect(url.username).toBe(compose.services.db.environment.POSTGRES_USER);
    expect(url.pathname).toBe(`/${compose.services.db.environment.POSTGRES_DB}`);
    expect(app.environment.DATABASE_URL).toContain('${POSTGRES_PASSWORD}');
  });

  it('requires the secrets instead of shipping defaults for them', () => {
    const app = compose.services.app.environment;
    expect(app.APP_SECRET).toMatch(/^\$\{APP_SECRET:\?/);
    expect(app.ADMIN_PASSWORD).toMatch(/^\$\{ADMIN_PASSWORD:\?/);
    expect(compose.services.db.environment.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
  });

  it('checks the app\'s health on the port it listens on, at /api/health', () => {
    const app = compose.services.app;
    expect(app.environment.PORT).toBe('3000');
    expect(app.ports[0]).toMatch(/:3000$/);
    expect(app.healthcheck.test.join(' ')).toContain('http://127.0.0.1:3000/api/health');
  });
});

describe('Dockerfile', () => {
  it('builds with the lock file and runs the built server as an unprivileged user', () => {
    expect(dockerfile).toMatch(/npm ci/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/CMD \["node", "server\/dist\/server\/src\/main\.js"\]/);
    expect(dockerfile).toMatch(/HEALTHCHECK .*\n?.*\/api\/health/);
  });

  it('uses a Node.js version the project declares it runs on', () => {
    const engines = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')).engines.node as string;
    const minimum = Number(engines.match(/>=(\d+)/)![1]);
    const images = [...dockerfile.matchAll(/^FROM node:(\d+)/gm)].map((m) => Number(m[1]));
    expect(images.length).toBeGreaterThan(0);
    for (const major of images) expect(major).toBeGreaterThanOrEqual(minimum);
  });
});
