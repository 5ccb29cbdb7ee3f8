// The story tables in SQLite (migration 004). Every method runs its SQL synchronously and returns a
// settled promise: inside `SqliteStore.write` nothing else runs between two of them (see write()).
import type Database from 'better-sqlite3';
import type { AnalyzedArticle } from '../../types.ts';
import { parseQuery } from '../query.ts';
import { StoreInputError } from '../store.ts';
import { MAX_STORY_CANDIDATES, MEMBER_COLUMNS, articlesWithKeys, onlyCluster, storyIdPrefix, toMember } from '../story-tables.ts';
import type { ClusterRow, MemberRecord, MemberRow, PostingRow, StoryRowWrites, StoryTables } from '../story-tables.ts';
import { toFts5 } from './fts5.ts';

export type Prepare = (sql: string) => Database.Statement<unknown[], unknown>;

/** Articles read per query. */
const PAGE = 200;

export class SqliteStoryTables implements StoryTables {
  readonly available: boolean;
  private entityLinks: boolean | undefined;

  constructor(
    private readonly db: Database.Database,
    private readonly prepare: Prepare,
    private readonly guard: () => void,
  ) {
    this.available = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'story_articles'").get() !== undefined;
  }

  private check(): void {
    this.guard();
    if (!this.available) throw new StoreInputError('this database has no story tables (schema without migration 004)');
  }

  /** True when the entity index (migration 003) is there to give global entity keys. */
  private hasEntityLinks(): boolean {
    this.entityLinks ??= this.db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'entity_links'").get() !== undefined;
    return this.entityLinks;
  }

  private clusterRows(sql: string, ...params: unknown[]): ClusterRow[] {
    return this.prepare(sql).all(...params) as ClusterRow[];
  }

  // ---------------------------------------------------------------- reads of the views

