// Entities through the API on the example articles as `dossier ingest` stores them (the shipped
// NER, not hand-built layers): "Israeli" (en) and "Israëlische" (nl) are one entity that names the
// country it belongs to, and the country itself counts only the place; an explanation gives, for
// each article, every mention and why it belongs to the entity.
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/pipeline/ingest.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { serveForTests } from './serve.ts';
import { SEED_EXAMPLES } from '../helpers/examples.ts';

const server = serveForTests(async () => {
  const store = openSqliteStore(':memory:');
  await ingestPaths(store, SEED_EXAMPLES, { workers: 0 });
  return store;
});

describe('GET /api/entities for a nationality', () => {
  it('finds the nationality by its Dutch form, with mentions in both languages and its country', async () => {
    const israeli = await server.get(`/api/entities/${encodeURIComponent('Israëlische')}?mentionsLimit=100`);
    expect(israeli).toMatchObject({ key: 'demonym:IL', name: 'Israeli', type: 'MISC', source: 'demonym', nationalityOf: { key: 'country:IL', name: 'Israel' } });
    expect(new Set(israeli.mentions.items.map((m: { language: string }) => m.language))).toEqual(new Set(['en', 'nl']));
  });

  it('keeps the country apart: no nationality field, no "Israeli" among its names', async () => {
    const israel = await server.get('/api/entities/country:IL');
    expect(israel.nationalityOf).toBeUndefined();
    expect(israel.aliases.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(['Israel', 'Israël']));
    expect(israel.aliases.map((a: { name: string }) => a.name)).not.toContain('Israeli');
  });

  it('lists nationalities with their country', async () => {
    const list = await server.get('/api/entities?type=MISC&limit=100');
    const palestinian = list.items.find((e: { key: string }) => e.key === 'demonym:PS');
    expect(palestinian.nationalityOf).toEqual({ key: 'country:PS', name: 'Palestine' });
    expect(palestinian.aliases.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(['Palestinian', 'Palestijnse']));
  });
});

describe('GET /api/entities/:key/explain on analysed articles', () => {
  it('gives each link with the mentions of its article and why each belongs to the entity', async () => {
    const x = await server.get('/api/entities/per:jared-kushner/explain');
    expect(x.links.total).toBe(1);
    const mentions = x.links.items[0].mentions as { start: number; end: number; text: string; how: string }[];
    expect(mentions.map((m) => [m.text, m.how])).toEqual([
      ['Jared Kushner', 'first mention'],
      ['Kusher', 'misspelling of Jared Kushner, the only person with a name this close'],
    ]);
    const doc = await server.store.get(x.links.items[0].articleId);
    for (const m of mentions) expect(doc!.text.slice(m.start, m.end)).toBe(m.text);
  });
});
