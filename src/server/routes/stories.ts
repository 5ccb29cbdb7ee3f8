// Stories: storylines (paged), one storyline or event with its events, sources, languages, articles
// and timeline, its timeline alone (paged), the source comparison (figures side by side, voice,
// coverage), and the timeline of an entity. The JSON is the story views (openCorpus(store).stories) of src/corpus/stories/api.ts —
// the same `dossier stories|story|timeline|compare --json` prints — with a page around lists.
//
// `:id` is a storyline ("s-…") or event ("e-…") id, or a unique prefix of at least 4 hex digits.
// Unknown: 404. Ambiguous prefix or malformed id: 400.
import type { RouteModule } from '../context.ts';
import { notFound } from '../errors.ts';
import { MAX_PAGE, errors, querySchema, ref } from '../schemas.ts';
import { keyOf, keyParam, sendAmbiguous } from './entities.ts';
import { openCorpus } from '../../corpus/index.ts';

const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const num = { type: 'number' } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const strings = { type: 'array', items: str } as const;
/** An object schema that lets fields the story views add later through. */
const obj = (properties: Record<string, unknown>, description?: string) =>
  ({ type: 'object', properties, additionalProperties: true, ...(description ? { description } : {}) }) as const;
const nullableObj = (properties: Record<string, unknown>, description?: string) =>
  ({ type: ['object', 'null'], properties, additionalProperties: true, ...(description ? { description } : {}) }) as const;
const list = (items: unknown, description?: string) => ({ type: 'array', items, ...(description ? { description } : {}) }) as const;
const level = { type: 'string', enum: ['event', 'storyline'] } as const;
const basis = {
  sourceBasis: { type: 'string', enum: ['source', 'article', 'mixed'], description: 'How sources were counted: outlets, articles standing in for unknown outlets, or both.' },
  note: { type: 'string', description: 'The same, said in words.' },
} as const;
const languageCounts = { type: 'object', additionalProperties: int, description: 'Articles per language code.' } as const;

const sourceRef = obj(
  { id: { type: 'string', description: '"source:<outlet>", or "article:<id>" for an article without an outlet.' }, name: str, kind: { type: 'string', enum: ['source', 'article'] } },
  'Who reported: an outlet, or an article standing in for its unknown outlet.',
);
const evidence = {
  articleId: str,
  start: { type: 'integer', description: 'Offsets into the cleaned text of the article (GET /api/articles/{articleId}).' },
  end: int,
  text: str,
  sentence: obj({ start: int, end: int, text: str }, 'The sentence around the span.'),
} as const;

const voiceOf = {
  voice: { type: 'string', enum: ['asserted', 'attributed', 'quoted'], description: 'The source’s own voice, attributed to someone, or inside a quote.' },
  by: { ...nullableStr, description: 'Who it is put in the mouth of.' },
  byKey: nullableStr,
  cue: { ...nullableStr, description: 'The attribution cue ("according to", "volgens").' },
} as const;
const eventProperties = {
  id: str,
  label: { type: 'string', description: 'Key people or organisations · place · dates, from its own articles.' },
  title: { ...nullableStr, description: 'Headline of its earliest dated article.' },
  span: ref('StorySpan'),
  articles: int,
  languages: languageCounts,
  sources: list(ref('StorySource')),
} as const;

