// Stories in SQLite (tables of migration 004): the story index the clustering writes through, and the
// StorySource the views read. Placing runs inside one write transaction per call; every lookup is a
// key or index-range read, so the work per article does not grow with the corpus.
import type Database from 'better-sqlite3';
import { articleFeatures } from '../../corpus/stories/features.ts';
import { placeArticle } from '../../corpus/stories/cluster.ts';
import type { MemberRecord } from '../../corpus/stories/api.ts';
import type { ClusterLevel, ClusterState, Placement, StoryIndex } from '../../corpus/stories/model.ts';
import {
  CachedStoryIndex,
  MEMBER_COLUMNS,
  clusterColumns,
  memberColumns,
  toCluster,
  toMember,
  type ClusterRow,
  type MemberRow,
  type PostingRow,
  type StoryWrites,
  MAX_STORY_CANDIDATES,
  articlesWithKeys,
  onlyCluster,
  storyIdPrefix,
} from '../story-index.ts';
import type { AttachSummary } from '../../corpus/stories/story-store.ts';
import type { AnalyzedArticle } from '../../types.ts';
import { parseQuery } from '../query.ts';
import { StoryViews } from '../story-views.ts';
import { StoreInputError } from '../store.ts';
import { toFts5 } from './fts5.ts';

export type Prepare = (sql: string) => Database.Statement<unknown[], unknown>;

/** Articles read per step when placing or exporting. */
const PAGE = 200;

/** The story index over the tables (see ../story-index.ts): reads and writes with the statements of this connection. */
export class SqliteStoryIndex extends CachedStoryIndex {
  constructor(
    private readonly db: Database.Database,
    private readonly prepare: Prepare,
  ) {
    super();
  }

  /** Runs `fn` in one write transaction with the index ready for placing; the caches survive it. */
  batch<T>(fn: () => T): T {
    const run = this.db.transaction(() => {
      this.begin(this.prepare('SELECT generation FROM story_state').pluck().get() as number, () =>
        this.prepare('SELECT count(*) AS n, coalesce(max(seq), 0) AS seq FROM story_articles').get() as { n: number; seq: number },
      );
      const out = fn();
      this.end(() => {
        this.prepare('UPDATE story_state SET generation = generation + 1').run();
        return this.prepare('SELECT generation FROM story_state').pluck().get() as number;
      });
      return out;
    });
    try {
      return run.immediate();
    } catch (err) {
      this.abort();
      throw err;
    }
  }

  /** Empties the story tables and the caches; call inside `batch`. */
  clear(): void {
    this.forget();
    for (const t of ['story_articles', 'story_clusters', 'story_postings', 'story_df']) this.prepare(`DELETE FROM ${t}`).run();
  }

  protected readDf(features: string[]): Map<string, number> {
    const rows = this.prepare('SELECT feature, df FROM story_df WHERE feature IN (SELECT value FROM json_each(?))').all(JSON.stringify(features)) as {
      feature: string;
      df: number;
    }[];
    return new Map(rows.map((r) => [r.feature, r.df]));
  }

  protected readPostings(features: string[], level: ClusterLevel, perFeature: number): Map<string, PostingRow[]> {
    const q = this.prepare('SELECT cluster_id, touched FROM story_postings WHERE feature = ? AND level = ? ORDER BY touched DESC LIMIT ?');
    return new Map(features.map((f) => [f, q.all(f, level, perFeature) as PostingRow[]]));
  }

