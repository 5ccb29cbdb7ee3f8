// The source routes: list, add (409 for a URL already followed), poll now against a local server,
// remove (the contract test checks every body against what its handler built).
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { Store } from '../../src/store/store.ts';
import { articlePage, serve, startWebServer, testClock, type WebServer } from '../helpers/web-server.ts';

const paragraphs = readFileSync(new URL('../../examples/002_74f363901181367a.txt', import.meta.url), 'utf8').split('\n').filter((l) => l.trim());
let web: WebServer;
let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  web = await startWebServer();
  web.route('/feed.xml', serve(`<rss><channel><title>Desk</title><item><title>One</title><link>${web.url('/a/1')}</link></item></channel></rss>`, 'application/rss+xml'));
  web.route('/a/1', serve(articlePage({ title: 'One', paragraphs }), 'text/html; charset=utf-8'));
  store = openSqliteStore(':memory:');
  app = await buildServer(store, { analysisWorkers: 1, fetch: { clock: testClock(), userAgent: 'Dossier/test' } });
});

afterAll(async () => {
  await app.close();
  await store.close();
  await web.close();
});

async function call(method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) {
  const r = await app.inject({ method, url, payload });
  return { status: r.statusCode, body: r.json() };
}

describe('source routes', () => {
  it('add, list, poll now, remove', async () => {
    const added = await call('POST', '/api/sources', { url: web.url('/feed.xml'), intervalSeconds: 600 });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ id: 1, url: web.url('/feed.xml'), kind: 'auto', name: null, intervalSeconds: 600, failures: 0, lastError: null, itemsSeen: 0 });
    expect((await call('POST', '/api/sources', { url: web.url('/feed.xml') })).status).toBe(409);
    expect((await call('POST', '/api/sources', { url: 'ftp://x.example/' })).body.message).toBe('not an http(s) URL: ftp://x.example/');
    expect((await call('POST', '/api/sources', { url: web.url('/x'), every: 5 })).status).toBe(400);

    const poll = await call('POST', '/api/sources/1/poll');
    expect(poll.status).toBe(200);
    expect(poll.body).toMatchObject({ ok: true, kind: 'feed', listed: 1, newItems: 1, stored: 1, failed: [] });
    const list = await call('GET', '/api/sources');
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ kind: 'feed', name: 'Desk', itemsSeen: 1, articlesAdded: 1 });
    expect((await call('POST', '/api/sources/9/poll')).status).toBe(404);

    const removed = await call('DELETE', '/api/sources/1');
    expect(removed.body.url).toBe(web.url('/feed.xml'));
    expect((await call('GET', '/api/sources')).body.items).toEqual([]);
    expect((await call('DELETE', '/api/sources/1')).status).toBe(404);
  }, 60_000);

  it('with watchSources, polls the sources when due while serving, and stops when closed', async () => {
    const own = openSqliteStore(':memory:');
    const watching = await buildServer(own, { analysisWorkers: 1, watchSources: true, fetch: { userAgent: 'Dossier/test', hostDelayMs: 0 } });
    try {
      const added = await watching.inject({ method: 'POST', url: '/api/sources', payload: { url: web.url('/feed.xml') } });
      expect(added.statusCode).toBe(201);
      await watching.ready();
      // a hang guard, not a speed goal: the loop polls at once, then sleeps until the next due time
      for (let i = 0; i < 600 && !(await own.sources.get(1))?.last_ok_at; i++) await new Promise((r) => setTimeout(r, 50));
      expect(await own.sources.get(1)).toMatchObject({ kind: 'feed', failures: 0, articles_added: 1 });
    } finally {
      await watching.close();
      await own.close();
    }
  }, 60_000);
});
