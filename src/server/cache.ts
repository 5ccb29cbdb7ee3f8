// A cache of the read routes' responses, keyed by URL and checked against the store's change token
// (Store.changeToken: it changes with every committed write, in this process or another), so a
// cached answer is never older than the last write. Popular pages — a storyline, an entity, the
// first page of a list, a common search — are computed once per change of the corpus instead of once
// per request. Bounded by entries and bytes, least recently used out first.
//
// An answer not in the cache is computed after the event loop's I/O phase that read its request,
// so that the server has seen the connections closed by clients that gave up waiting (their request
// and their close are read together from a backlog) before it starts their work: that work is
// skipped, and after a burst of impatient clients the server is free again at once.
//
// Requests for the same URL under the same token while its answer is being computed wait for that
// answer instead of computing it again (after a write, every waiting client of a popular page would
// otherwise compute it once each). If that computation fails or its client goes away before it is
// made, each waiting request computes its own.
//
// With `staleSeconds` (ServerOptions.staleSeconds, `dossier serve --stale-seconds`; off by default),
// an answer computed before the last write may still be served for up to that many seconds after
// the write — marked `x-dossier-cache: stale` — while one refresh per URL computes the new answer in
// the background (through the same route, app.inject). The bound is kept exactly: an answer computed
// under token T is served stale only while T was seen current at most staleSeconds ago. Every cached
// route's answer carries the change token it was computed under (`x-dossier-token`), and a request
// with `Cache-Control: no-cache` is never given a stale answer. Under a stream of writes (a CLI
// ingest beside the server) readers then do not wait for pages recomputed after every commit.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/store.ts';

/** The routes whose GET answers depend on the stored corpus only. */
const CACHED = /^\/api\/(articles|search|stories|entities|quotes|figures|times|mentions|stats)(\/|\?|$)/;
const MAX_ENTRIES = 2000;
const MAX_BYTES = 64 * 1024 * 1024;

interface Entry {
  token: string;
  body: string;
  type: string;
  /** When it was computed (performance.now()). */
  at: number;
}

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  /** The answer for `url` under `token`; one computed under another token is dropped, unless
   *  `keepStale` says it may still be served. */
  get(url: string, token: string, keepStale?: (e: Entry) => boolean): Entry | undefined {
    const e = this.entries.get(url);
    if (!e) return undefined;
    if (e.token !== token && !keepStale?.(e)) {
      this.delete(url, e);
      return undefined;
    }
    // Most recently used last.
    this.entries.delete(url);
    this.entries.set(url, e);
    return e;
  }

  set(url: string, e: Entry): void {
    const old = this.entries.get(url);
    if (old) this.delete(url, old);
    if (e.body.length > MAX_BYTES / 16) return;
    this.entries.set(url, e);
    this.bytes += e.body.length;
    while (this.entries.size > MAX_ENTRIES || this.bytes > MAX_BYTES) {
      const [k, v] = this.entries.entries().next().value!;
      this.delete(k, v);
    }
  }

  private delete(url: string, e: Entry): void {
    this.entries.delete(url);
    this.bytes -= e.body.length;
  }
}

const TOKEN = Symbol('dossier.cacheToken');
const FLIGHT = Symbol('dossier.cacheFlight');

/** One answer being computed, which other requests for the same URL and token wait for. */
interface Flight {
  key: string;
  settle: (e: Entry | undefined) => void;
}
type Tagged = FastifyRequest & { [TOKEN]?: string; [FLIGHT]?: Flight };

/** True when the client closed its connection: nobody will read the answer. */
function gone(req: FastifyRequest): boolean {
  const socket = req.raw.socket;
  return req.raw.destroyed || !socket || socket.destroyed;
}

export interface ResponseCacheOptions {
  /** Seconds after a write during which the answer from before it may still be served while a new
   *  one is computed (default 0: never). */
  staleSeconds?: number;
}

/** The header an internal refresh request carries (its value is this process's secret). */
const REFRESH_HEADER = 'x-dossier-refresh';

