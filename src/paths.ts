// Where the package's files are. The code runs either from src/ (tsx, vitest) or from its compiled
// copy in dist/src/ (built by bin/build.js); the files it reads at run time — language data,
// migrations, alias tables, NER models, the examples, the web build — are never copied into dist/:
// every module names them by their path from the package root, so both runs read the same files.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The directory holding package.json: the parent of src/, or two levels above dist/src/. */
export const PACKAGE_ROOT = findRoot();

function findRoot(): string {
  const root = [resolve(here, '..'), resolve(here, '../..')].find((dir) => existsSync(join(dir, 'package.json')));
  if (!root) throw new Error(`cannot find Dossier's package.json above ${here}`);
  return root;
}

/** An absolute path below the package root: packagePath('src/lang'), packagePath('models/ner'). */
export function packagePath(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}
