// `npm run dev`: the server compiled in watch mode and restarted on change, and Vite's
// dev server (with hot reload) proxying /api to it. Ctrl-C stops all three.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT || '3000';
const children = [
  spawn('npm', ['run', 'watch', '-w', 'server'], { cwd: root, stdio: 'inherit' }),
  spawn(process.execPath, ['--watch-path=server/dist', '--watch-preserve-output', 'server/dist/server/src/main.js'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PORT: port },
  }),
  spawn('npm', ['run', 'dev', '-w', 'client'], { cwd: root, stdio: 'inherit', env: { ...process.env, API_PORT: port } }),
];

let stopping = false;
const stop = (code = 0) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGINT');
  setTimeout(() => process.exit(code), 5000).unref();
};
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());
for (const child of children) child.on('exit', (code) => (code ? stop(code) : undefined));
