// Full-text search with snippets and facets.
import type { RouteModule } from '../context.ts';
import { articleFilter } from '../context.ts';
import { searchQuery, searchResponseSchema, type SearchQuery, type SearchResponse } from '../../api/search.ts';
import { errors, requestSchema, ref } from '../schemas.ts';

const SYNTAX =
  'Words are ANDed; "exact phrase"; OR (upper case); NOT word or -word; prefix*; (grouping). ' +
  'Case and diacritics never matter (Israel finds Israël). A malformed query is a 400 naming the problem.';

export const searchRoutes: RouteModule = (app, { store }) => {
  app.get<{ Querystring: SearchQuery; Reply: SearchResponse }>(
    '/api/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search articles',
        description: `${SYNTAX} Facets count all matches (language, source, entity, month of publication).`,
        querystring: requestSchema(searchQuery),
        response: { 200: ref(searchResponseSchema), ...errors(400) },
      },
    },
    async (req) => {
      const r = await store.search(req.query.q, articleFilter(req.query));
      return { query: req.query.q, total: r.total, limit: req.query.limit, offset: req.query.offset, hits: r.hits, facets: r.facets };
    },
  );
};