/** Serves the read routes from the cache while the store has not changed; fills it from their answers. */
export function registerResponseCache(app: FastifyInstance, store: Store, opts: ResponseCacheOptions = {}): void {
  const storeToken = store.changeToken?.bind(store);
  if (!storeToken) return;
  const staleMs = Math.max(0, (opts.staleSeconds ?? 0) * 1000);
  if (!Number.isFinite(staleMs)) throw new RangeError(`staleSeconds must be a finite number of seconds (got ${opts.staleSeconds})`);
  const cache = new ResponseCache();
  // When each recent token was last seen current: the writes after it happened after that moment.
  let current: string | undefined;
  let currentSeen = 0;
  const retired = new Map<string, number>();
  const changeToken = async () => {
    const token = await storeToken();
    const now = performance.now();
    if (token !== current) {
      if (current !== undefined && staleMs > 0) retired.set(current, currentSeen);
      current = token;
      for (const [t, seen] of retired) if (now - seen > staleMs) retired.delete(t);
    }
    currentSeen = now;
    return token;
  };
  /** An answer from before the last write that may still be served. */
  const servableStale = (e: Entry) => {
    const seen = retired.get(e.token);
    return seen !== undefined && performance.now() - seen <= staleMs;
  };
  const secret = randomUUID();
  const refreshing = new Set<string>();
  /** Computes `url` anew in the background, once at a time per URL (the answer fills the cache). */
  const refresh = (url: string) => {
    if (refreshing.has(url)) return;
    refreshing.add(url);
    app
      .inject({ method: 'GET', url, headers: { [REFRESH_HEADER]: secret } })
      .catch(() => undefined)
      .finally(() => refreshing.delete(url));
  };
  const flights = new Map<string, Promise<Entry | undefined>>();
  /** Ends the request's flight (once), handing waiters the answer or nothing. */
  const land = (req: Tagged, e: Entry | undefined) => {
    const f = req[FLIGHT];
    if (!f) return;
    req[FLIGHT] = undefined;
    flights.delete(f.key);
    f.settle(e);
  };
  app.addHook('onRequest', async (req: Tagged, reply: FastifyReply) => {
    if (req.method !== 'GET' || !CACHED.test(req.url)) return;
    const internal = req.headers[REFRESH_HEADER] === secret;
    // a stale answer is kept for the others while an internal refresh or a no-cache request computes
    const keep = staleMs > 0 ? servableStale : undefined;
    const mayServeStale = keep && !internal && !/\bno-cache\b/i.test(String(req.headers['cache-control'] ?? ''));
    const first = await changeToken();
    const hit = cache.get(req.url, first, keep);
    if (hit && (hit.token === first || mayServeStale)) {
      if (hit.token !== first) {
        // from before the last write, within the bound; the new answer is computed once, in the
        // background, when this one is half the bound old
        if (performance.now() - hit.at >= staleMs / 2) refresh(req.url);
        reply.header('x-dossier-cache', 'stale');
      } else reply.header('x-dossier-cache', 'hit');
      reply.header('content-type', hit.type).header('x-dossier-token', hit.token);
      return reply.send(hit.body);
    }
    await new Promise((resolve) => setImmediate(resolve));
    if (!internal && gone(req)) {
      reply.hijack();
      req.raw.destroy();
      return;
    }
    // Read after the wait: a write committed meanwhile is in the answer, stored under its token; and
    // the answer may have been computed for another client meanwhile.
    const token = await changeToken();
    const computed = cache.get(req.url, token, keep);
    if (computed?.token === token) {
      reply.header('content-type', computed.type).header('x-dossier-cache', 'hit').header('x-dossier-token', computed.token);
      return reply.send(computed.body);
    }
    const key = `${token}\u0000${req.url}`;
    const flight = flights.get(key);
    if (flight) {
      const shared = await flight;
      if (!internal && gone(req)) {
        reply.hijack();
        req.raw.destroy();
        return;
      }
      if (shared) {
        reply.header('content-type', shared.type).header('x-dossier-cache', 'shared').header('x-dossier-token', shared.token);
        return reply.send(shared.body);
      }
    } else {
      let settle!: (e: Entry | undefined) => void;
      flights.set(key, new Promise<Entry | undefined>((resolve) => (settle = resolve)));
      req[FLIGHT] = { key, settle };
      // however the request ends (answered, failed, or its client gone), its waiters go on
      reply.raw.once('close', () => land(req, undefined));
    }
    req[TOKEN] = token;
    reply.header('x-dossier-token', token);
  });
  app.addHook('onSend', async (req: Tagged, reply, payload) => {
    const token = req[TOKEN];
    if (token === undefined || reply.statusCode !== 200 || typeof payload !== 'string') {
      land(req, undefined);
      return payload;
    }
    req[TOKEN] = undefined;
    const entry = { token, body: payload, type: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'), at: performance.now() };
    cache.set(req.url, entry);
    land(req, entry);
    return payload;
  });
  app.addHook('onResponse', async (req: Tagged) => land(req, undefined));
}
