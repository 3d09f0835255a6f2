// `npm start`: builds whatever is missing or older than its sources, then runs the
// platform in this same process (so Ctrl-C reaches it directly).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => path.join(root, ...parts);

const builds = [
  {
    name: 'server',
    output: at('server', 'dist', 'server', 'src', 'main.js'),
    sources: [at('server', 'src'), at('migrations'), at('server', 'tsconfig.json'), at('tsconfig.base.json')],
  },
  {
    name: 'client',
    output: at('client', 'dist', 'index.html'),
    sources: [at('client', 'src'), at('client', 'index.html'), at('client', 'vite.config.ts')],
  },
];

for (const build of builds) {
  if (existsSync(build.output) && newestChange(build.sources) <= statSync(build.output).mtimeMs) continue;
  console.log(`Building the ${build.name}…`);
  const result = spawnSync('npm', ['run', 'build', '-w', build.name], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\nThe ${build.name} did not build; see the messages above.`);
    process.exit(result.status ?? 1);
  }
}

await import(builds[0].output);

function newestChange(paths) {
  let newest = 0;
  for (const entry of paths) {
    if (!existsSync(entry)) continue;
    const stat = statSync(entry);
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) newest = Math.max(newest, newestChange(readdirSync(entry).map((name) => path.join(entry, name))));
  }
  return newest;
}