  protected readClusters(ids: string[]): ClusterState[] {
    return (this.prepare('SELECT * FROM story_clusters WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as ClusterRow[]).map(toCluster);
  }

  protected writeMember(p: Placement): void {
    this.prepare(
      `INSERT INTO story_articles (article_id, seq, event_id, storyline_id, day, month_day, reason)
       VALUES (@article_id, @seq, @event_id, @storyline_id, @day, @month_day, @reason)`,
    ).run(memberColumns(p));
  }

  protected write(w: StoryWrites): void {
    const df = this.prepare('INSERT INTO story_df (feature, df) VALUES (?, ?) ON CONFLICT (feature) DO UPDATE SET df = df + excluded.df');
    for (const [f, n] of w.df) df.run(f, n);
    const upsert = this.prepare(
      `INSERT INTO story_clusters (id, level, parent, size, first_day, last_day, created, touched, state)
       VALUES (@id, @level, @parent, @size, @first_day, @last_day, @created, @touched, @state)
       ON CONFLICT (id) DO UPDATE SET size = excluded.size, first_day = excluded.first_day, last_day = excluded.last_day,
         touched = excluded.touched, state = excluded.state`,
    );
    for (const c of w.clusters) upsert.run(clusterColumns(c));
    const posting = this.prepare(
      `INSERT INTO story_postings (feature, level, cluster_id, touched) VALUES (?, ?, ?, ?)
       ON CONFLICT (feature, level, cluster_id) DO UPDATE SET touched = excluded.touched`,
    );
    for (const x of w.postings) posting.run(x.feature, x.level, x.clusterId, x.touched);
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

export class SqliteStoryStore extends StoryViews {
  /** False when the schema has no story tables (a store opened with custom migrations). */
  readonly available: boolean;
  /** The index placing goes through; it keeps its caches between calls. */
  private readonly index: SqliteStoryIndex;

  constructor(
    private readonly db: Database.Database,
    private readonly prepare: Prepare,
    private readonly guard: () => void,
    /** Global entity keys a name or key stands for (the entity index; none without one). */
    private readonly entityKeys: (nameOrKey: string) => Promise<string[]> = async () => [],
  ) {
    super();
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
    const out: AnalyzedArticle[] = [];
    for (let i = 0; i < ids.length; i += PAGE) {
      const chunk = ids.slice(i, i + PAGE);
      const json = JSON.stringify(chunk);
      const rows = this.prepare('SELECT id, text, analysis FROM articles WHERE id IN (SELECT value FROM json_each(?))').all(json) as {
        id: string;
        text: string;
        analysis: string;
      }[];
      const links = this.hasEntityLinks()
        ? (this.prepare('SELECT article_id, local_id, key FROM entity_links WHERE article_id IN (SELECT value FROM json_each(?))').all(json) as {
            article_id: string;
            local_id: string;
            key: string;
          }[])
        : [];
      out.push(...articlesWithKeys(chunk, rows, links));
    }
    return out;
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
    const key = storyIdPrefix(idOrPrefix);
    const rows = this.prepare('SELECT * FROM story_clusters WHERE id >= ? AND id < ? ORDER BY id LIMIT ?').all(key, `${key}\u{10FFFF}`, MAX_STORY_CANDIDATES + 1) as ClusterRow[];
    return onlyCluster(idOrPrefix, rows);
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

  /** Articles linked to the entity the name stands for (any language, any alias), or containing
   *  the name as a phrase; most recent first. */
  async articlesNaming(name: string, limit: number): Promise<string[]> {
    this.check();
    const phrase = name.replace(/["\s]+/g, ' ').trim();
    if (!phrase) return [];
    const match = toFts5(parseQuery(`"${phrase}"`));
    const keys = JSON.stringify(await this.entityKeys(name));
    return this.prepare(
      `SELECT a.id FROM articles a
       WHERE a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)
          OR a.id IN (SELECT article_id FROM entity_links WHERE key IN (SELECT value FROM json_each(?)))
       ORDER BY a.published_at DESC, a.seq DESC LIMIT ?`,
    )
      .pluck()
      .all(match, keys, limit) as string[];
  }

  // ---------------------------------------------------------------- the views

  protected allArticleIds(): string[] {
    this.check();
    return this.prepare('SELECT id FROM articles ORDER BY seq').pluck().all() as string[];
  }

  async placements(articleIds?: string[]): Promise<MemberRecord[]> {
    this.check();
    const rows = articleIds
      ? (this.prepare(`SELECT ${MEMBER_COLUMNS} FROM story_articles sa JOIN articles a ON a.id = sa.article_id
           WHERE sa.article_id IN (SELECT value FROM json_each(?)) ORDER BY sa.seq`).all(JSON.stringify(articleIds)) as MemberRow[])
      : (this.prepare(`SELECT ${MEMBER_COLUMNS} FROM story_articles sa JOIN articles a ON a.id = sa.article_id ORDER BY sa.seq`).all() as MemberRow[]);
    return rows.map(toMember);
  }
}
