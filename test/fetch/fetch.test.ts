// The polite client against a local server: User-Agent, conditional GET, robots.txt, one request at
// a time per host with a delay, timeouts, retries with backoff, redirect loops, size caps, charsets.
import { gzipSync } from 'node:zlib';
import iconvLite from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBody, Fetcher, FetchError } from '../../src/fetch/index.ts';
import { serve, startWebServer, testClock, type WebServer } from '../helpers/web-server.ts';

const encode = (iconvLite as unknown as { encode(s: string, charset: string): Buffer }).encode;

let web: WebServer;
let flaky = 0;

beforeAll(async () => {
  web = await startWebServer({
    '/robots.txt': serve('User-agent: OtherBot\nDisallow: /\n\nUser-agent: *\nDisallow: /private/\n', 'text/plain'),
    '/page': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"v1"', 'last-modified': 'Sun, 01 Mar 2026 07:00:00 GMT' });
      res.end('<p>Ceasefire talks resume in Doha</p>');
    },
    '/private/page': serve('secret', 'text/plain'),
    '/slow': () => {
      // never answers: the client's timeout ends it
    },
    '/flaky': (_req, res) => {
      flaky++;
      if (flaky === 1) {
        res.writeHead(500);
        res.end('try later');
      } else {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('back');
      }
    },
    '/always-503': (_req, res) => {
      res.writeHead(503, { 'retry-after': '3' });
      res.end();
    },
    '/gone': (_req, res) => {
      res.writeHead(404);
      res.end();
    },
    '/loop-a': (_req, res) => {
      res.writeHead(302, { location: '/loop-b' });
      res.end();
    },
    '/loop-b': (_req, res) => {
      res.writeHead(301, { location: '/loop-a' });
      res.end();
    },
    '/moved': (_req, res) => {
      res.writeHead(301, { location: '/page' });
      res.end();
    },
    '/huge-stream': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const more = () => {
        while (sent < 200 && !res.destroyed) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end();
      };
      more();
    },
    '/bomb.txt': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
      res.end(gzipSync(Buffer.alloc(20 * 1024 * 1024, 'a')));
    },
    '/huge-declared': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(50 * 1024 * 1024) });
      res.write('x');
    },
  });
});

afterAll(() => web.close());

function fetcher(extra: ConstructorParameters<typeof Fetcher>[0] = {}) {
  const clock = testClock();
  return { clock, f: new Fetcher({ userAgent: 'Dossier/0.1.0 (+mailto:desk@example.org)', clock, hostDelayMs: 1000, backoffMs: 500, timeoutMs: 5000, ...extra }) };
}

async function failure(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FetchError) return e;
    throw e;
  }
  throw new Error('expected a FetchError');
}

