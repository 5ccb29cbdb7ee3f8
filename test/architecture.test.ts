// The layering of docs/architecture.md, checked on the imports of every source file: each folder
// imports only the folders below it, src/api and the web UI stay apart from the server's insides,
// and bench/ and test/ share measuring code through support/ only.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

/** Every .ts/.js file below `dir` (relative to the repository), skipping node_modules and dist. */
function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(join(ROOT, d), { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === 'dist') continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|js)$/.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** The repository files a source file imports (relative specifiers only), as repository paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g)];
  return specs.map((m) => relative(ROOT, resolve(ROOT, dirname(file), m[1] ?? m[2])));
}

/** The folder a file belongs to, as the layering names it. */
function layer(path: string): string {
  const parts = path.split('/');
  if (parts[0] !== 'src') return parts[0];
  if (parts.length === 2) return path; // src/types.ts, src/analyze.ts, src/index.ts
  return `src/${parts[1]}`;
}

/** What each folder of src may import (besides itself). */
const MAY_IMPORT: Record<string, string[]> = {
  'src/types.ts': [],
  'src/paths.ts': [],
  'src/api': [],
  'src/lang': ['src/paths.ts'],
  'src/text': ['src/paths.ts', 'src/lang'],
  'src/fetch': ['src/paths.ts'],
  'src/readers': ['src/paths.ts', 'src/types.ts', 'src/text', 'src/lang'],
  'src/clean': ['src/paths.ts', 'src/types.ts', 'src/text', 'src/lang', 'src/readers'],
  'src/analysis': ['src/paths.ts', 'src/types.ts', 'src/text', 'src/lang', 'src/readers', 'src/clean'],
  'src/store': ['src/paths.ts', 'src/types.ts', 'src/api', 'src/text', 'src/lang'],
  'src/sources': ['src/paths.ts', 'src/types.ts', 'src/text', 'src/lang', 'src/fetch'],
  'src/corpus': ['src/paths.ts', 'src/types.ts', 'src/api', 'src/text', 'src/lang', 'src/analysis', 'src/store'],
  'src/analyze.ts': ['src/paths.ts', 'src/types.ts', 'src/text', 'src/lang', 'src/readers', 'src/clean', 'src/analysis'],
  'src/pipeline': ['src/paths.ts', 'src/types.ts', 'src/text', 'src/lang', 'src/fetch', 'src/readers', 'src/sources', 'src/clean', 'src/analysis', 'src/analyze.ts', 'src/store', 'src/corpus'],
  'src/queue': ['src/paths.ts', 'src/types.ts', 'src/api', 'src/text', 'src/lang', 'src/readers', 'src/clean', 'src/analysis', 'src/analyze.ts', 'src/store', 'src/corpus', 'src/pipeline'],
  'src/server': ['src/paths.ts', 'src/types.ts', 'src/api', 'src/text', 'src/lang', 'src/fetch', 'src/readers', 'src/sources', 'src/analyze.ts', 'src/analysis', 'src/store', 'src/corpus', 'src/pipeline', 'src/queue'],
  'src/cli': ['src/paths.ts', 'src/types.ts', 'src/api', 'src/text', 'src/lang', 'src/fetch', 'src/readers', 'src/sources', 'src/clean', 'src/analyze.ts', 'src/analysis', 'src/store', 'src/corpus', 'src/pipeline', 'src/queue', 'src/server'],
  'src/index.ts': ['src/paths.ts', 'src/types.ts', 'src/analyze.ts', 'src/store', 'src/corpus', 'src/pipeline'],
};

const sourceFiles = files('src');

describe('the layering of src/', () => {
  it('names a rule for every folder', () => {
    expect([...new Set(sourceFiles.map(layer))].filter((l) => !(l in MAY_IMPORT))).toEqual([]);
  });

  it('each folder imports only the folders below it', () => {
    const wrong: string[] = [];
    for (const file of sourceFiles) {
      const from = layer(file);
      for (const target of importsOf(file)) {
        const to = layer(target);
        if (to !== from && !MAY_IMPORT[from].includes(to)) wrong.push(`${file} -> ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('src/api imports nothing of the repository but itself, so the web UI can take its types', () => {
    const outside = files('src/api').flatMap((f) => importsOf(f).filter((t) => !t.startsWith('src/api/')).map((t) => `${f} -> ${t}`));
    expect(outside).toEqual([]);
  });
});

describe('the web UI, bench/ and test/', () => {
  it('the web UI imports nothing from src/ but the API contract', () => {
    const wrong = files('web/src').flatMap((f) => importsOf(f).filter((t) => t.startsWith('src/') && !t.startsWith('src/api/')).map((t) => `${f} -> ${t}`));
    expect(wrong).toEqual([]);
  });

  it('bench/ and test/ do not import each other (shared measuring code is in support/)', () => {
    const wrong = [
      ...files('bench').flatMap((f) => importsOf(f).filter((t) => t.startsWith('test/')).map((t) => `${f} -> ${t}`)),
      ...files('test').flatMap((f) => importsOf(f).filter((t) => t.startsWith('bench/')).map((t) => `${f} -> ${t}`)),
      ...files('support').flatMap((f) => importsOf(f).filter((t) => t.startsWith('bench/') || t.startsWith('test/')).map((t) => `${f} -> ${t}`)),
    ];
    expect(wrong).toEqual([]);
  });
});
