// About the corpus and the server: counts for the UI's overview, and what the UI needs to know.
import type { RouteModule } from '../context.ts';
import { analysisVersion, outdatedArticles } from '../../analysis/version.ts';

const facetList = { type: 'array', items: { type: 'object', properties: { value: { type: ['string', 'null'] }, count: { type: 'integer' } } } } as const;

export const metaRoutes: RouteModule = (app, { store, writeRequiresToken, upload }) => {
  app.get(
    '/api/stats',
    {
      schema: {
        tags: ['corpus'],
        summary: 'Corpus overview',
        description: 'Articles by language and source, the date range, layer counts, database size, and how many articles another analysis version produced.',
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
              analysisVersions: {
                type: 'array',
                description: 'Articles by the analysis version that produced them (null: not recorded), most articles first.',
                items: { type: 'object', properties: { version: { type: ['string', 'null'] }, articles: { type: 'integer' } } },
              },
              currentAnalysisVersion: { type: 'string', description: 'The analysis version of this server.' },
              outdated: { type: 'integer', description: 'Articles analysed by another version: `POST /api/reanalyze` brings them up to date.' },
            },
          },
        },
      },
    },
    async () => {
      const stats = await store.stats();
      return { ...stats, currentAnalysisVersion: analysisVersion(), outdated: outdatedArticles(stats.analysisVersions) };
    },
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