export const storySchemas = [
  { $id: 'StorySourceRef', ...sourceRef },
  {
    $id: 'StorySpan',
    ...obj({ from: nullableStr, to: nullableStr, monthDays: { ...strings, description: 'Days without a year ("02-04") of members that have only those.' } }, 'Earliest and latest day of the members (ISO); null when none is dated.'),
  },
  { $id: 'StorySource', ...obj({ source: ref('StorySourceRef'), articles: int, languages: strings }) },
  {
    $id: 'StoryEvent',
    ...obj(eventProperties, 'One happening reported by one or more articles.'),
  },
  {
    $id: 'Storyline',
    ...obj(
      {
        id: str,
        label: str,
        title: { ...nullableStr, description: 'Headline of its latest article.' },
        span: ref('StorySpan'),
        articles: int,
        languages: languageCounts,
        entities: list(obj({ key: str, name: str, kind: { type: 'string', enum: ['actor', 'place'] } }), 'Key entities, strongest first.'),
        sources: list(ref('StorySource')),
        events: list(ref('StoryEvent'), 'In date order (undated last).'),
      },
      'A storyline: events that belong together.',
    ),
  },
  {
    $id: 'StoryArticle',
    ...obj({ id: str, title: nullableStr, file: str, source: nullableStr, language: str, publishedAt: nullableStr, day: { ...nullableStr, description: 'The date clustering used: published, else from the lead.' }, eventId: str }),
  },
  {
    $id: 'TimelineItem',
    ...obj(
      {
        date: { type: 'string', description: 'A day (2024-05-01), a month (2024-05) or a year (2024).' },
        granularity: { type: 'string', enum: ['day', 'month', 'year'] },
        kind: { type: 'string', enum: ['happening', 'statement'], description: 'A dated sentence, or a quote.' },
        text: str,
        speaker: nullableObj({ name: str, key: nullableStr }, 'Who spoke (statements).'),
        entities: list(obj({ key: str, name: str })),
        sources: list(ref('StorySourceRef')),
        evidence: list(
          obj({ ...evidence, source: ref('StorySourceRef'), language: str, dateText: { ...nullableStr, description: 'The date as written; null when the article’s own date was used.' } }),
          'Where each reporting article says it: link /articles/{articleId}?at={start}-{end}.',
        ),
      },
      'One happening or statement, once, with the evidence of every article reporting it.',
    ),
  },
  {
    $id: 'FigureRow',
    ...obj(
      {
        key: str,
        label: { type: 'string', description: 'What is counted, language-independent ("Palestinians killed").' },
        unit: nullableStr,
        sources: { type: 'integer', description: 'Distinct sources with a figure in the row.' },
        claims: list(
          obj({
            row: str,
            label: str,
            articleId: str,
            source: ref('StorySourceRef'),
            language: str,
            value: num,
            valueMax: { type: ['number', 'null'] },
            unit: nullableStr,
            qualifier: { ...nullableStr, description: '"more-than", "approximately", …' },
            counts: { ...nullableStr, description: 'What the article says is counted, as written.' },
            countsKey: str,
            place: nullableObj({ key: str, name: str }),
            asOf: { ...nullableStr, description: 'The day the figure stands for.' },
            asOfFrom: { type: ['string', 'null'], enum: ['published', 'text', 'event', null] },
            voice: ref('StoryVoiceOf'),
            evidence: obj(evidence),
          }),
        ),
        series: list(obj({ asOf: str, value: num, source: str, language: str, articleId: str }), 'Dated values in date order: the points of a figure-over-time chart.'),
      },
      'One thing counted, with every source’s figure for it side by side.',
    ),
  },
  { $id: 'StoryVoiceOf', ...obj(voiceOf, 'Whose voice a piece of text is in.') },
];

const timelineScope = obj(
  {
    story: obj({ id: str, level, label: str }),
    entity: obj({ query: str, keys: strings, names: strings }),
  },
  'What the timeline is of: a story, or an entity.',
);

const comparisonView = obj({
  id: str,
  level,
  label: str,
  ...basis,
  sources: list(obj({ source: ref('StorySourceRef'), languages: strings, articles: list(ref('StoryArticle')) })),
  figures: list(ref('FigureRow'), 'Rows reported by more sources first.'),
  voice: list(
    obj({
      source: ref('StorySourceRef'),
      languages: strings,
      articles: strings,
      loadedTerms: list(
        obj({
          term: { type: 'string', description: 'Language-independent id ("genocide").' },
          own: int,
          attributed: int,
          quoted: int,
          uses: list(obj({ term: str, ...voiceOf, evidence: obj(evidence) })),
        }),
      ),
      ownVoiceTerms: { ...strings, description: 'Loaded terms the source uses in its own voice, most used first.' },
      quoted: list(obj({ name: str, key: nullableStr, role: nullableStr, side: nullableStr, quotes: int, direct: int, indirect: int })),
      sides: list(obj({ side: nullableStr, quotes: int })),
    }),
    'Each source’s voice: loaded terms (own, attributed, quoted) and who it quotes.',
  ),
  coverage: obj({
    facts: list(obj({ kind: { type: 'string', enum: ['figure', 'event', 'speaker'] }, key: str, label: str, sources: strings })),
    bySource: list(obj({ source: ref('StorySourceRef'), reports: int, omits: list(obj({ kind: str, key: str, label: str })) })),
  }),
});

const idParam = {
  type: 'object',
  properties: {
    id: {
      type: 'string',
      pattern: '^[esES]-[0-9a-fA-F]{4,64}$',
      description: 'A storyline ("s-66afb30d58d1") or event ("e-1228e33355ce") id, or a unique prefix of at least 4 hex digits.',
    },
  },
  required: ['id'],
} as const;

const STORIES_PAGE = 20;
const MAX_STORIES_PAGE = 100;
const TIMELINE_PAGE = 100;
const ENTITY_ARTICLES = 300;
const MAX_ENTITY_ARTICLES = 2000;

const pageParams = (def: number, max: number, what: string) => ({
  limit: { type: 'integer', minimum: 1, maximum: max, default: def, description: `${what} per page (1–${max}).` },
  offset: { type: 'integer', minimum: 0, default: 0, description: `${what} to skip.` },
});

interface PageQS {
  limit: number;
  offset: number;
}

const timelinePage = {
  type: 'object',
  properties: {
    scope: timelineScope,
    ...basis,
    total: { type: 'integer', description: 'Timeline items over all pages.' },
    limit: int,
    offset: int,
    items: list(ref('TimelineItem'), 'In date order; happenings before statements of the same date.'),
    undatedStatements: { type: 'integer', description: 'Quotes left out because neither they nor their article carry a date.' },
    articles: { type: 'integer', description: 'Articles read.' },
  },
  required: ['scope', 'total', 'limit', 'offset', 'items'],
  additionalProperties: true,
} as const;

