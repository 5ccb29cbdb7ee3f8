// Entities across the corpus: the list of global entities (people, organisations, places), one
// entity with its names, roles, mentions and quotes, the entities named in the same articles, why
// its mentions were merged, and how the entities of one article are linked to them.
//
// `:key` takes a key ("per:benjamin-netanyahu", a former key is followed) or a name, alias or
// surname ("Netanyahu", "Internationaal Strafhof"). Unknown: 404. A name that fits several
// entities: 409 with the candidates (`AmbiguousEntity`), so the client can ask again by key.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AmbiguousEntityError, ENTITY_TYPES, type Page, type Store } from '../../store/store.ts';
import type { EntityLayer, EntityType } from '../../types.ts';
import type { RouteModule } from '../context.ts';
import { notFound } from '../errors.ts';
import { articleIdParam, DEFAULT_PAGE, errors, layerRowSchema, MAX_PAGE, pageOf, pageQuery, querySchema, ref } from '../schemas.ts';
import { openCorpus } from '../../corpus/index.ts';

const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const int = { type: 'integer' } as const;
const entityType = { type: 'string', enum: ENTITY_TYPES } as const;

const counted = (name: string) => ({
  type: 'array',
  items: { type: 'object', properties: { [name]: str, count: int } },
});

const summaryProperties = {
  key: { type: 'string', description: 'Stable key: "per:benjamin-netanyahu", "country:IL", "org:icc".' },
  name: { type: 'string', description: 'Best name: the canonical English name of a known entity, the fullest name of a person.' },
  type: entityType,
  source: { type: 'string', enum: ['country', 'organisation', 'place', 'demonym', 'name'], description: 'Where the identity comes from: an alias table (demonym: a nationality word, "Israeli" / "Israëlische"), or the names alone.' },
  nationalityOf: { type: 'object', properties: { key: str, name: str }, description: 'For a nationality (source demonym): the country it is the nationality of.' },
  aliases: { ...counted('name'), description: 'Names as written in the mentions, most frequent first.' },
  roles: { ...counted('role'), description: 'Roles and titles ("Prime Minister", "de premier"), most frequent first.' },
  articleCount: int,
  mentionCount: int,
  firstSeen: { ...nullableStr, description: 'Earliest publication date of the articles naming it.' },
  lastSeen: nullableStr,
} as const;

export const entitySummarySchema = {
  $id: 'EntitySummary',
  type: 'object',
  description: 'One global entity: one real-world person, organisation or place across articles and languages.',
  properties: summaryProperties,
  additionalProperties: true,
} as const;

const candidate = {
  type: 'object',
  properties: { key: str, name: str, type: entityType, articleCount: int, mentionCount: int, href: { type: 'string', description: 'This entity in the API.' } },
} as const;

export const ambiguousEntitySchema = {
  $id: 'AmbiguousEntity',
  type: 'object',
  description: 'A name that fits several entities (409): ask again with the key of one of the candidates.',
  properties: {
    statusCode: int,
    error: str,
    message: str,
    query: str,
    candidates: { type: 'array', items: candidate },
  },
  required: ['statusCode', 'error', 'message', 'candidates'],
} as const;

const { $id: _rowId, ...rowBase } = layerRowSchema;
const row = (properties: Record<string, unknown>) => ({ ...rowBase, properties: { ...rowBase.properties, ...properties } });
const quoteRow = row({
  kind: str,
  speakerName: nullableStr,
  speakerEntity: nullableStr,
  speakerStart: int,
  speakerEnd: int,
  cue: nullableStr,
  cueStart: int,
  cueEnd: int,
});
const mentionRow = row({ entityId: str, name: str, type: str, key: str });

const linkSchema = {
  type: 'object',
  properties: {
    articleId: str,
    localId: { type: 'string', description: 'Id of the entity in the article\'s entity layer ("e2").' },
    name: { type: 'string', description: 'Name of the entity in the article.' },
    type: entityType,
    key: { type: 'string', description: 'The global entity it is linked to.' },
    rule: { type: 'string', description: 'The rule that linked it ("same-name", "organisation-alias", "surname-in-article", …).' },
    reason: { type: 'string', description: 'Why, for people.' },
  },
} as const;

const explainedLinkSchema = {
  ...linkSchema,
  properties: {
    ...linkSchema.properties,
    mentions: {
      type: 'array',
      description: 'The mentions of the local entity in its article, each with why it belongs to it (`how`).',
      items: { type: 'object', properties: { start: int, end: int, text: str, how: str } },
    },
  },
} as const;

