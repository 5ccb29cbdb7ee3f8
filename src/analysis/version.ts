// The version of the analysis: Dossier's package version and a digest of everything that decides
// an article's layers (the cleaning, language, text toolkit and analysis code, the language data,
// the shipped models, the alias tables of the entity index). Every analysed article carries it, so
// a store can tell which articles an upgrade would analyse differently (`dossier stats`, `dossier
// serve`) and `dossier reanalyze` can bring them up to date. Computed once per process (about 20 ms).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PACKAGE_ROOT } from '../paths.ts';

const ROOT = PACKAGE_ROOT;
/** What the layers depend on, relative to the repository root: the sources and data, never their
 *  compiled copy in dist/, so the digest is the same whether Dossier runs from src/ or from dist/. */
const INPUTS = ['src/readers', 'src/clean', 'src/lang', 'src/text', 'src/analysis', 'src/corpus/entities', 'models/ner', 'models/attribution'];

let cached: string | undefined;

export function analysisVersion(): string {
  if (cached) return cached;
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const hash = createHash('sha256');
  for (const dir of INPUTS) {
    for (const file of filesBelow(join(ROOT, dir))) {
      hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  cached = `${pkg.version}+${hash.digest('hex').slice(0, 12)}`;
  return cached;
}

/** Every file below `dir`, in a fixed order (missing directories give nothing). */
function filesBelow(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesBelow(path));
    else if (e.isFile() && !e.name.endsWith('.md')) out.push(path);
  }
  return out;
}

/** How many of the articles counted by version were analysed by another version than this one. */
export function outdatedArticles(versions: readonly { version: string | null; articles: number }[]): number {
  const current = analysisVersion();
  return versions.filter((v) => v.version !== current).reduce((n, v) => n + v.articles, 0);
}
