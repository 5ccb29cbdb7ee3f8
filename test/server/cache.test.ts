// The response cache of the read routes: a repeated read is served from it, and a write committed
// by another process (another connection to the same file) is seen by the next read.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { openCorpus } from '../../src/corpus/index.ts';
import { generatedItem } from '../../support/measure/generated-articles.ts';

const dir = mkdtempSync(join(tmpdir(), 'dossier-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('response cache', () => {
  it('serves a repeated read from the cache until another connection commits a write', async () => {
    const path = join(dir, 'cache.db');
    const server = openSqliteStore(path);
    const writer = openSqliteStore(path);
    const app = await buildServer(server);
    try {
      await openCorpus(writer).add([generatedItem(1), generatedItem(2)]);
      const first = await app.inject({ url: '/api/articles?limit=5' });
      expect(first.statusCode).toBe(200);
      expect(first.json().total).toBe(2);
      expect(first.headers['x-dossier-cache']).toBeUndefined();
      const again = await app.inject({ url: '/api/articles?limit=5' });
      expect(again.headers['x-dossier-cache']).toBe('hit');
      expect(again.body).toBe(first.body);
      expect(again.headers['content-type']).toMatch(/^application\/json/);

      await openCorpus(writer).add([generatedItem(3)]);
      const after = await app.inject({ url: '/api/articles?limit=5' });
      expect(after.headers['x-dossier-cache']).toBeUndefined();
      expect(after.json().total).toBe(3);

      // A write through the server's own connection changes the token too.
      await openCorpus(server).add([generatedItem(4)]);
      expect((await app.inject({ url: '/api/articles?limit=5' })).json().total).toBe(4);
      // Errors are not cached.
      expect((await app.inject({ url: '/api/search?q=%22' })).statusCode).toBe(400);
      expect((await app.inject({ url: '/api/search?q=%22' })).headers['x-dossier-cache']).toBeUndefined();
    } finally {
      await app.close();
      await server.close();
      await writer.close();
    }
  });
});