export const keyParam = {
  type: 'object',
  properties: {
    key: {
      type: 'string',
      minLength: 1,
      maxLength: 300,
      description: 'An entity key ("per:benjamin-netanyahu"; former keys are followed) or a name, alias or surname ("Netanyahu").',
    },
  },
  required: ['key'],
} as const;

const pageParams = (prefix: string, what: string, def: number) => ({
  [`${prefix}Limit`]: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: def, description: `${what} per page (1–${MAX_PAGE}).` },
  [`${prefix}Offset`]: { type: 'integer', minimum: 0, default: 0, description: `${what} to skip.` },
});

const DETAIL_PAGE = 20;

interface PageQS {
  limit: number;
  offset: number;
}

/** The API address of an entity. */
export const entityPath = (key: string) => `/api/entities/${encodeURIComponent(key).replace(/%3A/gi, ':')}`;

/** Answers 409 with the candidates of an ambiguous name; anything else is thrown on. */
export function sendAmbiguous(reply: FastifyReply, err: unknown): FastifyReply {
  if (!(err instanceof AmbiguousEntityError)) throw err;
  return reply
    .status(409)
    .type('application/json; charset=utf-8')
    .send({
      statusCode: 409,
      error: 'Conflict',
      message: err.message,
      query: err.query,
      candidates: err.candidates.map((c) => ({ ...c, href: entityPath(c.key) })),
    });
}

const noEntity = (nameOrKey: string) => notFound(`no entity named "${nameOrKey}"`);

/** The current key of the entity a key or name stands for; 404 when none, AmbiguousEntityError when several. */
export async function keyOf(store: Store, nameOrKey: string): Promise<{ key: string; name: string }> {
  const detail = await openCorpus(store).entity(nameOrKey, { mentions: { limit: 1 }, quotes: { limit: 1 } });
  if (!detail) throw noEntity(nameOrKey);
  return { key: detail.key, name: detail.name };
}

const page = (r: { total: number }, p: Required<Page>) => ({ total: r.total, limit: p.limit, offset: p.offset });

