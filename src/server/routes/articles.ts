// Articles: the filtered, paged list and one article with every layer and the removed noise.
import type { RouteModule } from '../context.ts';
import { articleFilter } from '../context.ts';
import { notFound } from '../errors.ts';
import { withEntityKeys } from '../../store/article-entity-keys.ts';
import { articleIdParam, errors, filterQuery, pageOf, pageQuery, querySchema, ref, type FilterQS } from '../schemas.ts';
import { openCorpus } from '../../corpus/index.ts';

export const articleRoutes: RouteModule = (app, { store }) => {
  app.get<{ Querystring: FilterQS & { entity?: string } }>(
    '/api/articles',
    {
      schema: {
        tags: ['articles'],
        summary: 'List articles',
        description: 'Newest first (undated last). Filters combine; `lang` and `source` may repeat.',
        querystring: querySchema({
          ...filterQuery,
          entity: { type: 'string', minLength: 1, maxLength: 300, description: 'Only articles naming this entity: its key (per:benjamin-netanyahu; see /api/entities).' },
          ...pageQuery,
        }),
        response: { 200: pageOf(ref('ArticleSummary')), ...errors(400) },
      },
    },
    async (req) => {
      const r = await store.list({ ...articleFilter(req.query), entity: req.query.entity });
      return { total: r.total, limit: req.query.limit, offset: req.query.offset, items: r.items };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/articles/:id',
    {
      schema: {
        tags: ['articles'],
        summary: 'One article with every layer',
        description:
          'The cleaned text, metadata (with where the date came from), the removed noise with reasons, and the layers: ' +
          'sentences, headings, entities, quotes, figures (figures) and times. Every span has start/end offsets into `text`. ' +
          'Each entity linked to a global entity carries its `key` (see /api/entities/{key}).',
        params: articleIdParam,
        response: { 200: ref('Article'), ...errors(400, 404) },
      },
    },
    async (req) => {
      const doc = await store.get(req.params.id);
      if (!doc) throw notFound(`no article ${req.params.id}`);
      return withEntityKeys(doc, await openCorpus(store).entityLinks(doc.id));
    },
  );
};
