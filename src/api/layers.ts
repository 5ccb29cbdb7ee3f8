// Layer rows across the corpus: quotes, figures, dates (times) and entity mentions, each with the
// article it comes from and the offsets of its evidence in that article's text.
import { z } from 'zod/v4';
import { attributionKind, entityType, speakerVia, timeGranularity } from './articles.ts';
import { filterQuery, int, pageOf, pageQuery } from './page.ts';
import { named } from './json-schema.ts';

/** The article a layer row belongs to, flattened into each row, and the evidence span. */
const rowBase = {
  articleId: z.string(),
  title: z.string().nullable(),
  source: z.string().nullable(),
  language: z.string(),
  publishedAt: z.string().nullable(),
  start: int.describe("Offsets into the article's cleaned text."),
  end: int,
  text: z.string(),
};
export const layerRowBaseSchema = z.object(rowBase);

export const quoteRowSchema = named(
  'QuoteRow',
  z.object({
    ...rowBase,
    kind: z.enum(['direct', 'indirect']).describe('Direct (the words in quotation marks) or not.'),
    attributionKind: attributionKind
      .nullable()
      .describe('The finer kind: direct, indirect (reported), mixed (reported with quoted words) or belief (belief or intention); null when the article was analysed before attributions were stored (`dossier reanalyze`).'),
    speakerName: z.string().nullable().describe('The resolved speaker; null when the text names none.'),
    speakerEntity: z.string().nullable().describe("The speaker's entity id local to its article."),
    speakerKey: z.string().nullable().describe('The speaker\'s global entity key (see /api/entities/{key}); null when not linked to one.'),
    speakerVia: speakerVia.nullable().describe('How the source phrase was resolved to the speaker (the evidence).'),
    speakerStart: int.optional(),
    speakerEnd: int.optional(),
    sourceText: z.string().nullable().describe('The source of the attribution as the text gives it ("the candidate", "analysts", "he"), even when no speaker is resolved.'),
    sourceStart: int.optional().describe("Offsets of the source phrase in the article's cleaned text."),
    sourceEnd: int.optional(),
    cue: z.string().nullable().describe('The attribution cue ("said", "according to", "believes").'),
    cueStart: int.optional(),
    cueEnd: int.optional(),
    confidence: z.number().min(0).max(1).nullable().describe("How sure the quotes layer is (the attribution model's cue confidence, or a fixed value per rule)."),
    by: z.enum(['rules', 'model']).nullable().describe('Which side of the quotes layer found it.'),
  }),
);

export const figureRowSchema = named(
  'FigureLayerRow',
  z.object({
    ...rowBase,
    value: z.number().nullable(),
    valueMax: z.number().nullable().optional(),
    unit: z.string().nullable(),
    qualifier: z.string().nullable(),
    qualifierStart: int.optional(),
    qualifierEnd: int.optional(),
    counts: z.string().nullable(),
    countsKey: z.string().nullable().optional(),
  }),
);

export const timeRowSchema = named(
  'TimeRow',
  z.object({
    ...rowBase,
    value: z.string().nullable(),
    valueEnd: z.string().nullable().optional(),
    granularity: timeGranularity,
    mod: z.enum(['early', 'mid', 'late']).optional(),
    relative: z.boolean().optional(),
  }),
);

export const mentionRowSchema = named(
  'MentionRow',
  z.object({
    ...rowBase,
    entityId: z.string().describe("The entity's id local to its article."),
    name: z.string(),
    type: entityType,
    key: z.string().optional().describe('Global entity key, when resolved.'),
  }),
);

export const quotePageSchema = named('QuotePage', pageOf(quoteRowSchema));
export const figurePageSchema = named('FigurePage', pageOf(figureRowSchema));
export const timePageSchema = named('TimePage', pageOf(timeRowSchema));
export const mentionPageSchema = named('MentionPage', pageOf(mentionRowSchema));

const layerQuery = {
  article: z
    .string()
    .regex(/^[0-9a-f]{16}$/)
    .optional()
    .describe('Only rows of this article (full 16-digit id).'),
  ...filterQuery,
  ...pageQuery,
};

export const quoteQuery = z.strictObject({
  speaker: z.string().max(200).optional().describe("Part of the speaker's name (case and diacritics ignored)."),
  kind: z.enum(['direct', 'indirect']).optional(),
  ...layerQuery,
});

export const figureQuery = z.strictObject({
  counts: z.string().max(200).optional().describe('Part of what the figure counts ("killed").'),
  countsKey: z.string().max(200).optional().describe('Exact language-independent key of what is counted.'),
  ...layerQuery,
});

export const timeQuery = z.strictObject({
  value: z.string().max(40).optional().describe('Prefix of the resolved ISO value (2024 matches 2024-05-01).'),
  granularity: z.enum(['day', 'week', 'month', 'year', 'season', 'unknown']).optional(),
  ...layerQuery,
});

export const mentionQuery = z.strictObject({
  name: z.string().max(200).optional().describe('Part of the entity name (case and diacritics ignored).'),
  type: entityType.optional(),
  ...layerQuery,
});

export type LayerRowBase = z.infer<typeof layerRowBaseSchema>;
export type QuoteRow = z.infer<typeof quoteRowSchema>;
export type FigureRow = z.infer<typeof figureRowSchema>;
export type TimeRow = z.infer<typeof timeRowSchema>;
export type MentionRow = z.infer<typeof mentionRowSchema>;
export type QuoteQuery = z.output<typeof quoteQuery>;
export type FigureQuery = z.output<typeof figureQuery>;
export type TimeQuery = z.output<typeof timeQuery>;
export type MentionQuery = z.output<typeof mentionQuery>;
export type QuotePage = z.infer<typeof quotePageSchema>;
export type FigurePage = z.infer<typeof figurePageSchema>;
export type TimePage = z.infer<typeof timePageSchema>;
export type MentionPage = z.infer<typeof mentionPageSchema>;
