// The HTTP server: a JSON API over the store and the web UI, from one process.
//   buildServer(store, { host, token })  ->  a Fastify instance; the caller listens and closes it
//   (closing the server stops a running re-analysis; the store stays open for the caller to close).
import { Fetcher, type FetcherOptions } from '../fetch/index.ts';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import { AnalysisPool, defaultWorkers } from '../pipeline/analysis-pool.ts';
import type { Store } from '../store/store.ts';
import { writeAccess } from './auth.ts';
import { registerResponseCache } from './cache.ts';
import type { ServerContext, UploadLimits } from './context.ts';
import { formatValidation, installErrorHandlers, sendError } from './errors.ts';
import { registerOpenApi } from './openapi.ts';
import { ReanalysisJob } from './reanalysis.ts';
import { routeModules } from './routes/index.ts';
import { sharedSchemas } from './schemas.ts';
import { DEFAULT_WEB_ROOT, registerWebUi } from './web.ts';

export { isLoopbackHost, UnsafeBindingError } from './auth.ts';
export { DEFAULT_WEB_ROOT } from './web.ts';

export interface ServerOptions {
  /** The address the server will listen on (default 127.0.0.1). Off loopback, `token` is required:
   *  buildServer throws UnsafeBindingError without one. */
  host?: string;
  /** Bearer token for the write routes (the CLI passes DOSSIER_TOKEN). When set, write routes always need it. */
  token?: string;
  /** Fastify's logger; by default only errors (the cause of a 500) are logged (pino JSON lines on stdout). */
  logger?: FastifyServerOptions['logger'];
  /** The built UI (default dist/web/ of this package). */
  webRoot?: string;
  /** Largest request body of the routes other than upload, in bytes (default 1 MiB). */
  bodyLimit?: number;
  upload?: Partial<UploadLimits>;
  /** Analysis worker threads for uploads and re-analysis (default: 2, or 1 on a single core). */
  analysisWorkers?: number;
  /** The fetcher's options when polling sources (politeness, timeouts; tests inject a clock). */
  fetch?: FetcherOptions;
  /** Poll the followed sources when due while serving (`dossier serve --watch`). */
  watchSources?: boolean;
  /** Seconds after a write during which a read route may still answer from before it, while the new
   *  answer is computed in the background (default 0: never; see cache.ts). */
  staleSeconds?: number;
  /** The corpus's postgres:// URL: GET /api/queue shows its job queue (without it, none). */
  queueDb?: string;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { bytes: 50_000_000, files: 100, articles: 1000 };

export async function buildServer(store: Store, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const host = opts.host ?? '127.0.0.1';
  const requireWrite = writeAccess({ host, token: opts.token });
  const upload = { ...DEFAULT_UPLOAD_LIMITS, ...opts.upload };

  const app = Fastify({
    logger: opts.logger ?? { level: 'error' },
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    // Unknown query parameters are a 400 (not silently dropped); `lang=en` becomes ["en"].
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
    schemaErrorFormatter: formatValidation,
  });
  installErrorHandlers(app);
  // A NUL character has no use in any parameter, and SQLite's full-text search fails on one.
  app.addHook('onRequest', async (req, reply) => {
    if (req.url.includes('%00')) return sendError(reply, 400, 'the request URL contains a NUL character (%00), which no parameter may hold');
  });
  app.addHook('onSend', async (_req, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
  });
  for (const s of sharedSchemas) app.addSchema(s);
  registerResponseCache(app, store, { staleSeconds: opts.staleSeconds });

  let pool: AnalysisPool | undefined;
  const analysisPool = () => (pool ??= new AnalysisPool(opts.analysisWorkers ?? Math.min(2, defaultWorkers())));
  let fetcher: Fetcher | undefined;
  const ctx: ServerContext = {
    sourceAdded: () => {},
    store,
    fetcher: () => (fetcher ??= new Fetcher(opts.fetch)),
    requireWrite,
    writeRequiresToken: Boolean(opts.token),
    reanalysis: new ReanalysisJob(store, analysisPool),
    upload,
    analysisPool,
    ...(opts.queueDb ? { queueDb: opts.queueDb } : {}),
  };
  app.addHook('onClose', async () => {
    await ctx.reanalysis.stop();
    await pool?.close();
  });

  await registerOpenApi(app, { writeRequiresToken: ctx.writeRequiresToken });
  await app.register(fastifyMultipart, { limits: { fileSize: upload.bytes, files: upload.files, fields: 10, fieldSize: 64 * 1024, parts: upload.files + 10 } });
  for (const register of routeModules) await register(app, ctx);
  if (opts.watchSources) {
    // the follow loop of `dossier watch`, in this process: polls go through the server's one fetcher
    // and its analysis workers; stopped when the server closes
    const stop = new AbortController();
    const { watchSources, WatchWaker } = await import('../pipeline/follow.ts');
    const waker = new WatchWaker();
    ctx.sourceAdded = () => waker.wake();
    app.addHook('onReady', async () => {
      void watchSources(store, {
        waker,
        fetcher: ctx.fetcher(),
        pool: analysisPool(),
        yieldBetween: true,
        signal: stop.signal,
        onPoll: (r) => (r.ok ? app.log.info({ poll: r }, 'source polled') : app.log.warn({ poll: r }, 'source poll failed')),
      }).catch((err) => {
        if (!stop.signal.aborted) app.log.error({ err }, 'following sources stopped');
      });
    });
    app.addHook('preClose', async () => stop.abort());
  }
  await registerWebUi(app, opts.webRoot ?? DEFAULT_WEB_ROOT);
  return app;
}

/** Where the server can be reached, for the start-up message. Fastify reports one address
 *  (127.0.0.1) for a server bound to every interface; that is said plainly instead. */
export function listeningMessage(host: string, address: string): string {
  const h = host.trim().replace(/^\[|\]$/g, '');
  if (h === '0.0.0.0' || h === '::' || h === '0:0:0:0:0:0:0:0') {
    const port = /:(\d+)\/?$/.exec(address)?.[1] ?? '?';
    return `every address of this machine — all interfaces (${host}), port ${port} (e.g. http://127.0.0.1:${port}/)`;
  }
  return `${address.replace(/\/$/, '')}/`;
}
