// The story index over a store's tables (story_df, story_postings, story_clusters, story_articles),
// store-neutral: document frequencies and cluster states are kept in memory across write
// transactions, checked against story_state.generation so that a write by another process empties
// them; what placing changes is written once every FLUSH_EVERY articles, not once per article.
// A store supplies the reads and writes; placing (src/corpus/stories/cluster.ts) is synchronous, so a
// store whose reads are asynchronous answers them from rows it fetched before (see postgres/stories.ts).
import type { MemberRecord } from '../corpus/stories/api.ts';
import type { ClusterLevel, ClusterState, Placement, StoryIndex } from '../corpus/stories/model.ts';
import { kindNorms } from '../corpus/stories/vectors.ts';
import type { AnalyzedArticle } from '../types.ts';
import { StoreInputError } from './store.ts';
import { parseAnalysis } from './rows.ts';

/** Cluster states kept in memory (the clusters touched most recently). */
const CLUSTER_CACHE = 8192;
/** Document frequencies kept in memory; the cache is dropped and refilled when it grows past this. */
const DF_CACHE = 500_000;
/** Articles placed between writes of the changed rows (within one transaction). */
export const FLUSH_EVERY = 250;

/** A stored posting: a cluster found under a feature, and when it was last touched. */
export interface PostingRow {
  cluster_id: string;
  touched: number;
}

/** What placing changed since the last write. */
export interface StoryWrites {
  /** Document-frequency increments. */
  df: Map<string, number>;
  clusters: ClusterState[];
  postings: { feature: string; level: ClusterLevel; clusterId: string; touched: number }[];
}

/** A row of story_clusters. */
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

export function toCluster(r: ClusterRow): ClusterState {
  const s = JSON.parse(r.state) as Pick<ClusterState, 'vec' | 'names' | 'monthDays' | 'languages'> & { norms?: ClusterState['norms'] };
  return {
    id: r.id,
    level: r.level,
    parent: r.parent,
    size: r.size,
    first: r.first_day,
    last: r.last_day,
    created: r.created,
    touched: r.touched,
    ...s,
    norms: s.norms ?? kindNorms(s.vec),
  };
}

/** The columns of a story_clusters row for a cluster (the JSON state included). */
export function clusterColumns(c: ClusterState): ClusterRow {
  return {
    id: c.id,
    level: c.level,
    parent: c.parent,
    size: c.size,
    first_day: c.first,
    last_day: c.last,
    created: c.created,
    touched: c.touched,
    state: JSON.stringify({ vec: c.vec, norms: c.norms, names: c.names, monthDays: c.monthDays, languages: c.languages }),
  };
}

/** The columns of a story_articles row for a placement. */
export function memberColumns(p: Placement) {
  return {
    article_id: p.articleId,
    seq: p.seq,
    event_id: p.eventId,
    storyline_id: p.storylineId,
    day: p.when.day,
    month_day: p.when.monthDay,
    reason: JSON.stringify({ event: p.eventReason, storyline: p.storylineReason }),
  };
}

export interface MemberRow {
  article_id: string;
  seq: number;
  event_id: string;
  storyline_id: string;
  day: string | null;
  month_day: string | null;
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

export abstract class CachedStoryIndex implements StoryIndex {
  private docs = 0;
  private seq = 0;
  /** Generation the caches reflect; -1 when they must be dropped. */
  private generation = -1;
  private readonly clusterCache = new Map<string, ClusterState>();
  private readonly dfCache = new Map<string, number>();
  /** Document-frequency increments not written yet. */
  private readonly dfPending = new Map<string, number>();
  /** Clusters changed since the last write. */
  private readonly clustersPending = new Map<string, ClusterState>();
  /** Postings added since the last write ("level\0feature" -> cluster id -> touched). */
  private readonly postingsPending = new Map<string, Map<string, number>>();
  private inBatch = false;
  /** Articles placed since the last write. */
  private sinceFlush = 0;

