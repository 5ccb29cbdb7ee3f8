// About the corpus and the server: counts for the UI's overview, and what the UI needs to know.
import type { RouteModule } from '../context.ts';

const facetList = { type: 'array', items: { type: 'object', properties: { value: { type: ['string', 'null'] }, count: { type: 'integer' } } } } as const;

export const metaRoutes: RouteModule = (app, { store, writeRequiresToken, upload }) => {
  app.get(
    '/api/stats',
    {
      schema: {
        tags: ['corpus'],
        summary: 'Corpus overview',
        description: 'Articles by language and source, the date range, layer counts and database size.',
        response: {
          200: {
            type: 'object',
            properties: {
              articles: { type: 'integer' },
              byLanguage: facetList,
              bySource: facetList,
              dateRange: { type: 'object', properties: { from: { type: ['string', 'null'] }, to: { type: ['string', 'null'] } } },
              undated: { type: 'integer' },
              counts: { type: 'object', additionalProperties: { type: 'integer' } },
              sizeBytes: { type: 'integer' },
              schemaVersion: { type: 'integer' },
            },
          },
        },
      },
    },
    async () => store.stats(),
  );

  app.get(
    '/api/info',
    {
      schema: {
        tags: ['corpus'],
        summary: 'What this server offers',
        response: {
          200: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              writeRequiresToken: { type: 'boolean', description: 'Write routes need `Authorization: Bearer <DOSSIER_TOKEN>`.' },
              upload: { type: 'object', properties: { bytes: { type: 'integer' }, files: { type: 'integer' }, articles: { type: 'integer' } } },
            },
          },
        },
      },
    },
    async () => ({ name: 'dossier', writeRequiresToken, upload }),
  );
};
