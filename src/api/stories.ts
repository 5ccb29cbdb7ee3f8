// Stories: storylines and events (articles about one happening, grouped), their timelines, and the
// source comparison. The JSON of the story views (src/corpus/stories/api.ts), which
// `dossier stories|story|timeline|compare --json` prints too, with a page around lists.
import { z } from 'zod/v4';
import { int, MAX_PAGE, pageParams } from './page.ts';
import { named } from './json-schema.ts';

export const clusterLevel = z.enum(['event', 'storyline']);
export const sourceBasis = z.enum(['source', 'article', 'mixed']);
const basis = {
  sourceBasis: sourceBasis.describe('How sources were counted: outlets, articles standing in for unknown outlets, or both.'),
  note: z.string().describe('The same, said in words.'),
};
const languageCounts = z.record(z.string(), int).describe('Articles per language code.');

export const sourceRefSchema = named(
  'StorySourceRef',
  z
    .object({
      id: z.string().describe('"source:<outlet>", or "article:<id>" for an article without an outlet.'),
      name: z.string(),
      kind: z.enum(['source', 'article']),
    })
    .describe('Who reported: an outlet, or an article standing in for its unknown outlet.'),
);

export const storySpanSchema = named(
  'StorySpan',
  z
    .object({
      from: z.string().nullable(),
      to: z.string().nullable(),
      monthDays: z.array(z.string()).describe('Days without a year ("02-04") of members that have only those.'),
    })
    .describe('Earliest and latest day of the members (ISO); null when none is dated.'),
);

export const labelledEntitySchema = z.object({
  key: z.string().describe('Clustering feature of the entity ("sur:netanyahu", "country:IL").'),
  name: z.string(),
  kind: z.enum(['actor', 'place']),
});

export const sourceSummarySchema = named('StorySource', z.object({ source: sourceRefSchema, articles: int, languages: z.array(z.string()) }));

const clusterShape = {
  id: z.string(),
  label: z.string().describe('Key people or organisations · place · dates, from its own articles.'),
  title: z.string().nullable().describe('Headline of its earliest dated article (of a storyline: its latest).'),
  span: storySpanSchema,
  articles: int.describe('Its articles, each syndicated copy counted once with the article it copies.'),
  copies: int.describe('Syndicated copies among its articles (the same wire story on another site), not counted in `articles`.'),
  languages: languageCounts,
  sources: z.array(sourceSummarySchema),
};

export const eventSummarySchema = named('StoryEvent', z.object(clusterShape).describe('One happening reported by one or more articles.'));

export const storylineSummarySchema = named(
  'Storyline',
  z
    .object({
      ...clusterShape,
      entities: z.array(labelledEntitySchema).describe('Key entities, strongest first.'),
      events: z.array(eventSummarySchema).describe('In date order (undated last).'),
    })
    .describe('A storyline: events that belong together.'),
);

export const articleRefSchema = named(
  'StoryArticle',
  z.object({
    id: z.string(),
    title: z.string().nullable(),
    file: z.string(),
    source: z.string().nullable(),
    language: z.string(),
    publishedAt: z.string().nullable(),
    day: z.string().nullable().describe('The date clustering used: published, else from the lead.'),
    eventId: z.string(),
    copies: z.array(z.string()).describe('Ids of the syndicated copies of this article in the same story ("and 9 copies"); they are not listed separately.'),
  }),
);

export const evidenceSchema = z.object({
  articleId: z.string(),
  start: int.describe('Offsets into the cleaned text of the article (GET /api/articles/{articleId}).'),
  end: int,
  text: z.string(),
  sentence: z.object({ start: int, end: int, text: z.string() }).describe('The sentence around the span.'),
});

export const statementAttributionSchema = named(
  'StatementAttribution',
  z
    .object({
      kind: z.enum(['direct', 'indirect', 'mixed', 'belief']).describe('direct, indirect (reported), mixed (reported with quoted words), belief (belief or intention).'),
      cue: z.string().nullable().describe('The attribution cue as written ("said", "according to").'),
      cueStart: int.optional(),
      cueEnd: int.optional(),
      sourceText: z.string().nullable().describe('The source as the text gives it ("the minister", "he"), even when no speaker is resolved.'),
      sourceStart: int.optional(),
      sourceEnd: int.optional(),
      confidence: z.number().min(0).max(1).nullable().describe('How sure the quotes layer is; null when the analysis predates it.'),
      by: z.enum(['rules', 'model']).nullable().describe('Which side of the quotes layer found it.'),
    })
    .describe('How a statement is attributed in this article.'),
);

