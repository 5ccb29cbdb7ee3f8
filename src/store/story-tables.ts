// The story tables (story_df, story_postings, story_clusters, story_articles, story_state) as the
// story stage of the corpus (the corpus's stories stage) asks a store to keep them: the rows, the reads the
// story views make (StoryReads, on `Store.stories`) and the reads and writes of placing
// (StoryTables, inside `Store.write`). Storage only: what the rows mean is the corpus's business.
import type { AnalyzedArticle } from '../types.ts';
import { StoreInputError } from './errors.ts';
import { parseAnalysis } from './rows.ts';

export type ClusterLevel = 'event' | 'storyline';

/** A row of story_clusters; `state` is the cluster's JSON state (vectors, names, days, languages). */
export interface ClusterRow {
  id: string;
  level: ClusterLevel;
  parent: string | null;
  size: number;
  first_day: string | null;
  last_day: string | null;
  created: number;
  touched: number;
  state: string;
}

/** A row of story_articles: where one article was placed, and why (JSON). */
export interface MemberColumns {
  article_id: string;
  seq: number;
  event_id: string;
  storyline_id: string;
  day: string | null;
  month_day: string | null;
  reason: string;
}

/** A stored posting: a cluster of `level` found under `feature`, and when it was last touched. */
export interface PostingRow {
  feature: string;
  level: ClusterLevel;
  cluster_id: string;
  touched: number;
}

/** One cluster absorbed into another of the same level: its members, its events (a storyline's) and
 *  its postings under `features` move to `into`, and its row goes. */
export interface ClusterMergeRow {
  level: ClusterLevel;
  from: string;
  into: string;
  features: string[];
}

/** Rows placing changed since its last write. */
export interface StoryRowWrites {
  /** Merges of stored clusters, applied first and in order (the other rows already name the survivors). */
  merges: ClusterMergeRow[];
  members: MemberColumns[];
  /** Document-frequency increments. */
  df: Map<string, number>;
  /** Clusters to insert or replace. */
  clusters: ClusterRow[];
  /** Postings to insert or touch. */
  postings: PostingRow[];
}

/** One article's place in the stories, with what a listing shows of it. */
export interface MemberRecord {
  articleId: string;
  seq: number;
  eventId: string;
  storylineId: string;
  /** The article's own date for clustering (published, else from its lead). */
  day: string | null;
  monthDay: string | null;
  title: string | null;
  file: string;
  source: string | null;
  language: string;
  publishedAt: string | null;
}

/** What the story views read (`Store.stories`). */
export interface StoryReads {
  /** False when the schema has no story tables (a SQLite store opened with custom migrations). */
  readonly available: boolean;
  /** Storylines, most recently active first. */
  storylines(page: { limit: number; offset: number }): Promise<{ total: number; items: ClusterRow[] }>;
  /** An event or storyline by full id or unique prefix (throws a StoreInputError when ambiguous). */
  findCluster(idOrPrefix: string): Promise<ClusterRow | null>;
  /** Clusters by id (unknown ids left out). */
  clusters(ids: string[]): Promise<ClusterRow[]>;
  /** The events of storylines, oldest first. */
  eventsOf(storylineIds: string[]): Promise<ClusterRow[]>;
  /** The members of events or storylines, in the order they were placed. */
  members(clusterIds: string[]): Promise<MemberRecord[]>;
  /** The placement of each given article (every placed article when omitted), in placement order. */
  placements(articleIds?: string[]): Promise<MemberRecord[]>;
  /** Stored articles by id, in the order given (unknown ids left out), each linked entity with its global key. */
  articles(ids: string[]): Promise<AnalyzedArticle[]>;
  /** Every stored article id, in ingest order. */
  articleIds(): Promise<string[]>;
  /** Ids of the articles containing `name` as a phrase or linked to one of the entities `keys`, most recent first. */
  articlesNaming(name: string, keys: string[], limit: number): Promise<string[]>;
  /** Stored articles not placed in any story. */
  unplaced(): Promise<number>;
  /** Their ids, in ingest order (a run stopped between storing a batch and placing it leaves some). */
  unplacedIds(): Promise<string[]>;
}

