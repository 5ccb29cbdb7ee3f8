// Followed sources: list them with their state, add one, remove one, poll one now. Polling runs
// here, in the server, through the same follow loop as `dossier watch` (src/pipeline/follow.ts):
// pages fetched politely by the server's one fetcher, analysed on its worker threads.
import type { RouteModule } from '../context.ts';
import { HttpError, notFound } from '../errors.ts';
import { addSourceBody, pollReportSchema, sourceIdParams, sourceListSchema, sourceSchema, type AddSourceBody, type PollReportView, type Source, type SourceList } from '../../api/sources.ts';
import { addSource, pollSource } from '../../pipeline/follow.ts';
import type { SourceRow } from '../../store/store.ts';
import { errors, requestSchema, ref } from '../schemas.ts';

export function toSource(s: SourceRow): Source {
  return {
    id: s.id,
    url: s.url,
    kind: s.kind,
    name: s.name,
    intervalSeconds: s.interval_seconds,
    addedAt: s.added_at,
    nextDueAt: s.next_due_at,
    lastPolledAt: s.last_polled_at,
    lastOkAt: s.last_ok_at,
    failures: s.failures,
    lastError: s.last_error,
    itemsSeen: s.items_seen,
    articlesAdded: s.articles_added,
    etag: s.etag,
    lastModified: s.last_modified,
  };
}

export const sourceRoutes: RouteModule = (app, ctx) => {
  const { store, requireWrite, analysisPool, fetcher } = ctx;
  const find = async (id: string) => {
    const s = await store.sources.get(Number(id));
    if (!s) throw notFound(`no source #${id}`);
    return s;
  };

  app.get<{ Reply: SourceList }>(
    '/api/sources',
    {
      schema: {
        tags: ['sources'],
        summary: 'List followed sources',
        description: 'Feeds, sitemaps and URL lists followed (by `dossier watch` or the poll route), each with its state: when it was polled, when it is due, failures in a row and the last error.',
        response: { 200: ref(sourceListSchema) },
      },
    },
    async () => ({ items: (await store.sources.list()).map(toSource) }),
  );

  app.post<{ Body: AddSourceBody; Reply: Source }>(
    '/api/sources',
    {
      onRequest: requireWrite,
      schema: {
        tags: ['write'],
        summary: 'Follow a source',
        description: 'Adds a feed, sitemap or URL list, due at once. `dossier watch`, a server started with `dossier serve --watch`, or `POST /api/sources/{id}/poll` polls it. A URL already followed is a 409.',
        security: [{ bearer: [] }],
        body: requestSchema(addSourceBody),
        response: { 201: ref(sourceSchema), ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      let url: string;
      try {
        url = new URL(req.body.url).href;
      } catch {
        url = req.body.url;
      }
      if (await store.sources.get(url)) throw new HttpError(409, `the source ${url} is already followed`);
      const s = await addSource(store, req.body.url, { kind: req.body.kind, name: req.body.name ?? null, intervalSeconds: req.body.intervalSeconds });
      ctx.sourceAdded();
      return reply.status(201).send(toSource(s));
    },
  );

  app.delete<{ Params: { id: string }; Reply: Source }>(
    '/api/sources/:id',
    {
      onRequest: requireWrite,
      schema: {
        tags: ['write'],
        summary: 'Stop following a source',
        description: 'The articles it brought stay. Answers the source as it was.',
        security: [{ bearer: [] }],
        params: requestSchema(sourceIdParams),
        response: { 200: ref(sourceSchema), ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const s = await find(req.params.id);
      await store.sources.remove(s.id);
      return toSource(s);
    },
  );

  app.post<{ Params: { id: string }; Reply: PollReportView }>(
    '/api/sources/:id/poll',
    {
      onRequest: requireWrite,
      schema: {
        tags: ['write'],
        summary: 'Poll a source now',
        description: 'Fetches the source (conditional GET), then the pages of its new items (robots.txt honoured, one request at a time per host), and ingests them. Answers what the poll did; a failed poll is a 200 with `ok: false` and the reason.',
        security: [{ bearer: [] }],
        params: requestSchema(sourceIdParams),
        response: { 200: ref(pollReportSchema), ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const s = await find(req.params.id);
      return pollSource(store, s, { fetcher: fetcher(), pool: analysisPool(), yieldBetween: true });
    },
  );
};
