// The server the route tests talk to: a Dossier server over a store, answering through Fastify's
// inject (no socket), built before a test file's tests and closed with its store after them.
import { afterAll, beforeAll, expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app.ts';
import type { Store } from '../../src/store/store.ts';

/** GET through inject: the status asked for, a JSON body, no stack trace or source path in it; the parsed body. */
export async function getJson<T = any>(app: FastifyInstance, url: string, status = 200): Promise<T> {
  const r = await app.inject({ url });
  expect(r.statusCode, `${url}: ${r.body.slice(0, 300)}`).toBe(status);
  expect(r.headers['content-type']).toMatch(/^application\/json/);
  expect(r.body).not.toMatch(/at .*\.(ts|js):\d+|node_modules/);
  return r.json() as T;
}

export interface TestServer {
  readonly app: FastifyInstance;
  readonly store: Store;
  /** `getJson` on this server. */
  get<T = any>(url: string, status?: number): Promise<T>;
}

/** Registers the file's beforeAll (a server over the store `open` gives) and afterAll (closes both). */
export function serveForTests(open: () => Promise<Store>): TestServer {
  let store: Store | undefined;
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    store = await open();
    app = await buildServer(store);
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });
  const ready = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('the test server is built in beforeAll');
    return x;
  };
  const server: TestServer = {
    get app() {
      return ready(app);
    },
    get store() {
      return ready(store);
    },
    get: (url, status) => getJson(server.app, url, status),
  };
  return server;
}
