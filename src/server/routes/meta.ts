// About the corpus and the server: counts for the UI's overview, and what the UI needs to know.
import type { RouteModule } from '../context.ts';
import { analysisVersion, outdatedArticles } from '../../analysis/version.ts';
import { infoSchema, statsSchema, type Info, type Stats } from '../../api/meta.ts';
import { ref } from '../schemas.ts';

export const metaRoutes: RouteModule = (app, { store, writeRequiresToken, upload }) => {
  app.get<{ Reply: Stats }>(
    '/api/stats',
    {
      schema: {
        tags: ['corpus'],
        summary: 'Corpus overview',
        description: 'Articles by language and source, the date range, layer counts, database size, and how many articles another analysis version produced.',
        response: { 200: ref(statsSchema) },
      },
    },
    async () => {
      const stats = await store.stats();
      return { ...stats, currentAnalysisVersion: analysisVersion(), outdated: outdatedArticles(stats.analysisVersions) };
    },
  );

  app.get<{ Reply: Info }>(
    '/api/info',
    {
      schema: {
        tags: ['corpus'],
        summary: 'What this server offers',
        response: { 200: ref(infoSchema) },
      },
    },
    async () => ({ name: 'dossier', writeRequiresToken, upload }),
  );
};