  /** Stored document frequencies of `features` (absent: 0). */
  protected abstract readDf(features: string[]): Map<string, number>;
  /** For each feature, its stored postings of `level`, most recently touched first, at most `perFeature`. */
  protected abstract readPostings(features: string[], level: ClusterLevel, perFeature: number): Map<string, PostingRow[]>;
  /** Stored clusters by id (unknown ids left out). */
  protected abstract readClusters(ids: string[]): ClusterState[];
  /** Writes (or queues for writing) a placement's story_articles row. */
  protected abstract writeMember(p: Placement): void;
  /** Writes (or queues for writing) what placing changed. */
  protected abstract write(w: StoryWrites): void;

  /** True when the caches do not reflect `generation` (another process wrote): begin needs the counts. */
  protected outdated(generation: number): boolean {
    return generation !== this.generation;
  }

  /** Starts a write transaction at the stored `generation`; `counts` (placed articles, last seq) is read when the caches are outdated. */
  protected begin(generation: number, counts: () => { n: number; seq: number }): void {
    if (this.outdated(generation)) {
      this.clusterCache.clear();
      this.dfCache.clear();
      const r = counts();
      this.docs = r.n;
      this.seq = r.seq;
    }
    this.dfPending.clear();
    this.clustersPending.clear();
    this.postingsPending.clear();
    this.sinceFlush = 0;
    this.inBatch = true;
  }

  /** Ends a transaction that wrote generation `generation` (writes what is pending first). */
  protected end(generation: () => number): void {
    this.flush();
    this.generation = generation();
    this.inBatch = false;
  }

  /** After a rolled-back transaction: the caches may hold what was rolled back. */
  protected abort(): void {
    this.generation = -1;
    this.dfPending.clear();
    this.clustersPending.clear();
    this.postingsPending.clear();
    this.inBatch = false;
  }

  /** Forgets everything in memory (the tables were emptied); call inside a batch. */
  protected forget(): void {
    this.check();
    this.clusterCache.clear();
    this.dfCache.clear();
    this.dfPending.clear();
    this.clustersPending.clear();
    this.postingsPending.clear();
    this.docs = 0;
    this.seq = 0;
  }

  /** Writes what placing changed since the last flush (document frequencies, clusters, postings). */
  protected flush(): void {
    this.sinceFlush = 0;
    const postings: StoryWrites['postings'] = [];
    for (const [k, ids] of this.postingsPending) {
      const cut = k.indexOf('\0');
      const level = k.slice(0, cut) as ClusterLevel;
      const feature = k.slice(cut + 1);
      for (const [clusterId, touched] of ids) postings.push({ feature, level, clusterId, touched });
    }
    this.write({ df: new Map(this.dfPending), clusters: [...this.clustersPending.values()], postings });
    this.dfPending.clear();
    this.clustersPending.clear();
    this.postingsPending.clear();
  }

  private check(): void {
    if (!this.inBatch) throw new Error('story index: place articles inside batch()');
  }

  /** The features whose document frequency is not in memory (a read of `df` would fetch them). */
  protected uncachedDf(features: string[]): string[] {
    return features.filter((f) => !this.dfCache.has(f));
  }

  /** The ids a read of `clusters` would fetch. */
  protected uncachedClusters(ids: string[]): string[] {
    return [...new Set(ids)].filter((id) => !this.clustersPending.has(id) && !this.clusterCache.has(id));
  }

  df(features: string[]): { docs: number; df: Map<string, number> } {
    this.check();
    const missing = this.uncachedDf(features);
    if (missing.length > 0) {
      const stored = this.readDf(missing);
      if (this.dfCache.size + missing.length > DF_CACHE) this.dfCache.clear();
      for (const f of missing) this.dfCache.set(f, (stored.get(f) ?? 0) + (this.dfPending.get(f) ?? 0));
    }
    const out = new Map<string, number>();
    for (const f of features) {
      const n = this.dfCache.get(f)!;
      if (n > 0) out.set(f, n);
    }
    return { docs: this.docs, df: out };
  }

