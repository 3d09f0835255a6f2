import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { pino } from 'pino';
import { logRequests } from '../../server/src/common/logger.js';
import { assignRequestId } from '../../server/src/common/request-context.js';

/** The request log: one line per API request, link tokens masked, levels by status. */
async function logsOf(level: 'info' | 'warn', paths: string[]): Promise<Record<string, any>[]> {
  const lines: Record<string, any>[] = [];
  const sink = new Writable({ write: (chunk, _encoding, callback) => (lines.push(JSON.parse(String(chunk))), callback()) });
  const app = express();
  app.use(assignRequestId);
  app.use(logRequests(pino({ level }, sink)));
  app.get('/api/health', (_req, res) => void res.json({ status: 'ok' }));
  app.post('/api/s/:token/:evaluationId/submit', (_req, res) => void res.status(201).json({}));
  app.use((_req, res) => void res.status(404).json({}));
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  for (const path of paths) {
    const method = path.endsWith('/submit') ? 'POST' : 'GET';
    await (await fetch(`http://127.0.0.1:${port}${path}`, { method, headers: { 'x-request-id': `r-${lines.length}` } })).arrayBuffer();
  }
  server.close();
  await new Promise((resolve) => setImmediate(resolve));
  return lines;
}

it('logs each API request once with its id, status and time, and never a link token', async () => {
  const lines = await logsOf('info', ['/api/health', '/api/s/Q7HbYWl03k5_paAl2db4dA/0f7c6a1e-1111-4222-8333-944445555666/submit', '/api/nowhere', '/assets/app.js']);
  expect(lines.map((l) => [l.level, l.req.method, l.req.url, l.res.statusCode, l.msg])).toEqual([
    [30, 'POST', '/api/s/[token]/0f7c6a1e-1111-4222-8333-944445555666/submit', 201, 'request completed'],
    [40, 'GET', '/api/nowhere', 404, 'request completed'],
  ]);
  expect(lines[0]!.req.id).toBe('r-0');
  expect(lines[0]!.responseTime).toEqual(expect.any(Number));
  expect(JSON.stringify(lines)).not.toContain('Q7HbYWl03k5_paAl2db4dA');
});

it('writes nothing for successful requests when the level is warn', async () => {
  const lines = await logsOf('warn', ['/api/s/Q7HbYWl03k5_paAl2db4dA/0f7c6a1e-1111-4222-8333-944445555666/submit', '/api/nowhere']);
  expect(lines.map((l) => l.res.statusCode)).toEqual([404]);
});