export const timelineEvidenceSchema = evidenceSchema.extend({
  source: sourceRefSchema,
  language: z.string(),
  dateText: z.string().nullable().describe('The date as written; null when the article’s own date was used.'),
  attribution: statementAttributionSchema.optional().describe('Statements: the cue, source as written, kind and confidence in this article.'),
});

export const timelineItemSchema = named(
  'TimelineItem',
  z
    .object({
      date: z.string().describe('A day (2024-05-01), a month (2024-05) or a year (2024).'),
      granularity: z.enum(['day', 'month', 'year']),
      kind: z.enum(['happening', 'statement']).describe('A dated sentence, or a quote.'),
      text: z.string(),
      speaker: z.object({ name: z.string(), key: z.string().nullable() }).nullable().describe('Who spoke (statements).'),
      entities: z.array(z.object({ key: z.string(), name: z.string() })),
      sources: z.array(sourceRefSchema),
      evidence: z.array(timelineEvidenceSchema).describe('Where each reporting article says it: link /articles/{articleId}?at={start}-{end}.'),
    })
    .describe('One happening or statement, once, with the evidence of every article reporting it.'),
);

export const voiceOfSchema = named(
  'StoryVoiceOf',
  z
    .object({
      voice: z.enum(['asserted', 'attributed', 'quoted']).describe('The source’s own voice, attributed to someone, or inside a quote.'),
      by: z.string().nullable().describe('Who it is put in the mouth of.'),
      byKey: z.string().nullable(),
      cue: z.string().nullable().describe('The attribution cue ("according to", "volgens").'),
    })
    .describe('Whose voice a piece of text is in.'),
);

export const figureClaimSchema = z.object({
  row: z.string(),
  label: z.string(),
  articleId: z.string(),
  source: sourceRefSchema,
  language: z.string(),
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: z.string().nullable(),
  qualifier: z.string().nullable().describe('"more-than", "approximately", …'),
  counts: z.string().nullable().describe('What the article says is counted, as written.'),
  countsKey: z.string(),
  place: z.object({ key: z.string(), name: z.string() }).nullable(),
  asOf: z.string().nullable().describe('The day the figure stands for.'),
  asOfFrom: z.enum(['published', 'text', 'event']).nullable(),
  voice: voiceOfSchema,
  evidence: evidenceSchema,
});

export const figureRowViewSchema = named(
  'FigureRow',
  z
    .object({
      key: z.string(),
      label: z.string().describe('What is counted, language-independent ("Palestinians killed").'),
      unit: z.string().nullable(),
      sources: int.describe('Distinct sources with a figure in the row.'),
      claims: z.array(figureClaimSchema),
      series: z
        .array(z.object({ asOf: z.string(), value: z.number(), source: z.string(), language: z.string(), articleId: z.string() }))
        .describe('Dated values in date order: the points of a figure-over-time chart.'),
    })
    .describe('One thing counted, with every source’s figure for it side by side.'),
);

export const loadedTermUseSchema = voiceOfSchema.extend({
  term: z.string().describe('Language-independent id ("genocide").'),
  evidence: evidenceSchema,
});

export const termUsageSchema = z.object({
  term: z.string(),
  own: int.describe('Uses in the source’s own voice (all of them, not only those in `uses`).'),
  attributed: int,
  quoted: int,
  uses: z.array(loadedTermUseSchema).describe('Evidence: the first use in each voice, then the next ones in text order, at most 3.'),
  usesOmitted: int.describe('Uses counted in own/attributed/quoted but not listed in `uses`.'),
});

export const quotedSpeakerSchema = z.object({
  name: z.string(),
  key: z.string().nullable(),
  role: z.string().nullable(),
  side: z.string().nullable(),
  quotes: int,
  direct: int,
  indirect: int,
});

export const sourceVoiceSchema = z.object({
  source: sourceRefSchema,
  languages: z.array(z.string()),
  articles: z.array(z.string()),
  loadedTerms: z.array(termUsageSchema),
  ownVoiceTerms: z.array(z.string()).describe('Loaded terms the source uses in its own voice, most used first.'),
  quoted: z.array(quotedSpeakerSchema),
  sides: z.array(z.object({ side: z.string().nullable(), quotes: int })),
});

