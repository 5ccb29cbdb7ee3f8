// Re-analysis: start a background job (write route) and follow its progress.
import type { RouteModule } from '../context.ts';
import { HttpError, notFound } from '../errors.ts';
import { errors } from '../schemas.ts';

const statusSchema = {
  type: 'object',
  properties: {
    state: { type: 'string', enum: ['idle', 'running', 'done', 'failed'] },
    total: { type: 'integer' },
    done: { type: 'integer' },
    reanalyzed: { type: 'integer' },
    failures: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, file: { type: 'string' }, reason: { type: 'string' } } },
    },
    startedAt: { type: ['string', 'null'] },
    finishedAt: { type: ['string', 'null'] },
    error: { type: 'string' },
  },
} as const;

export const reanalyzeRoutes: RouteModule = (app, { store, reanalysis, requireWrite }) => {
  app.get(
    '/api/reanalyze',
    {
      schema: {
        tags: ['write'],
        summary: 'Progress of the re-analysis job',
        response: { 200: statusSchema },
      },
    },
    async () => reanalysis.current,
  );

  app.post<{ Body: { ids?: string[] } | undefined }>(
    '/api/reanalyze',
    {
      onRequest: requireWrite,
      // No body means "every article".
      preValidation: async (req) => {
        req.body ??= {};
      },
      bodyLimit: 64 * 1024,
      schema: {
        tags: ['write'],
        summary: 'Rebuild the layers of stored articles',
        description:
          'Starts a background job that re-runs the analysis on the stored raw input of every article (or of `ids`), ' +
          'e.g. after an upgrade. Answers 202 at once; poll GET /api/reanalyze. 409 while a job runs.',
        security: [{ bearer: [] }],
        body: {
          type: 'object',
          properties: { ids: { type: 'array', items: { type: 'string', pattern: '^[0-9a-f]{6,64}$' }, minItems: 1, maxItems: 1000 } },
          additionalProperties: false,
        },
        response: { 202: statusSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      let ids: string[] | undefined;
      if (req.body?.ids) {
        ids = [];
        for (const given of req.body.ids) {
          const doc = await store.get(given);
          if (!doc) throw notFound(`no article ${given}`);
          ids.push(doc.id);
        }
      }
      if (!reanalysis.start(ids)) throw new HttpError(409, 'a re-analysis is already running; poll GET /api/reanalyze');
      return reply.status(202).send(reanalysis.current);
    },
  );
};