  async articles(ids: string[]): Promise<AnalyzedArticle[]> {
    this.check();
    const out: AnalyzedArticle[] = [];
    for (let i = 0; i < ids.length; i += PAGE) {
      const chunk = ids.slice(i, i + PAGE);
      const json = JSON.stringify(chunk);
      const rows = this.prepare('SELECT id, text, analysis FROM articles WHERE id IN (SELECT value FROM json_each(?))').all(json) as {
        id: string;
        text: string;
        analysis: string | Buffer;
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

  async articleIds(): Promise<string[]> {
    this.check();
    return this.prepare('SELECT id FROM articles ORDER BY seq').pluck().all() as string[];
  }

  async unplaced(): Promise<number> {
    this.check();
    return (this.prepare('SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM story_articles)').pluck().get() as number) ?? 0;
  }

  async unplacedIds(): Promise<string[]> {
    this.check();
    return this.prepare('SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id) ORDER BY a.seq')
      .pluck()
      .all() as string[];
  }

  async storylines(page: { limit: number; offset: number }): Promise<{ total: number; items: ClusterRow[] }> {
    this.check();
    const total = this.prepare("SELECT count(*) FROM story_clusters WHERE level = 'storyline'").pluck().get() as number;
    const items = this.clusterRows("SELECT * FROM story_clusters WHERE level = 'storyline' ORDER BY last_day DESC, touched DESC LIMIT ? OFFSET ?", page.limit, page.offset);
    return { total, items };
  }

  async findCluster(idOrPrefix: string): Promise<ClusterRow | null> {
    this.check();
    const key = storyIdPrefix(idOrPrefix);
    return onlyCluster(idOrPrefix, this.clusterRows('SELECT * FROM story_clusters WHERE id >= ? AND id < ? ORDER BY id LIMIT ?', key, `${key}\u{10FFFF}`, MAX_STORY_CANDIDATES + 1));
  }

  async clusters(ids: string[]): Promise<ClusterRow[]> {
    this.check();
    if (ids.length === 0) return [];
    return this.clusterRows('SELECT * FROM story_clusters WHERE id IN (SELECT value FROM json_each(?))', JSON.stringify(ids));
  }

  async eventsOf(storylineIds: string[]): Promise<ClusterRow[]> {
    this.check();
    if (storylineIds.length === 0) return [];
    return this.clusterRows("SELECT * FROM story_clusters WHERE parent IN (SELECT value FROM json_each(?)) AND +level = 'event' ORDER BY created", JSON.stringify(storylineIds));
  }

  async members(clusterIds: string[]): Promise<MemberRecord[]> {
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

  async placements(articleIds?: string[]): Promise<MemberRecord[]> {
    this.check();
    const rows = articleIds
      ? (this.prepare(`SELECT ${MEMBER_COLUMNS} FROM story_articles sa JOIN articles a ON a.id = sa.article_id
           WHERE sa.article_id IN (SELECT value FROM json_each(?)) ORDER BY sa.seq`).all(JSON.stringify(articleIds)) as MemberRow[])
      : (this.prepare(`SELECT ${MEMBER_COLUMNS} FROM story_articles sa JOIN articles a ON a.id = sa.article_id ORDER BY sa.seq`).all() as MemberRow[]);
    return rows.map(toMember);
  }

  async articlesNaming(name: string, keys: string[], limit: number): Promise<string[]> {
    this.check();
    const phrase = name.replace(/["\s]+/g, ' ').trim();
    if (!phrase) return [];
    const match = toFts5(parseQuery(`"${phrase}"`));
    return this.prepare(
      `SELECT a.id FROM articles a
       WHERE a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)
          OR a.id IN (SELECT article_id FROM entity_links WHERE key IN (SELECT value FROM json_each(?)))
       ORDER BY a.published_at DESC, a.seq DESC LIMIT ?`,
    )
      .pluck()
      .all(match, JSON.stringify(keys), limit) as string[];
  }

  // ---------------------------------------------------------------- placing

  async generation(): Promise<number> {
    this.check(); // the first read of every placing transaction
    return this.prepare('SELECT generation FROM story_state').pluck().get() as number;
  }

  async nextGeneration(): Promise<number> {
    this.prepare('UPDATE story_state SET generation = generation + 1').run();
    return this.generation();
  }

  async placedCount(): Promise<{ n: number; seq: number }> {
    return this.prepare('SELECT count(*) AS n, coalesce(max(seq), 0) AS seq FROM story_articles').get() as { n: number; seq: number };
  }

  async placed(articleIds: string[]): Promise<Set<string>> {
    return new Set(this.prepare('SELECT article_id FROM story_articles WHERE article_id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(articleIds)) as string[]);
  }

  async df(features: string[]): Promise<Map<string, number>> {
    const rows = this.prepare('SELECT feature, df FROM story_df WHERE feature IN (SELECT value FROM json_each(?))').all(JSON.stringify(features)) as {
      feature: string;
      df: number;
    }[];
    return new Map(rows.map((r) => [r.feature, r.df]));
  }

  async postings(features: string[], perFeature: number): Promise<PostingRow[]> {
    const q = this.prepare('SELECT feature, level, cluster_id, touched FROM story_postings WHERE feature = ? AND level = ? ORDER BY touched DESC LIMIT ?');
    const out: PostingRow[] = [];
    for (const level of ['event', 'storyline']) for (const f of features) out.push(...(q.all(f, level, perFeature) as PostingRow[]));
    return out;
  }

  async clustersWithParents(ids: string[]): Promise<ClusterRow[]> {
    if (ids.length === 0) return [];
    const json = JSON.stringify(ids);
    return this.clusterRows(
      `SELECT * FROM story_clusters WHERE id IN (SELECT value FROM json_each(?))
         OR id IN (SELECT parent FROM story_clusters WHERE id IN (SELECT value FROM json_each(?)) AND parent IS NOT NULL)`,
      json,
      json,
    );
  }

  async write(w: StoryRowWrites): Promise<void> {
    for (const m of w.merges) {
      const column = m.level === 'event' ? 'event_id' : 'storyline_id';
      this.prepare(`UPDATE story_articles SET ${column} = ? WHERE ${column} = ?`).run(m.into, m.from);
      if (m.level === 'storyline') this.prepare('UPDATE story_clusters SET parent = ? WHERE parent = ?').run(m.into, m.from);
      this.prepare('DELETE FROM story_clusters WHERE id = ?').run(m.from);
      // The survivor keeps the more recent of the two postings under each feature.
      const features = JSON.stringify(m.features);
      this.prepare(
        `UPDATE story_postings AS p SET touched = o.touched FROM story_postings AS o
         WHERE p.feature IN (SELECT value FROM json_each(?)) AND p.level = ? AND p.cluster_id = ?
           AND o.feature = p.feature AND o.level = p.level AND o.cluster_id = ? AND o.touched > p.touched`,
      ).run(features, m.level, m.into, m.from);
      this.prepare('UPDATE OR IGNORE story_postings SET cluster_id = ? WHERE feature IN (SELECT value FROM json_each(?)) AND level = ? AND cluster_id = ?').run(m.into, features, m.level, m.from);
      this.prepare('DELETE FROM story_postings WHERE feature IN (SELECT value FROM json_each(?)) AND level = ? AND cluster_id = ?').run(features, m.level, m.from);
    }
    const member = this.prepare(
      `INSERT INTO story_articles (article_id, seq, event_id, storyline_id, day, month_day, reason)
       VALUES (@article_id, @seq, @event_id, @storyline_id, @day, @month_day, @reason)`,
    );
    for (const m of w.members) member.run(m);
    const df = this.prepare('INSERT INTO story_df (feature, df) VALUES (?, ?) ON CONFLICT (feature) DO UPDATE SET df = df + excluded.df');
    for (const [f, n] of w.df) df.run(f, n);
    const upsert = this.prepare(
      `INSERT INTO story_clusters (id, level, parent, size, first_day, last_day, created, touched, state)
       VALUES (@id, @level, @parent, @size, @first_day, @last_day, @created, @touched, @state)
       ON CONFLICT (id) DO UPDATE SET parent = excluded.parent, size = excluded.size, first_day = excluded.first_day, last_day = excluded.last_day,
         touched = excluded.touched, state = excluded.state`,
    );
    for (const c of w.clusters) upsert.run(c);
    const posting = this.prepare(
      `INSERT INTO story_postings (feature, level, cluster_id, touched) VALUES (?, ?, ?, ?)
       ON CONFLICT (feature, level, cluster_id) DO UPDATE SET touched = excluded.touched`,
    );
    for (const x of w.postings) posting.run(x.feature, x.level, x.cluster_id, x.touched);
  }

  async clear(): Promise<void> {
    for (const t of ['story_articles', 'story_clusters', 'story_postings', 'story_df']) this.prepare(`DELETE FROM ${t}`).run();
  }
}
