import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ManifestChunk {
  file: string;
  name?: string;
  imports?: string[];
  dynamicImports?: string[];
}

export function readManifest(clientDist: string): Record<string, ManifestChunk> {
  return JSON.parse(readFileSync(path.join(clientDist, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
}

/** The files the given modules load up front: their own and those of their static imports, all the way down. */
export function staticallyLoadedFiles(manifest: Record<string, ManifestChunk>, ...keys: string[]): string[] {
  const reachable = new Set<string>();
  const visit = (key: string) => {
    if (reachable.has(key) || !manifest[key]) return;
    reachable.add(key);
    for (const next of manifest[key].imports ?? []) visit(next);
  };
  for (const key of keys) visit(key);
  return [...reachable].map((key) => manifest[key]!.file);
}

/** The files a visitor of the public answer route loads up front: the entry and the answer page, with their static imports. */
export function answerRouteFiles(manifest: Record<string, ManifestChunk>): string[] {
  return staticallyLoadedFiles(manifest, 'index.html', 'src/answer/AnswerPage.tsx');
}