  postings(features: string[], level: ClusterLevel, perFeature: number): Map<string, string[]> {
    this.check();
    const stored = this.readPostings(features, level, perFeature);
    const out = new Map<string, string[]>();
    for (const f of features) {
      const rows = stored.get(f) ?? [];
      const pending = this.postingsPending.get(`${level}\0${f}`);
      let ids: string[];
      if (!pending) ids = rows.map((r) => r.cluster_id);
      else {
        // This batch's postings are newer than any stored one.
        const merged = new Map(rows.map((r) => [r.cluster_id, r.touched]));
        for (const [id, t] of pending) merged.set(id, t);
        ids = [...merged].sort((a, b) => b[1] - a[1]).slice(0, perFeature).map(([id]) => id);
      }
      if (ids.length > 0) out.set(f, ids);
    }
    return out;
  }

  clusters(ids: string[]): ClusterState[] {
    this.check();
    const missing = this.uncachedClusters(ids);
    if (missing.length > 0) for (const c of this.readClusters(missing)) this.remember(c);
    return [...new Set(ids)].map((id) => this.clustersPending.get(id) ?? this.clusterCache.get(id)).filter((c): c is ClusterState => !!c);
  }

  private remember(c: ClusterState): void {
    this.clusterCache.delete(c.id);
    this.clusterCache.set(c.id, c);
    if (this.clusterCache.size > CLUSTER_CACHE) this.clusterCache.delete(this.clusterCache.keys().next().value!);
  }

  nextSeq(): number {
    return this.seq + 1;
  }

  commit(p: Placement): void {
    this.check();
    this.seq = p.seq;
    this.docs++;
    this.writeMember(p);
    for (const c of [p.event, p.storyline]) {
      this.remember(c);
      this.clustersPending.set(c.id, c);
    }
    for (const [level, id] of [['event', p.eventId], ['storyline', p.storylineId]] as const) {
      for (const f of p.postings) {
        const k = `${level}\0${f}`;
        let m = this.postingsPending.get(k);
        if (!m) this.postingsPending.set(k, (m = new Map()));
        m.set(id, p.seq);
      }
    }
    for (const f of p.features) {
      this.dfPending.set(f, (this.dfPending.get(f) ?? 0) + 1);
      if (this.dfCache.has(f)) this.dfCache.set(f, this.dfCache.get(f)! + 1);
    }
    if (++this.sinceFlush >= FLUSH_EVERY) this.flush();
  }
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
export function onlyCluster(idOrPrefix: string, rows: ClusterRow[]): ClusterState | null {
  if (rows.length === 0) return null;
  if (rows.length > 1) {
    const listed = rows.slice(0, MAX_STORY_CANDIDATES).map((r) => r.id).join(', ');
    throw new StoreInputError(
      `story id prefix "${idOrPrefix}" is ambiguous; it matches ${rows.length > MAX_STORY_CANDIDATES ? 'more than ' : ''}${Math.min(rows.length, MAX_STORY_CANDIDATES)} stories: ${listed}. Give more characters of the id.`,
    );
  }
  return toCluster(rows[0]);
}

/**
 * Stored articles from their rows, in the order of `ids` (unknown ids left out), with the global
 * entity key of each linked local entity filled in (links: article_id, local_id, key).
 */
export function articlesWithKeys(
  ids: string[],
  rows: { id: string; text: string; analysis: string }[],
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
    const k = keys.get(r.id);
    if (k) doc.entities = doc.entities.map((e) => (e.key || !k.has(e.id) ? e : { ...e, key: k.get(e.id) }));
    out.set(r.id, doc);
  }
  return ids.map((id) => out.get(id)).filter((a): a is AnalyzedArticle => !!a);
}
