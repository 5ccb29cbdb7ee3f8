// Hostile requests found by trying the server as an attacker would (issue 15): each is a client
// error with a clear message, never a 500, and never stored as something it is not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer, listeningMessage } from '../../src/server/app.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { Store } from '../../src/store/store.ts';

let store: Store;
let app: FastifyInstance;
beforeAll(async () => {
  store = openSqliteStore(':memory:');
  app = await buildServer(store, { upload: { bytes: 100_000, files: 3, articles: 5 }, analysisWorkers: 1 });
});
afterAll(async () => {
  await app.close();
  await store.close();
});

describe('hostile requests', () => {
  it('a NUL byte in a query parameter is a 400 naming it, not a 500', async () => {
    for (const url of ['/api/search?q=a%00b', '/api/articles?source=x%00', '/api/search?q=%00']) {
      const r = await app.inject({ url });
      expect(r.statusCode, url).toBe(400);
      expect(r.json().message).toMatch(/NUL/);
    }
  });

  it('a multipart body without a boundary is a 400', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/articles', payload: 'whatever', headers: { 'content-type': 'multipart/form-data' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toMatch(/boundary/i);
  });

  it('JSON fields of the wrong type are refused, not coerced ({"text": 5} is not the article "5")', async () => {
    const bodies = [
      { articles: [{ text: 5, title: ['x'] }] },
      { articles: [{ text: 'An article long enough to be one.', title: ['x'] }] },
      { articles: [{ text: ['An article'] }] },
      { articles: { text: 'An article' } },
      { text: 5, title: ['x'] },
    ];
    for (const payload of bodies) {
      const r = await app.inject({ method: 'POST', url: '/api/articles', payload });
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await store.stats()).articles).toBe(0);
  });

  it('a write from another scheme of the same host is refused (the Origin check compares scheme and host)', async () => {
    const payload = { articles: [{ text: 'Some text.' }] };
    for (const origin of ['https://localhost:80', 'ftp://localhost:80', 'http://localhost:8081']) {
      const r = await app.inject({ method: 'POST', url: '/api/articles', payload, headers: { origin, host: 'localhost:80' } });
      expect(r.statusCode, origin).toBe(403);
    }
    // the same scheme, host and port (the default port written or not) is this server
    for (const origin of ['http://localhost:80', 'http://localhost']) {
      const r = await app.inject({ method: 'POST', url: '/api/articles', payload, headers: { origin, host: 'localhost:80' } });
      expect(r.statusCode, origin).not.toBe(403);
    }
  });

  it('bound to every interface, the start-up message says so rather than naming 127.0.0.1', () => {
    expect(listeningMessage('0.0.0.0', 'http://127.0.0.1:8080')).toMatch(/all interfaces.*0\.0\.0\.0.*port 8080/);
    expect(listeningMessage('::', 'http://[::1]:8080')).toMatch(/all interfaces.*port 8080/);
    expect(listeningMessage('127.0.0.1', 'http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080/');
    expect(listeningMessage('192.168.1.5', 'http://192.168.1.5:9000')).toBe('http://192.168.1.5:9000/');
  });

  it('/api/docs is served with a Content-Security-Policy that forbids framing, like the UI', async () => {
    for (const url of ['/api/docs', '/api/docs/', '/api/docs/static/index.html']) {
      const r = await app.inject({ url });
      if (r.statusCode >= 300 && r.statusCode < 400) continue;
      expect(r.statusCode, url).toBe(200);
      const csp = String(r.headers['content-security-policy'] ?? '');
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("object-src 'none'");
      expect(csp, url).not.toMatch(/https:|upgrade-insecure-requests/);
    }
  });
});
