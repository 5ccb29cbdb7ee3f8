// Who may write: loopback without a token (but not another site's page, nor a rebound hostname);
// off loopback only with the bearer token, and the server refuses to start without one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer, isLoopbackHost, UnsafeBindingError } from '../../src/server/app.ts';
import { tokensEqual } from '../../src/server/auth.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { Store } from '../../src/store/store.ts';

const upload = (headers: Record<string, string> = {}, text = 'A short note about aid convoys reaching Gaza on Monday.') => ({
  method: 'POST' as const,
  url: '/api/articles',
  headers,
  payload: { articles: [{ text }] },
});

let store: Store;
beforeAll(() => {
  store = openSqliteStore(':memory:');
});
afterAll(async () => {
  await store.close();
});

describe('binding', () => {
  it('knows loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', 'example.org', '128.0.0.1', 'localhost.example.org']) expect(isLoopbackHost(h), h).toBe(false);
  });

  it('refuses to serve off loopback without a token', async () => {
    await expect(buildServer(store, { host: '0.0.0.0' })).rejects.toBeInstanceOf(UnsafeBindingError);
    await expect(buildServer(store, { host: '192.168.1.10', token: '' })).rejects.toThrow(/DOSSIER_TOKEN/);
  });

  it('compares tokens by value', () => {
    expect(tokensEqual('s3cret-token', 's3cret-token')).toBe(true);
    expect(tokensEqual('s3cret-token', 's3cret-tokeN')).toBe(false);
    expect(tokensEqual('s3cret', 's3cret-token')).toBe(false);
  });
});

describe('off loopback, with a token', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildServer(store, { host: '0.0.0.0', token: 'correct horse battery staple' });
  });
  afterAll(async () => app.close());

  it('needs the bearer token for writes and leaves reads open', async () => {
    const none = await app.inject(upload({ host: 'dossier.example.org' }));
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    const wrong = await app.inject(upload({ host: 'dossier.example.org', authorization: 'Bearer correct horse battery' }));
    expect(wrong.statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/reanalyze', headers: { host: 'dossier.example.org' } })).statusCode).toBe(401);
    const right = await app.inject(upload({ host: 'dossier.example.org', authorization: 'Bearer correct horse battery staple' }));
    expect(right.statusCode).toBe(201);
    const read = await app.inject({ url: '/api/articles', headers: { host: 'dossier.example.org' } });
    expect(read.statusCode).toBe(200);
    expect((await app.inject({ url: '/api/info' })).json().writeRequiresToken).toBe(true);
  });
});

describe('on loopback, without a token', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildServer(store, { host: '127.0.0.1' });
  });
  afterAll(async () => app.close());

  it('accepts writes from this machine and from its own pages', async () => {
    expect((await app.inject(upload({ host: '127.0.0.1:8080' }, 'First loopback note on hostages.'))).statusCode).toBe(201);
    expect((await app.inject(upload({ host: 'localhost:8080', origin: 'http://localhost:8080' }, 'Second loopback note on hostages.'))).statusCode).toBe(201);
  });

  it('refuses writes posted by another site, or addressed to another hostname (DNS rebinding)', async () => {
    const csrf = await app.inject(upload({ host: '127.0.0.1:8080', origin: 'https://evil.example' }));
    expect(csrf.statusCode).toBe(403);
    expect(csrf.json().message).toMatch(/another site/);
    const rebound = await app.inject(upload({ host: 'evil.example:8080' }));
    expect(rebound.statusCode).toBe(403);
    expect(rebound.json().message).toMatch(/localhost/);
    expect((await app.inject(upload({ host: '127.0.0.1:8080', origin: 'null' }))).statusCode).toBe(403);
  });
});