describe('Fetcher', () => {
  it('sends its User-Agent and answers a conditional GET with 304 as not modified', async () => {
    const { f } = fetcher();
    const first = await f.get(web.url('/page'));
    expect(first.status).toBe(200);
    expect(first.body.toString()).toContain('Ceasefire');
    expect(first.etag).toBe('"v1"');
    expect(first.lastModified).toBe('Sun, 01 Mar 2026 07:00:00 GMT');
    const again = await f.get(web.url('/page'), { etag: first.etag, lastModified: first.lastModified });
    expect(again.notModified).toBe(true);
    expect(again.body.length).toBe(0);
    const sent = web.requests.filter((r) => r.path === '/page').at(-1)!;
    expect(sent.headers['user-agent']).toBe('Dossier/0.1.0 (+mailto:desk@example.org)');
    expect(sent.headers['if-none-match']).toBe('"v1"');
    expect(sent.headers['if-modified-since']).toBe('Sun, 01 Mar 2026 07:00:00 GMT');
  });

  it('honours robots.txt (the group for every agent, not the group of another bot), reading it once per host', async () => {
    const { f } = fetcher();
    const before = web.requests.filter((r) => r.path === '/robots.txt').length;
    const e = await failure(f.get(web.url('/private/page')));
    expect(e.kind).toBe('robots');
    expect(e.retryable).toBe(false);
    expect(e.message).toMatch(/robots\.txt of 127\.0\.0\.1:\d+ forbids fetching \/private\/page/);
    await f.get(web.url('/page'));
    expect(web.requests.filter((r) => r.path === '/robots.txt').length - before).toBe(1);
    expect(web.requests.some((r) => r.path === '/private/page')).toBe(false);
  });

  it('sends one request at a time to a host, with the delay between them', async () => {
    const { f, clock } = fetcher({ hostDelayMs: 1500 });
    await Promise.all([f.get(web.url('/page')), f.get(web.url('/page')), f.get(web.url('/page'))]);
    expect(web.maxInFlight).toBe(1);
    // robots.txt, then three pages: each start 1.5 s after the previous one
    expect(clock.sleeps).toEqual([1500, 1500, 1500]);
  });

  it('gives up on an answer that does not come within the timeout', async () => {
    const { f } = fetcher({ timeoutMs: 150, retries: 0 });
    const e = await failure(f.get(web.url('/slow')));
    expect(e.kind).toBe('timeout');
    expect(e.retryable).toBe(true);
    expect(e.message).toBe('no complete answer within 150 ms');
  });

  it('retries a 500 after a backoff and gets the page', async () => {
    const { f, clock } = fetcher({ hostDelayMs: 0 });
    const r = await f.get(web.url('/flaky'));
    expect(r.body.toString()).toBe('back');
    expect(r.attempts).toBe(2);
    expect(clock.sleeps).toEqual([500]);
  });

  it('backs off exponentially (Retry-After when longer) and then names the status', async () => {
    const { f, clock } = fetcher({ hostDelayMs: 0, retries: 3 });
    const e = await failure(f.get(web.url('/always-503')));
    expect(e.message).toBe('HTTP 503 Service Unavailable (after 4 attempts)');
    expect(e.retryable).toBe(true);
    expect(clock.sleeps).toEqual([3000, 3000, 3000]);
    const { f: f2, clock: c2 } = fetcher({ hostDelayMs: 0, retries: 3, backoffMs: 4000 });
    await failure(f2.get(web.url('/always-503')));
    expect(c2.sleeps).toEqual([4000, 8000, 16000]);
  });

  it('does not retry a 404', async () => {
    const { f, clock } = fetcher({ hostDelayMs: 0 });
    const e = await failure(f.get(web.url('/gone')));
    expect(e.message).toBe('HTTP 404 Not Found');
    expect(e.retryable).toBe(false);
    expect(clock.sleeps).toEqual([]);
  });

  it('follows a redirect and detects a redirect loop', async () => {
    const { f } = fetcher({ hostDelayMs: 0 });
    const r = await f.get(web.url('/moved'));
    expect(r.finalUrl).toBe(web.url('/page'));
    const e = await failure(f.get(web.url('/loop-a')));
    expect(e.kind).toBe('redirect-loop');
    expect(e.message).toBe(`redirect loop: ${web.url('/loop-a')} -> ${web.url('/loop-b')} -> ${web.url('/loop-a')}`);
    const capped = await failure(new Fetcher({ clock: testClock(), hostDelayMs: 0, maxRedirects: 0 }).get(web.url('/moved')));
    expect(capped.kind).toBe('too-many-redirects');
  });

  it('stops reading an answer past the size cap, declared or streamed', async () => {
    const { f } = fetcher({ hostDelayMs: 0, maxBytes: 1024 * 1024 });
    const streamed = await failure(f.get(web.url('/huge-stream')));
    expect(streamed.kind).toBe('too-large');
    expect(streamed.message).toBe('the answer passed the limit of 1.0 MiB (stopped reading)');
    // a small gzip answer that unpacks to 20 MiB is capped on what it unpacks to
    expect((await failure(f.get(web.url('/bomb.txt')))).kind).toBe('too-large');
    const declared = await failure(f.get(web.url('/huge-declared')));
    expect(declared.message).toBe('the answer is 50.0 MiB, more than the limit of 1.0 MiB');
  });

  it('fetches nothing from a host whose robots.txt cannot be read (RFC 9309), and says so', async () => {
    const down = await startWebServer({
      '/robots.txt': (_req, res) => {
        res.writeHead(503);
        res.end();
      },
      '/page': serve('hello', 'text/plain'),
    });
    try {
      const e = await failure(fetcher({ hostDelayMs: 0 }).f.get(down.url('/page')));
      expect(e.kind).toBe('robots-unreachable');
      expect(e.message).toBe('not fetched: its robots.txt answered HTTP 503');
      expect(down.requests.map((r) => r.path)).toEqual(['/robots.txt']);
    } finally {
      await down.close();
    }
  });

  it('refuses URLs that are not http(s)', async () => {
    const e = await failure(fetcher().f.get('file:///etc/passwd'));
    expect(e.kind).toBe('bad-url');
  });
});

describe('decodeBody', () => {
  const text = 'Le président a déclaré « cessez-le-feu » — à Gaza';
  it('takes the charset from the header', () => {
    expect(decodeBody(encode(text, 'windows-1252'), 'text/html; charset=windows-1252')).toMatchObject({ text, from: 'header' });
  });
  it('takes the charset from a meta tag when the header has none (ISO-8859-1 read as Windows-1252)', () => {
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head><body>${'Pr\u00e9sident'} \u2019</body></html>`;
    const d = decodeBody(encode(page, 'windows-1252'), 'text/html');
    expect(d).toMatchObject({ charset: 'windows-1252', from: 'document' });
    expect(d.text).toContain('Président ’');
  });
  it('falls back to Windows-1252 for bytes that are not UTF-8 and declare nothing', () => {
    expect(decodeBody(encode(text, 'windows-1252'), null)).toMatchObject({ text, from: 'fallback' });
  });
  it('reads UTF-8 without a declaration, and a BOM before anything else', () => {
    expect(decodeBody(Buffer.from(text), 'text/html')).toMatchObject({ text, from: 'utf-8 check' });
    expect(decodeBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'text/html; charset=windows-1252')).toMatchObject({ text, from: 'bom' });
  });
  it('ignores an unknown charset name', () => {
    expect(decodeBody(Buffer.from(text), 'text/html; charset=x-no-such')).toMatchObject({ text, from: 'utf-8 check' });
  });
});
