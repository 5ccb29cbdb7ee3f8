import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/readers/index.ts';
import { InputError } from '../../src/types.ts';
import { example, exampleText, examplesDir, gzipBytes, pngBytes, sharedData, utf16 } from './helpers.ts';
import { hasData } from '../helpers/needs.ts';

/** Encodes text in a single-byte charset with TextDecoder's own table (right for ICU-backed
 *  charsets such as ISO-8859-2). */
function encodeSingleByte(text: string, charset: string): Buffer {
  const dec = new TextDecoder(charset);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(dec.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => table.get(ch) ?? fail(`${JSON.stringify(ch)} not in ${charset}`)));
}

/** Windows-1252 written out by hand (Node's own table is wrong for 0x80-0x9F, nodejs/node#60888):
 *  Latin-1 plus the punctuation these texts use. */
const CP1252_HIGH: Record<string, number> = { '€': 0x80, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };
function encodeCp1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => CP1252_HIGH[ch] ?? (ch.charCodeAt(0) <= 0xff ? ch.charCodeAt(0) : fail(`${JSON.stringify(ch)} not in windows-1252`))),
  );
}

function fail(msg: string): never {
  throw new Error(msg);
}

function decodeError(bytes: Buffer, file = 'input.txt'): InputError {
  try {
    decodeBytes(bytes, file);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('decodeBytes', () => {
  it('decodes every example as UTF-8, unchanged', () => {
    for (const name of readdirSync(examplesDir).filter((n) => n.endsWith('.txt'))) {
      const bytes = readFileSync(join(examplesDir, name));
      const { text, encoding } = decodeBytes(bytes, name);
      expect(encoding).toBe('utf-8');
      expect(text).toBe(bytes.toString('utf8'));
    }
  });

  it('treats example 004 as text although `file` calls its first bytes "Blink archive data"', () => {
    const bytes = readFileSync(example('004_ed9a467948e1cb24.txt'));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('Blink');
    expect(decodeBytes(bytes, '004.txt').text.startsWith('Blinken Meets With Netanyahu')).toBe(true);
  });

  it('strips a UTF-8 BOM and says so', () => {
    const text = exampleText('001_4f95569abf96a48a.txt');
    const r = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'bom.txt');
    expect(r).toEqual({ text, encoding: 'utf-8-bom' });
  });

  it.each(['le', 'be'] as const)('decodes UTF-16 %s with BOM', (endian) => {
    const text = exampleText('002_74f363901181367a.txt');
    const r = decodeBytes(utf16(text, endian), `utf16${endian}.txt`);
    expect(r.encoding).toBe(`utf-16${endian}`);
    expect(r.text).toBe(text);
    expect(r.text).toContain('Israëlische premier Benjamin Netanyahu');
  });

  it('falls back to Windows-1252 for invalid UTF-8 (example 002 re-encoded)', () => {
    const text = exampleText('002_74f363901181367a.txt');
    const bytes = encodeCp1252(text);
    expect(bytes.includes(0xeb)).toBe(true); // ë as one byte
    expect(bytes.includes(0x97)).toBe(true); // — (em dash) in the 0x80-0x9F range
    const r = decodeBytes(bytes, 'cp1252.txt');
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toBe(text);
  });

  it('maps Windows-1252 punctuation (0x80-0x9F) to the right characters, not to control characters', () => {
    const text = exampleText('000_3a9e140460d11d4b.txt'); // curly quotes and apostrophes throughout
    const bytes = encodeCp1252(`${text}\nPrice: €5 – “quoted” …`);
    expect(bytes.includes(0x92)).toBe(true);
    const r = decodeBytes(bytes, 'quotes-cp1252.txt');
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toContain('saying negotiations were “going along very well”');
    expect(r.text).toContain('The leaders’ meeting');
    expect(r.text.endsWith('Price: €5 – “quoted” …')).toBe(true);
  });

  it.runIf(hasData('bbc'))('reads the BBC article that is not valid UTF-8 (a pound sign as byte 0xA3)', () => {
    const bytes = readFileSync(join(sharedData, 'bbc/sport/199.txt'));
    const r = decodeBytes(bytes, 'bbc/sport/199.txt');
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toContain('a £15.8m signing from Parma');
  });

  it('keeps real UTF-8 when only a stray byte is invalid', () => {
    const text = exampleText('002_74f363901181367a.txt');
    const bytes = Buffer.concat([Buffer.from(text.slice(0, 200)), Buffer.from([0xff]), Buffer.from(text.slice(200))]);
    const r = decodeBytes(bytes, 'mixed.txt');
    expect(r.encoding).toBe('utf-8-lossy');
    expect(r.text).toContain('De Israëlische premier');
    expect(r.text).toContain('\uFFFD');
  });

  it('uses a charset the document declares when the bytes are not UTF-8', () => {
    const html = '<html><head><meta charset="iso-8859-2"></head><body><p>Łódź i Kraków</p></body></html>';
    const bytes = encodeSingleByte(html, 'iso-8859-2');
    const r = decodeBytes(bytes, 'pl.html', { declaredCharset: 'ISO-8859-2' });
    expect(r.encoding).toBe('iso-8859-2');
    expect(r.text).toContain('Łódź i Kraków');
  });

  it('refuses a PNG image as binary, naming the file and the reason', () => {
    const e = decodeError(pngBytes(), 'photo.txt');
    expect(e.file).toBe('photo.txt');
    expect(e.message).toMatch(/^photo\.txt: binary file, not text: NUL byte at offset \d+ \(looks like a PNG image\)$/);
  });

  it('refuses gzip data as binary', () => {
    const e = decodeError(gzipBytes(), 'article.txt.gz');
    expect(e.reason).toMatch(/^binary file, not text: .*\(looks like gzip data\)$/);
  });

  it('refuses high-control-character content even without NUL bytes', () => {
    const bytes = Buffer.alloc(400);
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 4 === 0 ? 0x01 + (i % 7) : 0x41 + (i % 26);
    expect(decodeError(bytes).reason).toMatch(/^binary file, not text: 25\.0% control characters$/);
  });

  it('keeps text with a couple of stray control characters', () => {
    const text = exampleText('000_3a9e140460d11d4b.txt').replace('Monday.', 'Monday.\u001b\u001a');
    expect(decodeBytes(Buffer.from(text), 'ctl.txt').text).toBe(text);
  });

  it('refuses empty and whitespace-only input', () => {
    expect(decodeError(Buffer.alloc(0), 'empty.txt').message).toBe('empty.txt: empty file (0 bytes)');
    expect(decodeError(Buffer.from(' \n\t\r\n  \n'), 'blank.txt').message).toBe('blank.txt: empty file (only whitespace, 8 bytes)');
    expect(decodeError(utf16('   \n', 'le'), 'blank16.txt').reason).toMatch(/^empty file \(only whitespace/);
  });
});