export const storyRoutes: RouteModule = (app, { store }) => {
  for (const s of storySchemas) app.addSchema(s);
  const stories = openCorpus(store).stories;
  const missing = (id: string) => notFound(`no storyline or event with id "${id}"`);

  app.get<{ Querystring: PageQS }>(
    '/api/stories',
    {
      schema: {
        tags: ['stories'],
        summary: 'List storylines',
        description:
          'Storylines, most recently active first, each with its events (in date order), sources, languages and key entities. ' +
          'Articles join events and storylines when they are ingested (`dossier restory` rebuilds them).',
        querystring: querySchema(pageParams(STORIES_PAGE, MAX_STORIES_PAGE, 'Storylines')),
        response: {
          200: {
            type: 'object',
            properties: {
              total: int,
              limit: int,
              offset: int,
              unplaced: { type: 'integer', description: 'Stored articles not placed in any storyline yet (`dossier restory` places them).' },
              ...basis,
              items: list(ref('Storyline')),
            },
            required: ['total', 'limit', 'offset', 'items'],
          },
          ...errors(400),
        },
      },
    },
    async (req) => {
      const { limit, offset } = req.query;
      const r = await stories.list({ limit, offset });
      const { storylines, ...rest } = r;
      return { ...rest, limit, offset, items: storylines };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/stories/:id',
    {
      schema: {
        tags: ['stories'],
        summary: 'One storyline or event',
        description:
          'Its label and time span, languages, key entities, sources, events (each with its article ids), articles and timeline. ' +
          'The timeline alone, paged: `/api/stories/{id}/timeline`; the source comparison: `/api/stories/{id}/compare`.',
        params: idParam,
        response: {
          200: obj({
            id: str,
            level,
            label: str,
            title: nullableStr,
            span: ref('StorySpan'),
            storyline: nullableObj({ id: str, label: str }, 'The storyline of an event; null for a storyline.'),
            ...basis,
            languages: languageCounts,
            entities: list(obj({ key: str, name: str, kind: { type: 'string', enum: ['actor', 'place'] } })),
            sources: list(ref('StorySource')),
            events: list(obj({ ...eventProperties, articleIds: strings }), 'In date order (undated last).'),
            articles: list(ref('StoryArticle'), 'By date (undated last).'),
            timeline: list(ref('TimelineItem')),
          }),
          ...errors(400, 404),
        },
      },
    },
    async (req) => {
      const d = await stories.detail(req.params.id);
      if (!d) throw missing(req.params.id);
      return d;
    },
  );

  app.get<{ Params: { id: string }; Querystring: PageQS }>(
    '/api/stories/:id/timeline',
    {
      schema: {
        tags: ['stories'],
        summary: 'Timeline of a storyline or event',
        description:
          'Dated happenings (sentences with a resolved date) and statements (quotes) from its articles, in date order. One happening ' +
          'reported by several articles appears once, with the evidence of each (offsets into the article text).',
        params: idParam,
        querystring: querySchema(pageParams(TIMELINE_PAGE, MAX_PAGE, 'Timeline items')),
        response: { 200: timelinePage, ...errors(400, 404) },
      },
    },
    async (req) => {
      const t = await stories.timeline({ story: req.params.id });
      if (!t) throw missing(req.params.id);
      const { limit, offset } = req.query;
      return { ...t, total: t.items.length, limit, offset, items: t.items.slice(offset, offset + limit) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/stories/:id/compare',
    {
      schema: {
        tags: ['stories'],
        summary: 'Source comparison of a storyline or event',
        description:
          'Figures side by side (each thing counted, with every source’s value, qualifier, date, language and voice, and the ' +
          'points of a chart over time), each source’s voice (loaded terms, who it quotes, by side) and coverage (what each ' +
          'source reports and leaves out that others report).',
        params: idParam,
        response: { 200: comparisonView, ...errors(400, 404) },
      },
    },
    async (req) => {
      const c = await stories.compare(req.params.id);
      if (!c) throw missing(req.params.id);
      return c;
    },
  );

  app.get<{ Params: { key: string }; Querystring: PageQS & { articles: number } }>(
    '/api/entities/:key/timeline',
    {
      schema: {
        tags: ['entities', 'stories'],
        summary: 'Timeline of an entity',
        description:
          'Dated happenings naming the entity and its statements (quotes by or naming it), from the most recent articles naming ' +
          'it, in date order. Unknown entity: 404; a name that fits several: 409 with the candidates.',
        params: keyParam,
        querystring: querySchema({
          ...pageParams(TIMELINE_PAGE, MAX_PAGE, 'Timeline items'),
          articles: {
            type: 'integer',
            minimum: 1,
            maximum: MAX_ENTITY_ARTICLES,
            default: ENTITY_ARTICLES,
            description: `Most recent articles naming it that are read (1–${MAX_ENTITY_ARTICLES}).`,
          },
        }),
        response: { 200: timelinePage, ...errors(400, 404), 409: ref('AmbiguousEntity') },
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
