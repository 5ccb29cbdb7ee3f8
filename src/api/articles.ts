// Articles: the layer shapes (spans into the cleaned text), a line of a listing, and the full stored
// article with every layer. The shapes match src/types.ts (test/api/types.test.ts checks it).
import { z } from 'zod/v4';
import { filterPageQuery, int, pageOf } from './page.ts';
import { named } from './json-schema.ts';

export const entityType = z.enum(['PER', 'ORG', 'LOC', 'MISC']);
export type EntityType = z.infer<typeof entityType>;

export const publishedAtSource = z.enum(['metadata', 'url', 'caption', 'text', 'none']);

const span = { start: int, end: int, text: z.string() };
export const spanSchema = z.object(span);

export const removedSchema = z.object({
  text: z.string(),
  reason: z.enum(['title', 'dek', 'byline', 'caption', 'credit', 'media', 'url', 'markup', 'timestamp', 'duplicate-title', 'boilerplate', 'empty']),
});

export const sentenceSchema = z.object({ start: int, end: int });

export const mentionSchema = z.object({
  ...span,
  how: z.string().optional().describe('Why the mention belongs to its entity within the article.'),
});

export const entityLayerSchema = named(
  'EntityLayer',
  z.object({
    id: z.string(),
    name: z.string(),
    type: entityType,
    mentions: z.array(mentionSchema),
    roles: z.array(z.object({ role: z.string(), ...span })).optional().describe('Titles and roles ("US President") with where they came from.'),
    key: z.string().optional().describe('The global entity it is linked to (see /api/entities/{key}).'),
  }),
);

export const attributionKind = z.enum(['direct', 'indirect', 'mixed', 'belief']);
export const speakerVia = z.enum(['entity', 'name', 'pronoun', 'role', 'unnamed', 'label', 'phrase']);

export const quoteSchema = named(
  'Quote',
  z.object({
    ...span,
    kind: z.enum(['direct', 'indirect']),
    speaker: z
      .object({
        name: z.string(),
        entity: z.string().nullable(),
        start: int.optional(),
        end: int.optional(),
        via: speakerVia.optional().describe('How the source phrase was resolved to this speaker (the evidence).'),
        antecedentStart: int.optional().describe('Pronouns: where the subject they were resolved to stands.'),
        antecedentEnd: int.optional(),
      })
      .nullable(),
    cue: z.string().nullable(),
    cueStart: int.optional(),
    cueEnd: int.optional(),
    attributionKind: attributionKind.optional().describe('direct, indirect (reported), mixed (reported with quoted words) or belief (belief or intention).'),
    source: z.string().nullable().optional().describe('The source as the text gives it ("the candidate", "analysts"), even when no speaker is resolved.'),
    sourceStart: int.optional(),
    sourceEnd: int.optional(),
    confidence: z.number().min(0).max(1).optional().describe('How sure the quotes layer is (the attribution model\'s cue confidence, or a fixed value per rule).'),
    by: z.enum(['rules', 'model']).optional().describe('Which side of the quotes layer found it.'),
    attribution: int.optional().describe('Quotes with the same number are parts of one attribution (one cue and source): a split quotation, its continuation, a partial quotation inside the reported clause.'),
  }),
);

export const figureSchema = named(
  'Figure',
  z.object({
    ...span,
    value: z.number().nullable(),
    valueMax: z.number().nullable().optional().describe('Upper end of a range ("10 to 15"): value is the lower end.'),
    unit: z.string().nullable(),
    qualifier: z.string().nullable(),
    counts: z.string().nullable(),
    countsKey: z.string().nullable().optional().describe('Language-independent key of what is counted ("palestinians killed").'),
    qualifierStart: int.optional(),
    qualifierEnd: int.optional(),
  }),
);

export const timeGranularity = z.enum(['day', 'week', 'month', 'quarter', 'year', 'season', 'unknown']);

export const timeSchema = named(
  'TimeExpr',
  z.object({
    ...span,
    value: z.string().nullable().describe('ISO value ("2024-05-01", "2024-05", "2024", "--02-04"), null when unresolved.'),
    granularity: timeGranularity,
    relative: z.boolean().optional().describe('True when resolved against publishedAt.'),
    valueEnd: z.string().nullable().optional().describe('End of a range: value is the start.'),
    mod: z.enum(['early', 'mid', 'late']).optional(),
    anchor: z
      .object({
        date: z.string().describe('ISO value resolved against: a day (YYYY-MM-DD), or a month, quarter or year the text named before'),
        from: z
          .enum(['published', 'text'])
          .describe('published: the publication date; text: a date the text gives (the day of a quoted statement, the date before "the following year", the quarter a report is about)'),
      })
      .optional()
      .describe('The day a relative or year-less expression was resolved against; absent when the value is written out in full or unresolved.'),
    background: z.boolean().optional().describe('Context, not a happening: a year on its own or a reference point ("since 1951"); timelines and story dates skip it.'),
    role: z
      .enum(['deadline', 'plan'])
      .optional()
      .describe('Not a happening but a limit ("until 15 July 2006", "by March 2006": deadline) or an intention (a future or planning clause, or after the publication date: plan); timelines and story dates skip it.'),
  }),
);

