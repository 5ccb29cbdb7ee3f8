// Entities across the corpus: global entities (one real-world person, organisation or place across
// articles and languages), how the entities of each article are linked to them, and why.
import { z } from 'zod/v4';
import { entityType, mentionSchema } from './articles.ts';
import { mentionPageSchema, quotePageSchema } from './layers.ts';
import { DEFAULT_PAGE, int, pageOf, pageParams, pageQuery } from './page.ts';
import { named } from './json-schema.ts';

export const entitySource = z
  .enum(['country', 'organisation', 'place', 'demonym', 'name'])
  .describe('Where the identity comes from: an alias table (demonym: a nationality word, "Israeli" / "Israëlische"), or the names alone.');

const summaryShape = {
  key: z.string().describe('Stable key: "per:benjamin-netanyahu", "country:IL", "org:icc", "loc:gaza-strip".'),
  name: z.string().describe('Best name: the canonical English name of a known entity, the fullest name of a person.'),
  type: entityType,
  source: entitySource,
  aliases: z.array(z.object({ name: z.string(), count: int })).describe('Names as written in the mentions, most frequent first.'),
  roles: z.array(z.object({ role: z.string(), count: int })).describe('Roles and titles ("Prime Minister", "de premier"), most frequent first.'),
  articleCount: int,
  mentionCount: int,
  firstSeen: z.string().nullable().describe('Earliest publication date of the articles naming it.'),
  lastSeen: z.string().nullable(),
  nationalityOf: z
    .object({ key: z.string(), name: z.string() })
    .optional()
    .describe('For a nationality (source demonym): the country it is the nationality of.'),
};

export const entitySummarySchema = named(
  'EntitySummary',
  z.object(summaryShape).describe('One global entity: one real-world person, organisation or place across articles and languages.'),
);

export const entityListSchema = named(
  'EntityList',
  pageOf(entitySummarySchema).extend({
    stale: z.boolean().describe('The stored analyses changed since the entity index was built (`dossier entities --rebuild`).'),
  }),
);

export const linkRule = z.enum([
  'new',
  'same-name',
  'same-first-last-name',
  'organisation-alias',
  'place-alias',
  'country-alias',
  'demonym',
  'short-name-in-article',
  'acronym-in-article',
  'surname-in-article',
  'surname-in-story',
  'surname-unique',
  'surname-evidence',
  'typo-in-article',
  'typo-in-story',
  'first-name-in-article',
]);

const linkShape = {
  articleId: z.string(),
  localId: z.string().describe('Id of the entity in the article\'s entity layer ("e2").'),
  name: z.string().describe('Name of the entity in the article.'),
  type: entityType,
  key: z.string().describe('The global entity it is linked to.'),
  rule: linkRule.describe('The rule that linked it ("same-name", "organisation-alias", "surname-in-article", …).'),
  reason: z.string().describe('Why, for people.'),
};

/** The link of one local entity of one article to a global entity, with its reason. */
export const entityLinkSchema = named('EntityLink', z.object(linkShape));

/** Two global entities found to be one after both existed; `from` now redirects to `to`. */
export const entityMergeSchema = z.object({
  from: z.string(),
  to: z.string(),
  articleId: z.string().describe('The article whose resolution caused the merge.'),
  reason: z.string(),
});

export const entityDetailSchema = named(
  'EntityDetail',
  z.object({
    ...summaryShape,
    formerKeys: z.array(z.string()).describe('Keys of entities merged into this one (they still find it).'),
    mentions: mentionPageSchema,
    quotes: quotePageSchema,
  }),
);

export const cooccurringEntitySchema = z.object({
  key: z.string(),
  name: z.string(),
  type: entityType,
  articleCount: int,
  mentionCount: int,
  sharedArticles: int.describe('Articles naming both.'),
});

export const cooccurrenceSchema = named(
  'EntityCooccurrence',
  z.object({
    key: z.string(),
    name: z.string(),
    ...pageOf(cooccurringEntitySchema).shape,
    edges: z
      .array(z.object({ a: z.string(), b: z.string(), sharedArticles: int }))
      .describe('Pairs of listed entities named together in the corpus (a < b), with the articles naming both.'),
  }),
);

export const explainedLinkSchema = z.object({
  ...linkShape,
  mentions: z.array(mentionSchema).describe('The mentions of the local entity in its article, each with why it belongs to it (`how`).'),
});

export const entityExplanationSchema = named(
  'EntityExplanation',
  z.object({
    key: z.string(),
    name: z.string(),
    type: entityType,
    links: pageOf(explainedLinkSchema),
    merges: z.array(entityMergeSchema),
  }),
);

export const articleEntityLinksSchema = named('ArticleEntityLinks', z.object({ articleId: z.string(), ...pageOf(entityLinkSchema).shape }));

export const entityKeyParams = z.object({
  key: z
    .string()
    .min(1)
    .max(300)
    .describe('An entity key ("per:benjamin-netanyahu"; former keys are followed) or a name, alias or surname ("Netanyahu").'),
});

/** Page size of the lists inside one entity (mentions, quotes, co-occurring entities). */
const DETAIL_PAGE = 20;

export const entityListQuery = z.strictObject({
  type: entityType.optional(),
  name: z.string().max(200).optional().describe('Part of one of its names (case and diacritics ignored).'),
  ...pageQuery,
});

const mentionsPage = pageParams('Mentions', DETAIL_PAGE);
const quotesPage = pageParams('Quotes', DETAIL_PAGE);
export const entityDetailQuery = z.strictObject({
  mentionsLimit: mentionsPage.limit,
  mentionsOffset: mentionsPage.offset,
  quotesLimit: quotesPage.limit,
  quotesOffset: quotesPage.offset,
});

export const cooccurrenceQuery = z.strictObject(pageParams('Items', DETAIL_PAGE));
export const explainQuery = z.strictObject(pageQuery);
export const articleEntitiesQuery = z.strictObject(pageParams('Items', DEFAULT_PAGE));

export type EntitySource = z.infer<typeof entitySource>;
export type EntitySummary = z.infer<typeof entitySummarySchema>;
export type EntityList = z.infer<typeof entityListSchema>;
export type LinkRule = z.infer<typeof linkRule>;
export type EntityLink = z.infer<typeof entityLinkSchema>;
export type EntityMerge = z.infer<typeof entityMergeSchema>;
export type EntityDetailResponse = z.infer<typeof entityDetailSchema>;
export type CooccurringEntity = z.infer<typeof cooccurringEntitySchema>;
export type EntityCooccurrenceResponse = z.infer<typeof cooccurrenceSchema>;
export type EntityExplanationResponse = z.infer<typeof entityExplanationSchema>;
export type ArticleEntityLinks = z.infer<typeof articleEntityLinksSchema>;
export type EntityListQuery = z.output<typeof entityListQuery>;
export type EntityDetailQuery = z.output<typeof entityDetailQuery>;
export type PageQuery = z.output<typeof cooccurrenceQuery>;
