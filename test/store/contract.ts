// The behaviour every Store implementation must show. Call runStoreContract from an
// implementation's test file; `open` must return a new, empty store each time.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { foldForSearch } from '../../src/text/fold.ts';
import { QueryError } from '../../src/store/query.ts';
import { AmbiguousIdError, StoreError, StoreInputError, type IngestItem, type Store } from '../../src/store/store.ts';
import { attributedArticle, attributedRows, buildItem, coordinationItem, exampleItems, otherLanguageItems, undatedItem } from './fixtures.ts';
import { openCorpus } from '../../src/corpus/index.ts';

/** The indexed words of an article as the search engines see them (folded, split on non-letters). */
function words(item: IngestItem): string[] {
  const a = item.article;
  return foldForSearch([a.title, a.dek, a.text].filter(Boolean).join(' ')).split(/[^\p{L}\p{N}]+/u);
}
const has = (item: IngestItem, word: string) => words(item).includes(foldForSearch(word));
const hasPrefix = (item: IngestItem, prefix: string) => words(item).some((w) => w.startsWith(foldForSearch(prefix)));
const ids = (items: IngestItem[]) => items.map((i) => i.article.id).sort();
const sorted = (xs: { id: string }[]) => xs.map((x) => x.id).sort();

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the promise to reject');
}

