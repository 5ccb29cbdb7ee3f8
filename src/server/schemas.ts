// JSON schemas shared by the routes: query parameters (filters, paging) and response shapes. They
// validate requests, serialise responses and become the OpenAPI document. Response objects allow
// additional properties so a field a layer adds later reaches clients instead of being dropped.

export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 50;

const isoPrefix = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';

/** `limit` and `offset` on every list. */
export const pageQuery = {
  limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: DEFAULT_PAGE, description: `Items per page (1–${MAX_PAGE}).` },
  offset: { type: 'integer', minimum: 0, default: 0, description: 'Items to skip.' },
} as const;

/** The article filters every list and search accepts. `lang` and `source` may repeat (any of them). */
export const filterQuery = {
  lang: {
    type: 'array',
    items: { type: 'string', pattern: '^[a-z]{2,3}$' },
    maxItems: 20,
    description: 'ISO 639-1 language code; repeat for several (any of them).',
  },
  source: {
    type: 'array',
    items: { type: 'string', minLength: 1, maxLength: 200 },
    maxItems: 50,
    description: 'Exact source (outlet) name; repeat for several.',
  },
  entity: { type: 'string', minLength: 1, maxLength: 300, description: 'Only articles naming this entity: its key (per:benjamin-netanyahu; see /api/entities).' },
  from: { type: 'string', pattern: isoPrefix, description: 'Published on or after (2024, 2024-05 or 2024-05-01).' },
  to: { type: 'string', pattern: isoPrefix, description: 'Published on or before, the whole prefix included (to=2024-05 includes 31 May).' },
} as const;

export interface FilterQS {
  lang?: string[];
  source?: string[];
  entity?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** Builds a querystring schema from property sets; unknown parameters are a 400. */
export function querySchema(properties: Record<string, unknown>, required: string[] = []) {
  return { type: 'object', properties, required, additionalProperties: false } as const;
}

export const articleIdParam = {
  type: 'object',
  properties: {
    id: { type: 'string', pattern: '^[0-9a-f]{6,64}$', description: 'Article id (16 hex digits) or a unique prefix of at least 6.' },
  },
  required: ['id'],
} as const;

const nullableString = { type: ['string', 'null'] } as const;

export const errorSchema = {
  $id: 'Error',
  type: 'object',
  description: 'Every error: the HTTP status, its name and a message for people. Never a stack trace.',
  properties: {
    statusCode: { type: 'integer' },
    error: { type: 'string' },
    message: { type: 'string' },
  },
  required: ['statusCode', 'error', 'message'],
} as const;

const layerCounts = {
  type: 'object',
  properties: {
    entities: { type: 'integer' },
    mentions: { type: 'integer' },
    quotes: { type: 'integer' },
    figures: { type: 'integer' },
    times: { type: 'integer' },
  },
} as const;

const summaryProperties = {
  id: { type: 'string' },
  title: nullableString,
  source: nullableString,
  language: { type: 'string' },
  languageSupported: { type: 'boolean' },
  publishedAt: nullableString,
  publishedAtFrom: { type: 'string', enum: ['metadata', 'url', 'caption', 'text', 'none'] },
  file: { type: 'string' },
  position: { type: 'integer' },
  url: nullableString,
  counts: layerCounts,
} as const;

export const articleSummarySchema = {
  $id: 'ArticleSummary',
  type: 'object',
  properties: summaryProperties,
  additionalProperties: true,
} as const;

export const searchHitSchema = {
  $id: 'SearchHit',
  type: 'object',
  properties: {
    ...summaryProperties,
    score: { type: 'number' },
    snippet: { type: 'string', description: 'Excerpt with each matched term wrapped in [[ ]]; … marks cut text.' },
  },
  additionalProperties: true,
} as const;

const facetList = {
  type: 'array',
  items: { type: 'object', properties: { value: nullableString, count: { type: 'integer' } } },
} as const;

export const facetsSchema = {
  $id: 'SearchFacets',
  type: 'object',
  description: 'Counts over all matches; value null collects articles without one.',
  properties: {
    language: facetList,
    source: facetList,
    entity: {
      type: 'array',
      description: 'The 20 entities named by most matches: value is the entity key (filter with entity=).',
      items: { type: 'object', properties: { value: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' }, count: { type: 'integer' } } },
    },
    month: facetList,
  },
} as const;

const span = { start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' } } as const;
const open = (properties: Record<string, unknown>) => ({ type: 'object', properties, additionalProperties: true }) as const;

/** The full article: metadata, cleaned text, every layer and the removed noise. */
export const storedArticleSchema = {
  $id: 'Article',
  type: 'object',
  properties: {
    ...summaryProperties,
    dek: nullableString,
    byline: nullableString,
    languageConfidence: { type: 'number' },
    text: { type: 'string', description: 'The cleaned text; every span offset points into it.' },
    removed: { type: 'array', items: open({ text: { type: 'string' }, reason: { type: 'string' } }) },
    headings: { type: 'array', items: open(span) },
    sentences: { type: 'array', items: open({ start: { type: 'integer' }, end: { type: 'integer' } }) },
    entities: { type: 'array', items: { type: 'object', additionalProperties: true } },
    quotes: { type: 'array', items: { type: 'object', additionalProperties: true } },
    figures: { type: 'array', items: { type: 'object', additionalProperties: true } },
    times: { type: 'array', items: { type: 'object', additionalProperties: true } },
    ingestedAt: { type: 'string' },
    analyzedAt: { type: 'string' },
    contentHash: { type: 'string' },
    raw: { type: 'object', additionalProperties: true, description: 'How the input was read: file, format, encoding, reader metadata.' },
  },
  additionalProperties: true,
} as const;

/** A layer row (quote, figure, date, mention) with the article it belongs to. */
export const layerRowSchema = {
  $id: 'LayerRow',
  type: 'object',
  properties: {
    articleId: { type: 'string' },
    title: nullableString,
    source: nullableString,
    language: { type: 'string' },
    publishedAt: nullableString,
    ...span,
  },
  additionalProperties: true,
} as const;

/** Schemas registered with `addSchema`, referenced as { $ref: 'Name#' }. */
export const sharedSchemas = [errorSchema, articleSummarySchema, searchHitSchema, facetsSchema, storedArticleSchema, layerRowSchema];

export const ref = (id: string) => ({ $ref: `${id}#` }) as const;

/** A page of rows: total over all pages, the page asked for and its items. */
export function pageOf(items: unknown) {
  return {
    type: 'object',
    properties: { total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, items: { type: 'array', items } },
    required: ['total', 'limit', 'offset', 'items'],
  } as const;
}

/** The error responses a route documents besides its success. */
export function errors(...codes: number[]) {
  return Object.fromEntries(codes.map((c) => [c, ref('Error')]));
}