export const layerCountsSchema = z.object({ entities: int, mentions: int, quotes: int, figures: int, times: int });

const summaryShape = {
  id: z.string(),
  title: z.string().nullable(),
  source: z.string().nullable(),
  language: z.string(),
  languageSupported: z.boolean(),
  publishedAt: z.string().nullable(),
  publishedAtFrom: publishedAtSource,
  file: z.string(),
  position: int.optional(),
  url: z.string().nullable(),
  counts: layerCountsSchema,
};

/** One line of an article listing. */
export const articleSummarySchema = named('ArticleSummary', z.object(summaryShape));

export const rawMetaSchema = z.object({
  title: z.string().optional(),
  url: z.string().optional(),
  source: z.string().optional(),
  byline: z.string().optional(),
  publishedAt: z.string().optional(),
  language: z.string().optional(),
  description: z.string().optional(),
  urls: z.array(z.string()).optional(),
});

/** The full article: metadata, cleaned text, every layer and the removed noise. */
export const storedArticleSchema = named(
  'Article',
  z.object({
    file: z.string(),
    id: z.string(),
    title: z.string().nullable(),
    dek: z.string().nullable(),
    byline: z.string().nullable(),
    source: z.string().nullable(),
    url: z.string().nullable(),
    language: z.string(),
    languageConfidence: z.number(),
    languageSupported: z.boolean().describe('false when the language has no full support (no rules or models for the later layers).'),
    unsupported: z
      .object({
        layers: z.array(z.string()).describe('The layers not analysed, of "entities", "quotes", "figures", "times".'),
        reason: z.string().describe('Why, in words for people.'),
      })
      .optional()
      .describe('Present only when some layers could not be analysed: a language without full support, or without a name-tagging model.'),
    publishedAt: z.string().nullable(),
    publishedAtFrom: publishedAtSource,
    text: z.string().describe('The cleaned text; every span offset points into it.'),
    removed: z.array(removedSchema),
    headings: z.array(spanSchema),
    sentences: z.array(sentenceSchema),
    entities: z.array(entityLayerSchema),
    quotes: z.array(quoteSchema),
    figures: z.array(figureSchema),
    times: z.array(timeSchema),
    syndication: z
      .object({
        copyOf: z.string().nullable().describe('The article this one is a syndicated copy of (the same wire story on another site).'),
        copies: z.array(z.string()).describe('Ids of the syndicated copies of this article ("and 9 copies").'),
      })
      .optional()
      .describe('Present only for an article with syndicated copies, or that is one (found when following sources).'),
    analysisVersion: z.string().optional().describe('The analysis that produced the layers (see /api/stats).'),
    ingestedAt: z.string().describe('ISO timestamp of the ingest.'),
    analyzedAt: z.string().describe('ISO timestamp of the analysis stored now (equals ingestedAt until a re-analysis).'),
    contentHash: z.string().describe('Hex digest of the content; the id is its first 16 digits.'),
    raw: z
      .object({
        file: z.string(),
        position: int.optional(),
        format: z.enum(['txt', 'html', 'jsonl', 'rss', 'atom']),
        encoding: z.string().optional(),
        meta: rawMetaSchema,
      })
      .describe('How the input was read: file, format, encoding, reader metadata (without the input itself, which re-analysis reads).'),
  }),
);

export const articlePageSchema = named('ArticlePage', pageOf(articleSummarySchema));

export const articleListQuery = filterPageQuery;

export const articleIdParams = z.object({
  id: z
    .string()
    .regex(/^[0-9a-f]{6,64}$/)
    .describe('Article id (16 hex digits) or a unique prefix of at least 6.'),
});

export type Span = z.infer<typeof spanSchema>;
export type Removed = z.infer<typeof removedSchema>;
export type Sentence = z.infer<typeof sentenceSchema>;
export type Mention = z.infer<typeof mentionSchema>;
export type EntityLayer = z.infer<typeof entityLayerSchema>;
export type Quote = z.infer<typeof quoteSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type TimeExpr = z.infer<typeof timeSchema>;
export type LayerCounts = z.infer<typeof layerCountsSchema>;
export type ArticleSummary = z.infer<typeof articleSummarySchema>;
export type StoredArticle = z.infer<typeof storedArticleSchema>;
export type ArticlePage = z.infer<typeof articlePageSchema>;
