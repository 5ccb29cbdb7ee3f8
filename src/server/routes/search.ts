// Full-text search with snippets and facets.
import type { RouteModule } from '../context.ts';
import { articleFilter } from '../context.ts';
import { errors, filterQuery, pageQuery, querySchema, ref, type FilterQS } from '../schemas.ts';

const SYNTAX =
  'Words are ANDed; "exact phrase"; OR (upper case); NOT word or -word; prefix*; (grouping). ' +
  'Case and diacritics never matter (Israel finds Israël). A malformed query is a 400 naming the problem.';

export const searchRoutes: RouteModule = (app, { store }) => {
  app.get<{ Querystring: FilterQS & { q: string } }>(
    '/api/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search articles',
        description: `${SYNTAX} Facets count all matches (language, source, entity, month of publication).`,
        querystring: querySchema({ q: { type: 'string', minLength: 1, maxLength: 1000, description: 'The query.' }, ...filterQuery, ...pageQuery }, ['q']),
        response: {
          200: {
            type: 'object',
            properties: {
              query: { type: 'string' },
              total: { type: 'integer' },
              limit: { type: 'integer' },
              offset: { type: 'integer' },
              hits: { type: 'array', items: ref('SearchHit') },
              facets: ref('SearchFacets'),
            },
          },
          ...errors(400),
        },
      },
    },
    async (req) => {
      const r = await store.search(req.query.q, articleFilter(req.query));
      return { query: req.query.q, total: r.total, limit: req.query.limit, offset: req.query.offset, hits: r.hits, facets: r.facets };
    },
  );
};
