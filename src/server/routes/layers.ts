// Layer rows across the corpus: quotes, figures (figures), dates (times) and entity mentions, each
// with the article it comes from and the offsets of its evidence in that article's text.
import type { RouteModule } from '../context.ts';
import { articleFilter } from '../context.ts';
import { errors, filterQuery, layerRowSchema, pageOf, pageQuery, querySchema, type FilterQS } from '../schemas.ts';

const articleParam = { article: { type: 'string', pattern: '^[0-9a-f]{16}$', description: 'Only rows of this article (full 16-digit id).' } } as const;
const { $id: _rowId, ...rowBase } = layerRowSchema;
const row = (properties: Record<string, unknown>) => ({ ...rowBase, properties: { ...rowBase.properties, ...properties } });
const str = { type: ['string', 'null'] } as const;
const int = { type: 'integer' } as const;
const num = { type: ['number', 'null'] } as const;

type Q<T> = { Querystring: FilterQS & { article?: string } & T };

export const layerRoutes: RouteModule = (app, { store }) => {
  app.get<Q<{ speaker?: string; kind?: 'direct' | 'indirect' }>>(
    '/api/quotes',
    {
      schema: {
        tags: ['layers'],
        summary: 'Quotes across articles',
        description: 'Direct and reported speech with speaker and cue verb.',
        querystring: querySchema({
          speaker: { type: 'string', maxLength: 200, description: "Part of the speaker's name (case and diacritics ignored)." },
          kind: { type: 'string', enum: ['direct', 'indirect'] },
          ...articleParam,
          ...filterQuery,
          ...pageQuery,
        }),
        response: {
          200: pageOf(
            row({
              kind: { type: 'string' },
              speakerName: str,
              speakerEntity: str,
              speakerStart: int,
              speakerEnd: int,
              cue: str,
              cueStart: int,
              cueEnd: int,
            }),
          ),
          ...errors(400),
        },
      },
    },
    async (req) => {
      const q = req.query;
      const r = await store.quotes({ ...articleFilter(q), speaker: q.speaker, kind: q.kind, articleId: q.article });
      return { total: r.total, limit: q.limit, offset: q.offset, items: r.items };
    },
  );

  app.get<Q<{ counts?: string; countsKey?: string }>>(
    '/api/figures',
    {
      schema: {
        tags: ['layers'],
        summary: 'Figures (figures) across articles',
        description: 'Numbers with unit, qualifier ("more than") and what they count.',
        querystring: querySchema({
          counts: { type: 'string', maxLength: 200, description: 'Part of what the figure counts ("killed").' },
          countsKey: { type: 'string', maxLength: 200, description: 'Exact language-independent key of what is counted.' },
          ...articleParam,
          ...filterQuery,
          ...pageQuery,
        }),
        response: {
          200: pageOf(
            row({ value: num, valueMax: num, unit: str, qualifier: str, qualifierStart: int, qualifierEnd: int, counts: str, countsKey: str }),
          ),
          ...errors(400),
        },
      },
    },
    async (req) => {
      const q = req.query;
      const r = await store.figures({ ...articleFilter(q), counts: q.counts, countsKey: q.countsKey, articleId: q.article });
      return { total: r.total, limit: q.limit, offset: q.offset, items: r.items };
    },
  );

  app.get<Q<{ value?: string; granularity?: 'day' | 'week' | 'month' | 'year' | 'season' | 'unknown' }>>(
    '/api/times',
    {
      schema: {
        tags: ['layers'],
        summary: 'Dates and times mentioned in articles',
        description: 'Absolute and relative expressions resolved to ISO values.',
        querystring: querySchema({
          value: { type: 'string', maxLength: 40, description: 'Prefix of the resolved ISO value (2024 matches 2024-05-01).' },
          granularity: { type: 'string', enum: ['day', 'week', 'month', 'year', 'season', 'unknown'] },
          ...articleParam,
          ...filterQuery,
          ...pageQuery,
        }),
        response: {
          200: pageOf(row({ value: str, valueEnd: str, granularity: { type: 'string' }, mod: { type: 'string' }, relative: { type: 'boolean' } })),
          ...errors(400),
        },
      },
    },
    async (req) => {
      const q = req.query;
      const r = await store.times({ ...articleFilter(q), value: q.value, granularity: q.granularity, articleId: q.article });
      return { total: r.total, limit: q.limit, offset: q.offset, items: r.items };
    },
  );

  app.get<Q<{ name?: string; type?: 'PER' | 'ORG' | 'LOC' | 'MISC' }>>(
    '/api/mentions',
    {
      schema: {
        tags: ['layers'],
        summary: 'Entity mentions in articles',
        description: 'Every mention of a named entity (person, organisation, place, other) as found in each article.',
        querystring: querySchema({
          name: { type: 'string', maxLength: 200, description: 'Part of the entity name (case and diacritics ignored).' },
          type: { type: 'string', enum: ['PER', 'ORG', 'LOC', 'MISC'] },
          ...articleParam,
          ...filterQuery,
          ...pageQuery,
        }),
        response: {
          200: pageOf(row({ entityId: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' }, key: { type: 'string' } })),
          ...errors(400),
        },
      },
    },
    async (req) => {
      const q = req.query;
      const r = await store.entityMentions({ ...articleFilter(q), name: q.name, type: q.type, articleId: q.article });
      return { total: r.total, limit: q.limit, offset: q.offset, items: r.items };
    },
  );
};
