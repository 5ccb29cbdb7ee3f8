// Nationality words through the API, on the example articles as `dossier ingest` stores them (the
// shipped NER, not hand-built layers): "Israeli" (en) and "Israëlische" (nl) are one entity that
// names the country it belongs to, and the country itself counts only the place.
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { serveForTests } from './serve.ts';

const server = serveForTests(async () => {
  const store = openSqliteStore(':memory:');
  await ingestPaths(store, [new URL('../../examples/', import.meta.url).pathname], { workers: 0 });
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
