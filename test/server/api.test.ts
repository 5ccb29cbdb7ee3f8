// The HTTP API over a store holding the examples, through Fastify's inject (no socket).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { ingestPaths } from '../../src/pipeline/ingest.ts';
import type { Store } from '../../src/store/store.ts';
import { exampleItems } from '../store/fixtures.ts';
import { openCorpus } from '../../src/corpus/index.ts';
import { SEED_EXAMPLES } from '../helpers/examples.ts';

let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  store = openSqliteStore(':memory:');
  await ingestPaths(store, SEED_EXAMPLES);
  app = await buildServer(store);
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const noStack = (body: string) => expect(body).not.toMatch(/at .*\.(ts|js):\d+|node_modules/);

describe('HTTP API', () => {
  it('lists the five example articles with title, language and date', async () => {
    const r = await app.inject({ url: '/api/articles' });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.total).toBe(5);
    const rows = body.items.map((a: { title: string | null; language: string; publishedAt: string | null }) => [a.title?.slice(0, 20) ?? null, a.language, a.publishedAt]);
    expect(rows).toContainEqual(['Trump officials fear', 'en', '2025-09-29']);
    expect(rows).toContainEqual(['Blinken Meets With N', 'en', '2024-05-01']);
    expect(rows).toContainEqual([null, 'nl', null]);
  });

  it('returns one article with its layers and removed noise, 404 for an unknown id', async () => {
    const list = (await app.inject({ url: '/api/articles?lang=nl' })).json();
    const r = await app.inject({ url: `/api/articles/${list.items[0].id}` });
    expect(r.statusCode).toBe(200);
    expect(r.json().text).toContain('Moeizame ronde in Doha');
    const missing = await app.inject({ url: '/api/articles/abcdef123456' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toMatch(/no article/);
  });

  it('searches across diacritics and answers a malformed query with a JSON 400', async () => {
    const ok = await app.inject({ url: '/api/search?q=Israel&lang=nl' });
    expect(ok.json().total).toBe(1);
    const bad = await app.inject({ url: '/api/search?q=%22cease-fire' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ statusCode: 400 });
    expect(bad.json().message).toMatch(/quote/);
    expect(bad.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('validates query parameters', async () => {
    const r = await app.inject({ url: '/api/articles?limit=abc' });
    expect(r.statusCode).toBe(400);
  });

  it('gives an article every layer field, the removed noise with reasons and where its date came from', async () => {
    const list = (await app.inject({ url: '/api/articles?from=2024-05&to=2024-05' })).json();
    expect(list.total).toBe(1);
    const a = (await app.inject({ url: `/api/articles/${list.items[0].id.slice(0, 8)}` })).json();
    expect(a.title).toMatch(/^Blinken Meets With Netanyahu/);
    expect(a.byline).toBe('Ryan Morgan');
    expect(a.publishedAtFrom).toBe('caption');
    for (const layer of ['sentences', 'headings', 'entities', 'quotes', 'figures', 'times', 'removed']) expect(Array.isArray(a[layer])).toBe(true);
    expect(a.sentences.length).toBeGreaterThan(10);
    expect(a.removed).toContainEqual({ text: 'Ryan Morgan', reason: 'byline' });
    expect(a.raw).toMatchObject({ file: expect.stringMatching(/004_ed9a467948e1cb24\.txt$/), format: 'txt' });
    for (const s of [...a.headings, ...a.quotes, ...a.figures, ...a.times]) expect(a.text.slice(s.start, s.end)).toBe(s.text);
  });

  it('pages every list and reports the page asked for', async () => {
    const first = (await app.inject({ url: '/api/articles?limit=2' })).json();
    const third = (await app.inject({ url: '/api/articles?limit=2&offset=4' })).json();
    expect([first.total, first.limit, first.offset, first.items.length]).toEqual([5, 2, 0, 2]);
    expect([third.offset, third.items.length]).toEqual([4, 1]);
    expect(third.items[0].id).not.toBe(first.items[0].id);
    const hits = (await app.inject({ url: '/api/search?q=Netanyahu&limit=1&offset=1' })).json();
    expect(hits).toMatchObject({ limit: 1, offset: 1 });
    expect(hits.hits).toHaveLength(1);
    expect(hits.total).toBeGreaterThan(1);
    for (const url of ['/api/articles?limit=501', '/api/articles?offset=-1', '/api/quotes?limit=0']) {
      expect((await app.inject({ url })).statusCode, url).toBe(400);
    }
  });

  it('gives each quote row its attribution: kind, cue, source as written, speaker linked by entity key, confidence', async () => {
    const all = (await app.inject({ url: '/api/quotes?limit=500' })).json();
    expect(all.total).toBeGreaterThan(30);
    const texts = new Map<string, string>();
    for (const q of all.items) {
      expect(['direct', 'indirect', 'mixed', 'belief']).toContain(q.attributionKind);
      expect(['rules', 'model']).toContain(q.by);
      expect(q.confidence).toBeGreaterThanOrEqual(0);
      expect(q.confidence).toBeLessThanOrEqual(1);
      if (!texts.has(q.articleId)) texts.set(q.articleId, (await app.inject({ url: `/api/articles/${q.articleId}` })).json().text);
      const text = texts.get(q.articleId)!;
      expect(text.slice(q.start, q.end)).toBe(q.text);
      if (q.cueStart !== undefined) expect(text.slice(q.cueStart, q.cueEnd)).toBe(q.cue);
      if (q.sourceStart !== undefined) expect(text.slice(q.sourceStart, q.sourceEnd)).toBe(q.sourceText);
    }
    // Speakers link by key: every key resolves to its entity page.
    const netanyahu = all.items.filter((q: { speakerName: string | null }) => q.speakerName === 'Benjamin Netanyahu');
    expect(netanyahu.length).toBeGreaterThan(3);
    const keys = new Set(netanyahu.map((q: { speakerKey: string | null }) => q.speakerKey));
    expect(keys.size).toBe(1);
    const [key] = keys as Set<string>;
    expect(key).toMatch(/netanyahu/);
    const entity = await app.inject({ url: `/api/entities/${encodeURIComponent(key)}` });
    expect(entity.statusCode).toBe(200);
    expect(entity.json().quotes.items.every((q: { speakerKey: string }) => q.speakerKey === key)).toBe(true);
    // The seeds hold reported speech as well as direct quotes.
    expect(all.items.some((q: { attributionKind: string }) => q.attributionKind !== 'direct')).toBe(true);
  });

  it('filters by several languages, and names an unknown parameter instead of ignoring it', async () => {
    const both = (await app.inject({ url: '/api/articles?lang=en&lang=nl' })).json();
    expect(both.total).toBe(5);
    const nl = (await app.inject({ url: '/api/articles?lang=nl' })).json();
    expect(nl.items.map((a: { language: string }) => a.language)).toEqual(['nl']);
    const unknown = await app.inject({ url: '/api/articles?language=nl' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toBe('querystring has an unknown parameter "language"');
    const badDate = await app.inject({ url: '/api/articles?from=May' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().message).toMatch(/querystring\/from must match pattern/);
  });

  it('answers search with snippets marking the match and facets by language, source and month', async () => {
    const r = (await app.inject({ url: '/api/search?q=Israel' })).json();
    expect(r.query).toBe('Israel');
    const nl = r.hits.find((h: { language: string }) => h.language === 'nl');
    expect(nl.snippet).toContain('[[Israël]]');
    expect(r.facets.language).toContainEqual({ value: 'nl', count: 1 });
    expect(r.facets.month.map((m: { value: string | null }) => m.value)).toContain('2024-05');
    expect(r.facets.source.reduce((n: number, f: { count: number }) => n + f.count, 0)).toBe(r.total);
    const missingQ = await app.inject({ url: '/api/search' });
    expect(missingQ.statusCode).toBe(400);
    expect(missingQ.json().message).toMatch(/q/);
  });

  it('never shows a stack trace: unknown routes and ids are JSON 404s', async () => {
    for (const url of ['/api/nothing', '/api/articles/0123456789abcdef']) {
      const r = await app.inject({ url });
      expect(r.statusCode).toBe(404);
      expect(r.headers['content-type']).toMatch(/application\/json/);
      expect(r.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
      noStack(r.body);
    }
    const badId = await app.inject({ url: '/api/articles/not-hex' });
    expect(badId.statusCode).toBe(400);
    noStack(badId.body);
  });

  it('tells the corpus overview and what the server offers', async () => {
    const stats = (await app.inject({ url: '/api/stats' })).json();
    expect(stats.articles).toBe(5);
    expect(stats.byLanguage).toEqual([
      { value: 'en', count: 4 },
      { value: 'nl', count: 1 },
    ]);
    // every article was analysed by this version: nothing to re-analyse
    expect(stats.currentAnalysisVersion).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
    expect(stats.analysisVersions).toEqual([{ version: stats.currentAnalysisVersion, articles: 5 }]);
    expect(stats.outdated).toBe(0);
    const info = (await app.inject({ url: '/api/info' })).json();
    expect(info).toMatchObject({ name: 'dossier', writeRequiresToken: false });
    expect(info.upload.bytes).toBeGreaterThan(1_000_000);
  });

  it('publishes an OpenAPI document of every route, with readable docs', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/articles', '/api/articles/{id}', '/api/search', '/api/quotes', '/api/figures', '/api/times', '/api/mentions', '/api/stats', '/api/reanalyze']) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    expect(Object.keys(doc.paths['/api/articles'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(doc.paths['/api/articles'].post.security).toEqual([{ bearer: [] }]);
    const params = doc.paths['/api/search'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['q', 'lang', 'source', 'from', 'to', 'limit', 'offset']));
    expect(doc.components.schemas).toHaveProperty('Article');
    const docs = await app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toMatch(/swagger/i);
    expect(docs.body).not.toMatch(/https?:\/\/(unpkg|cdn)/);
  });
});

describe('layer routes', () => {
  // The examples with hand-made layers (test/store/fixtures.ts): quotes, figures, dates and mentions
  // exist whatever the analysis steps produce today.
  let layered: Store;
  let api: FastifyInstance;
  beforeAll(async () => {
    layered = openSqliteStore(':memory:');
    await openCorpus(layered).add(exampleItems());
    api = await buildServer(layered);
  });
  afterAll(async () => {
    await api.close();
    await layered.close();
  });

  it('finds quotes by speaker with the article and the evidence offsets', async () => {
    const r = (await api.inject({ url: '/api/quotes?speaker=blinken' })).json();
    expect(r.total).toBe(1);
    expect(r.items[0]).toMatchObject({ text: 'extraordinarily generous', speakerName: 'Antony Blinken', speakerEntity: 'e1', kind: 'direct', source: 'The Epoch Times' });
    const article = (await api.inject({ url: `/api/articles/${r.items[0].articleId}` })).json();
    expect(article.text.slice(r.items[0].start, r.items[0].end)).toBe('extraordinarily generous');
    const byArticle = (await api.inject({ url: `/api/quotes?article=${r.items[0].articleId}` })).json();
    expect(byArticle.total).toBe(3);
  });

  it('lists figures by what they count, dates by value, mentions by name and type', async () => {
    const killed = (await api.inject({ url: '/api/figures?countsKey=palestinians%20killed' })).json();
    expect(killed.items.map((f: { value: number }) => f.value).sort()).toEqual([57500, 66000]);
    const dutch = (await api.inject({ url: '/api/figures?lang=nl&counts=gijzelaars' })).json();
    expect(dutch.items.map((f: { text: string }) => f.text)).toEqual(['acht gijzelaars', '18 gijzelaars']);
    const october = (await api.inject({ url: '/api/times?value=2023-10' })).json();
    expect(october.total).toBe(3);
    const people = (await api.inject({ url: '/api/mentions?name=netanyahu&type=PER&limit=500' })).json();
    expect(new Set(people.items.map((m: { articleId: string }) => m.articleId)).size).toBe(5);
    expect(people.items.every((m: { text: string }) => m.text === 'Netanyahu')).toBe(true);
    expect((await api.inject({ url: '/api/mentions?type=PERSON' })).statusCode).toBe(400);
  });
});
