// What a rater's phone downloads to answer (/s/:token): the answer route's JavaScript, gzip -9
// file by file, against the baseline of survey-core + react + react-dom alone, bundled by the same
// Vite. Budget: 1.15 × the baseline — no console library, no chart.js, no router or i18next on it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { root } from './support.mjs';

const BUDGET = 1.15;
const clientDist = path.join(root, 'client', 'dist');
const gzipSize = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const build = spawnSync('npm', ['run', 'build', '-w', 'client'], { cwd: root, encoding: 'utf8' });
if (build.status !== 0) {
  console.error(build.stdout, build.stderr);
  process.exit(1);
}

/**
 * The entry and the answer page with everything they import, plus what the answer page loads
 * later by itself (the questionnaire screen with survey-core): all of it reaches a rater who answers.
 * The console's lazy router is the only dynamic import of the entry left out.
 */
function answerRouteFiles(manifest) {
  const reachable = new Set();
  const visit = (key) => {
    if (reachable.has(key) || !manifest[key]) return;
    reachable.add(key);
    for (const next of manifest[key].imports ?? []) visit(next);
    for (const next of manifest[key].dynamicImports ?? []) if (next.startsWith('src/answer/')) visit(next);
  };
  visit('index.html');
  visit('src/answer/AnswerPage.tsx');
  return [...reachable].map((key) => manifest[key].file).filter((file) => file.endsWith('.js'));
}

const manifest = JSON.parse(readFileSync(path.join(clientDist, '.vite', 'manifest.json'), 'utf8'));
const routeFiles = answerRouteFiles(manifest).map((file) => ({ file, gzip: gzipSize(path.join(clientDist, file)) }));
const route = routeFiles.reduce((sum, { gzip }) => sum + gzip, 0);
const forbidden = routeFiles.filter(({ file }) => /\/(antd|chart|i18n|router)-/.test(file));

/** survey-core's Model and react-dom's createRoot, used, in a throw-away Vite project with the same packages. */
async function baselineSize() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fie-bench-size-'));
  try {
    symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><body><div id="root"></div><script type="module" src="/main.js"></script></body></html>\n');
    writeFileSync(
      path.join(dir, 'main.js'),
      [
        "import { createElement } from 'react';",
        "import { createRoot } from 'react-dom/client';",
        "import { Model } from 'survey-core';",
        "const model = new Model({ elements: [{ type: 'radiogroup', name: 'q', choices: ['a', 'b'] }] });",
        "createRoot(document.getElementById('root')).render(createElement('p', null, model.getQuestionByName('q').title));",
        '',
      ].join('\n'),
    );
    const { build: viteBuild } = await import('vite');
    await viteBuild({ root: dir, configFile: false, logLevel: 'error', build: { outDir: path.join(dir, 'dist'), chunkSizeWarningLimit: 10_000 } });
    const assets = path.join(dir, 'dist', 'assets');
    return readdirSync(assets)
      .filter((file) => file.endsWith('.js'))
      .reduce((sum, file) => sum + gzipSize(path.join(assets, file)), 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const baseline = await baselineSize();
const ratio = route / baseline;

console.log('answer route JavaScript, gzip -9 per file');
for (const { file, gzip } of routeFiles.sort((a, b) => b.gzip - a.gzip)) console.log(`  ${file.padEnd(44)} ${kb(gzip).padStart(9)}`);
console.log(`  answer route ${kb(route)}, survey-core + react + react-dom alone ${kb(baseline)}, ratio ${ratio.toFixed(3)} (budget ${BUDGET})`);
if (forbidden.length) console.log(`  console code on the answer route: ${forbidden.map(({ file }) => file).join(', ')}`);
if (ratio > BUDGET || forbidden.length) process.exit(1);
