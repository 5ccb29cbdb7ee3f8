// A local web server on 127.0.0.1 (random port) for the tests of fetching and following: each path
// answers from a handler; every request is recorded. Nothing leaves this machine.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../src/fetch/index.ts';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface WebServer {
  url(path: string): string;
  readonly origin: string;
  /** Requests received, in order: path and headers. */
  readonly requests: { path: string; headers: IncomingMessage['headers'] }[];
  /** The most requests in flight at once. */
  readonly maxInFlight: number;
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

export async function startWebServer(routes: Record<string, Handler> = {}): Promise<WebServer> {
  const table = new Map(Object.entries(routes));
  const requests: WebServer['requests'] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const handler = table.get(path) ?? table.get(path.split('?')[0]);
    if (handler) handler(req, res);
    else {
      res.statusCode = 404;
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (p) => origin + p,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    route: (p, h) => void table.set(p, h),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers `body` with a content type (and any other headers). */
export function serve(body: string | Buffer, type: string, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': type, ...headers });
    res.end(body);
  };
}

/** A clock the test moves: sleeping advances it at once and is recorded. */
export function testClock(start = Date.parse('2026-03-01T08:00:00Z')): Clock & { sleeps: number[]; advance(ms: number): void } {
  let t = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    sleep: async (ms: number, signal?: AbortSignal) => {
      if (signal?.aborted) throw new Error('aborted');
      sleeps.push(ms);
      t += ms;
    },
    advance(ms: number) {
      t += ms;
    },
  };
}

/** An HTML page around paragraphs of real article text. */
export function articlePage(opts: { title: string; paragraphs: string[]; canonical?: string; charset?: string; site?: string; published?: string }): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!DOCTYPE html>
<html><head>${opts.charset ? `<meta charset="${opts.charset}">` : ''}
<title>${esc(opts.title)}</title>
${opts.canonical ? `<link rel="canonical" href="${opts.canonical}">` : ''}
${opts.site ? `<meta property="og:site_name" content="${esc(opts.site)}">` : ''}
${opts.published ? `<meta property="article:published_time" content="${opts.published}">` : ''}
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article><h1>${esc(opts.title)}</h1>
${opts.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</article>
<footer>© News site</footer>
</body></html>`;
}