export const entityRoutes: RouteModule = (app, { store }) => {
  app.addSchema(entitySummarySchema);
  app.addSchema(ambiguousEntitySchema);

  /** A GET route on one entity (`:key`): 404 when none, 409 with the candidates when the name fits several. */
  const entityGet = <Q>(
    path: string,
    schema: { summary: string; description: string; querystring: unknown; ok: unknown },
    handler: (req: FastifyRequest<{ Params: { key: string }; Querystring: Q }>) => Promise<unknown>,
  ) =>
    app.get<{ Params: { key: string }; Querystring: Q }>(
      path,
      {
        schema: {
          tags: ['entities'],
          summary: schema.summary,
          description: schema.description,
          params: keyParam,
          querystring: schema.querystring,
          response: { 200: schema.ok, ...errors(400, 404), 409: ref('AmbiguousEntity') },
        },
      },
      async (req, reply) => {
        try {
          return await handler(req);
        } catch (err) {
          return sendAmbiguous(reply, err);
        }
      },
    );

  app.get<{ Querystring: PageQS & { type?: EntityType; name?: string } }>(
    '/api/entities',
    {
      schema: {
        tags: ['entities'],
        summary: 'List entities',
        description:
          'People, organisations and places across the corpus, most widely reported first (articles, then mentions). ' +
          '`stale` says the stored analyses changed since the entity index was built (`dossier entities --rebuild`).',
        querystring: querySchema({
          type: entityType,
          name: { type: 'string', maxLength: 200, description: 'Part of one of its names (case and diacritics ignored).' },
          ...pageQuery,
        }),
        response: {
          200: {
            type: 'object',
            properties: { ...pageOf(ref('EntitySummary')).properties, stale: { type: 'boolean' } },
            required: ['total', 'limit', 'offset', 'items', 'stale'],
          },
          ...errors(400),
        },
      },
    },
    async (req) => {
      const q = req.query;
      const r = await openCorpus(store).entities({ type: q.type, name: q.name, limit: q.limit, offset: q.offset });
      return { ...page(r, q), stale: r.stale, items: r.items };
    },
  );

  type DetailQS = { mentionsLimit: number; mentionsOffset: number; quotesLimit: number; quotesOffset: number };
  entityGet<DetailQS>(
    '/api/entities/:key',
    {
      summary: 'One entity',
      description:
        'Its names and roles with counts, the keys merged into it, a page of its mentions in every article (newest ' +
        'article first) and a page of the quotes it said. Articles naming it: `GET /api/articles?entity=<key>`.',
      querystring: querySchema({ ...pageParams('mentions', 'Mentions', DETAIL_PAGE), ...pageParams('quotes', 'Quotes', DETAIL_PAGE) }),
      ok: {
        type: 'object',
        properties: {
          ...summaryProperties,
          formerKeys: { type: 'array', items: str, description: 'Keys of entities merged into this one (they still find it).' },
          mentions: pageOf(mentionRow),
          quotes: pageOf(quoteRow),
        },
        additionalProperties: true,
      },
    },
    async (req) => {
      const q = req.query;
      const mentions = { limit: q.mentionsLimit, offset: q.mentionsOffset };
      const quotes = { limit: q.quotesLimit, offset: q.quotesOffset };
      const e = await openCorpus(store).entity(req.params.key, { mentions, quotes });
      if (!e) throw noEntity(req.params.key);
      return { ...e, mentions: { ...page(e.mentions, mentions), items: e.mentions.items }, quotes: { ...page(e.quotes, quotes), items: e.quotes.items } };
    },
  );

  entityGet<PageQS>(
    '/api/entities/:key/cooccurrence',
    {
      summary: 'Entities named in the same articles',
      description:
        'The entities named in articles that name this one, by the number of articles naming both, and for every ' +
        'pair of them on this page the articles naming both (`edges`): the data of a co-occurrence graph.',
      querystring: querySchema({ ...pageQuery, limit: { ...pageQuery.limit, default: DETAIL_PAGE } }),
      ok: {
        type: 'object',
        properties: {
          key: str,
          name: str,
          ...pageOf({
            type: 'object',
            properties: { key: str, name: str, type: entityType, articleCount: int, mentionCount: int, sharedArticles: { type: 'integer', description: 'Articles naming both.' } },
          }).properties,
          edges: {
            type: 'array',
            items: { type: 'object', properties: { a: str, b: str, sharedArticles: int } },
            description: 'Pairs of listed entities named together in the corpus (a < b), with the articles naming both.',
          },
        },
        required: ['key', 'total', 'limit', 'offset', 'items', 'edges'],
      },
    },
    async (req) => {
      const { key, name } = await keyOf(store, req.params.key);
      const r = await openCorpus(store).entityCooccurrence(key, { limit: req.query.limit, offset: req.query.offset });
      if (!r) throw noEntity(req.params.key);
      return { key: r.key, name, ...page(r, req.query), items: r.items, edges: r.edges };
    },
  );

  entityGet<PageQS>(
    '/api/entities/:key/explain',
    {
      summary: 'Why mentions were merged into one entity',
      description: 'Every local entity linked to it, in the order of resolution, with the rule and reason (paged), and the entities merged into it.',
      querystring: querySchema(pageQuery),
      ok: {
        type: 'object',
        properties: {
          key: str,
          name: str,
          type: entityType,
          links: pageOf(explainedLinkSchema),
          merges: {
            type: 'array',
            items: { type: 'object', properties: { from: str, to: str, articleId: str, reason: str } },
          },
        },
      },
    },
    async (req) => {
      const { key } = await keyOf(store, req.params.key);
      const e = (await openCorpus(store).explainEntity(key)).entities.find((x) => x.key === key);
      if (!e) throw noEntity(req.params.key);
      const { limit, offset } = req.query;
      // each link of the page with the mentions of its local entity and why each joined it
      const page = e.links.slice(offset, offset + limit);
      const layers = new Map<string, EntityLayer[]>();
      for (const id of new Set(page.map((l) => l.articleId))) layers.set(id, (await store.get(id))?.entities ?? []);
      const items = page.map((l) => ({ ...l, mentions: layers.get(l.articleId)?.find((x) => x.id === l.localId)?.mentions ?? [] }));
      return { key, name: e.name, type: e.type, links: { total: e.links.length, limit, offset, items }, merges: e.merges };
    },
  );

  app.get<{ Params: { id: string }; Querystring: PageQS }>(
    '/api/articles/:id/entities',
    {
      schema: {
        tags: ['entities'],
        summary: 'How the entities of one article are linked',
        description:
          "Each entity of the article's entity layer (in layer order) with the global entity it is linked to and why. " +
          '(`GET /api/articles/:id` also sets `key` on each entity of its layer.)',
        params: articleIdParam,
        querystring: querySchema({ ...pageQuery, limit: { ...pageQuery.limit, default: DEFAULT_PAGE } }),
        response: { 200: { type: 'object', properties: { articleId: str, ...pageOf(linkSchema).properties } }, ...errors(400, 404) },
      },
    },
    async (req) => {
      const doc = await store.get(req.params.id);
      if (!doc) throw notFound(`no article ${req.params.id}`);
      const links = await openCorpus(store).entityLinks(doc.id);
      const { limit, offset } = req.query;
      return { articleId: doc.id, total: links.length, limit, offset, items: links.slice(offset, offset + limit) };
    },
  );
};
