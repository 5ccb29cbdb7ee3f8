// The HTTP API over a store holding the examples, through Fastify's inject (no socket).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import type { Store } from '../../src/store/store.ts';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  store = openSqliteStore(':memory:');
  await ingestPaths(store, [EXAMPLES]);
  app = await buildServer(store);
});
afterAll(async () => {
  await app.close();
  await store.close();
});

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

  it('serves the web page, which renders article text as text only', async () => {
    const page = await app.inject({ url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Dossier</title>');
    const js = await app.inject({ url: '/app.js' });
    expect(js.body).not.toMatch(/innerHTML|insertAdjacentHTML|outerHTML/);
  });
});
