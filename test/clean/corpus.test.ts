// Cleaning on public corpora (../shared/data): BBC News (headline on the first line, clean
// paragraphs) and PolNeAR (US political news with scraped captions, credits and annotated
// attributions). Checks that headlines are found and that article text is never lost.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeHTML } from 'entities';
import { cleanArticle } from '../../src/clean/index.ts';
import { titleKey } from '../../src/clean/text.ts';
import type { CleanArticle, RawMeta } from '../../src/types.ts';
import { dataPath } from '../../support/data.ts';
import { hasData } from '../helpers/needs.ts';

const BBC = dataPath('bbc');
const POLNEAR = dataPath('polnear');

function clean(raw: string, meta: RawMeta = {}): CleanArticle {
  return cleanArticle({ file: 'corpus.txt', format: 'txt', raw, original: raw, meta });
}
/** Comparison form: NFC, no invisible characters, single spaces. */
const norm = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[\u200B\u2060\uFEFF\u00AD]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

if (hasData('bbc')) describe('BBC News (2,225 articles)', () => {
  const articles = readdirSync(BBC, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(BBC, d.name)).map((f) => join(BBC, d.name, f)))
    .map((path) => {
      const raw = readFileSync(path, 'utf8');
      return { path, raw, clean: clean(raw) };
    });

  it('finds the first line as headline in every article', () => {
    expect(articles.length).toBe(2225);
    const misses = articles.filter((a) => a.clean.title !== norm(decodeHTML(a.raw.split('\n')[0])));
    expect(misses.map((a) => a.path)).toEqual([]);
  });

  it('removes nothing else than the headline and a lone "." line', () => {
    const removed = articles.flatMap((a) => a.clean.removed.filter((r) => r.reason !== 'title'));
    expect(removed).toEqual([{ text: '.', reason: 'empty' }]);
  });

  it('keeps every body paragraph', () => {
    for (const a of articles) {
      const text = norm(a.clean.text);
      for (const p of a.raw.split('\n').slice(1)) {
        if (/[\p{L}\p{N}]/u.test(p)) expect(text, a.path).toContain(norm(decodeHTML(p)));
      }
    }
  });
});

if (hasData('polnear')) describe('PolNeAR (US political news, 2015-2016)', () => {
  const meta = new Map<string, { title: string; date: string }>();
  const [head, ...rows] = readFileSync(join(POLNEAR, 'metadata.tsv'), 'utf8').trim().split('\n');
  const cols = head.split('\t');
  for (const r of rows) {
    const c = r.split('\t');
    meta.set(c[cols.indexOf('filename')], { title: c[cols.indexOf('title')], date: c[cols.indexOf('publication_date')] });
  }
  const texts = (split: string) =>
    readdirSync(join(POLNEAR, split, 'text')).map((f) => ({
      split,
      name: f.replace(/\.txt$/, ''),
      raw: readFileSync(join(POLNEAR, split, 'text', f), 'utf8'),
    }));
  const cleanWithMeta = (t: { name: string; raw: string }) => {
    const m = meta.get(t.name)!;
    return clean(t.raw, { title: m.title, publishedAt: m.date });
  };

  it('keeps every annotated attribution Content span (in the text, or in the headline)', () => {
    let spans = 0;
    const lost: string[] = [];
    for (const t of texts('dev')) {
      const c = cleanWithMeta(t);
      const text = norm(c.text);
      const title = norm(c.title ?? '');
      const anns = readdirSync(join(POLNEAR, 'dev', 'attributions')).filter((a) => a.startsWith(`${t.name}_`));
      for (const a of anns) {
        for (const line of readFileSync(join(POLNEAR, 'dev', 'attributions', a), 'utf8').split('\n')) {
          const m = /^T\d+\tContent (\d+) (\d+)\t/.exec(line);
          if (!m) continue;
          spans++;
          const s = norm(t.raw.slice(Number(m[1]), Number(m[2])));
          if (!text.includes(s) && !title.includes(s.replace(/\.([’'”]?)$/, '$1'))) lost.push(`${t.name}: ${s}`);
        }
      }
    }
    expect(spans).toBeGreaterThan(1900);
    expect(lost).toEqual([]);
  });

  it('uses the metadata title and date, and removes the first line(s) repeating the title', () => {
    for (const t of texts('dev')) {
      const c = cleanWithMeta(t);
      expect(c.title).toBe(meta.get(t.name)!.title);
      expect(c.publishedAt).toBe(meta.get(t.name)!.date);
      const lines = c.removed.filter((r) => r.reason === 'title').map((r) => r.text);
      expect(titleKey(lines.join(' ')), t.name).toBe(titleKey(c.title!));
    }
  });

  it('removes the photo credits, contributor lines and social-media footers scraped with HuffPost and Breitbart texts', () => {
    const train = (name: string) => ({ name, raw: readFileSync(join(POLNEAR, 'train', 'text', `${name}.txt`), 'utf8') });
    const of = (name: string) =>
      cleanWithMeta(train(name))
        .removed.filter((r) => r.reason !== 'title')
        .map((r) => [r.reason, r.text]);
    expect(of('huff-post_2015-11-11_a-meaningful-exchange-actually-h')).toEqual([['credit', 'Scott Olson via Getty Images.']]);
    expect(of('huff-post_2016-05-12_george-zimmerman-auctioning-off-')).toEqual([
      ['credit', 'Handout/Reuters.'],
      ['credit', 'POOL New/Reuters.'],
    ]);
    expect(of('huff-post_2016-03-21_the-rise-of-switzerland-s-trump')).toEqual([
      ['caption', 'Christoph Blocher reacts during an electoral meeting of the Swiss People’s Party on October 2, 2015. (FABRICE COFFRINI/AFP/Getty Images.)'],
    ]);
    expect(of('politico_2016-01-28_super-pac-blasts-trump-for-skipp')).toEqual([['credit', 'Alex Isenstadt contributed to this story.']]);
    expect(of('breitbart_2015-12-03_graham-trump-s-incredibly-hatefu')).toEqual([['boilerplate', 'Follow Pam Key on Twitter @pamkeyNEN.']]);
    // Live-blog entry times stay: they say when each entry happened.
    const live = cleanWithMeta(train('breitbart_2016-02-08_the-latest-nh-towns-cast-first-v'));
    expect(live.text).toContain('\n\n3:40 p.m.\n\n');
    expect(live.dek).toBeNull();
  });
});
