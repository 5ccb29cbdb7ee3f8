// Re-analysis: start a background job (write route) and follow its progress.
import type { RouteModule } from '../context.ts';
import { HttpError, notFound } from '../errors.ts';
import { reanalysisStatusSchema, reanalyzeBody, type ReanalysisStatus, type ReanalyzeBody } from '../../api/reanalysis.ts';
import { errors, requestSchema, ref } from '../schemas.ts';

export const reanalyzeRoutes: RouteModule = (app, { store, reanalysis, requireWrite }) => {
  app.get<{ Reply: ReanalysisStatus }>(
    '/api/reanalyze',
    {
      schema: {
        tags: ['write'],
        summary: 'Progress of the re-analysis job',
        response: { 200: ref(reanalysisStatusSchema) },
      },
    },
    async () => reanalysis.current,
  );

  app.post<{ Body: ReanalyzeBody | undefined; Reply: ReanalysisStatus }>(
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
        body: requestSchema(reanalyzeBody),
        response: { 202: ref(reanalysisStatusSchema), ...errors(400, 401, 403, 404, 409) },
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
