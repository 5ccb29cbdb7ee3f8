// The data contract shared by every stage of the pipeline:
// readers -> RawArticle, clean -> CleanArticle, analysis -> AnalyzedArticle (the `analyze --json` output).
// Every span's offsets are JS string indices into the cleaned `text`; text.slice(start, end) === span.text.

/** What a reader produces: one article as found in the input, before cleaning. */
export interface RawArticle {
  /** Path of the input file as given by the user ("-" for stdin). */
  file: string;
  /** 1-based line (JSONL) or item index (feeds) inside the file, when the file holds several articles. */
  position?: number;
  /** Input format that produced it. */
  format: 'txt' | 'html' | 'jsonl' | 'rss' | 'atom';
  /** Decoded text of the article. HTML input has already been reduced to its main content as plain
   *  text (paragraphs separated by a blank line) by the reader; `original` keeps the input as read. */
  raw: string;
  /** The article's input exactly as decoded (the HTML page, the JSONL line, the feed item XML) —
   *  stored so `dossier reanalyze` can rebuild every layer. */
  original: string;
  /** Metadata found by the reader (HTML meta tags, JSON fields, feed item fields). */
  meta: RawMeta;
  /** How the bytes were decoded ("utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252"). */
  encoding?: string;
}

export interface RawMeta {
  title?: string;
  url?: string;
  source?: string;
  byline?: string;
  /** As found in metadata (ISO string or any date string); normalised by cleaning. */
  publishedAt?: string;
  language?: string;
  description?: string;
  /** URLs found in the raw input (images, links) that may carry dates. */
  urls?: string[];
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

export type RemovalReason =
  | 'title'
  | 'dek'
  | 'byline'
  | 'caption'
  | 'credit'
  | 'media'
  | 'url'
  | 'markup'
  | 'timestamp'
  | 'duplicate-title'
  | 'boilerplate'
  | 'empty';

export interface Removed {
  text: string;
  reason: RemovalReason;
}

export type PublishedAtSource = 'metadata' | 'url' | 'caption' | 'text' | 'none';

/** An article after cleaning: the `text` every later layer points into. */
export interface CleanArticle {
  title: string | null;
  dek: string | null;
  byline: string | null;
  source: string | null;
  url: string | null;
  publishedAt: string | null;
  publishedAtFrom: PublishedAtSource;
  text: string;
  removed: Removed[];
  /** Section headings kept in the body, with offsets into `text`. */
  headings: Span[];
  /** Paragraph spans of `text`. */
  paragraphs: { start: number; end: number }[];
}

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface Mention extends Span {
  /** Why the mention belongs to its entity within the article ("surname of Benjamin Netanyahu …",
   *  "pronoun: …", "refers to the Israeli Prime Minister, …"). */
  how?: string;
}

export interface EntityLayer {
  id: string;
  name: string;
  type: EntityType;
  mentions: Mention[];
  /** Titles and roles ("US President") with where they came from. */
  roles?: { role: string; start: number; end: number; text: string }[];
  /** Global entity key across articles, when resolved. */
  key?: string;
}

export interface Quote extends Span {
  kind: 'direct' | 'indirect';
  /** Who said it: `name`/`entity` the resolved speaker, `start/end` the speaker as written, `via` how
   *  it was resolved and, for pronouns, `antecedentStart/End` the subject it was resolved to. */
  speaker: {
    name: string;
    entity: string | null;
    start?: number;
    end?: number;
    via?: 'entity' | 'name' | 'pronoun' | 'role' | 'unnamed' | 'label' | 'phrase';
    antecedentStart?: number;
    antecedentEnd?: number;
  } | null;
  cue: string | null;
  cueStart?: number;
  cueEnd?: number;
  /** The finer kind: direct, indirect (reported), mixed (reported with quoted words), belief (belief
   *  or intention: "believes", "wants"). */
  attributionKind?: 'direct' | 'indirect' | 'mixed' | 'belief';
  /** The source as the text gives it ("the candidate", "analysts", "he"), even when it resolves to no speaker. */
  source?: string | null;
  sourceStart?: number;
  sourceEnd?: number;
  /** 0..1: the attribution model's confidence in the cue, or a fixed value per rule. */
  confidence?: number;
  /** Which side of the quotes layer found it: the rules or the attribution model. */
  by?: 'rules' | 'model';
  /** Quotes with the same number are one attribution (one cue and source, a content in parts): the
   *  parts of a split quotation, its continuation, a partial quotation inside its reported clause. */
  attribution?: number;
}

export interface Figure extends Span {
  value: number | null;
  /** Upper end of a range ("10 to 15"): value is the lower end. */
  valueMax?: number | null;
  unit: string | null;
  qualifier: string | null;
  counts: string | null;
  /** Language-independent key of what is counted ("palestinians killed", "bodies of hostages returned"),
   *  built from lang data (nounKeys, event ids) so figures can be compared across articles and languages. */
  countsKey?: string | null;
  /** Offsets of the qualifier phrase ("More than", "naar schatting"), which precedes the span. */
  qualifierStart?: number;
  qualifierEnd?: number;
}

export interface TimeExpr extends Span {
  /** ISO value: "2024-05-01", "2024-05", "2024", "--02-04" (partial), or null when unresolved. */
  value: string | null;
  granularity: 'day' | 'week' | 'month' | 'quarter' | 'year' | 'season' | 'unknown';
  /** True when resolved against publishedAt. */
  relative?: boolean;
  /** End of a range ("May 1 to May 5", "2014-2018", "18-19 november"): value is the start. */
  valueEnd?: string | null;
  /** "early April", "later this week", "eind vorig jaar", "mid-2023". */
  mod?: 'early' | 'mid' | 'late';
  /** What a relative or year-less expression was resolved against, and where that comes from: the
   *  article's publication date, or a date the text gives — the day of a quoted statement ("a week
   *  from now", in a quote "said on April 30"), the date before "the following year", the quarter a
   *  report is about ("a year earlier"). Absent when the value is written out in full or unresolved. */
  anchor?: TimeAnchor;
  /** Context, not a happening: a year on its own ("in 1974 he…") or a reference point ("since 1951").
   *  Timelines and story dates skip these (src/analysis/times/happening.ts). */
  background?: boolean;
  /** Not a happening the article reports but a limit or an intention: `deadline` after "until", "by",
   *  "the deadline of" ("extended the deadline until 15 July 2006"); `plan` in a future or planning
   *  clause ("will be delivered in April 2008", "scheduled for October 2006") or after the publication
   *  date. Timelines and story dates skip these like background (src/analysis/times/happening.ts). */
  role?: 'deadline' | 'plan';
}

export interface TimeAnchor {
  /** ISO value: a day (YYYY-MM-DD), or the month, quarter or year the text named. */
  date: string;
  from: 'published' | 'text';
}

export interface Sentence {
  start: number;
  end: number;
}

/** Why an article's layers are empty: not "nothing found", but "not analysed in this language". */
export interface LanguageSupportNote {
  /** The layers not analysed, of "entities", "quotes", "figures", "times". */
  layers: string[];
  /** Why, in words for people: "\"de\" is not a supported language (no src/lang/de/language.json)". */
  reason: string;
}

/** One article as printed by `dossier analyze --json` (one JSON object per line). */
export interface AnalyzedArticle {
  file: string;
  id: string;
  title: string | null;
  dek: string | null;
  byline: string | null;
  source: string | null;
  url: string | null;
  language: string;
  languageConfidence: number;
  /** false when the language has no full support (no rules/models for later layers). */
  languageSupported: boolean;
  /** Present only when layers were left empty for want of language support — no language data
   *  (src/lang/<code>/language.json) or no name-tagging model for the language; absent when every
   *  layer was analysed. */
  unsupported?: LanguageSupportNote;
  publishedAt: string | null;
  publishedAtFrom: PublishedAtSource;
  text: string;
  removed: Removed[];
  headings: Span[];
  sentences: Sentence[];
  entities: EntityLayer[];
  quotes: Quote[];
  figures: Figure[];
  times: TimeExpr[];
  /** Which analysis produced the layers: Dossier's version and a digest of the analysis code, models
   *  and language data (src/analysis/version.ts). Stored articles with another value were analysed
   *  by another version: `dossier reanalyze` brings them up to date. */
  analysisVersion?: string;
}

/** Error for bad input: always names the file (and line/item when known). */
export class InputError extends Error {
  constructor(
    public file: string,
    public reason: string,
    public position?: number,
  ) {
    super(`${file}${position !== undefined ? `:${position}` : ''}: ${reason}`);
    this.name = 'InputError';
  }
}
