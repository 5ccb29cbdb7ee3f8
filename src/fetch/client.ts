// The polite HTTP client every fetch of Dossier goes through: a clear User-Agent, robots.txt
// honoured on every hop, one request at a time per host with a delay between them, conditional
// GET, a timeout, a size cap, at most `maxRedirects` redirects (a loop is named as one), and
// retries with exponential backoff for what may pass (timeouts, network errors, 5xx, 408, 429).
import { systemClock, type Clock } from './clock.ts';
import { FetchError } from './errors.ts';
import { httpHop, type FetchFn } from './http.ts';
import { HostGate } from './politeness.ts';
import { RobotsCache } from './robots.ts';
import { userAgent } from './user-agent.ts';

export interface FetcherOptions {
  userAgent?: string;
  /** Per request, body included (default 20 s). */
  timeoutMs?: number;
  /** Largest body read (default 10 MiB). */
  maxBytes?: number;
  /** Redirects followed per fetch (default 5). */
  maxRedirects?: number;
  /** Between two requests to one host (default 1 s; a larger robots.txt Crawl-delay wins). */
  hostDelayMs?: number;
  /** Requests at a time per host (default 1). */
  hostConcurrency?: number;
  /** Attempts after the first, for failures that may pass (default 2). */
  retries?: number;
  /** Wait before the first retry; doubled for each next one (default 2 s). */
  backoffMs?: number;
  /** Honour robots.txt (default true). */
  robots?: boolean;
  clock?: Clock;
  fetch?: FetchFn;
}

export const FETCH_DEFAULTS = {
  timeoutMs: 20_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  hostDelayMs: 1000,
  hostConcurrency: 1,
  retries: 2,
  backoffMs: 2000,
} as const;

export interface GetOptions {
  /** Validators of the copy we have: the answer may be 304 Not Modified. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  maxBytes?: number;
}

export interface FetchResult {
  /** The URL asked for. */
  url: string;
  /** The URL answered, after redirects. */
  finalUrl: string;
  status: number;
  /** 304: the copy we have is current; `body` is empty. */
  notModified: boolean;
  body: Buffer;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Attempts made (1 when the first one answered). */
  attempts: number;
}

/** Retry-After longer than this is not waited for within one fetch (the schedule retries later). */
const MAX_RETRY_AFTER_MS = 60_000;
const ROBOTS_MAX_BYTES = 512 * 1024;

export class Fetcher {
  readonly userAgent: string;
  readonly clock: Clock;
  private readonly o: Required<Omit<FetcherOptions, 'clock' | 'fetch' | 'userAgent'>>;
  private readonly gate: HostGate;
  private readonly robots: RobotsCache;
  private readonly fetchFn: FetchFn;

  constructor(opts: FetcherOptions = {}) {
    this.userAgent = opts.userAgent ?? userAgent();
    this.clock = opts.clock ?? systemClock;
    this.fetchFn = opts.fetch ?? fetch;
    this.o = {
      timeoutMs: opts.timeoutMs ?? FETCH_DEFAULTS.timeoutMs,
      maxBytes: opts.maxBytes ?? FETCH_DEFAULTS.maxBytes,
      maxRedirects: opts.maxRedirects ?? FETCH_DEFAULTS.maxRedirects,
      hostDelayMs: opts.hostDelayMs ?? FETCH_DEFAULTS.hostDelayMs,
      hostConcurrency: opts.hostConcurrency ?? FETCH_DEFAULTS.hostConcurrency,
      retries: opts.retries ?? FETCH_DEFAULTS.retries,
      backoffMs: opts.backoffMs ?? FETCH_DEFAULTS.backoffMs,
      robots: opts.robots ?? true,
    };
    for (const [k, v] of Object.entries(this.o)) {
      if (typeof v === 'number' && (!Number.isFinite(v) || v < 0)) throw new RangeError(`fetch option ${k} must be a number ≥ 0 (got ${v})`);
    }
    if (this.o.hostConcurrency < 1) throw new RangeError('fetch option hostConcurrency must be at least 1');
    this.gate = new HostGate(this.clock, { delayMs: this.o.hostDelayMs, concurrency: this.o.hostConcurrency });
    this.robots = new RobotsCache((u) => this.fetchRobots(u), this.clock);
  }

