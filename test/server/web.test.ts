// Serving the web UI: index.html for every page URL (with a strict CSP), hashed assets cached for
// good, a clear message when the UI was not built, and a UI source that never parses HTML.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { Store } from '../../src/store/store.ts';

// A stand-in for dist/web/ (the real build is served in test/e2e).
const FIXTURE = fileURLToPath(new URL('./fixtures/web/', import.meta.url));
const WEB_SRC = fileURLToPath(new URL('../../web/src/', import.meta.url));

let store: Store;
let app: FastifyInstance;
beforeAll(async () => {
  store = openSqliteStore(':memory:');
  app = await buildServer(store, { webRoot: FIXTURE });
});
afterAll(async () => {
  await app.close();
  await store.close();
});

describe('web UI serving', () => {
  it('serves the page on / with a strict Content-Security-Policy', async () => {
    const page = await app.inject({ url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Dossier</title>');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers every page URL with the page, so shared links open', async () => {
    for (const url of ['/articles/1228e33355ceb00e', '/search?q=Israel&lang=nl', '/quotes']) {
      const r = await app.inject({ url, headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(r.statusCode, url).toBe(200);
      expect(r.body).toContain('<title>Dossier</title>');
    }
  });

  it('caches hashed assets for good and 404s missing files and API routes as JSON', async () => {
    const js = await app.inject({ url: '/assets/app-0123abcd.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['cache-control']).toMatch(/immutable/);
    for (const url of ['/assets/missing-1234.js', '/api/unknown']) {
      const r = await app.inject({ url, headers: { accept: 'text/html' } });
      expect(r.statusCode, url).toBe(404);
      expect(r.json().statusCode).toBe(404);
    }
  });

  it('says clearly on / when the UI has not been built, while the API keeps working', async () => {
    const bare = await buildServer(store, { webRoot: join(FIXTURE, 'not-built') });
    try {
      const page = await bare.inject({ url: '/' });
      expect(page.statusCode).toBe(503);
      expect(page.body).toContain('The web UI has not been built');
      expect(page.body).toContain('npm run build:web');
      expect((await bare.inject({ url: '/search?q=x', headers: { accept: 'text/html' } })).statusCode).toBe(503);
      expect((await bare.inject({ url: '/api/stats' })).statusCode).toBe(200);
    } finally {
      await bare.close();
    }
  });
});

describe('web UI source', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));

  it('never turns strings into HTML (article text is untrusted)', () => {
    const sources = files(WEB_SRC).filter((f) => f.endsWith('.ts'));
    expect(sources.length).toBeGreaterThan(10);
    for (const f of sources) {
      const code = readFileSync(f, 'utf8');
      expect(code, f).not.toMatch(/\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser|setHTMLUnsafe|parseHTMLUnsafe|\beval\(|new Function\(/);
    }
  });
});
