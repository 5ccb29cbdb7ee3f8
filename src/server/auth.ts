// Who may call the write routes (upload, re-analysis).
//  - Bound to a loopback address without a token: anyone on this machine — but only requests
//    addressed to a loopback name (defeats DNS rebinding) and not sent by another site's page
//    (a cross-origin Origin header is refused, which defeats cross-site form posts).
//  - Bound elsewhere: a token is required (buildServer refuses to start without one).
//  - Whenever a token is set: `Authorization: Bearer <token>`, compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './errors.ts';

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.', '::1', '[::1]', '0:0:0:0:0:0:0:1']);

/** True for localhost, ::1 and 127.0.0.0/8 (and IPv4-mapped ::ffff:127.x). */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  if (LOOPBACK_NAMES.has(h)) return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/** Constant-time comparison (both sides hashed first, so lengths leak nothing either). */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export class UnsafeBindingError extends Error {
  constructor(host: string) {
    super(`refusing to serve on ${host} without a token: set DOSSIER_TOKEN (write routes need a bearer token off loopback), or bind to 127.0.0.1`);
    this.name = 'UnsafeBindingError';
  }
}

export interface WriteAccessOptions {
  /** The address the server is bound to. */
  host: string;
  /** The bearer token write routes require; required when `host` is not a loopback address. */
  token?: string;
}

/** The hostname of a Host header ("127.0.0.1:8080" -> "127.0.0.1", "[::1]:80" -> "::1"). */
function hostnameOf(hostHeader: string): string {
  const m = /^\[([^\]]+)\]/.exec(hostHeader);
  if (m) return m[1];
  const i = hostHeader.lastIndexOf(':');
  return i > 0 && hostHeader.indexOf(':') === i ? hostHeader.slice(0, i) : hostHeader;
}

/** The serialised origin of a URL ("http://localhost:80" -> "http://localhost"), or null. */
function originOf(url: string): string | null {
  try {
    const o = new URL(url).origin;
    return o === 'null' ? null : o;
  } catch {
    return null;
  }
}

/** An onRequest hook for write routes; throws UnsafeBindingError for a non-loopback host without a token. */
export function writeAccess(opts: WriteAccessOptions) {
  const loopback = isLoopbackHost(opts.host);
  const token = opts.token && opts.token.length > 0 ? opts.token : undefined;
  if (!loopback && !token) throw new UnsafeBindingError(opts.host);

  return async function checkWriteAccess(req: FastifyRequest, reply: FastifyReply) {
    const host = req.headers.host ?? '';
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== 'null') {
      // scheme, host and port must all be this server's (an https: or ftp: page of the same host is another site)
      if (originOf(origin) !== originOf(`${req.protocol}://${host}`)) return sendError(reply, 403, `write requests from another site (${origin}) are refused`);
    } else if (origin === 'null') {
      return sendError(reply, 403, 'write requests from an opaque origin are refused');
    }
    if (token) {
      const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
      if (!m) {
        reply.header('WWW-Authenticate', 'Bearer realm="dossier"');
        return sendError(reply, 401, 'this route needs "Authorization: Bearer <token>" (the DOSSIER_TOKEN the server was started with)');
      }
      if (!tokensEqual(m[1].trim(), token)) return sendError(reply, 403, 'wrong token');
    } else if (!isLoopbackHost(hostnameOf(host))) {
      return sendError(reply, 403, `write requests must be addressed to localhost, not "${host}"`);
    }
  };
}