  /** GETs `url`, retrying what may pass; throws FetchError naming why it failed. */
  async get(url: string, opts: GetOptions = {}): Promise<FetchResult> {
    let attempt = 0;
    for (;;) {
      attempt++;
      try {
        return { ...(await this.once(url, opts)), attempts: attempt };
      } catch (e) {
        if (!(e instanceof FetchError) || !e.retryable || attempt > this.o.retries) {
          if (e instanceof FetchError && attempt > 1) e.message += ` (after ${attempt} attempts)`;
          throw e;
        }
        const backoff = this.o.backoffMs * 2 ** (attempt - 1);
        const wait = e.retryAfter !== undefined ? Math.max(backoff, Math.min(e.retryAfter * 1000, MAX_RETRY_AFTER_MS)) : backoff;
        await this.clock.sleep(wait);
      }
    }
  }

  private async once(url: string, opts: GetOptions): Promise<Omit<FetchResult, 'attempts'>> {
    const headers: Record<string, string> = { 'user-agent': this.userAgent, accept: opts.accept ?? '*/*', 'accept-encoding': 'gzip, deflate, br' };
    if (opts.etag) headers['if-none-match'] = opts.etag;
    if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
    const seen = new Set<string>();
    let current = checkUrl(url);
    for (let hops = 0; ; hops++) {
      seen.add(current);
      const hopUrl = current;
      const result = await this.politely(hopUrl, () =>
        httpHop({ url: hopUrl, headers, timeoutMs: this.o.timeoutMs, maxBytes: opts.maxBytes ?? this.o.maxBytes }, this.fetchFn),
      );
      if (result.kind === 'redirect') {
        const next = checkUrl(result.location, url);
        if (seen.has(next)) throw new FetchError(url, 'redirect-loop', `redirect loop: ${[...seen, next].join(' -> ')}`, false, result.status);
        if (hops + 1 > this.o.maxRedirects) throw new FetchError(url, 'too-many-redirects', `more than ${this.o.maxRedirects} redirects (last to ${next})`, false, result.status);
        current = next;
        continue;
      }
      const { status, headers: h, body } = result;
      const base = { url, finalUrl: hopUrl, status, contentType: h.get('content-type'), etag: h.get('etag'), lastModified: h.get('last-modified') };
      if (status === 304) return { ...base, notModified: true, body: Buffer.alloc(0) };
      if (status >= 200 && status < 300) return { ...base, notModified: false, body };
      const retryable = status >= 500 || status === 408 || status === 429;
      const after = retryAfterSeconds(h.get('retry-after'), this.clock.now());
      throw new FetchError(url, 'http', `HTTP ${status}${statusText(status)}${hopUrl !== url ? ` from ${hopUrl}` : ''}`, retryable, status, after);
    }
  }

  /** One hop through the host's gate, once robots.txt allows it. */
  private async politely<T>(url: string, fn: () => Promise<T>): Promise<T> {
    let delay = this.o.hostDelayMs;
    if (this.o.robots) {
      const rules = await this.robots.rules(url);
      if (!rules.allowed(url)) {
        if (rules.unreachable) throw new FetchError(url, 'robots-unreachable', `not fetched: ${rules.unreachable}`, false);
        throw new FetchError(url, 'robots', `robots.txt of ${new URL(url).host} forbids fetching ${new URL(url).pathname}`, false);
      }
      if (rules.crawlDelayMs !== undefined) delay = Math.max(delay, rules.crawlDelayMs);
    }
    return this.gate.run(new URL(url).host, fn, delay);
  }

  private async fetchRobots(url: string): Promise<{ status: number; text: string }> {
    const headers = { 'user-agent': this.userAgent, accept: 'text/plain' };
    let current = url;
    for (let hops = 0; hops <= 5; hops++) {
      const hopUrl = current;
      const r = await this.gate.run(new URL(hopUrl).host, () => httpHop({ url: hopUrl, headers, timeoutMs: this.o.timeoutMs, maxBytes: ROBOTS_MAX_BYTES }, this.fetchFn));
      if (r.kind === 'response') return { status: r.status, text: r.body.toString('utf8') };
      current = r.location;
    }
    return { status: 404, text: '' }; // RFC 9309: more than five redirects, robots.txt counts as unavailable
  }
}

function checkUrl(u: string, from?: string): string {
  let url: URL;
  try {
    url = new URL(u);
  } catch {
    throw new FetchError(from ?? u, 'bad-url', `not a URL: ${u.slice(0, 200)}`, false);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(from ?? u, 'bad-url', `only http and https URLs are fetched (got ${url.protocol}${from ? ` from a redirect of ${from}` : ''})`, false);
  url.hash = '';
  return url.href;
}

function retryAfterSeconds(v: string | null, now: number): number | undefined {
  if (!v) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim());
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, (t - now) / 1000);
}

function statusText(status: number): string {
  const names: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 410: 'Gone', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };
  return names[status] ? ` ${names[status]}` : '';
}