export function runStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let items: IngestItem[];
    beforeEach(async () => {
      store = await open();
      items = [...exampleItems(), coordinationItem()];
    });
    afterEach(async () => {
      await store.close();
    });
    const seed = async () => openCorpus(store).add(items);
    const byId = (id: string) => items.find((i) => i.article.id === id)!;

    describe('ingest and get', () => {
      it('stores a batch and gives every article back unchanged, with storage facts and reader metadata', async () => {
        const result = await seed();
        expect(result.inserted).toBe(items.length);
        expect(result.duplicates).toBe(0);
        expect(result.insertedIds).toEqual(items.map((i) => i.article.id));
        expect(result.items.map((i) => i.status)).toEqual(items.map(() => 'inserted'));
        for (const item of items) {
          const got = await store.get(item.article.id);
          expect(got).not.toBeNull();
          const { ingestedAt, analyzedAt, contentHash, raw, ...doc } = got!;
          expect(doc).toEqual(item.article);
          expect(contentHash).toBe(item.contentHash);
          expect(raw).toEqual({ file: item.raw.file, format: 'txt', encoding: 'utf-8', meta: item.raw.meta });
          expect(new Date(ingestedAt).toISOString()).toBe(ingestedAt);
          expect(analyzedAt).toBe(ingestedAt);
        }
      });

      it('re-ingesting is a no-op that returns the existing ids, also for repeats inside one batch', async () => {
        await seed();
        const before = await store.get(items[0].article.id);
        const again = await openCorpus(store).add(items);
        expect(again).toMatchObject({ inserted: 0, duplicates: items.length, insertedIds: [] });
        expect(again.items.map((i) => i.id)).toEqual(items.map((i) => i.article.id));
        expect((await store.get(items[0].article.id))!.ingestedAt).toBe(before!.ingestedAt);
        expect((await store.stats()).articles).toBe(items.length);
        expect((await store.quotes({ limit: 1000 })).total).toBe(items.reduce((n, i) => n + i.article.quotes.length, 0));

        const note = undatedItem('0123456789abcdef'.repeat(4), 'A note that is stored once although it comes twice.');
        const mixed = await openCorpus(store).add([note, items[1], note]);
        expect(mixed.inserted).toBe(1);
        expect(mixed.duplicates).toBe(2);
        expect(mixed.items.map((i) => i.status)).toEqual(['inserted', 'duplicate', 'duplicate']);
        expect(mixed.items[2].id).toBe(note.article.id);
      });

      it('tells which content hashes are already stored', async () => {
        expect(await store.storedHashes(items.map((i) => i.contentHash))).toEqual(new Set());
        await openCorpus(store).add(items.slice(0, 2));
        const unknown = 'f'.repeat(64);
        const known = await store.storedHashes([items[1].contentHash, unknown, items[0].contentHash, items[2].contentHash]);
        expect(known).toEqual(new Set([items[0].contentHash, items[1].contentHash]));
      });

      it('a batch with an item that cannot be stored leaves the store exactly as before', async () => {
        await openCorpus(store).add(items.slice(0, 3));
        const before = { list: await store.list({ limit: 100 }), stats: await store.stats(), quotes: await store.quotes({ limit: 1000 }) };
        // Same id as a stored article but a different content hash: the id is taken, so the insert fails.
        const clash = buildItem(
          { file: 'variants/clash.txt', language: 'en', headline: false, source: null, url: null, publishedAt: '2025-01-01' },
          'A different text whose content hash was made to share the id of a stored article.',
          items[0].article.id + 'f'.repeat(48),
        );
        const err = await rejection(openCorpus(store).add([items[3], items[5], clash]));
        expect(err).toBeInstanceOf(StoreError);
        expect(err.message).toMatch(/item 3 of 3 .*variants\/clash\.txt.*rolled back/);
        expect(await store.list({ limit: 100 })).toEqual(before.list);
        expect(await store.quotes({ limit: 1000 })).toEqual(before.quotes);
        const stats = await store.stats();
        expect({ ...stats, sizeBytes: 0 }).toEqual({ ...before.stats, sizeBytes: 0 });
        expect(await store.get(items[3].article.id)).toBeNull();
        expect(await store.get(items[5].article.id)).toBeNull();
        expect((await store.search('coordinatie')).total).toBe(0);
        // The store is still usable and the good items go in on their own.
        expect((await openCorpus(store).add([items[3], items[5]])).inserted).toBe(2);
        expect((await store.search('coordinatie')).total).toBe(1);
      });

      it('finds an article by a unique id prefix, by content-hash prefix, and names the candidates of an ambiguous one', async () => {
        await seed();
        const a = items[2].article;
        expect((await store.get(a.id.slice(0, 6)))!.id).toBe(a.id);
        expect((await store.get(a.id.slice(0, 10).toUpperCase()))!.id).toBe(a.id);
        expect((await store.get(items[2].contentHash))!.id).toBe(a.id);
        expect((await store.get(items[2].contentHash.slice(0, 20)))!.id).toBe(a.id);
        expect(await store.get('ffffff0000000000')).toBeNull();
        expect(await store.get('ffffff')).toBeNull();

        const short = await rejection(store.get(a.id.slice(0, 5)));
        expect(short).toBeInstanceOf(StoreInputError);
        expect(short.message).toMatch(/at least 6 characters/);

        const one = undatedItem('abcdef01' + '0'.repeat(56), 'First note whose id starts with abcdef.');
        const two = undatedItem('abcdef02' + '0'.repeat(56), 'Second note whose id starts with abcdef.');
        await openCorpus(store).add([one, two]);
        const amb = await rejection(store.get('ABCDEF'));
        expect(amb).toBeInstanceOf(AmbiguousIdError);
        expect((amb as AmbiguousIdError).candidates.map((c) => c.id).sort()).toEqual([one.article.id, two.article.id]);
        expect(amb.message).toContain(one.article.id);
        expect(amb.message).toContain(two.article.id);
        expect((await store.get('abcdef02'))!.text).toBe('Second note whose id starts with abcdef.');
      });

      it('tells which stored articles no story holds, in ingest order, until they are placed', async () => {
        await seed();
        expect(await store.stories.unplacedIds()).toEqual(items.map((i) => i.article.id));
        await openCorpus(store).place(items.slice(0, 2).map((i) => i.article.id));
        expect(await store.stories.unplacedIds()).toEqual(items.slice(2).map((i) => i.article.id));
        expect((await openCorpus(store).placeUnplaced()).attached).toBe(items.length - 2);
        expect(await store.stories.unplacedIds()).toEqual([]);
      });
    });

    describe('list', () => {
      it('orders by publication date, newest first, undated last, with layer counts', async () => {
        const note = undatedItem('9'.repeat(64), 'An undated note.');
        await openCorpus(store).add([...items, note]);
        const all = await store.list({ limit: 100 });
        expect(all.total).toBe(items.length + 1);
        const dates = all.items.map((s) => s.publishedAt);
        expect(dates.at(-1)).toBeNull();
        const dated = dates.filter((d): d is string => d !== null);
        expect(dated).toEqual([...dated].sort().reverse());
        const s = all.items.find((x) => x.id === items[2].article.id)!;
        expect(s).toMatchObject({ language: 'nl', languageSupported: true, file: items[2].article.file, publishedAtFrom: 'metadata' });
        expect(s.counts).toEqual({
          entities: 3,
          mentions: items[2].article.entities.reduce((n, e) => n + e.mentions.length, 0),
          quotes: 3,
          figures: 5,
          times: 2,
        });
      });

      it('filters by language, source, date range (inclusive prefixes) and ids', async () => {
        await seed();
        const of = (pred: (i: IngestItem) => boolean) => ids(items.filter(pred));
        expect(sorted((await store.list({ language: 'nl' })).items)).toEqual(of((i) => i.article.language === 'nl'));
        expect((await store.list({ language: ['nl', 'en'] })).total).toBe(items.length);
        expect(sorted((await store.list({ source: 'The Epoch Times' })).items)).toEqual(of((i) => i.article.source === 'The Epoch Times'));
        const pub = (i: IngestItem) => i.article.publishedAt ?? '';
        expect(sorted((await store.list({ from: '2025-07' })).items)).toEqual(of((i) => pub(i) >= '2025-07'));
        // "to" covers the whole day / month it names, timestamps included.
        expect(sorted((await store.list({ to: '2025-07-08' })).items)).toEqual(of((i) => pub(i) !== '' && pub(i).slice(0, 10) <= '2025-07-08'));
        expect((await store.list({ from: '2025-07-09', to: '2025-07-09' })).items.map((x) => x.id)).toEqual([items[2].article.id]);
        expect((await store.list({ from: '2025-07', to: '2025-07', language: 'en' })).items.map((x) => x.id)).toEqual([items[0].article.id]);
        expect(sorted((await store.list({ ids: [items[1].article.id, items[4].article.id] })).items)).toEqual(ids([items[1], items[4]]));
        expect((await store.list({ ids: [] })).total).toBe(0);
        expect((await store.list({ language: '', source: undefined })).total).toBe(items.length);
      });

      it('pages without gaps or repeats and rejects bad paging and dates', async () => {
        await seed();
        const seen: string[] = [];
        for (let offset = 0; offset < items.length; offset += 4) {
          const page = await store.list({ limit: 4, offset });
          expect(page.total).toBe(items.length);
          seen.push(...page.items.map((x) => x.id));
        }
        expect(seen).toEqual((await store.list({ limit: 100 })).items.map((x) => x.id));
        expect(new Set(seen).size).toBe(items.length);
        expect((await store.list({ offset: 100 })).items).toEqual([]);
        await expect(store.list({ limit: 0 })).rejects.toThrow(StoreInputError);
        await expect(store.list({ offset: -1 })).rejects.toThrow(/offset/);
        await expect(store.list({ from: 'last week' })).rejects.toThrow(/from must be an ISO date/);
      });

      it('filters by the global entity an article names, with the other filters, in lists, search and layers', async () => {
        await seed();
        const naming = (...names: string[]) => items.filter((i) => i.article.entities.some((e) => names.includes(e.name)));
        const israel = naming('Israel', 'Israël');
        expect(israel.map((i) => i.article.language).sort()).toEqual(['en', 'nl']);
        expect(sorted((await store.list({ entity: 'per:benjamin-netanyahu' })).items)).toEqual(ids(naming('Benjamin Netanyahu')));
        expect(sorted((await store.list({ entity: 'country:IL' })).items)).toEqual(ids(israel));
        expect((await store.list({ entity: 'country:IL', language: 'nl' })).items.map((x) => x.id)).toEqual([items[2].article.id]);
        const hits = await store.search('Netanyahu', { entity: 'country:IL' });
        expect(sorted(hits.hits)).toEqual(ids(israel));
        expect(hits.facets.language).toEqual([
          { value: 'en', count: 1 },
          { value: 'nl', count: 1 },
        ]);
        const quotes = await store.quotes({ entity: 'country:IL', limit: 1000 });
        expect(quotes.total).toBe(israel.reduce((n, i) => n + i.article.quotes.length, 0));
        expect(new Set(quotes.items.map((q) => q.articleId))).toEqual(new Set(ids(israel.filter((i) => i.article.quotes.length > 0))));
        expect((await store.list({ entity: 'per:nobody' })).total).toBe(0);
        expect((await store.list({ entity: '' })).total).toBe(items.length);
      });
    });

    describe('search', () => {
      const expectHits = async (query: string, expected: IngestItem[]) => {
        const r = await store.search(query, { limit: 100 });
        expect(sorted(r.hits), query).toEqual(ids(expected));
        expect(r.total).toBe(expected.length);
      };

      it('ignores diacritics and case: "Israel" finds "Israël", "coordinatie" finds "coördinatie"', async () => {
        await seed();
        const nl = items[2];
        expect(has(nl, 'Israël') && !nl.article.text.includes('Israel')).toBe(true);
        await expectHits('Israel', items.filter((i) => has(i, 'israel')));
        expect(sorted((await store.search('israel', { language: 'nl' })).hits)).toEqual(ids(items.filter((i) => i.article.language === 'nl' && has(i, 'israel'))));
        await expectHits('coordinatie', [items[5]]);
        await expectHits('COÖRDINATIE', [items[5]]);
        await expectHits('Guterres', [items[5]]);
      });

      it('marks matched terms in snippets with [[ ]] and ranks title matches above body matches', async () => {
        await seed();
        const r = await store.search('Israel', { language: 'nl' });
        for (const hit of r.hits) {
          const marked = [...hit.snippet.matchAll(/\[\[(.+?)\]\]/g)].map((m) => m[1]);
          expect(marked.length).toBeGreaterThan(0);
          // a form of the word by its Dutch stem: "Israël", "Israëls"
          for (const m of marked) expect(foldForSearch(m)).toMatch(/^israels?$/);
        }
        expect(r.hits.find((h) => h.id === items[2].article.id)!.snippet).toContain('[[Israël]]');

        const net = await store.search('Netanyahu', { limit: 100 });
        const titled = items.filter((i) => i.article.title && has({ ...i, article: { ...i.article, text: '' } }, 'Netanyahu'));
        expect(titled.length).toBe(3);
        expect(sorted(net.hits.slice(0, 3))).toEqual(ids(titled));
        const scores = net.hits.map((h) => h.score);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
      });

      it('finds the other forms of a word by its stem in the article\'s language, marks them as written, and keeps phrases exact', async () => {
        await seed();
        const [de, fr] = otherLanguageItems();
        await openCorpus(store).add(otherLanguageItems());
        const en = items[1]; // "the possibility of early elections looms"
        expect(has(en, 'elections') && !has(en, 'election')).toBe(true);
        expect(has(fr, 'négociations') && !has(fr, 'négociation')).toBe(true);
        expect(has(de, 'Verhandlungen') && !has(de, 'Verhandlung')).toBe(true);
        await expectHits('election', [en]);
        await expectHits('négociation', [fr]);
        await expectHits('negociation', [fr]);
        await expectHits('Verhandlung', [de]);
        // German Snowball leaves "verhandelt" whole (no stem shared with "Verhandlungen")
        await expectHits('verhandelt', []);
        expect((await store.search('négociation')).hits[0].snippet).toContain('[[négociations]]');
        expect((await store.search('Verhandlung')).hits[0].snippet).toContain('[[Verhandlungen]]');
        // quoted: the words exactly as written
        await expectHits('"election"', []);
        await expectHits('"elections"', [en]);
        await expectHits('"négociations indirectes"', [fr]);
        await expectHits('"négociation indirecte"', []);
        // excluded by stem too; prefixes stay prefixes
        await expectHits('possibility -election', items.filter((i) => has(i, 'possibility') && !has(i, 'elections') && !has(i, 'election')));
        await expectHits('electio*', items.filter((i) => hasPrefix(i, 'electio')));
      });

      it('supports phrases, OR, NOT / -word, prefixes and groups', async () => {
        await seed();
        const all = items;
        await expectHits('"peace through strength"', all.filter((i) => foldForSearch(i.article.text).includes('peace through strength')));
        await expectHits('Blinken OR Guterres', all.filter((i) => has(i, 'Blinken') || has(i, 'Guterres')));
        await expectHits('Netanyahu -Trump', all.filter((i) => has(i, 'Netanyahu') && !has(i, 'Trump')));
        await expectHits('Netanyahu NOT Trump', all.filter((i) => has(i, 'Netanyahu') && !has(i, 'Trump')));
        await expectHits('gijzel*', all.filter((i) => hasPrefix(i, 'gijzel')));
        await expectHits('Gaza (Rafah OR Doha) -"Gaza Strip"', all.filter((i) => has(i, 'Gaza') && (has(i, 'Rafah') || has(i, 'Doha')) && !foldForSearch(i.article.text).includes('gaza strip')));
        await expectHits('Hamas Qatar', all.filter((i) => has(i, 'Hamas') && has(i, 'Qatar')));
        await expectHits('Hamas AND Qatar', all.filter((i) => has(i, 'Hamas') && has(i, 'Qatar')));
        // "cease-fire" is the phrase "cease fire"; lower-case "or" is an ordinary word.
        await expectHits('cease-fire', all.filter((i) => foldForSearch(i.article.text).includes('cease-fire')));
        await expectHits('Rafah or Doha', all.filter((i) => has(i, 'Rafah') && has(i, 'or') && has(i, 'Doha')));
      });

      it('treats engine syntax in user text as plain words', async () => {
        await seed();
        for (const q of ['title:Netanyahu', 'NEAR(Gaza Rafah)', 'Gaza^', "'; DROP TABLE articles; --", 'Gaza + Rafah', '{Gaza}', 'Gaza & Hamas']) {
          await expect(store.search(q), q).resolves.toHaveProperty('total');
        }
        expect((await store.stats()).articles).toBe(items.length);
        await expectHits('Gaza & Hamas', items.filter((i) => has(i, 'Gaza') && has(i, 'Hamas')));
      });

      it('counts facets over all matches, not just the page, and pages by rank', async () => {
        await seed();
        const matching = items.filter((i) => has(i, 'Gaza'));
        const r = await store.search('Gaza', { limit: 2 });
        expect(r.hits).toHaveLength(2);
        expect(r.total).toBe(matching.length);
        const count = (f: { value: string | null; count: number }[], v: string | null) => f.find((x) => x.value === v)?.count ?? 0;
        expect(count(r.facets.language, 'nl')).toBe(matching.filter((i) => i.article.language === 'nl').length);
        expect(r.facets.language.reduce((n, f) => n + f.count, 0)).toBe(matching.length);
        expect(count(r.facets.source, null)).toBe(matching.filter((i) => i.article.source === null).length);
        expect(count(r.facets.month, '2024-05')).toBe(matching.filter((i) => i.article.publishedAt?.startsWith('2024-05')).length);
        const months = r.facets.month.map((m) => m.value);
        expect(months).toEqual([...months].sort());

        const seen: string[] = [];
        for (let offset = 0; offset < matching.length; offset += 2) {
          const page = await store.search('Gaza', { limit: 2, offset });
          seen.push(...page.hits.map((h) => h.id));
        }
        expect(seen).toEqual((await store.search('Gaza', { limit: 100 })).hits.map((h) => h.id));
        expect([...seen].sort()).toEqual(ids(matching));

        const filtered = await store.search('Gaza', { source: 'The Epoch Times', from: '2024', to: '2024' });
        expect(filtered.hits.map((h) => h.id)).toEqual([items[4].article.id]);
        expect(filtered.facets.source).toEqual([{ value: 'The Epoch Times', count: 1 }]);
        expect((await store.search('Zanzibar')).total).toBe(0);
      });

      it('rejects malformed queries with a QueryError naming the problem and where it is', async () => {
        await seed();
        const cases: [string, RegExp, number][] = [
          ['"peace through', /unbalanced quote.*character 1/, 0],
          ['Gaza (Rafah OR Doha', /unbalanced parenthesis.*"\(" at character 6/, 5],
          ['Gaza Rafah)', /unbalanced parenthesis.*"\)" at character 11/, 10],
          ['Gaza OR', /"OR" at character 6 needs a word after it/, 5],
          ['OR Gaza', /"OR" at character 1 needs a word before it/, 0],
          ['Gaza NOT', /"NOT" at character 6 must be followed by a word/, 5],
          ['-Gaza', /only excludes/, 0],
          ['Gaza OR -Rafah', /cannot be one side of OR/, 8],
          ['', /empty/, 0],
          ['   ', /empty/, 0],
          ['!!! ??', /no word to search for/, 0],
          ['Gaza ()', /empty parentheses at character 6/, 5],
          ['Ga*za', /"\*" at character 3 is only allowed at the end of a word/, 2],
          ['Gaza ""', /phrase at character 6.*no word/, 5],
        ];
        for (const [q, message, position] of cases) {
          const err = await rejection(store.search(q));
          expect(err, q).toBeInstanceOf(QueryError);
          expect(err.message, q).toMatch(message);
          expect((err as QueryError).position, q).toBe(position);
          expect(err.message, q).not.toMatch(/sqlite|fts5|syntax error/i);
        }
      });
    });

    describe('change token', () => {
      // (That it stays the same while nothing is written is not asserted: a PostgreSQL server shared
      // with other tests changes its snapshot with their writes, which only costs a cache miss.)
      it('changes with every committed write (ingest, placing, re-analysis)', async () => {
        if (!store.changeToken) return;
        const t0 = await store.changeToken();
        await seed();
        const t1 = await store.changeToken();
        expect(t1).not.toBe(t0);
        await openCorpus(store).place(items.map((i) => i.article.id));
        const t2 = await store.changeToken();
        expect(t2).not.toBe(t1);
        await store.replaceAnalysis(items[0].article.id, { ...items[0].article, title: 'Changed' });
        expect(await store.changeToken()).not.toBe(t2);
      });
    });

    describe('raw inputs and re-analysis', () => {
      it('yields every raw input verbatim, in ingest order, while replaceAnalysis rewrites each article', async () => {
        await seed();
        const seen: string[] = [];
        for await (const { id, raw } of store.allRaw()) {
          seen.push(id);
          expect(raw).toEqual(byId(id).raw);
          const a = byId(id).article;
          await store.replaceAnalysis(id, { ...a, title: `Reanalysed ${a.title ?? 'untitled'}`, quotes: [], languageConfidence: 0.5 });
        }
        expect(seen).toEqual(items.map((i) => i.article.id));
        expect((await store.quotes()).total).toBe(0);
        expect((await store.search('Reanalysed')).total).toBe(items.length);
        const got = (await store.get(items[4].article.id))!;
        expect(got.title).toBe(`Reanalysed ${items[4].article.title}`);
        expect(got.quotes).toEqual([]);
        expect(got.times).toEqual(items[4].article.times);
        expect(got.languageConfidence).toBe(0.5);
        expect(got.analyzedAt >= got.ingestedAt).toBe(true);
        expect((await store.list({ ids: [got.id] })).items[0].counts.quotes).toBe(0);
      });

      it('keeps the search index and layer tables in step with a replaced text', async () => {
        await seed();
        const v = items[5].article;
        const text = v.text.replaceAll('coördinatie', 'samenwerking');
        const quote = 'Zonder betere samenwerking komt de hulp niet aan,';
        const start = text.indexOf(quote);
        const title = v.title!.replace('coördinatie', 'samenwerking');
        await store.replaceAnalysis(v.id, { ...v, title, text, quotes: [{ ...v.quotes[0], start, end: start + quote.length, text: quote }] });
        expect((await store.search('coordinatie')).total).toBe(0);
        expect((await store.search('samenwerking')).hits.map((h) => h.id)).toEqual([v.id]);
        const q = (await store.quotes({ articleId: v.id })).items[0];
        expect(text.slice(q.start, q.end)).toBe(q.text);
        expect(q.text).toBe(quote);
      });

      it('refuses to replace an unknown article or under a different id', async () => {
        await seed();
        const a = items[0].article;
        await expect(store.replaceAnalysis('0000000000000000', { ...a, id: '0000000000000000' })).rejects.toThrow(/no stored article/);
        await expect(store.replaceAnalysis(items[1].article.id, a)).rejects.toThrow(StoreInputError);
        expect(await store.get(items[1].article.id)).toMatchObject({ title: items[1].article.title });
      });
    });

    describe('layers across the corpus', () => {
      it('lists quotes with their article, evidence offsets and speaker; speaker matches ignore case and accents', async () => {
        await seed();
        const all = await store.quotes({ limit: 1000 });
        expect(all.total).toBe(items.reduce((n, i) => n + i.article.quotes.length, 0));
        for (const q of all.items) expect(byId(q.articleId).article.text.slice(q.start, q.end)).toBe(q.text);
        const dates = all.items.map((q) => q.publishedAt ?? '');
        expect(dates).toEqual([...dates].sort().reverse());

        const net = await store.quotes({ speaker: 'NETANYAHU' });
        expect(net.total).toBe(items.flatMap((i) => i.article.quotes).filter((q) => q.speaker?.name.includes('Netanyahu')).length);
        expect(new Set(net.items.map((q) => q.speakerName))).toEqual(new Set(['Benjamin Netanyahu']));

        const un = await store.quotes({ speaker: 'antonio guterres' });
        expect(un.items).toHaveLength(1);
        expect(un.items[0]).toMatchObject({
          articleId: items[5].article.id,
          title: items[5].article.title,
          source: 'handwritten variant',
          language: 'nl',
          publishedAt: '2025-06-03',
          kind: 'direct',
          speakerName: 'António Guterres',
          speakerEntity: 'e1',
          cue: 'zei',
          text: 'Zonder betere coördinatie komt de hulp niet aan,',
        });
        const cue = un.items[0];
        expect(items[5].article.text.slice(cue.cueStart, cue.cueEnd)).toBe('zei');

        expect((await store.quotes({ speaker: 'saar', language: 'en' })).total).toBe(0);
        expect((await store.quotes({ speaker: 'saar', articleId: items[2].article.id })).total).toBe(2);
        const p1 = await store.quotes({ limit: 4 });
        const p2 = await store.quotes({ limit: 4, offset: 4 });
        expect([...p1.items, ...p2.items]).toEqual(all.items.slice(0, 8));
      });

      it('gives each quote its attribution: finer kind, source as written, how the speaker was resolved, confidence, finder', async () => {
        await seed();
        const a = attributedArticle(items[0]);
        await store.replaceAnalysis(a.id, a);
        const rows = (await store.quotes({ articleId: a.id })).items;
        expect(rows).toMatchObject(attributedRows(a));
        expect(a.text.slice(rows[0].sourceStart, rows[0].sourceEnd)).toBe('Trump');
        // A fresh ingest writes them too.
        const other = items[2].article;
        const q = (await store.quotes({ articleId: other.id })).items[0];
        expect(q).toMatchObject({ attributionKind: null, sourceText: null, confidence: null, by: null });
      });

      it('lists figures filtered by what they count, ignoring case and accents', async () => {
        await seed();
        const g = await store.figures({ counts: 'GIJZELAARS' });
        expect(g.items.map((f) => f.text).sort()).toEqual(['18 gijzelaars', 'acht gijzelaars']);
        const killed = await store.figures({ counts: 'killed' });
        expect(killed.total).toBe(items.flatMap((i) => i.article.figures).filter((q) => q.counts?.includes('killed')).length);
        const big = (await store.figures({ counts: 'palestijnse doden' })).items[0];
        expect(big).toMatchObject({ value: 57500, qualifier: 'meer dan', unit: null, text: '57.500 Palestijnen', language: 'nl', countsKey: 'palestinians killed' });
        expect(big).not.toHaveProperty('valueMax');
        expect(items[2].article.text.slice(big.start, big.end)).toBe(big.text);
        expect(items[2].article.text.slice(big.qualifierStart, big.qualifierEnd)).toBe('meer dan');
        // The same thing counted in two languages, found by its key.
        const killed2 = await store.figures({ countsKey: 'palestinians killed' });
        expect(killed2.items.map((f) => [f.language, f.value])).toEqual([
          ['en', 66000],
          ['nl', 57500],
        ]);
        expect(killed2.items[0]).toMatchObject({ qualifier: 'More than', source: 'The Independent' });
        expect((await store.figures({ articleId: items[0].article.id })).total).toBe(3);
      });

      it('lists time expressions by ISO value prefix and granularity', async () => {
        await seed();
        const oct = await store.times({ value: '2023-10', limit: 100 });
        expect(oct.items.map((t) => t.text).sort()).toEqual(['October 7, 2023', 'Oct. 7, 2023', 'oktober 2023'].sort());
        const months = await store.times({ granularity: 'month' });
        expect(months.items.every((t) => t.granularity === 'month')).toBe(true);
        expect(months.items.map((t) => t.text)).toEqual(['oktober 2023', 'In november', 'early April']);
        expect(months.items[2]).toMatchObject({ value: '2024-04', mod: 'early', relative: true });
        const range = (await store.times({ value: '2025-06-01' })).items;
        expect(range).toHaveLength(1);
        expect(range[0]).toMatchObject({ text: 'Van 1 tot 5 juni', value: '2025-06-01', valueEnd: '2025-06-05', granularity: 'day' });
        expect(range[0]).not.toHaveProperty('mod');
        const rel = (await store.times({ value: '2025-07-07' })).items[0];
        expect(rel).toMatchObject({ text: 'on Monday', relative: true, granularity: 'day', articleId: items[0].article.id });
        const unresolved = (await store.times({ articleId: items[0].article.id })).items.find((t) => t.value === null)!;
        expect(unresolved.text).toBe('60-day');
        expect(unresolved).not.toHaveProperty('relative');
      });

      it('lists entity mentions; names match across languages without accents', async () => {
        await seed();
        const isr = await store.entityMentions({ name: 'israel', limit: 1000 });
        const langs = new Set(isr.items.map((m) => m.language));
        expect(langs).toEqual(new Set(['en', 'nl']));
        expect(new Set(isr.items.map((m) => m.name))).toEqual(new Set(['Israel', 'Israël']));
        for (const m of isr.items) expect(byId(m.articleId).article.text.slice(m.start, m.end)).toBe(m.text);
        const net = await store.entityMentions({ name: 'Netanyahu', type: 'PER', limit: 1000 });
        expect(net.total).toBe(items.flatMap((i) => i.article.entities).filter((e) => e.name === 'Benjamin Netanyahu').reduce((n, e) => n + e.mentions.length, 0));
        expect(net.items.every((m) => m.key === 'benjamin-netanyahu')).toBe(true);
        expect((await store.entityMentions({ type: 'LOC', language: 'nl' })).items.every((m) => m.name === 'Israël')).toBe(true);
      });
    });

    describe('entities', () => {
      it('lists the entities named in the same articles as one, by shared articles, with the edges among them', async () => {
        await seed();
        const c = (await openCorpus(store).entityCooccurrence('per:benjamin-netanyahu'))!;
        expect(c.key).toBe('per:benjamin-netanyahu');
        expect(c.total).toBe(4);
        // Israel: in 000 (en) and 002 (nl, "Israël"); the rest once each, then by articles and mentions overall.
        expect(c.items.map((i) => [i.key, i.sharedArticles])).toEqual([
          ['country:IL', 2],
          ['per:antony-blinken', 1],
          ['per:donald-trump', 1],
          ['per:gideon-saar', 1],
        ]);
        expect(c.items[0]).toMatchObject({ name: 'Israel', type: 'LOC', articleCount: 2 });
        expect(c.edges).toEqual([
          { a: 'country:IL', b: 'per:donald-trump', sharedArticles: 1 },
          { a: 'country:IL', b: 'per:gideon-saar', sharedArticles: 1 },
        ]);
        const page = (await openCorpus(store).entityCooccurrence('per:benjamin-netanyahu', { limit: 2, offset: 1 }))!;
        expect(page.total).toBe(4);
        expect(page.items.map((i) => i.key)).toEqual(['per:antony-blinken', 'per:donald-trump']);
        expect(page.edges).toEqual([]); // Blinken and Trump share no article
        expect(await openCorpus(store).entityCooccurrence('per:antonio-guterres')).toEqual({ key: 'per:antonio-guterres', total: 0, items: [], edges: [] });
        expect(await openCorpus(store).entityCooccurrence('per:nobody')).toBeNull();
        await expect(openCorpus(store).entityCooccurrence('per:benjamin-netanyahu', { limit: 0 })).rejects.toThrow(StoreInputError);
      });
    });

    it('reports statistics of what it holds', async () => {
      await seed();
      const s = await store.stats();
      expect(s.articles).toBe(items.length);
      expect(s.byLanguage).toEqual([
        { value: 'en', count: 4 },
        { value: 'nl', count: 2 },
      ]);
      expect(s.bySource).toEqual([
        { value: null, count: 3 },
        { value: 'The Epoch Times', count: 1 },
        { value: 'The Independent', count: 1 },
        { value: 'handwritten variant', count: 1 },
      ]);
      expect(s.dateRange).toEqual({ from: '2024-05-01', to: '2025-09-29T12:53:00Z' });
      expect(s.undated).toBe(0);
      const sum = (f: (i: IngestItem) => number) => items.reduce((n, i) => n + f(i), 0);
      expect(s.counts).toEqual({
        entities: sum((i) => i.article.entities.length),
        mentions: sum((i) => i.article.entities.reduce((n, e) => n + e.mentions.length, 0)),
        quotes: sum((i) => i.article.quotes.length),
        figures: sum((i) => i.article.figures.length),
        times: sum((i) => i.article.times.length),
      });
      expect(s.sizeBytes).toBeGreaterThan(0);
      expect(s.schemaVersion).toBeGreaterThanOrEqual(1);
    });

    it('counts the articles of each analysis version, and follows a re-analysis', async () => {
      const versioned = items.map((i, n) => ({ ...i, article: { ...i.article, analysisVersion: n < 2 ? '0.1.0+old' : '0.2.0+new' } }));
      await openCorpus(store).add(versioned);
      const expected = [
        { version: '0.2.0+new', articles: items.length - 2 },
        { version: '0.1.0+old', articles: 2 },
      ];
      expect((await store.stats()).analysisVersions).toEqual(expected);
      await store.replaceAnalysis(versioned[0].article.id, { ...versioned[0].article, analysisVersion: '0.2.0+new' });
      expect((await store.stats()).analysisVersions).toEqual([
        { version: '0.2.0+new', articles: items.length - 1 },
        { version: '0.1.0+old', articles: 1 },
      ]);
      const unversioned = undatedItem('fedcba9876543210'.repeat(4), 'An article analysed before versions were recorded.');
      delete unversioned.article.analysisVersion;
      await openCorpus(store).add([unversioned]);
      expect((await store.stats()).analysisVersions.at(-1)).toEqual({ version: null, articles: 1 });
    });

    it('refuses work after close', async () => {
      await store.close();
      await expect(store.list()).rejects.toThrow(/closed/);
      await store.close();
      store = await open(); // for afterEach
    });
  });
}

