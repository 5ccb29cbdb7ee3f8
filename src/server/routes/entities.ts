// Entities across the corpus: the list of global entities (people, organisations, places), one
// entity with its names, roles, mentions and quotes, the entities named in the same articles, why
// its mentions were merged, and how the entities of one article are linked to them.
//
// `:key` takes a key ("per:benjamin-netanyahu", a former key is followed) or a name, alias or
// surname ("Netanyahu", "Internationaal Strafhof"). Unknown: 404. A name that fits several
// entities: 409 with the candidates (`AmbiguousEntity`), so the client can ask again by key.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AmbiguousEntityError, type Page, type Store } from '../../store/store.ts';
import type { EntityLayer } from '../../types.ts';
import type { RouteModule } from '../context.ts';
import { notFound } from '../errors.ts';
import { articleIdParams } from '../../api/articles.ts';
import { ambiguousEntitySchema, type AmbiguousEntity } from '../../api/errors.ts';
import {
  articleEntitiesQuery,
  articleEntityLinksSchema,
  cooccurrenceQuery,
  cooccurrenceSchema,
  entityDetailQuery,
  entityDetailSchema,
  entityExplanationSchema,
  entityKeyParams,
  entityListQuery,
  entityListSchema,
  explainQuery,
  type ArticleEntityLinks,
  type EntityCooccurrenceResponse,
  type EntityDetailQuery,
  type EntityDetailResponse,
  type EntityExplanationResponse,
  type EntityList,
  type EntityListQuery,
  type PageQuery,
} from '../../api/entities.ts';
import { errors, requestSchema, ref } from '../schemas.ts';
import { openCorpus } from '../../corpus/index.ts';

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
    } satisfies AmbiguousEntity);
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
  /** A GET route on one entity (`:key`): 404 when none, 409 with the candidates when the name fits several. */
  const entityGet = <Q, R>(
    path: string,
    schema: { summary: string; description: string; querystring: unknown; ok: { $ref: string } },
    handler: (req: FastifyRequest<{ Params: { key: string }; Querystring: Q }>) => Promise<R>,
  ) =>
    app.get<{ Params: { key: string }; Querystring: Q }>(
      path,
      {
        schema: {
          tags: ['entities'],
          summary: schema.summary,
          description: schema.description,
          params: requestSchema(entityKeyParams),
          querystring: schema.querystring,
          response: { 200: schema.ok, ...errors(400, 404), 409: ref(ambiguousEntitySchema) },
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

  app.get<{ Querystring: EntityListQuery; Reply: EntityList }>(
    '/api/entities',
    {
      schema: {
        tags: ['entities'],
        summary: 'List entities',
        description:
          'People, organisations and places across the corpus, most widely reported first (articles, then mentions). ' +
          '`stale` says the stored analyses changed since the entity index was built (`dossier entities --rebuild`).',
        querystring: requestSchema(entityListQuery),
        response: { 200: ref(entityListSchema), ...errors(400) },
      },
    },
    async (req) => {
      const q = req.query;
      const r = await openCorpus(store).entities({ type: q.type, name: q.name, limit: q.limit, offset: q.offset });
      return { ...page(r, q), stale: r.stale, items: r.items };
    },
  );

  entityGet<EntityDetailQuery, EntityDetailResponse>(
    '/api/entities/:key',
    {
      summary: 'One entity',
      description:
        'Its names and roles with counts, the keys merged into it, a page of its mentions in every article (newest ' +
        'article first) and a page of the quotes it said. Articles naming it: `GET /api/articles?entity=<key>`.',
      querystring: requestSchema(entityDetailQuery),
      ok: ref(entityDetailSchema),
    },
    async (req) => {
      const q = req.query;
      const mentions = { limit: q.mentionsLimit, offset: q.mentionsOffset };
      const quotes = { limit: q.quotesLimit, offset: q.quotesOffset };
      const e = await openCorpus(store).entity(req.params.key, { mentions, quotes });
      if (!e) throw noEntity(req.params.key);
      return { ...e, mentions: { ...page(e.mentions, mentions), items: e.mentions.items }, quotes: { ...page(e.quotes, quotes), items: e.quotes.items.map((r) => ({ ...r, speakerKey: e.key })) } };
    },
  );

  entityGet<PageQuery, EntityCooccurrenceResponse>(
    '/api/entities/:key/cooccurrence',
    {
      summary: 'Entities named in the same articles',
      description:
        'The entities named in articles that name this one, by the number of articles naming both, and for every ' +
        'pair of them on this page the articles naming both (`edges`): the data of a co-occurrence graph.',
      querystring: requestSchema(cooccurrenceQuery),
      ok: ref(cooccurrenceSchema),
    },
    async (req) => {
      const { key, name } = await keyOf(store, req.params.key);
      const r = await openCorpus(store).entityCooccurrence(key, { limit: req.query.limit, offset: req.query.offset });
      if (!r) throw noEntity(req.params.key);
      return { key: r.key, name, ...page(r, req.query), items: r.items, edges: r.edges };
    },
  );

  entityGet<PageQuery, EntityExplanationResponse>(
    '/api/entities/:key/explain',
    {
      summary: 'Why mentions were merged into one entity',
      description: 'Every local entity linked to it, in the order of resolution, with the rule and reason (paged), and the entities merged into it.',
      querystring: requestSchema(explainQuery),
      ok: ref(entityExplanationSchema),
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

  app.get<{ Params: { id: string }; Querystring: PageQuery; Reply: ArticleEntityLinks }>(
    '/api/articles/:id/entities',
    {
      schema: {
        tags: ['entities'],
        summary: 'How the entities of one article are linked',
        description:
          "Each entity of the article's entity layer (in layer order) with the global entity it is linked to and why. " +
          '(`GET /api/articles/:id` also sets `key` on each entity of its layer.)',
        params: requestSchema(articleIdParams),
        querystring: requestSchema(articleEntitiesQuery),
        response: { 200: ref(articleEntityLinksSchema), ...errors(400, 404) },
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
