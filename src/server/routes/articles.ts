// Articles: the filtered, paged list and one article with every layer and the removed noise.
import type { RouteModule } from '../context.ts';
import { articleFilter } from '../context.ts';
import { notFound } from '../errors.ts';
import { withEntityKeys } from '../../store/article-entity-keys.ts';
import { articleIdParams, articleListQuery, articlePageSchema, storedArticleSchema, type ArticlePage, type StoredArticle } from '../../api/articles.ts';
import { errors, requestSchema, ref, type FilterQS } from '../schemas.ts';
import { openCorpus } from '../../corpus/index.ts';

export const articleRoutes: RouteModule = (app, { store }) => {
  app.get<{ Querystring: FilterQS; Reply: ArticlePage }>(
    '/api/articles',
    {
      schema: {
        tags: ['articles'],
        summary: 'List articles',
        description: 'Newest first (undated last). Filters combine; `lang` and `source` may repeat.',
        querystring: requestSchema(articleListQuery),
        response: { 200: ref(articlePageSchema), ...errors(400) },
      },
    },
    async (req) => {
      const r = await store.list({ ...articleFilter(req.query), entity: req.query.entity });
      return { total: r.total, limit: req.query.limit, offset: req.query.offset, items: r.items };
    },
  );

  app.get<{ Params: { id: string }; Reply: StoredArticle }>(
    '/api/articles/:id',
    {
      schema: {
        tags: ['articles'],
        summary: 'One article with every layer',
        description:
          'The cleaned text, metadata (with where the date came from), the removed noise with reasons, and the layers: ' +
          'sentences, headings, entities, quotes, figures (figures) and times. Every span has start/end offsets into `text`. ' +
          'An article with syndicated copies (or that is one) says so in `syndication`. ' +
          'Each entity linked to a global entity carries its `key` (see /api/entities/{key}).',
        params: requestSchema(articleIdParams),
        response: { 200: ref(storedArticleSchema), ...errors(400, 404) },
      },
    },
    async (req) => {
      const doc = await store.get(req.params.id);
      if (!doc) throw notFound(`no article ${req.params.id}`);
      const out = withEntityKeys(doc, await openCorpus(store).entityLinks(doc.id));
      const copies = store.sources.available ? await store.sources.copies([doc.id]) : [];
      if (copies.length === 0) return out;
      return {
        ...out,
        syndication: { copyOf: copies.find((c) => c.article_id === doc.id)?.copy_of ?? null, copies: copies.filter((c) => c.copy_of === doc.id).map((c) => c.article_id) },
      };
    },
  );
};
