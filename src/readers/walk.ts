// Expands the paths given by the user: directories are recursed in sorted order, hidden files and
// folders (name starting with ".") inside them are skipped, "-" stands for stdin.
import { readdir, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../types.ts';

export type InputPath = { kind: 'stdin'; file: '-' } | { kind: 'file'; file: string; size: number };

export async function* expandPaths(paths: string[]): AsyncGenerator<InputPath | InputError> {
  for (const p of paths) {
    if (p === '-') {
      yield { kind: 'stdin', file: '-' };
      continue;
    }
    yield* expandOne(p, new Set(), true);
  }
}

async function* expandOne(path: string, seenDirs: Set<string>, explicit: boolean): AsyncGenerator<InputPath | InputError> {
  let st: Stats;
  try {
    st = await stat(path);
  } catch (e) {
    yield new InputError(path, describeFsError(e));
    return;
  }
  if (st.isFile()) {
    yield { kind: 'file', file: path, size: st.size };
    return;
  }
  if (!st.isDirectory()) {
    if (explicit) yield new InputError(path, 'not a regular file or directory');
    return;
  }
  const real = await realpath(path).catch(() => path);
  if (seenDirs.has(real)) return; // a symlink loop
  seenDirs.add(real);
  let names: string[];
  try {
    names = (await readdir(path)).filter((n) => !n.startsWith('.'));
  } catch (e) {
    yield new InputError(path, describeFsError(e));
    return;
  }
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) yield* expandOne(join(path, name), seenDirs, false);
}

export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return `cannot read: ${(e as Error)?.message ?? String(e)}`;
  }
}
