// Serves the web UI built by Vite (dist/web/): hashed assets cached for good, index.html for every
// page URL (the UI routes in the browser), and a clear message on `/` when the UI was not built.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './errors.ts';
import { packagePath } from '../paths.ts';

/** Where `vite build` writes the UI (see vite.config.ts). */
export const DEFAULT_WEB_ROOT = packagePath('dist/web/');

/** The UI's Content-Security-Policy: nothing but its own files, no inline script, no plugins, no framing.
 *  A second line of defence: article text is rendered as text anyway. */
export const UI_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dossier — web UI not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>The web UI has not been built</h1>
<p>This server could not find the built UI (<code>dist/web/index.html</code>). Build it with</p>
<pre>npm run build:web</pre>
<p>(or <code>npx vite build</code>) and reload this page. The JSON API works meanwhile: see <a href="/api/docs">/api/docs</a>.</p>
</body></html>
`;

/** Page URLs (/, /articles/<id>, /search?q=…) get index.html; files (anything with an extension)
 *  and API routes get a JSON 404. */
function isPageUrl(req: FastifyRequest): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = req.url.split('?')[0];
  if (path === '/api' || path.startsWith('/api/')) return false;
  return !/\.[A-Za-z0-9]+$/.test(path.slice(path.lastIndexOf('/') + 1));
}

export async function registerWebUi(app: FastifyInstance, webRoot: string): Promise<void> {
  const indexFile = join(webRoot, 'index.html');
  const built = () => existsSync(indexFile);

  const sendIndex = (reply: FastifyReply) => {
    if (!built()) return reply.status(503).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(NOT_BUILT_PAGE);
    return reply
      .header('Content-Security-Policy', UI_CSP)
      .header('Cache-Control', 'no-cache')
      .sendFile('index.html', webRoot);
  };

  if (existsSync(webRoot)) {
    await app.register(fastifyStatic, {
      root: webRoot,
      index: false,
      wildcard: true,
      setHeaders(reply, path) {
        // Vite names assets by content hash: they never change under the same name.
        if (path.includes('/assets/')) reply.header('Cache-Control', 'public, max-age=31536000, immutable');
        else reply.header('Cache-Control', 'no-cache');
        if (path.endsWith('.html')) reply.header('Content-Security-Policy', UI_CSP);
      },
    });
  }

  app.get('/', { schema: { hide: true } }, (_req, reply) => sendIndex(reply));

  app.setNotFoundHandler((req, reply) => {
    if (isPageUrl(req)) return sendIndex(reply);
    return sendError(reply, 404, `no route ${req.method} ${req.url.split('?')[0]}`);
  });
}