const factKind = z.enum(['figure', 'event', 'speaker']);
export const coverageFactSchema = z.object({ kind: factKind, key: z.string(), label: z.string(), sources: z.array(z.string()) });
export const coverageSchema = z.object({
  facts: z.array(coverageFactSchema),
  bySource: z.array(
    z.object({
      source: sourceRefSchema,
      reports: int,
      omitted: z.array(int).describe('What others report and this source leaves out: indexes into `facts`.'),
    }),
  ),
});

export const storiesListSchema = named(
  'StoryList',
  z.object({
    total: int,
    limit: int,
    offset: int,
    unplaced: int.describe('Stored articles not placed in any storyline yet (`dossier restory` places them).'),
    ...basis,
    items: z.array(storylineSummarySchema),
  }),
);

/** The storylines as the story views return them (`dossier stories --json`); the API pages them as `items`. */
export const storiesViewSchema = storiesListSchema.omit({ limit: true, offset: true, items: true }).extend({ storylines: z.array(storylineSummarySchema) });

export const storyDetailSchema = named(
  'StoryDetail',
  z.object({
    id: z.string(),
    level: clusterLevel,
    label: z.string(),
    title: z.string().nullable(),
    span: storySpanSchema,
    storyline: z.object({ id: z.string(), label: z.string() }).nullable().describe('The storyline of an event; null for a storyline.'),
    ...basis,
    languages: languageCounts,
    entities: z.array(labelledEntitySchema),
    sources: z.array(sourceSummarySchema),
    events: z.array(eventSummarySchema.extend({ articleIds: z.array(z.string()) })).describe('In date order (undated last).'),
    copies: int.describe('Syndicated copies among its articles, folded into the articles they copy.'),
    articles: z.array(articleRefSchema).describe('By date (undated last); syndicated copies folded into the article they copy.'),
    timeline: z.array(timelineItemSchema),
  }),
);

const timelineScope = z
  .union([
    z.object({ story: z.object({ id: z.string(), level: clusterLevel, label: z.string() }) }),
    z.object({ entity: z.object({ query: z.string(), keys: z.array(z.string()), names: z.array(z.string()) }) }),
  ])
  .describe('What the timeline is of: a story, or an entity.');

/** A timeline view without its page: what the story views return. */
export const timelineViewSchema = z.object({
  scope: timelineScope,
  ...basis,
  items: z.array(timelineItemSchema).describe('In date order; happenings before statements of the same date.'),
  undatedStatements: int.describe('Quotes left out because neither they nor their article carry a date.'),
  articles: int.describe('Articles read.'),
});

export const timelinePageSchema = named(
  'TimelinePage',
  timelineViewSchema.extend({ total: int.describe('Timeline items over all pages.'), limit: int, offset: int }),
);

export const tellingSchema = z
  .object({
    rank: int.describe('1 for the most telling source.'),
    score: int.describe('adds + disputes + ownVoiceTerms.'),
    adds: int.describe('Facts (figures, events, people quoted) that only this source reports.'),
    disputes: int.describe('Figure rows where its value differs from another source’s and shares none with it.'),
    ownVoiceTerms: int.describe('Distinct loaded terms it uses in its own voice.'),
    ownVoiceShare: z.number().min(0).max(1).nullable().describe('Share of its loaded-term uses in its own voice (not attributed or quoted); null when it uses none.'),
    reports: int.describe('Facts it reports, of the `coverage.facts` of all sources.'),
  })
  .describe('How telling a source is: what it adds, where it disagrees, how much it says in its own voice.');

export const comparedSourceSchema = named(
  'ComparedSource',
  z.object({
    source: sourceRefSchema,
    languages: z.array(z.string()),
    articles: z.array(articleRefSchema).describe('Its articles, each syndicated copy folded into the article it copies (`copies`).'),
    copies: z
      .array(z.object({ articleId: z.string(), copyOf: z.string(), source: sourceRefSchema }))
      .describe('Syndicated copies of its articles (on other outlets or its own): counted once, with the original, and not compared on their own.'),
    telling: tellingSchema,
  }),
);

