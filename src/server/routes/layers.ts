// Layer rows across the corpus: quotes, figures (figures), dates (times) and entity mentions, each
// with the article it comes from and the offsets of its evidence in that article's text.
import type { RouteModule } from '../context.ts';
import { articleFilter } from '../context.ts';
import {
  figurePageSchema,
  figureQuery,
  mentionPageSchema,
  mentionQuery,
  quotePageSchema,
  quoteQuery,
  timePageSchema,
  timeQuery,
  type FigurePage,
  type FigureQuery,
  type MentionPage,
  type MentionQuery,
  type QuotePage,
  type QuoteQuery,
  type TimePage,
  type TimeQuery,
} from '../../api/layers.ts';
import { errors, requestSchema, ref } from '../schemas.ts';
import { openCorpus } from '../../corpus/index.ts';
import { withSpeakerKeys } from '../../store/article-entity-keys.ts';

export const layerRoutes: RouteModule = (app, { store }) => {
  app.get<{ Querystring: QuoteQuery; Reply: QuotePage }>(
    '/api/quotes',
    {
      schema: {
        tags: ['layers'],
        summary: 'Quotes across articles',
        description:
          'Direct and reported speech, beliefs and intentions: each attribution with its cue, its source as written, the resolved speaker ' +
          '(with the global entity key, linking to /api/entities/{key}, and how it was resolved), its content, its kind and a confidence.',
        querystring: requestSchema(quoteQuery),
        response: { 200: ref(quotePageSchema), ...errors(400) },
      },
    },
    async (req) => {
      const q = req.query;
      const r = await store.quotes({ ...articleFilter(q), speaker: q.speaker, kind: q.kind, articleId: q.article });
      const corpus = openCorpus(store);
      return { total: r.total, limit: q.limit, offset: q.offset, items: await withSpeakerKeys(r.items, (id) => corpus.entityLinks(id)) };
    },
  );

  app.get<{ Querystring: FigureQuery; Reply: FigurePage }>(
    '/api/figures',
    {
      schema: {
        tags: ['layers'],
        summary: 'Figures (figures) across articles',
        description: 'Numbers with unit, qualifier ("more than") and what they count.',
        querystring: requestSchema(figureQuery),
        response: { 200: ref(figurePageSchema), ...errors(400) },
      },
    },
    async (req) => {
      const q = req.query;
      const r = await store.figures({ ...articleFilter(q), counts: q.counts, countsKey: q.countsKey, articleId: q.article });
      return { total: r.total, limit: q.limit, offset: q.offset, items: r.items };
    },
  );

  app.get<{ Querystring: TimeQuery; Reply: TimePage }>(
    '/api/times',
    {
      schema: {
        tags: ['layers'],
        summary: 'Dates and times mentioned in articles',
        description: 'Absolute and relative expressions resolved to ISO values.',
        querystring: requestSchema(timeQuery),
        response: { 200: ref(timePageSchema), ...errors(400) },
      },
    },
    async (req) => {
      const q = req.query;
      const r = await store.times({ ...articleFilter(q), value: q.value, granularity: q.granularity, articleId: q.article });
      return { total: r.total, limit: q.limit, offset: q.offset, items: r.items };
    },
  );

  app.get<{ Querystring: MentionQuery; Reply: MentionPage }>(
    '/api/mentions',
    {
      schema: {
        tags: ['layers'],
        summary: 'Entity mentions in articles',
        description: 'Every mention of a named entity (person, organisation, place, other) as found in each article.',
        querystring: requestSchema(mentionQuery),
        response: { 200: ref(mentionPageSchema), ...errors(400) },
      },
    },
    async (req) => {
      const q = req.query;
      const r = await store.entityMentions({ ...articleFilter(q), name: q.name, type: q.type, articleId: q.article });
      return { total: r.total, limit: q.limit, offset: q.offset, items: r.items };
    },
  );
};