/** What placing reads and writes, inside one write transaction (`Store.write`). */
export interface StoryTables extends StoryReads {
  /** The counter every placing transaction raises: a cache of the tables is current while it is unchanged. */
  generation(): Promise<number>;
  /** Raises the generation; returns the new one. */
  nextGeneration(): Promise<number>;
  /** Placed articles and the last placement's sequence number. */
  placedCount(): Promise<{ n: number; seq: number }>;
  /** Which of these articles are placed. */
  placed(articleIds: string[]): Promise<Set<string>>;
  /** Stored document frequencies of these features (absent: not stored). */
  df(features: string[]): Promise<Map<string, number>>;
  /** For each feature, its stored postings of both levels, per level most recently touched first, at most `perFeature`. */
  postings(features: string[], perFeature: number): Promise<PostingRow[]>;
  /** Clusters by id, and the storyline (parent) of each event among them (unknown ids left out). */
  clustersWithParents(ids: string[]): Promise<ClusterRow[]>;
  write(w: StoryRowWrites): Promise<void>;
  /** Empties every story table. */
  clear(): Promise<void>;
}

/** Candidates listed for an ambiguous story id prefix. */
export const MAX_STORY_CANDIDATES = 10;

/** A story id or prefix, lower-cased; throws a StoreInputError when it cannot be one. */
export function storyIdPrefix(idOrPrefix: string): string {
  const key = idOrPrefix.trim().toLowerCase();
  if (!/^[es]-[0-9a-f]{4,12}$/.test(key)) {
    throw new StoreInputError(`a story id looks like "s-1228e33355ce" (storyline) or "e-1228e33355ce" (event), at least 4 hex digits; got "${idOrPrefix}"`);
  }
  return key;
}

/** The cluster a prefix names among the (at most MAX_STORY_CANDIDATES + 1) clusters starting with it. */
export function onlyCluster(idOrPrefix: string, rows: ClusterRow[]): ClusterRow | null {
  if (rows.length === 0) return null;
  if (rows.length > 1) {
    const listed = rows.slice(0, MAX_STORY_CANDIDATES).map((r) => r.id).join(', ');
    throw new StoreInputError(
      `story id prefix "${idOrPrefix}" is ambiguous; it matches ${rows.length > MAX_STORY_CANDIDATES ? 'more than ' : ''}${Math.min(rows.length, MAX_STORY_CANDIDATES)} stories: ${listed}. Give more characters of the id.`,
    );
  }
  return rows[0];
}

/** A row of story_articles joined with its article (MEMBER_COLUMNS). */
export interface MemberRow extends Omit<MemberColumns, 'reason'> {
  title: string | null;
  file: string;
  source: string | null;
  language: string;
  published_at: string | null;
}

export function toMember(r: MemberRow): MemberRecord {
  return {
    articleId: r.article_id,
    seq: r.seq,
    eventId: r.event_id,
    storylineId: r.storyline_id,
    day: r.day,
    monthDay: r.month_day,
    title: r.title,
    file: r.file,
    source: r.source,
    language: r.language,
    publishedAt: r.published_at,
  };
}

/** Columns of story_articles sa joined with articles a that make a MemberRecord. */
export const MEMBER_COLUMNS = `sa.article_id, sa.seq, sa.event_id, sa.storyline_id, sa.day, sa.month_day,
  a.title, a.file, a.source, a.language, a.published_at`;

/**
 * Stored articles from their rows, in the order of `ids` (unknown ids left out), with the global
 * entity key of each linked local entity filled in (links: article_id, local_id, key).
 */
export function articlesWithKeys(
  ids: string[],
  rows: { id: string; text: string; analysis: string | Uint8Array }[],
  links: { article_id: string; local_id: string; key: string }[],
): AnalyzedArticle[] {
  const keys = new Map<string, Map<string, string>>();
  for (const l of links) {
    const m = keys.get(l.article_id) ?? new Map<string, string>();
    m.set(l.local_id, l.key);
    keys.set(l.article_id, m);
  }
  const out = new Map<string, AnalyzedArticle>();
  for (const r of rows) {
    const doc = parseAnalysis(r.analysis);
    doc.text = r.text;
    out.set(r.id, withLinkedKeys(doc, keys.get(r.id)));
  }
  return ids.map((id) => out.get(id)).filter((a): a is AnalyzedArticle => !!a);
}

/** The article with the global key of each linked local entity (`keys`: local id -> key) filled in where it has none. */
export function withLinkedKeys(doc: AnalyzedArticle, keys: ReadonlyMap<string, string> | undefined): AnalyzedArticle {
  if (!keys) return doc;
  return { ...doc, entities: doc.entities.map((e) => (e.key || !keys.has(e.id) ? e : { ...e, key: keys.get(e.id) })) };
}
