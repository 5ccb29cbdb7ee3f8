// One HTTP GET, no redirect followed (the client follows them, each hop checked against robots.txt
// and the host's politeness): a timeout over the whole exchange, the body read as a stream and
// abandoned as soon as it passes the size cap.
import { FetchError } from './errors.ts';

export interface HopRequest {
  url: string;
  headers: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
}

export type HopResult =
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'response'; status: number; headers: Headers; body: Buffer };

export type FetchFn = typeof fetch;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function httpHop(req: HopRequest, fetchFn: FetchFn = fetch): Promise<HopResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, req.timeoutMs);
  const fail = (e: unknown): never => {
    if (e instanceof FetchError) throw e;
    if (timedOut) throw new FetchError(req.url, 'timeout', `no complete answer within ${seconds(req.timeoutMs)}`, true);
    throw new FetchError(req.url, 'network', `network error: ${causeOf(e)}`, true);
  };
  try {
    let res: Response;
    try {
      res = await fetchFn(req.url, { headers: req.headers, redirect: 'manual', signal: controller.signal });
    } catch (e) {
      return fail(e);
    }
    if (REDIRECTS.has(res.status)) {
      await res.body?.cancel().catch(() => {});
      const location = res.headers.get('location');
      if (!location) throw new FetchError(req.url, 'http', `HTTP ${res.status} redirect without a Location header`, false, res.status);
      let next: URL;
      try {
        next = new URL(location, req.url);
      } catch {
        throw new FetchError(req.url, 'bad-url', `HTTP ${res.status} redirect to an invalid URL (${location.slice(0, 200)})`, false, res.status);
      }
      return { kind: 'redirect', status: res.status, location: next.href };
    }
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > req.maxBytes) {
      await res.body?.cancel().catch(() => {});
      throw new FetchError(req.url, 'too-large', `the answer is ${formatBytes(declared)}, more than the limit of ${formatBytes(req.maxBytes)}`, false, res.status);
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    if (res.body) {
      const reader = res.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          total += value.byteLength;
          if (total > req.maxBytes) {
            controller.abort();
            throw new FetchError(req.url, 'too-large', `the answer passed the limit of ${formatBytes(req.maxBytes)} (stopped reading)`, false, res.status);
          }
          chunks.push(value);
        }
      } catch (e) {
        return fail(e);
      }
    }
    return { kind: 'response', status: res.status, headers: res.headers, body: Buffer.concat(chunks) };
  } finally {
    clearTimeout(timer);
  }
}

function causeOf(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  return err.cause?.code ?? err.cause?.message ?? err.message ?? String(e);
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

export function formatBytes(n: number): string {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
