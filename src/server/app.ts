// The HTTP server: a JSON API over the store and the web UI, from one process.
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { fileURLToPath } from 'node:url';
import type { Store } from '../store/store.ts';
import { QueryError } from '../store/query.ts';

export interface ServerOptions {
  logger?: boolean;
}

const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

const pageQuery = {
  limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  offset: { type: 'integer', minimum: 0, default: 0 },
} as const;

const filterQuery = {
  lang: { type: 'string', pattern: '^[a-z]{2,3}$' },
  source: { type: 'string', maxLength: 200 },
  from: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' },
  to: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' },
} as const;

interface FilterQS {
  lang?: string;
  source?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export async function buildServer(store: Store, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 20 * 1024 * 1024 });

  // Errors are JSON with a message and a status — never a stack trace.
  app.setErrorHandler((err, _req, reply) => {
    const e = err as Error & { statusCode?: number; validation?: unknown };
    if (e instanceof QueryError) return reply.status(400).send({ statusCode: 400, error: 'Bad Request', message: `bad query: ${e.message}` });
    const status = e.statusCode && e.statusCode >= 400 && e.statusCode < 600 ? e.statusCode : 500;
    if (status >= 500) app.log.error(err);
    return reply.status(status).send({
      statusCode: status,
      error: status >= 500 ? 'Internal Server Error' : 'Bad Request',
      message: status >= 500 ? 'internal error' : e.message,
    });
  });
  app.setNotFoundHandler((req, reply) => reply.status(404).send({ statusCode: 404, error: 'Not Found', message: `no route ${req.method} ${req.url}` }));

  app.get<{ Querystring: FilterQS }>(
    '/api/articles',
    { schema: { querystring: { type: 'object', properties: { ...filterQuery, ...pageQuery }, additionalProperties: false } } },
    async (req) => {
      const q = req.query;
      return store.list({ language: q.lang, source: q.source, from: q.from, to: q.to, limit: q.limit, offset: q.offset });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/articles/:id',
    { schema: { params: { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9a-f]{6,64}$' } }, required: ['id'] } } },
    async (req, reply) => {
      const doc = await store.get(req.params.id);
      if (!doc) return reply.status(404).send({ statusCode: 404, error: 'Not Found', message: `no article ${req.params.id}` });
      return doc;
    },
  );

  app.get<{ Querystring: FilterQS & { q: string } }>(
    '/api/search',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: { q: { type: 'string', minLength: 1, maxLength: 1000 }, ...filterQuery, ...pageQuery },
          required: ['q'],
          additionalProperties: false,
        },
      },
    },
    async (req) => {
      const q = req.query;
      return store.search(q.q, { language: q.lang, source: q.source, from: q.from, to: q.to, limit: q.limit, offset: q.offset });
    },
  );

  app.get('/api/stats', async () => store.stats());

  await app.register(fastifyStatic, { root: PUBLIC_DIR, index: ['index.html'] });
  return app;
}
