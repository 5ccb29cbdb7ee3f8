// The response schemas (src/api) against what the handlers build: fast-json-stringify writes only
// the properties a schema declares, and writes a null where a schema does not allow one as "" or 0,
// so a field missing from a schema, or a nullable field declared non-null, would silently change
// the JSON. Every route of the API is called over the example corpus (with its entity layers, its
// stories, and an upload and a re-analysis), and each body must equal the object its handler
// returned, as plain JSON.stringify writes it. Two corpora: the hand-built entity layers placed in
// stories (fixtures/story-corpus.ts, with an ambiguous name), and examples/ as `dossier ingest` stores
// them (a nationality). The OpenAPI document lists the routes that must be covered.
import { describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { openCorpus } from '../../src/corpus/index.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { entityCorpus } from './fixtures/entity-corpus.ts';
import { ingestedExamples } from './fixtures/story-corpus.ts';
import { serveForTests, type TestServer } from './serve.ts';
import { startWebServer } from '../helpers/web-server.ts';

const handBuilt = serveForTests(async () => {
  const store = openSqliteStore(':memory:');
  const corpus = openCorpus(store);
  const r = await corpus.add((await entityCorpus()).all);
  await corpus.place(r.insertedIds);
  return store;
});
const ingested = serveForTests(async () => (await ingestedExamples()).store);

/** What the handler of the request in hand returned, as plain JSON. */
let built: unknown[] = [];
/** The routes requested: "GET /api/articles/:id". */
const requested = new Set<string>();
const watching = new Set<FastifyInstance>();

/** Sends a request and checks that its JSON body is exactly what its handler built; the body. */
async function call(server: TestServer, opts: InjectOptions & { url: string }, status = 200): Promise<any> {
  const app = server.app;
  if (!watching.has(app)) {
    watching.add(app);
    app.addHook('preSerialization', async (req, _reply, payload) => {
      requested.add(`${req.method} ${req.routeOptions.url}`);
      built.push(JSON.parse(JSON.stringify(payload)));
      return payload;
    });
  }
  built = [];
  const r = await app.inject(opts);
  expect(r.statusCode, `${opts.method ?? 'GET'} ${opts.url}: ${r.body.slice(0, 300)}`).toBe(status);
  expect(built, `${opts.url}: one payload`).toHaveLength(1);
  expect(r.json(), `${opts.url}: the JSON differs from what the handler built`).toEqual(built[0]);
  return r.json();
}


describe.each([
  ['hand-built entity layers placed in stories', handBuilt],
  ['examples/ as ingest stores them', ingested],
])('every route answers exactly what its handler built: %s', (_name, server) => {
  const get = (url: string, status = 200) => call(server, { url }, status);

  it('corpus overview and server info', async () => {
    await get('/api/stats');
    await get('/api/info');
    await get('/api/reanalyze');
    // a SQLite corpus has no job queue (the PostgreSQL queue's answer is checked in test/queue)
    expect((await get('/api/queue')).available).toBe(false);
  });

  it('articles, one by one with their layers and entity links', async () => {
    const list = await get('/api/articles?limit=500');
    expect(list.items.length).toBeGreaterThanOrEqual(5);
    for (const a of list.items) {
      const doc = await get(`/api/articles/${a.id}`);
      expect(doc.entities.length + doc.quotes.length + doc.figures.length + doc.times.length).toBeGreaterThan(0);
      await get(`/api/articles/${a.id}/entities?limit=500`);
    }
    await get('/api/articles?lang=nl&from=2024&to=2026-12');
    await get('/api/articles/abcdef123456', 404);
  });

  it('search with facets', async () => {
    const r = await get('/api/search?q=Israel');
    expect(r.facets.entity.length).toBeGreaterThan(0);
    await get('/api/search?q=the&limit=500');
    await get('/api/search?q=%22cease-fire', 400);
  });

  it('layer rows across the corpus', async () => {
    for (const layer of ['quotes', 'figures', 'times', 'mentions']) {
      const r = await get(`/api/${layer}?limit=500`);
      expect(r.items.length).toBe(r.total);
    }
    await get('/api/times?limit=abc', 400);
  });

  it('entities: list, detail, co-occurrence, explanation, timeline, and the 409 of an ambiguous name', async () => {
    const list = await get('/api/entities?limit=500');
    if (server === ingested) expect(list.items.some((e: { nationalityOf?: unknown }) => e.nationalityOf)).toBe(true);
    for (const e of list.items) {
      const key = encodeURIComponent(e.key);
      await get(`/api/entities/${key}?mentionsLimit=500&quotesLimit=500`);
      await get(`/api/entities/${key}/cooccurrence?limit=500`);
      await get(`/api/entities/${key}/explain?limit=500`);
      await get(`/api/entities/${key}/timeline?limit=500`);
    }
    if (server === handBuilt) {
      await get('/api/entities/Miller', 409);
      await get('/api/entities/Miller/timeline', 409);
    }
    await get('/api/entities/nobody-at-all', 404);
  });

  it('stories: list, each storyline and event, its timeline and comparison', async () => {
    const list = await get('/api/stories?limit=100');
    expect(list.items.length).toBeGreaterThan(0);
    const ids = list.items.flatMap((s: { id: string; events: { id: string }[] }) => [s.id, ...s.events.map((e) => e.id)]);
    for (const id of ids) {
      await get(`/api/stories/${id}`);
      await get(`/api/stories/${id}/timeline?limit=500`);
      await get(`/api/stories/${id}/compare`);
    }
    await get('/api/stories/s-ffffffffffff', 404);
  });

  it('upload and re-analysis', async () => {
    const articles = [{ text: 'Hamas said on Monday that 57 hostages were released in Gaza.', title: 'Hostages', source: 'Test Wire', publishedAt: '2025-10-13' }];
    const inserted = await call(server, { method: 'POST', url: '/api/articles', payload: { articles } }, 201);
    await call(server, { method: 'POST', url: '/api/articles', payload: { articles } }, 200);
    await call(server, { method: 'POST', url: '/api/articles', payload: { articles: [{ title: 'no text' }] } }, 400);
    await call(server, { method: 'POST', url: '/api/reanalyze', payload: { ids: [inserted.articles[0].id] } }, 202);
    while ((await get('/api/reanalyze')).state === 'running') await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await get('/api/reanalyze')).state).toBe('done');
  });

  it('sources: add, list, poll (a feed that is gone, on a local server), remove', async () => {
    const web = await startWebServer();
    try {
      const added = await call(server, { method: 'POST', url: '/api/sources', payload: { url: web.url('/gone.xml'), name: 'Gone' } }, 201);
      await call(server, { method: 'POST', url: '/api/sources', payload: { url: web.url('/gone.xml') } }, 409);
      const polled = await call(server, { method: 'POST', url: `/api/sources/${added.id}/poll` });
      expect(polled).toMatchObject({ ok: false, error: 'HTTP 404 Not Found' });
      expect((await get('/api/sources')).items[0]).toMatchObject({ failures: 1, lastError: 'HTTP 404 Not Found' });
      await call(server, { method: 'DELETE', url: `/api/sources/${added.id}` });
      await call(server, { method: 'DELETE', url: `/api/sources/${added.id}` }, 404);
    } finally {
      await web.close();
    }
  });
});

it('covers every route of the OpenAPI document', async () => {
  const doc = (await handBuilt.app.inject({ url: '/api/openapi.json' })).json();
  const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  );
  expect(routes.length).toBeGreaterThan(20);
  expect(routes.filter((r) => !requested.has(r))).toEqual([]);
  });