/**
 * Search past its bounds (`bounded` opens an empty store with facetSample 4 and rankedMatches 3):
 * the total stays exact, language/source/month counts are scaled from a sample (facetsFrom), and
 * the hits are ranked among the most recent matches only (rankedFrom).
 */
export function runSearchBounds(name: string, bounded: () => Promise<Store>): void {
  describe(`search bounds: ${name}`, () => {
    it('keeps the total exact, estimates the facets from a sample and ranks the most recent matches', async () => {
      const store = await bounded();
      try {
        const items = [...exampleItems(), coordinationItem(), ...otherLanguageItems()];
        await openCorpus(store).add(items);
        const matching = items.filter((i) => has(i, 'gaza'));
        expect(matching.length).toBeGreaterThan(4);
        const r = await store.search('gaza', { limit: 100 });
        expect(r.total).toBe(matching.length);
        expect(r.facetsFrom).toBeGreaterThan(0);
        expect(r.facetsFrom).toBeLessThan(r.total);
        const languages = new Set(matching.map((i) => i.article.language));
        for (const f of r.facets.language) expect(languages.has(f.value!)).toBe(true);
        const sum = r.facets.language.reduce((n, f) => n + f.count, 0);
        expect(Math.abs(sum - r.total)).toBeLessThanOrEqual(r.facets.language.length);
        expect(r.rankedFrom).toBe(3);
        expect(sorted(r.hits)).toEqual(ids(matching.slice(-3)));
        expect((await store.search('gaza', { offset: 3 })).hits).toEqual([]);
        expect(await store.search('gaza', { limit: 100 })).toEqual(r);
        // under the bounds: exact, as ever
        const few = await store.search('Guterres');
        expect(few.facetsFrom).toBeUndefined();
        expect(few.rankedFrom).toBeUndefined();
      } finally {
        await store.close();
      }
    });
  });
}
