import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBuffer, readInputs } from '../../src/readers/index.ts';
import { InputError } from '../../src/types.ts';
import { articles, collect, errors, exampleText, fixture, fixtureText, gzipBytes, tempDir, utf16 } from './helpers.ts';

const file = fixture('articles.jsonl');
const tmp = tempDir();
afterAll(tmp.cleanup);

async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe('JSON Lines reader', () => {
  it('reads the good lines and names file and line number for the bad ones, in order', async () => {
    const got = await collect(readInputs([file]));
    expect(got.map((x) => (x instanceof InputError ? `error ${x.position}` : `article ${x.position}`))).toEqual([
      'article 1',
      'article 3',
      'error 4',
      'error 5',
      'article 6',
    ]);
    const [e4, e5] = errors(got);
    expect(e4.message).toBe(`${file}:4: not valid JSON: Unterminated string in JSON at position 48`);
    expect(e5.message).toBe(`${file}:5: no "text" or "html" field (fields: title, url)`);
  });

  it('takes text and metadata fields from a line', async () => {
    const [a] = articles(await collect(readInputs([file])));
    expect(a).toMatchObject({ file, position: 1, format: 'jsonl', encoding: 'utf-8' });
    expect(a.raw).toBe(exampleText('000_3a9e140460d11d4b.txt'));
    expect(a.original).toBe(fixtureText('articles.jsonl').split('\n')[0]);
    expect(a.meta).toEqual({
      title: 'Trump says Gaza ceasefire talks ‘going along very well’',
      url: 'https://www.independent.co.uk/news/world/middle-east/trump-netanyahu-white-house-dinner-b2784130.html',
      source: 'The Independent',
      publishedAt: '2025-07-08T06:10:00Z',
      language: 'en',
      urls: ['https://www.independent.co.uk/news/world/middle-east/trump-netanyahu-white-house-dinner-b2784130.html'],
    });
  });

  it('reduces an html field to text with the page reader and merges its metadata', async () => {
    const a = articles(await collect(readInputs([file])))[1];
    expect(a.position).toBe(3);
    const paragraphs = exampleText('001_4f95569abf96a48a.txt').split('\n').filter((l) => l.trim());
    expect(a.raw).toBe(paragraphs.slice(1).join('\n\n')); // the <h1> title is not body text
    expect(a.meta).toMatchObject({
      title: 'Netanyahu Plans to Talk About ‘Defeating Hamas’ With Trump During US Visit', // " | NTD" (og:site_name) cut off
      url: 'https://www.ntd.com/netanyahu-plans-to-talk-about-defeating-hamas-with-trump-during-us-visit_1040000.html',
      source: 'NTD',
      publishedAt: '2025-02-02T18:45:00-05:00',
      language: 'en',
    });
  });

  it('normalises CRLF inside a text field', async () => {
    const a = articles(await collect(readInputs([file])))[2];
    expect(a.position).toBe(6);
    expect(a.raw).toBe(exampleText('002_74f363901181367a.txt'));
    expect(a.meta).toMatchObject({ source: 'Doorbraak', language: 'nl', publishedAt: '2025-07-11' });
  });

  it('streams: a line over the limit is an error for that line only, whatever the chunking', async () => {
    const long = JSON.stringify({ text: exampleText('004_ed9a467948e1cb24.txt') }); // 6.3 kB
    const short = JSON.stringify({ text: exampleText('000_3a9e140460d11d4b.txt').slice(0, 500) });
    const bytes = Buffer.from([short, long, short, '', long].join('\r\n'));
    for (const size of [7, 1000, 1 << 20]) {
      const got = await collect(readInputs(['-'], { maxArticleBytes: 4000, stdin: chunked(bytes, size) }));
      expect(got.map((x) => x.position)).toEqual([1, 2, 3, 5]);
      const [e2, e5] = errors(got);
      expect(e2.message).toBe(`-:2: line is 6.4 kB (${Buffer.byteLength(long) + 1} bytes), over the 4 kB limit`);
      expect(e5.message).toBe(`-:5: line is 6.4 kB (${Buffer.byteLength(long)} bytes), over the 4 kB limit`);
      expect(articles(got).map((a) => a.raw)).toEqual([JSON.parse(short).text, JSON.parse(short).text]);
    }
  });

  it('reads a JSONL file far larger than the article limit, line by line', async () => {
    const lines = ['000_3a9e140460d11d4b.txt', '001_4f95569abf96a48a.txt', '002_74f363901181367a.txt', '003_1d174a4085385254.txt', '004_ed9a467948e1cb24.txt'].map(
      (n) => JSON.stringify({ source: n, text: exampleText(n) }),
    );
    const big = join(tmp.dir, 'big.jsonl');
    const repeat = 200;
    writeFileSync(big, Array.from({ length: repeat }, () => lines.join('\n')).join('\n') + '\n');
    let count = 0;
    let lastLine = 0;
    for await (const a of readInputs([big], { maxArticleBytes: 10_000 })) {
      expect(a).not.toBeInstanceOf(InputError);
      count++;
      lastLine = a.position!;
    }
    expect(count).toBe(5 * repeat);
    expect(lastLine).toBe(5 * repeat);
  });

  it('reads UTF-16 JSON Lines with a BOM', async () => {
    const text = exampleText('002_74f363901181367a.txt');
    const body = [JSON.stringify({ language: 'nl', text }), JSON.stringify({ title: 'x' })].join('\n');
    for (const endian of ['le', 'be'] as const) {
      const got = await collect(readBuffer(`u16${endian}.jsonl`, utf16(body, endian)));
      const [a] = articles(got);
      expect(a.encoding).toBe(`utf-16${endian}`);
      expect(a.raw).toBe(text);
      expect(errors(got).map((e) => e.message)).toEqual([`u16${endian}.jsonl:2: no "text" or "html" field (fields: title)`]);
    }
  });

  it('decodes each line on its own: a Windows-1252 line among UTF-8 lines', async () => {
    const utf8 = Buffer.from(JSON.stringify({ text: 'De Israëlische premier' }) + '\n');
    const cp1252 = Buffer.from(JSON.stringify({ text: 'a \xa315.8m signing' }), 'latin1');
    const [a, b] = articles(await collect(readBuffer('mixed.jsonl', Buffer.concat([utf8, cp1252]))));
    expect([a.raw, a.encoding]).toEqual(['De Israëlische premier', 'utf-8']);
    expect([b.raw, b.encoding]).toEqual(['a £15.8m signing', 'windows-1252']);
  });

  it('reports a line holding binary data by its line number', async () => {
    const bytes = Buffer.concat([Buffer.from('{"text": "ok"}\n'), Buffer.from('{"text": "a\u0000b\u0001\u0002"}'.replace(/\\u000(\d)/g, (_, d) => String.fromCharCode(+d)))]);
    const got = await collect(readBuffer('nul.jsonl', bytes));
    expect(got.map((x) => (x instanceof InputError ? x.message : x.raw))).toEqual(['ok', 'nul.jsonl:2: binary data, not text: NUL byte at offset 11']);
  });

  it('rejects lines that are JSON but not an article', async () => {
    const src = ['[1, 2]', '"just a string"', '{"text": "   "}', '{"html": "<p></p>"}', '{"text": 42}'].join('\n');
    const got = errors(await collect(readBuffer('odd.jsonl', Buffer.from(src))));
    expect(got.map((e) => e.message)).toEqual([
      'odd.jsonl:1: expected a JSON object, got an array',
      'odd.jsonl:2: expected a JSON object, got "just a string"',
      'odd.jsonl:3: empty "text" field',
      'odd.jsonl:4: empty "html" field',
      'odd.jsonl:5: "text" field is a number, not a string',
    ]);
  });

  it('refuses binary, empty and whitespace-only JSONL files with one error each', async () => {
    const gz = join(tmp.dir, 'dump.jsonl');
    const empty = join(tmp.dir, 'empty.jsonl');
    const blank = join(tmp.dir, 'blank.jsonl');
    writeFileSync(gz, gzipBytes());
    writeFileSync(empty, '');
    writeFileSync(blank, '\n\n   \n');
    const got = await collect(readInputs([gz, empty, blank, file]));
    const errs = errors(got).filter((e) => e.file !== file);
    expect(errs.map((e) => e.message)).toEqual([
      expect.stringMatching(new RegExp(`^${gz}: binary file, not text: .*\\(looks like gzip data\\)$`)),
      `${empty}: empty file (0 bytes)`,
      `${blank}: empty file (only whitespace, 6 bytes)`,
    ]);
    expect(articles(got)).toHaveLength(3);
  });
});
