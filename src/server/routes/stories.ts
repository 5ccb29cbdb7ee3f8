// Stories: storylines (paged), one storyline or event with its events, sources, languages, articles
// and timeline, its timeline alone (paged), the source comparison (figures side by side, voice,
// coverage), and the timeline of an entity. The JSON is the story views (openCorpus(store).stories) of src/corpus/stories/api.ts —
// the same `dossier stories|story|timeline|compare --json` prints — with a page around lists.
//
// `:id` is a storyline ("s-…") or event ("e-…") id, or a unique prefix of at least 4 hex digits.
// Unknown: 404. Ambiguous prefix or malformed id: 400.
import type { RouteModule } from '../context.ts';
import { notFound } from '../errors.ts';
import { entityKeyParams } from '../../api/entities.ts';
import { ambiguousEntitySchema } from '../../api/errors.ts';
import {
  comparisonSchema,
  entityTimelineQuery,
  storiesListSchema,
  storiesQuery,
  storyDetailSchema,
  storyIdParams,
  timelinePageSchema,
  timelineQuery,
  type ComparisonView,
  type EntityTimelineQuery,
  type StoriesListResponse,
  type StoryDetail,
  type TimelinePage,
} from '../../api/stories.ts';
import type { PageQuery } from '../../api/entities.ts';
import { errors, requestSchema, ref } from '../schemas.ts';
import { keyOf, sendAmbiguous } from './entities.ts';
import { openCorpus } from '../../corpus/index.ts';

export const storyRoutes: RouteModule = (app, { store }) => {
  const stories = openCorpus(store).stories;
  const missing = (id: string) => notFound(`no storyline or event with id "${id}"`);

  app.get<{ Querystring: PageQuery; Reply: StoriesListResponse }>(
    '/api/stories',
    {
      schema: {
        tags: ['stories'],
        summary: 'List storylines',
        description:
          'Storylines, most recently active first, each with its events (in date order), sources, languages and key entities. ' +
          'Articles join events and storylines when they are ingested (`dossier restory` rebuilds them).',
        querystring: requestSchema(storiesQuery),
        response: { 200: ref(storiesListSchema), ...errors(400) },
      },
    },
    async (req) => {
      const { limit, offset } = req.query;
      const r = await stories.list({ limit, offset });
      const { storylines, ...rest } = r;
      return { ...rest, limit, offset, items: storylines };
    },
  );

  app.get<{ Params: { id: string }; Reply: StoryDetail }>(
    '/api/stories/:id',
    {
      schema: {
        tags: ['stories'],
        summary: 'One storyline or event',
        description:
          'Its label and time span, languages, key entities, sources, events (each with its article ids), articles and timeline. ' +
          'The timeline alone, paged: `/api/stories/{id}/timeline`; the source comparison: `/api/stories/{id}/compare`.',
        params: requestSchema(storyIdParams),
        response: { 200: ref(storyDetailSchema), ...errors(400, 404) },
      },
    },
    async (req) => {
      const d = await stories.detail(req.params.id);
      if (!d) throw missing(req.params.id);
      return d;
    },
  );

  app.get<{ Params: { id: string }; Querystring: PageQuery; Reply: TimelinePage }>(
    '/api/stories/:id/timeline',
    {
      schema: {
        tags: ['stories'],
        summary: 'Timeline of a storyline or event',
        description:
          'Dated happenings (sentences with a resolved date) and statements (quotes) from its articles, in date order. One happening ' +
          'reported by several articles appears once, with the evidence of each (offsets into the article text).',
        params: requestSchema(storyIdParams),
        querystring: requestSchema(timelineQuery),
        response: { 200: ref(timelinePageSchema), ...errors(400, 404) },
      },
    },
    async (req) => {
      const t = await stories.timeline({ story: req.params.id });
      if (!t) throw missing(req.params.id);
      const { limit, offset } = req.query;
      return { ...t, total: t.items.length, limit, offset, items: t.items.slice(offset, offset + limit) };
    },
  );

  app.get<{ Params: { id: string }; Reply: ComparisonView }>(
    '/api/stories/:id/compare',
    {
      schema: {
        tags: ['stories'],
        summary: 'Source comparison of a storyline or event',
        description:
          'Figures side by side (each thing counted, with every source’s value, qualifier, date, language and voice, and the ' +
          'points of a chart over time), each source’s voice (loaded terms, who it quotes, by side) and coverage (what each ' +
          'source reports and leaves out that others report).',
        params: requestSchema(storyIdParams),
        response: { 200: ref(comparisonSchema), ...errors(400, 404) },
      },
    },
    async (req) => {
      const c = await stories.compare(req.params.id);
      if (!c) throw missing(req.params.id);
      return c;
    },
  );

  app.get<{ Params: { key: string }; Querystring: EntityTimelineQuery; Reply: TimelinePage }>(
    '/api/entities/:key/timeline',
    {
      schema: {
        tags: ['entities', 'stories'],
        summary: 'Timeline of an entity',
        description:
          'Dated happenings naming the entity and its statements (quotes by or naming it), from the most recent articles naming ' +
          'it, in date order. Unknown entity: 404; a name that fits several: 409 with the candidates.',
        params: requestSchema(entityKeyParams),
        querystring: requestSchema(entityTimelineQuery),
        response: { 200: ref(timelinePageSchema), ...errors(400, 404), 409: ref(ambiguousEntitySchema) },
      },
    },
    async (req, reply) => {
      let name: string;
      try {
        ({ name } = await keyOf(store, req.params.key));
      } catch (err) {
        return sendAmbiguous(reply, err);
      }
      const t = await stories.timeline({ entity: name, limit: req.query.articles });
      if (!t) throw notFound(`no entity named "${req.params.key}"`);
      const { limit, offset } = req.query;
      return { ...t, total: t.items.length, limit, offset, items: t.items.slice(offset, offset + limit) };
    },
  );
};
