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
        description: `${SYNTAX} Facets count the matches (language, source, entity, month of publication); past 2,000 matches the language, source and month counts are estimated from a sample (facetsFrom), past 10,000 the hits are ranked among the most recent 10,000 (rankedFrom).`,
        querystring: requestSchema(searchQuery),
        response: { 200: ref(searchResponseSchema), ...errors(400) },
      },
    },
    async (req) => {
      const r = await store.search(req.query.q, articleFilter(req.query));
      return {
        query: req.query.q,
        total: r.total,
        limit: req.query.limit,
        offset: req.query.offset,
        hits: r.hits,
        facets: r.facets,
        ...(r.facetsFrom !== undefined ? { facetsFrom: r.facetsFrom } : {}),
        ...(r.rankedFrom !== undefined ? { rankedFrom: r.rankedFrom } : {}),
      };
    },
  );
};