export const comparisonSchema = named(
  'StoryComparison',
  z.object({
    id: z.string(),
    level: clusterLevel,
    label: z.string(),
    ...basis,
    ranking: z.string().describe('The measure the sources are ordered by, in words.'),
    sources: z
      .array(comparedSourceSchema)
      .describe('One per outlet (an article without an outlet stands for its own), most telling first (see `ranking` and each `telling`).'),
    figures: z.array(figureRowViewSchema).describe('Rows reported by more sources first.'),
    voice: z.array(sourceVoiceSchema).describe('Each source’s voice: loaded terms (own, attributed, quoted) and who it quotes.'),
    coverage: coverageSchema,
  }),
);

export const storyIdParams = z.object({
  id: z
    .string()
    .regex(/^[esES]-[0-9a-fA-F]{4,64}$/)
    .describe('A storyline ("s-66afb30d58d1") or event ("e-1228e33355ce") id, or a unique prefix of at least 4 hex digits.'),
});

const STORIES_PAGE = 20;
/**
 * Storylines per page at most: each one is built with all its events, sources and members, so a page
 * of storylines weighs far more than a page of rows (the README's API section states this limit).
 */
export const MAX_STORIES_PAGE = 200;
const TIMELINE_PAGE = 100;
const ENTITY_ARTICLES = 300;
const MAX_ENTITY_ARTICLES = 2000;

export const storiesQuery = z.strictObject({
  ...pageParams('Storylines', STORIES_PAGE, MAX_STORIES_PAGE),
  limit: int
    .min(1)
    .max(MAX_STORIES_PAGE)
    .default(STORIES_PAGE)
    .describe(`Storylines per page (1–${MAX_STORIES_PAGE}; each comes with all its events, so fewer than the ${MAX_PAGE} of row lists).`),
});
export const timelineQuery = z.strictObject(pageParams('Timeline items', TIMELINE_PAGE, MAX_PAGE));
export const entityTimelineQuery = timelineQuery.extend({
  articles: int
    .min(1)
    .max(MAX_ENTITY_ARTICLES)
    .default(ENTITY_ARTICLES)
    .describe(`Most recent articles naming it that are read (1–${MAX_ENTITY_ARTICLES}).`),
});

export type ClusterLevel = z.infer<typeof clusterLevel>;
export type SourceBasis = z.infer<typeof sourceBasis>;
export type SourceRef = z.infer<typeof sourceRefSchema>;
export type StorySpan = z.infer<typeof storySpanSchema>;
export type LabelledEntity = z.infer<typeof labelledEntitySchema>;
export type SourceSummary = z.infer<typeof sourceSummarySchema>;
export type ClusterSummary = z.infer<typeof eventSummarySchema>;
export type EventSummary = ClusterSummary;
export type StorylineSummary = z.infer<typeof storylineSummarySchema>;
export type ArticleRef = z.infer<typeof articleRefSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type TimelineEvidence = z.infer<typeof timelineEvidenceSchema>;
export type StatementAttribution = z.infer<typeof statementAttributionSchema>;
export type TimelineItem = z.infer<typeof timelineItemSchema>;
export type VoiceOf = z.infer<typeof voiceOfSchema>;
export type FigureClaim = z.infer<typeof figureClaimSchema>;
export type FigureRowView = z.infer<typeof figureRowViewSchema>;
export type LoadedTermUse = z.infer<typeof loadedTermUseSchema>;
export type TermUsage = z.infer<typeof termUsageSchema>;
export type QuotedSpeaker = z.infer<typeof quotedSpeakerSchema>;
export type SourceVoice = z.infer<typeof sourceVoiceSchema>;
export type CoverageFact = z.infer<typeof coverageFactSchema>;
export type Coverage = z.infer<typeof coverageSchema>;
export type StoriesListResponse = z.infer<typeof storiesListSchema>;
export type StoriesList = z.infer<typeof storiesViewSchema>;
export type StoryDetail = z.infer<typeof storyDetailSchema>;
export type TimelineView = z.infer<typeof timelineViewSchema>;
export type TimelinePage = z.infer<typeof timelinePageSchema>;
export type ComparisonView = z.infer<typeof comparisonSchema>;
export type ComparedSource = z.infer<typeof comparedSourceSchema>;
export type Telling = z.infer<typeof tellingSchema>;
export type EntityTimelineQuery = z.output<typeof entityTimelineQuery>;
