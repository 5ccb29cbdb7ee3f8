// Stories in SQLite (tables of migration 004): the story index the clustering writes through, and the
// StorySource the views read. Placing runs inside one write transaction per call; every lookup is a
// key or index-range read, so the work per article does not grow with the corpus.
import type Database from 'better-sqlite3';
import { articleFeatures } from '../../stories/features.ts';
import { placeArticle } from '../../stories/cluster.ts';
import { compare, storiesList, storyDetail, timeline, type MemberRecord, type StorySource, type TimelineQuery } from '../../stories/api.ts';
import type { ClusterLevel, ClusterState, Placement, StoryIndex } from '../../stories/model.ts';
import { kindNorms } from '../../stories/vectors.ts';
import type { AttachSummary, StoryStore } from '../../stories/story-store.ts';
import type { AnalyzedArticle } from '../../types.ts';
import { parseQuery } from '../query.ts';
import { StoreInputError } from '../store.ts';
import { toFts5 } from './fts5.ts';

export type Prepare = (sql: string) => Database.Statement<unknown[], unknown>;

/** Articles read per step when placing or exporting. */
const PAGE = 200;
const MAX_CANDIDATES = 10;

interface ClusterRow {
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

function toCluster(r: ClusterRow): ClusterState {
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

interface MemberRow {
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

function toMember(r: MemberRow): MemberRecord {
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

const MEMBER_COLUMNS = `sa.article_id, sa.seq, sa.event_id, sa.storyline_id, sa.day, sa.month_day,
  a.title, a.file, a.source, a.language, a.published_at`;

/** Cluster states kept in memory (the clusters touched most recently). */
const CLUSTER_CACHE = 8192;
/** Document frequencies kept in memory; the cache is dropped and refilled when it grows past this. */
const DF_CACHE = 500_000;
/** Articles placed between writes of the changed rows (within one transaction). */
const FLUSH_EVERY = 250;

/**
 * The story index over the tables. It keeps document frequencies and cluster states in memory across
 * write transactions (`batch`), checked against story_state.generation so that a write by another
 * process empties them; document frequencies are written once per batch, not once per article.
 */
export class SqliteStoryIndex implements StoryIndex {
  private docs = 0;
  private seq = 0;
  /** Generation the caches reflect; -1 when they must be dropped. */
  private generation = -1;
  private readonly clusterCache = new Map<string, ClusterState>();
  private readonly dfCache = new Map<string, number>();
  /** Document-frequency increments not written yet. */
  private readonly dfPending = new Map<string, number>();
  /** Clusters changed in this batch, written once at its end. */
  private readonly clustersPending = new Map<string, ClusterState>();
  /** Postings added in this batch ("level\0feature" -> cluster id -> touched), written at its end. */
  private readonly postingsPending = new Map<string, Map<string, number>>();
  private inBatch = false;
  /** Articles placed since the last flush. */
  private sinceFlush = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly prepare: Prepare,
  ) {}

  /** Runs `fn` in one write transaction with the index ready for placing; the caches survive it. */
  batch<T>(fn: () => T): T {
    const run = this.db.transaction(() => {
      this.begin();
      const out = fn();
      this.end();
      return out;
    });
    try {
      return run.immediate();
    } catch (err) {
      this.generation = -1; // the caches may hold what was rolled back
      this.dfPending.clear();
      this.clustersPending.clear();
      this.postingsPending.clear();
      throw err;
    } finally {
      this.inBatch = false;
    }
  }

  /** Empties the story tables and the caches; call inside `batch`. */
  clear(): void {
    this.check();
    for (const t of ['story_articles', 'story_clusters', 'story_postings', 'story_df']) this.prepare(`DELETE FROM ${t}`).run();
    this.clusterCache.clear();
    this.dfCache.clear();
    this.dfPending.clear();
    this.clustersPending.clear();
    this.postingsPending.clear();
    this.docs = 0;
    this.seq = 0;
  }

  private begin(): void {
    const generation = this.prepare('SELECT generation FROM story_state').pluck().get() as number;
    if (generation !== this.generation) {
      this.clusterCache.clear();
      this.dfCache.clear();
      const r = this.prepare('SELECT count(*) AS n, coalesce(max(seq), 0) AS seq FROM story_articles').get() as { n: number; seq: number };
      this.docs = r.n;
      this.seq = r.seq;
    }
    this.dfPending.clear();
    this.clustersPending.clear();
    this.postingsPending.clear();
    this.sinceFlush = 0;
    this.inBatch = true;
  }

  private end(): void {
    this.flush();
    this.prepare('UPDATE story_state SET generation = generation + 1').run();
    this.generation = this.prepare('SELECT generation FROM story_state').pluck().get() as number;
  }

  /** Writes what placing changed since the last flush (document frequencies, clusters, postings). */
  private flush(): void {
    this.sinceFlush = 0;
    const df = this.prepare('INSERT INTO story_df (feature, df) VALUES (?, ?) ON CONFLICT (feature) DO UPDATE SET df = df + excluded.df');
    for (const [f, n] of this.dfPending) df.run(f, n);
    this.dfPending.clear();
    const upsert = this.prepare(
      `INSERT INTO story_clusters (id, level, parent, size, first_day, last_day, created, touched, state)
       VALUES (@id, @level, @parent, @size, @first, @last, @created, @touched, @state)
       ON CONFLICT (id) DO UPDATE SET size = excluded.size, first_day = excluded.first_day, last_day = excluded.last_day,
         touched = excluded.touched, state = excluded.state`,
    );
    for (const c of this.clustersPending.values()) {
      upsert.run({
        id: c.id,
        level: c.level,
        parent: c.parent,
        size: c.size,
        first: c.first,
        last: c.last,
        created: c.created,
        touched: c.touched,
        state: JSON.stringify({ vec: c.vec, norms: c.norms, names: c.names, monthDays: c.monthDays, languages: c.languages }),
      });
    }
    this.clustersPending.clear();
    const posting = this.prepare(
      `INSERT INTO story_postings (feature, level, cluster_id, touched) VALUES (?, ?, ?, ?)
       ON CONFLICT (feature, level, cluster_id) DO UPDATE SET touched = excluded.touched`,
    );
    for (const [k, ids] of this.postingsPending) {
      const cut = k.indexOf('\0');
      const level = k.slice(0, cut);
      const feature = k.slice(cut + 1);
      for (const [id, touched] of ids) posting.run(feature, level, id, touched);
    }
    this.postingsPending.clear();
  }

  private check(): void {
    if (!this.inBatch) throw new Error('SqliteStoryIndex: place articles inside batch()');
  }

  df(features: string[]): { docs: number; df: Map<string, number> } {
    this.check();
    const missing = features.filter((f) => !this.dfCache.has(f));
    if (missing.length > 0) {
      if (this.dfCache.size + missing.length > DF_CACHE) this.dfCache.clear();
      const rows = this.prepare('SELECT feature, df FROM story_df WHERE feature IN (SELECT value FROM json_each(?))').all(JSON.stringify(missing)) as {
        feature: string;
        df: number;
      }[];
      for (const f of missing) this.dfCache.set(f, 0);
      for (const r of rows) this.dfCache.set(r.feature, r.df);
      // Increments of this batch not written yet.
      for (const f of missing) {
        const pending = this.dfPending.get(f);
        if (pending) this.dfCache.set(f, this.dfCache.get(f)! + pending);
      }
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
    const q = this.prepare('SELECT cluster_id, touched FROM story_postings WHERE feature = ? AND level = ? ORDER BY touched DESC LIMIT ?');
    const out = new Map<string, string[]>();
    for (const f of features) {
      const rows = q.all(f, level, perFeature) as { cluster_id: string; touched: number }[];
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
    const unique = [...new Set(ids)];
    const missing = unique.filter((id) => !this.clustersPending.has(id) && !this.clusterCache.has(id));
    if (missing.length > 0) {
      const rows = this.prepare('SELECT * FROM story_clusters WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(missing)) as ClusterRow[];
      for (const r of rows) this.remember(toCluster(r));
    }
    return unique.map((id) => this.clustersPending.get(id) ?? this.clusterCache.get(id)).filter((c): c is ClusterState => !!c);
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
    this.prepare(
      `INSERT INTO story_articles (article_id, seq, event_id, storyline_id, day, month_day, reason) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(p.articleId, p.seq, p.eventId, p.storylineId, p.when.day, p.when.monthDay, JSON.stringify({ event: p.eventReason, storyline: p.storylineReason }));
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

/** A story index on a bare connection with its own statement cache (benchmarks, tools). */
export function storyIndexOn(db: Database.Database): SqliteStoryIndex {
  const cache = new Map<string, Database.Statement<unknown[], unknown>>();
  return new SqliteStoryIndex(db, (sql) => {
    let st = cache.get(sql);
    if (!st) cache.set(sql, (st = db.prepare(sql)));
    return st;
  });
}

export class SqliteStoryStore implements StoryStore, StorySource {
  /** False when the schema has no story tables (a store opened with custom migrations). */
  readonly available: boolean;
  /** The index placing goes through; it keeps its caches between calls. */
  private readonly index: SqliteStoryIndex;

  constructor(
    private readonly db: Database.Database,
    private readonly prepare: Prepare,
    private readonly guard: () => void,
  ) {
    this.available = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'story_articles'").get() !== undefined;
    this.index = new SqliteStoryIndex(db, prepare);
  }

  private check(): void {
    this.guard();
    if (!this.available) throw new StoreInputError('this database has no story tables (schema without migration 004)');
  }

  private entityLinks: boolean | undefined;

  /** True when the entity index (migration 003) is there to give global entity keys. */
  private hasEntityLinks(): boolean {
    this.entityLinks ??= this.db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'entity_links'").get() !== undefined;
    return this.entityLinks;
  }

  // ---------------------------------------------------------------- reading articles

  /** Stored articles by id, in the order given, with the global entity keys of the entity index when it has them. */
  articles(ids: string[]): AnalyzedArticle[] {
    this.check();
    const out = new Map<string, AnalyzedArticle>();
    for (let i = 0; i < ids.length; i += PAGE) {
      const chunk = JSON.stringify(ids.slice(i, i + PAGE));
      const rows = this.prepare('SELECT id, text, analysis FROM articles WHERE id IN (SELECT value FROM json_each(?))').all(chunk) as {
        id: string;
        text: string;
        analysis: string;
      }[];
      const keys = new Map<string, Map<string, string>>();
      if (this.hasEntityLinks()) {
        for (const l of this.prepare('SELECT article_id, local_id, key FROM entity_links WHERE article_id IN (SELECT value FROM json_each(?))').all(chunk) as {
          article_id: string;
          local_id: string;
          key: string;
        }[]) {
          const m = keys.get(l.article_id) ?? new Map<string, string>();
          m.set(l.local_id, l.key);
          keys.set(l.article_id, m);
        }
      }
      for (const r of rows) {
        const doc = JSON.parse(r.analysis) as AnalyzedArticle;
        doc.text = r.text;
        const k = keys.get(r.id);
        if (k) doc.entities = doc.entities.map((e) => (e.key || !k.has(e.id) ? e : { ...e, key: k.get(e.id) }));
        out.set(r.id, doc);
      }
    }
    return ids.map((id) => out.get(id)).filter((a): a is AnalyzedArticle => !!a);
  }

  // ---------------------------------------------------------------- placing

  private placeAll(index: StoryIndex, ids: string[], summary: AttachSummary, progress?: (n: number) => void): void {
    for (let i = 0; i < ids.length; i += PAGE) {
      const chunk = ids.slice(i, i + PAGE);
      const docs = this.articles(chunk);
      summary.skipped += chunk.length - docs.length;
      for (const d of docs) {
        const p = placeArticle(index, articleFeatures(d));
        summary.attached++;
        if (p.newEvent) summary.newEvents++;
        if (p.newStoryline) summary.newStorylines++;
      }
      progress?.(Math.min(i + PAGE, ids.length));
    }
  }

  async attach(articleIds: string[]): Promise<AttachSummary> {
    this.guard();
    // A schema without story tables (custom migrations) stores articles without placing them.
    if (!this.available) return { attached: 0, skipped: articleIds.length, newEvents: 0, newStorylines: 0, seconds: 0 };
    const started = performance.now();
    const summary = this.index.batch((): AttachSummary => {
      const out: AttachSummary = { attached: 0, skipped: 0, newEvents: 0, newStorylines: 0, seconds: 0 };
      const placed = new Set(
        this.prepare('SELECT article_id FROM story_articles WHERE article_id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(articleIds)) as string[],
      );
      const todo = [...new Set(articleIds)].filter((id) => !placed.has(id));
      out.skipped += articleIds.length - todo.length;
      this.placeAll(this.index, todo, out);
      return out;
    });
    summary.seconds = (performance.now() - started) / 1000;
    return summary;
  }

  async restory(opts: { onProgress?: (done: number, total: number) => void } = {}): Promise<AttachSummary> {
    this.check();
    const started = performance.now();
    // One transaction: readers see the old stories until the new ones are complete.
    const summary = this.index.batch((): AttachSummary => {
      this.index.clear();
      const ids = this.prepare('SELECT id FROM articles ORDER BY seq').pluck().all() as string[];
      const out: AttachSummary = { attached: 0, skipped: 0, newEvents: 0, newStorylines: 0, seconds: 0 };
      this.placeAll(this.index, ids, out, (n) => opts.onProgress?.(n, ids.length));
      return out;
    });
    summary.seconds = (performance.now() - started) / 1000;
    return summary;
  }

  // ---------------------------------------------------------------- the source of the views

  unplaced(): number {
    this.check();
    return (this.prepare('SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM story_articles)').pluck().get() as number) ?? 0;
  }

  storylines(page: { limit: number; offset: number }): { total: number; items: ClusterState[] } {
    this.check();
    const total = this.prepare("SELECT count(*) FROM story_clusters WHERE level = 'storyline'").pluck().get() as number;
    const rows = this.prepare(
      "SELECT * FROM story_clusters WHERE level = 'storyline' ORDER BY last_day DESC, touched DESC LIMIT ? OFFSET ?",
    ).all(page.limit, page.offset) as ClusterRow[];
    return { total, items: rows.map(toCluster) };
  }

  findCluster(idOrPrefix: string): ClusterState | null {
    this.check();
    const key = idOrPrefix.trim().toLowerCase();
    if (!/^[es]-[0-9a-f]{4,12}$/.test(key)) {
      throw new StoreInputError(`a story id looks like "s-1228e33355ce" (storyline) or "e-1228e33355ce" (event), at least 4 hex digits; got "${idOrPrefix}"`);
    }
    const rows = this.prepare('SELECT * FROM story_clusters WHERE id >= ? AND id < ? ORDER BY id LIMIT ?').all(key, `${key}\u{10FFFF}`, MAX_CANDIDATES + 1) as ClusterRow[];
    if (rows.length === 0) return null;
    if (rows.length > 1) {
      const listed = rows.slice(0, MAX_CANDIDATES).map((r) => r.id).join(', ');
      throw new StoreInputError(
        `story id prefix "${idOrPrefix}" is ambiguous; it matches ${rows.length > MAX_CANDIDATES ? 'more than ' : ''}${Math.min(rows.length, MAX_CANDIDATES)} stories: ${listed}. Give more characters of the id.`,
      );
    }
    return toCluster(rows[0]);
  }

  clusters(ids: string[]): ClusterState[] {
    this.check();
    if (ids.length === 0) return [];
    return (this.prepare('SELECT * FROM story_clusters WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as ClusterRow[]).map(toCluster);
  }

  eventsOf(storylineIds: string[]): ClusterState[] {
    this.check();
    if (storylineIds.length === 0) return [];
    return (
      this.prepare("SELECT * FROM story_clusters WHERE parent IN (SELECT value FROM json_each(?)) AND level = 'event' ORDER BY created").all(
        JSON.stringify(storylineIds),
      ) as ClusterRow[]
    ).map(toCluster);
  }

  members(clusterIds: string[]): MemberRecord[] {
    this.check();
    if (clusterIds.length === 0) return [];
    const ids = JSON.stringify(clusterIds);
    const rows = this.prepare(
      `SELECT ${MEMBER_COLUMNS} FROM story_articles sa JOIN articles a ON a.id = sa.article_id
       WHERE sa.article_id IN (
         SELECT article_id FROM story_articles WHERE event_id IN (SELECT value FROM json_each(?))
         UNION SELECT article_id FROM story_articles WHERE storyline_id IN (SELECT value FROM json_each(?)))
       ORDER BY sa.seq`,
    ).all(ids, ids) as MemberRow[];
    return rows.map(toMember);
  }

  articlesNaming(name: string, limit: number): string[] {
    this.check();
    const phrase = name.replace(/["\s]+/g, ' ').trim();
    if (!phrase) return [];
    const match = toFts5(parseQuery(`"${phrase}"`));
    return this.prepare(
      `SELECT a.id FROM articles_fts CROSS JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH ?
       ORDER BY a.published_at DESC, a.seq DESC LIMIT ?`,
    )
      .pluck()
      .all(match, limit) as string[];
  }

  // ---------------------------------------------------------------- the views

  list(page: { limit?: number; offset?: number } = {}) {
    return storiesList(this, page);
  }

  detail(id: string) {
    return storyDetail(this, id);
  }

  timeline(q: TimelineQuery) {
    return timeline(this, q);
  }

  compare(id: string) {
    return compare(this, id);
  }

  async placements(articleIds?: string[]): Promise<MemberRecord[]> {
    this.check();
    const rows = articleIds
      ? (this.prepare(`SELECT ${MEMBER_COLUMNS} FROM story_articles sa JOIN articles a ON a.id = sa.article_id
           WHERE sa.article_id IN (SELECT value FROM json_each(?)) ORDER BY sa.seq`).all(JSON.stringify(articleIds)) as MemberRow[])
      : (this.prepare(`SELECT ${MEMBER_COLUMNS} FROM story_articles sa JOIN articles a ON a.id = sa.article_id ORDER BY sa.seq`).all() as MemberRow[]);
    return rows.map(toMember);
  }

  async *articlesOf(story?: string): AsyncIterable<AnalyzedArticle> {
    this.check();
    let ids: string[];
    if (story) {
      const c = this.findCluster(story);
      if (!c) throw new StoreInputError(`no story with id "${story}"`);
      ids = this.members([c.id]).map((m) => m.articleId);
    } else {
      ids = this.prepare('SELECT id FROM articles ORDER BY seq').pluck().all() as string[];
    }
    for (let i = 0; i < ids.length; i += PAGE) {
      const docs = this.articles(ids.slice(i, i + PAGE));
      for (const d of docs) yield d;
    }
  }
}
