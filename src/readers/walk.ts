// Expands the paths given by the user: directories are recursed in sorted order, hidden files and
// folders (name starting with ".") inside them are skipped, "-" stands for stdin. Inside a directory,
// files that are clearly not articles (a data set's README and LICENSE, code, images, tables, XML
// that is not a feed, JSON that is not JSON Lines of articles) come out as `skipped` with the reason;
// a file named on the command line is always read.
import { open, readdir, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { InputError } from '../types.ts';
import { kindFromContent } from './sniff.ts';

export type InputPath =
  | { kind: 'stdin'; file: '-' }
  | { kind: 'file'; file: string; size: number }
  | { kind: 'skipped'; file: string; reason: string };

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
    const reason = explicit ? null : await notAnArticle(path);
    yield reason ? { kind: 'skipped', file: path, reason } : { kind: 'file', file: path, size: st.size };
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

/** A data set's documentation, by file name (README, README.TXT, LICENSE.md, COPYING, ...). */
const DOCUMENTATION = /^(readme|licen[cs]e|copying|changelog|changes|history|authors|contributors|contributing|notice|citation)(?:[._-].*)?$/i;

/** Extensions of files that are never articles, and what they are. */
const NOT_ARTICLES: Record<string, string> = Object.fromEntries(
  Object.entries({
    'source code': 'py pyc ipynb js mjs cjs ts tsx jsx sh bash ps1 bat rb pl php java kt scala c h cc cpp hpp cs go rs r jl swift lua sql css scss',
    'an image': 'png jpg jpeg gif webp svg bmp tif tiff ico heic avif',
    'a table': 'csv tsv xls xlsx ods parquet arrow feather',
    'audio or video': 'mp3 m4a wav ogg flac mp4 m4v webm mov avi mkv',
    'data or configuration': 'yaml yml toml ini cfg conf lock sqlite sqlite3 db pkl pickle npy npz h5 hdf5 onnx pt bin map',
  }).flatMap(([what, exts]) => exts.split(' ').map((ext) => [`.${ext}`, what])),
);

/** Bytes read to tell JSON Lines of articles from other JSON, and a feed from other XML. */
const HEAD_BYTES = 64 * 1024;

/** Why a file met in a directory is clearly not an article, or null when it is to be read. */
export async function notAnArticle(path: string): Promise<string | null> {
  const name = basename(path);
  const doc = DOCUMENTATION.exec(name);
  if (doc) return `a ${doc[1].toUpperCase()} file, not an article`;
  const ext = extname(name).toLowerCase();
  const what = NOT_ARTICLES[ext];
  if (what) return `${what} (${ext}), not an article`;
  if (ext !== '.json' && ext !== '.xml') return null;
  const head = await readHead(path);
  if (head === null) return null; // unreadable: the reader names the error
  if (ext === '.xml') return kindFromContent(head) === 'feed' ? null : 'XML that is not an RSS or Atom feed';
  return jsonArticleLines(head) ? null : 'JSON that is not JSON Lines of articles: its first line has no "text" or "html" field';
}

/** Whether the first line of a .json file is an article of JSON Lines: an object with "text" or "html". */
function jsonArticleLines(head: string): boolean {
  if (kindFromContent(head) !== 'jsonl') return false;
  const start = head.replace(/^\uFEFF/, '').trimStart();
  const nl = start.indexOf('\n');
  try {
    const first = JSON.parse(nl < 0 ? start : start.slice(0, nl)) as Record<string, unknown>;
    return 'text' in first || 'html' in first;
  } catch {
    // a first line longer than the head: the field has to appear in what was read
    return /"(?:text|html)"\s*:/.test(start);
  }
}

async function readHead(path: string): Promise<string | null> {
  try {
    const fh = await open(path, 'r');
    try {
      const buf = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
      return buf.subarray(0, bytesRead).toString('utf8');
    } finally {
      await fh.close();
    }
  } catch {
    return null;
  }
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
