import { copyFileSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBuffer, readInputs } from '../../src/readers/index.ts';
import { InputError } from '../../src/types.ts';
import { articles, collect, errors, example, exampleText, fixture, fixtureText, gzipBytes, pngBytes, sharedData, tempDir } from './helpers.ts';
import { hasData } from '../helpers/needs.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);

async function* once(bytes: Buffer): AsyncGenerator<Uint8Array> {
  yield bytes;
}

describe('readInputs over a directory', () => {
  const root = join(tmp.dir, 'corpus');
  beforeAll(() => {
    mkdirSync(join(root, 'a'), { recursive: true });
    mkdirSync(join(root, '.git'));
    copyFileSync(fixture('epoch-blinken.html'), join(root, 'a', 'z.html'));
    copyFileSync(example('001_4f95569abf96a48a.txt'), join(root, 'b.txt'));
    copyFileSync(fixture('ntd-middle-east.atom'), join(root, 'c')); // a feed without extension
    copyFileSync(fixture('doorbraak-netanyahu.htm'), join(root, 'd.txt')); // a .txt that is HTML
    copyFileSync(fixture('independent-world.rss'), join(root, 'e.txt')); // a .txt that is a feed
    writeFileSync(join(root, '.hidden.txt'), 'hidden');
    writeFileSync(join(root, '.git', 'HEAD'), 'ref: refs/heads/main');
  });

  it('recurses in sorted order, skips hidden entries and detects each format by content', async () => {
    const got = await collect(readInputs([root]));
    expect(got.map((x) => [x.file.slice(root.length + 1), x instanceof InputError ? 'error' : x.format, x.position])).toEqual([
      ['a/z.html', 'html', undefined],
      ['b.txt', 'txt', undefined],
      ['c', 'atom', 1],
      ['c', 'atom', 2],
      ['d.txt', 'html', undefined],
      ['e.txt', 'rss', 1],
      ['e.txt', 'rss', 2],
      ['e.txt', 'error', 3],
    ]);
    expect(articles(got)[1].raw).toBe(exampleText('001_4f95569abf96a48a.txt'));
  });

  it('reads a hidden file when it is named explicitly', async () => {
    const [a] = articles(await collect(readInputs([join(root, '.hidden.txt')])));
    expect(a.raw).toBe('hidden');
  });
});

describe('bad input in a batch', () => {
  const withBbc = hasData('bbc'); // bbc/sport/199.txt: an article that is not valid UTF-8
  const dir = join(tmp.dir, 'bad');
  const p = (name: string) => join(dir, name);
  beforeAll(() => {
    mkdirSync(dir);
    writeFileSync(p('empty.txt'), '');
    writeFileSync(p('blank.txt'), '  \n\n\t \n');
    writeFileSync(p('photo.png'), pngBytes());
    writeFileSync(p('article.txt.gz'), gzipBytes());
    // 50 MiB: real text at the start, the rest a sparse hole that is never read
    writeFileSync(p('huge.txt'), exampleText('004_ed9a467948e1cb24.txt').repeat(20));
    truncateSync(p('huge.txt'), 50 * 1024 * 1024);
    writeFileSync(p('huge.rss'), fixtureText('independent-world.rss').replace('<channel>', `<channel><!-- ${'padding '.repeat(10_000)} -->`));
    truncateSync(p('huge.rss'), 50 * 1024 * 1024);
    if (withBbc) copyFileSync(join(sharedData, 'bbc/sport/199.txt'), p('bbc-199.txt'));
    writeFileSync(p('not-a-feed.rss'), exampleText('002_74f363901181367a.txt'));
  });

  it.runIf(withBbc)('yields one clear error per bad file and still reads the good ones, in order', async () => {
    const inputs = ['empty.txt', 'blank.txt', 'photo.png', 'article.txt.gz', 'huge.txt', 'huge.rss', 'missing.txt', 'not-a-feed.rss', 'bbc-199.txt'].map(p);
    const got = await collect(readInputs([...inputs, example('000_3a9e140460d11d4b.txt')]));
    expect(errors(got).map((e) => e.message)).toEqual([
      `${p('empty.txt')}: empty file (0 bytes)`,
      `${p('blank.txt')}: empty file (only whitespace, 7 bytes)`,
      expect.stringMatching(/photo\.png: binary file, not text: NUL byte at offset 8 \(looks like a PNG image\)$/),
      expect.stringMatching(/article\.txt\.gz: binary file, not text: .* \(looks like gzip data\)$/),
      `${p('huge.txt')}: file is 52.4 MB (52428800 bytes), over the 10 MB limit`,
      `${p('huge.rss')}: feed is 52.4 MB (52428800 bytes), over the 50 MB limit`,
      `${p('missing.txt')}: no such file or directory`,
      `${p('not-a-feed.rss')}: not a feed: not well-formed XML (line 1, column 1: char 'D' is not expected.)`,
    ]);
    const [bbc, last] = articles(got);
    expect(bbc).toMatchObject({ file: p('bbc-199.txt'), encoding: 'windows-1252' });
    expect(bbc.raw).toContain('a £15.8m signing from Parma');
    expect(bbc.raw).toBe(readFileSync(p('bbc-199.txt'), 'latin1'));
    expect(last.raw).toBe(exampleText('000_3a9e140460d11d4b.txt'));
  });

  it('applies a configurable article size limit', async () => {
    const [e] = errors(await collect(readInputs([example('004_ed9a467948e1cb24.txt')], { maxArticleBytes: 3000 })));
    expect(e.message).toBe(`${example('004_ed9a467948e1cb24.txt')}: file is 6.3 kB (6306 bytes), over the 3 kB limit`);
  });

  it('throws only for invalid options', async () => {
    await expect(collect(readInputs([], { maxArticleBytes: 0 }))).rejects.toThrow(RangeError);
  });
});

describe('stdin and uploads', () => {
  it('reads "-" from stdin and sniffs its format', async () => {
    const text = exampleText('002_74f363901181367a.txt');
    const [a] = articles(await collect(readInputs(['-'], { stdin: once(Buffer.from(text)) })));
    expect(a).toMatchObject({ file: '-', format: 'txt', raw: text });
    const feed = articles(await collect(readInputs(['-'], { stdin: once(Buffer.from(fixtureText('ntd-middle-east.atom'))) })));
    expect(feed.map((x) => [x.file, x.format, x.position])).toEqual([
      ['-', 'atom', 1],
      ['-', 'atom', 2],
    ]);
  });

  it('refuses stdin over the limit without knowing its size up front', async () => {
    const html = Buffer.from(fixtureText('epoch-blinken.html'));
    const got = await collect(readInputs(['-'], { maxArticleBytes: 4000, stdin: once(html) }));
    expect(got.map((x) => (x as InputError).message)).toEqual(['-: file is larger than the 4 kB limit']);
  });

  it('reads an upload held in memory, named by the client', async () => {
    const [a] = articles(await collect(readBuffer('upload', Buffer.from(fixtureText('epoch-blinken.html')))));
    expect(a).toMatchObject({ file: 'upload', format: 'html' });
    expect(a.meta.title).toBe('Blinken Meets With Netanyahu Amid Gaza Ceasefire Push, Deliberations on Israeli Offensive in Rafah');
    const [e] = errors(await collect(readBuffer('photo.jpg', pngBytes())));
    expect(e.message).toBe('photo.jpg: binary file, not text: NUL byte at offset 8 (looks like a PNG image)');
  });
});
