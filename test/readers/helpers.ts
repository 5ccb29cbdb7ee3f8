// Shared helpers for the reader tests: collecting generator output, example/fixture paths,
// temp folders, and real binary files (a valid PNG, gzip data) built in memory.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync, gzipSync } from 'node:zlib';
import { InputError, type RawArticle } from '../../src/types.ts';
import { dataRoot } from '../../support/data.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../..');
export const examplesDir = join(repoRoot, 'examples');
export const fixturesDir = join(repoRoot, 'test/fixtures/readers');
/** The public data sets ($DOSSIER_DATA, else ../shared/data): check with hasData (../helpers/needs.ts) first. */
export const sharedData = dataRoot();

export const example = (name: string) => join(examplesDir, name);
export const fixture = (name: string) => join(fixturesDir, name);
export const exampleText = (name: string) => readFileSync(example(name), 'utf8');
export const fixtureText = (name: string) => readFileSync(fixture(name), 'utf8');

export async function collect(gen: AsyncIterable<RawArticle | InputError>): Promise<(RawArticle | InputError)[]> {
  const out: (RawArticle | InputError)[] = [];
  for await (const x of gen) out.push(x);
  return out;
}

export const articles = (xs: (RawArticle | InputError)[]) => xs.filter((x): x is RawArticle => !(x instanceof InputError));
export const errors = (xs: (RawArticle | InputError)[]) => xs.filter((x): x is InputError => x instanceof InputError);

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-readers-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A valid 4x4 RGB PNG. */
export function pngBytes(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(4, 0);
  ihdr.writeUInt32BE(4, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const rows = Buffer.alloc(4 * (1 + 4 * 3), 0x7f);
  for (let r = 0; r < 4; r++) rows[r * 13] = 0; // filter byte per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An example article gzipped: real compressed data. */
export function gzipBytes(): Buffer {
  return gzipSync(readFileSync(example('004_ed9a467948e1cb24.txt')));
}

/** UTF-16 with BOM, big- or little-endian. */
export function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  if (endian === 'le') return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
  const be = Buffer.from(le);
  be.swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
}
