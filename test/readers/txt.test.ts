import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBuffer, readInputs, urlsInText } from '../../src/readers/index.ts';
import { articles, collect, example, exampleText, examplesDir } from './helpers.ts';

describe('plain text reader', () => {
  it('passes every example through unchanged', async () => {
    const names = readdirSync(examplesDir).filter((n) => n.endsWith('.txt')).sort();
    const got = articles(await collect(readInputs(names.map(example))));
    expect(got.map((a) => a.file)).toEqual(names.map(example));
    for (const a of got) {
      const text = exampleText(a.file.slice(examplesDir.length + 1));
      expect(a.format).toBe('txt');
      expect(a.encoding).toBe('utf-8');
      expect(a.raw).toBe(text);
      expect(a.original).toBe(text);
      expect(a.position).toBeUndefined();
    }
  });

  it('keeps the image URL of example 003 (with its dated path) in meta.urls', async () => {
    const [a] = articles(await collect(readInputs([example('003_1d174a4085385254.txt')])));
    expect(a.meta.urls).toEqual([
      'https://static.independent.co.uk/2025/09/29/12/53/FotoJet-(2).jpg?width=1200&auto=webp&crop=3%3A2',
      'https://www.politico.com/news/2025/09/28/trump-says-a-Politico',
    ]);
  });

  it('normalises CRLF and lone CR to \\n in raw, keeps the decoded input in original', async () => {
    const text = exampleText('002_74f363901181367a.txt');
    const crlf = text.replace(/\n/g, '\r\n');
    const [a] = articles(await collect(readBuffer('crlf.txt', Buffer.from(crlf))));
    expect(a.raw).toBe(text);
    expect(a.original).toBe(crlf);
    const [b] = articles(await collect(readBuffer('cr.txt', Buffer.from(text.replace(/\n/g, '\r')))));
    expect(b.raw).toBe(text);
  });

  it('finds URLs in text and trims trailing punctuation', () => {
    expect(urlsInText('See https://example.org/2024/05/01/story. And (https://x.org/a_(b)) or “https://y.org/z”.')).toEqual([
      'https://example.org/2024/05/01/story',
      'https://x.org/a_(b)',
      'https://y.org/z',
    ]);
  });
});
