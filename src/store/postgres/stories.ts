// Stories in PostgreSQL (tables of migration 003): the story index placing writes through, and the
// StorySource the views read. Placing (src/corpus/stories/cluster.ts) is synchronous, the database is not:
// the index answers its reads from rows fetched just before. A read it cannot answer throws `Need`;
// the article is placed again once those rows are fetched (placing changes nothing before its
// final commit, so a retry is safe). Writers queue on the 'stories' advisory lock.
import type pg from 'pg';
import type { MemberRecord } from '../../corpus/stories/api.ts';
import { placeArticle } from '../../corpus/stories/cluster.ts';
import { articleFeatures } from '../../corpus/stories/features.ts';
import type { ArticleFeatures, ClusterLevel, ClusterState, Placement } from '../../corpus/stories/model.ts';
import type { AttachSummary } from '../../corpus/stories/story-store.ts';
import type { AnalyzedArticle } from '../../types.ts';
import { parseQuery } from '../query.ts';
import { StoryViews } from '../story-views.ts';
import {
  CachedStoryIndex,
  MAX_STORY_CANDIDATES,
  MEMBER_COLUMNS,
  articlesWithKeys,
  clusterColumns,
  memberColumns,
  onlyCluster,
  storyIdPrefix,
  toCluster,
  toMember,
  type ClusterRow,
  type MemberRow,
  type PostingRow,
  type StoryWrites,
} from '../story-index.ts';
import { column, lock, row, rows, transaction, value, type Queryable } from './db.ts';
import { toTsquery } from './tsearch.ts';

/** Articles read per step when placing or exporting. */
const PAGE = 200;

/** Rows placing asked for that were not fetched yet. */
class Need extends Error {
  constructor(readonly what: { df?: string[]; postings?: { features: string[]; perFeature: number }; clusters?: string[] }) {
    super('story index: rows not fetched yet');
  }
}

const CLUSTER_TYPES = 'id text, level text, parent text, size int, first_day text, last_day text, created bigint, touched bigint, state text';
const MEMBER_TYPES = 'article_id text, seq bigint, event_id text, storyline_id text, day text, month_day text, reason text';

/** The story index over the tables: the shared caches (../story-index.ts) fed by rows fetched per article. */
export class PgStoryIndex extends CachedStoryIndex {
  /** Rows fetched for the article being placed (dropped once it is placed, so nothing goes stale). */
  private fetchedDf = new Map<string, number>();
  private fetchedPostings = new Map<string, PostingRow[]>();
  private fetchedPerFeature = 0;
  private fetchedClusters = new Map<string, ClusterState | null>();
  /** Writes queued by placing, done by `drain`. */
  private members: object[] = [];
  private writes: StoryWrites[] = [];

  /** Runs `fn` in one transaction (under the 'stories' lock) with the index ready; `place` places one article. */
  async batch<T>(pool: pg.Pool, fn: (c: pg.PoolClient, place: (f: ArticleFeatures) => Promise<Placement>) => Promise<T>): Promise<T> {
    try {
      return await transaction(pool, async (c) => {
        await lock(c, 'stories');
        const generation = (await value<number>(c, 'SELECT generation FROM story_state'))!;
        const counts = this.outdated(generation)
          ? (await row<{ n: number; seq: number }>(c, 'SELECT count(*) AS n, coalesce(max(seq), 0) AS seq FROM story_articles'))!
          : { n: 0, seq: 0 };
        this.members = [];
        this.writes = [];
        this.begin(generation, () => counts);
        const out = await fn(c, (f) => this.place(c, f));
        this.flush();
        await this.drain(c);
        const next = (await value<number>(c, 'UPDATE story_state SET generation = generation + 1 RETURNING generation'))!;
        this.end(() => next);
        return out;
      });
    } catch (err) {
      this.abort();
      throw err;
    } finally {
      this.dropFetched();
    }
  }

  /** Empties the story tables and the caches; call inside `batch`. */
  async clear(c: Queryable): Promise<void> {
    this.forget();
    for (const t of ['story_articles', 'story_clusters', 'story_postings', 'story_df']) await c.query(`DELETE FROM ${t}`);
  }

  private async place(c: pg.PoolClient, f: ArticleFeatures): Promise<Placement> {
    const df = this.uncachedDf([...f.features.keys()]);
    if (df.length > 0) await this.fetch(c, { df });
    for (;;) {
      try {
        const p = placeArticle(this, f);
        this.dropFetched();
        if (this.writes.length > 0) await this.drain(c);
        return p;
      } catch (err) {
        if (!(err instanceof Need)) throw err;
        await this.fetch(c, err.what);
      }
    }
  }

  private dropFetched(): void {
    this.fetchedDf.clear();
    this.fetchedPostings.clear();
    this.fetchedClusters.clear();
    this.fetchedPerFeature = 0;
  }

  private async fetch(c: pg.PoolClient, what: Need['what']): Promise<void> {
    if (what.df) {
      for (const f of what.df) this.fetchedDf.set(f, 0);
      for (const r of await rows<{ feature: string; df: number }>(c, 'SELECT feature, df FROM story_df WHERE feature = ANY($1::text[])', [what.df])) {
        this.fetchedDf.set(r.feature, r.df);
      }
    }
    if (what.postings) {
      // Both levels at once: placing asks for events and then storylines under the same features.
      const { features, perFeature } = what.postings;
      for (const level of ['event', 'storyline']) for (const f of features) this.fetchedPostings.set(`${level}\0${f}`, []);
      const found = await rows<PostingRow & { feature: string; level: ClusterLevel }>(
        c,
        `SELECT f.feature, l.level, p.cluster_id, p.touched
         FROM unnest($1::text[]) AS f(feature) CROSS JOIN (VALUES ('event'), ('storyline')) AS l(level)
         CROSS JOIN LATERAL (SELECT cluster_id, touched FROM story_postings s
           WHERE s.feature = f.feature AND s.level = l.level ORDER BY touched DESC LIMIT $2) p
         ORDER BY f.feature, l.level, p.touched DESC`,
        [features, perFeature],
      );
      for (const r of found) this.fetchedPostings.get(`${r.level}\0${r.feature}`)!.push({ cluster_id: r.cluster_id, touched: r.touched });
      this.fetchedPerFeature = perFeature;
    }
    if (what.clusters) {
      // With their storylines: placing reads an event's parent next.
      for (const id of what.clusters) this.fetchedClusters.set(id, null);
      const found = await rows<ClusterRow>(
        c,
        `SELECT * FROM story_clusters WHERE id = ANY($1::text[])
           OR id IN (SELECT parent FROM story_clusters WHERE id = ANY($1::text[]) AND parent IS NOT NULL)`,
        [what.clusters],
      );
      for (const r of found) this.fetchedClusters.set(r.id, toCluster(r));
    }
  }

  protected readDf(features: string[]): Map<string, number> {
    const missing = features.filter((f) => !this.fetchedDf.has(f));
    if (missing.length > 0) throw new Need({ df: missing });
    return new Map(features.map((f) => [f, this.fetchedDf.get(f)!]));
  }

  protected readPostings(features: string[], level: ClusterLevel, perFeature: number): Map<string, PostingRow[]> {
    const missing = perFeature > this.fetchedPerFeature && this.fetchedPerFeature > 0 ? features : features.filter((f) => !this.fetchedPostings.has(`${level}\0${f}`));
    if (missing.length > 0) throw new Need({ postings: { features: missing, perFeature } });
    return new Map(features.map((f) => [f, this.fetchedPostings.get(`${level}\0${f}`)!.slice(0, perFeature)]));
  }

  protected readClusters(ids: string[]): ClusterState[] {
    const missing = ids.filter((id) => !this.fetchedClusters.has(id));
    if (missing.length > 0) throw new Need({ clusters: missing });
    return ids.map((id) => this.fetchedClusters.get(id)).filter((x): x is ClusterState => !!x);
  }

  protected writeMember(p: Placement): void {
    this.members.push(memberColumns(p));
  }

  protected write(w: StoryWrites): void {
    if (w.df.size > 0 || w.clusters.length > 0 || w.postings.length > 0) this.writes.push(w);
  }

  /** Writes the queued placements and changes. */
  private async drain(c: pg.PoolClient): Promise<void> {
    if (this.members.length > 0) {
      const cols = MEMBER_TYPES.split(', ').map((x) => x.split(' ')[0]).join(', ');
      await c.query(`INSERT INTO story_articles (${cols}) SELECT ${cols} FROM json_to_recordset($1::json) AS x(${MEMBER_TYPES})`, [JSON.stringify(this.members)]);
      this.members = [];
    }
    for (const w of this.writes) {
      if (w.df.size > 0) {
        await c.query(
          `INSERT INTO story_df (feature, df) SELECT * FROM unnest($1::text[], $2::int[])
           ON CONFLICT (feature) DO UPDATE SET df = story_df.df + excluded.df`,
          [[...w.df.keys()], [...w.df.values()]],
        );
      }
      if (w.clusters.length > 0) {
        const cols = CLUSTER_TYPES.split(', ').map((x) => x.split(' ')[0]).join(', ');
        await c.query(
          `INSERT INTO story_clusters (${cols}) SELECT ${cols} FROM json_to_recordset($1::json) AS x(${CLUSTER_TYPES})
           ON CONFLICT (id) DO UPDATE SET size = excluded.size, first_day = excluded.first_day, last_day = excluded.last_day,
             touched = excluded.touched, state = excluded.state`,
          [JSON.stringify(w.clusters.map(clusterColumns))],
        );
      }
      if (w.postings.length > 0) {
        await c.query(
          `INSERT INTO story_postings (feature, level, cluster_id, touched) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[])
           ON CONFLICT (feature, level, cluster_id) DO UPDATE SET touched = excluded.touched`,
          [w.postings.map((x) => x.feature), w.postings.map((x) => x.level), w.postings.map((x) => x.clusterId), w.postings.map((x) => x.touched)],
        );
      }
    }
    this.writes = [];
  }
}

export class PgStoryStore extends StoryViews {
  /** The index placing goes through; it keeps its caches between calls. */
  private readonly index = new PgStoryIndex();

  constructor(
    private readonly pool: pg.Pool,
    private readonly open: () => Promise<pg.Pool>,
    /** Global entity keys a name or key stands for (the entity index). */
    private readonly entityKeys: (nameOrKey: string) => Promise<string[]> = async () => [],
  ) {
    super();
  }

  // ---------------------------------------------------------------- reading articles

  /** Stored articles by id, in the order given, with the global entity keys of the entity index. */
  async articles(ids: string[], q: Queryable = this.pool): Promise<AnalyzedArticle[]> {
    await this.open();
    const out: AnalyzedArticle[] = [];
    for (let i = 0; i < ids.length; i += PAGE) {
      const chunk = ids.slice(i, i + PAGE);
      const found = await rows<{ id: string; text: string; analysis: string }>(q, 'SELECT id, text, analysis FROM articles WHERE id = ANY($1::text[])', [chunk]);
      const links = await rows<{ article_id: string; local_id: string; key: string }>(
        q,
        'SELECT article_id, local_id, key FROM entity_links WHERE article_id = ANY($1::text[])',
        [chunk],
      );
      out.push(...articlesWithKeys(chunk, found, links));
    }
    return out;
  }

  // ---------------------------------------------------------------- placing

  private async placeAll(
    c: pg.PoolClient,
    place: (f: ArticleFeatures) => Promise<Placement>,
    ids: string[],
    summary: AttachSummary,
    progress?: (n: number) => void,
  ): Promise<void> {
    for (let i = 0; i < ids.length; i += PAGE) {
      const chunk = ids.slice(i, i + PAGE);
      const docs = await this.articles(chunk, c);
      summary.skipped += chunk.length - docs.length;
      for (const d of docs) {
        const p = await place(articleFeatures(d));
        summary.attached++;
        if (p.newEvent) summary.newEvents++;
        if (p.newStoryline) summary.newStorylines++;
      }
      progress?.(Math.min(i + PAGE, ids.length));
    }
  }

  async attach(articleIds: string[]): Promise<AttachSummary> {
    const pool = await this.open();
    const started = performance.now();
    const summary = await this.index.batch(pool, async (c, place): Promise<AttachSummary> => {
      const out: AttachSummary = { attached: 0, skipped: 0, newEvents: 0, newStorylines: 0, seconds: 0 };
      const placed = new Set(await column<string>(c, 'SELECT article_id FROM story_articles WHERE article_id = ANY($1::text[])', [articleIds]));
      const todo = [...new Set(articleIds)].filter((id) => !placed.has(id));
      out.skipped += articleIds.length - todo.length;
      await this.placeAll(c, place, todo, out);
      return out;
    });
    summary.seconds = (performance.now() - started) / 1000;
    return summary;
  }

  async restory(opts: { onProgress?: (done: number, total: number) => void } = {}): Promise<AttachSummary> {
    const pool = await this.open();
    const started = performance.now();
    // One transaction: readers see the old stories until the new ones are complete.
    const summary = await this.index.batch(pool, async (c, place): Promise<AttachSummary> => {
      await this.index.clear(c);
      const ids = await column<string>(c, 'SELECT id FROM articles ORDER BY seq');
      const out: AttachSummary = { attached: 0, skipped: 0, newEvents: 0, newStorylines: 0, seconds: 0 };
      await this.placeAll(c, place, ids, out, (n) => opts.onProgress?.(n, ids.length));
      return out;
    });
    summary.seconds = (performance.now() - started) / 1000;
    return summary;
  }

  // ---------------------------------------------------------------- the source of the views

  async unplaced(): Promise<number> {
    const pool = await this.open();
    return (await value<number>(pool, 'SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM story_articles)')) ?? 0;
  }

  async storylines(page: { limit: number; offset: number }): Promise<{ total: number; items: ClusterState[] }> {
    const pool = await this.open();
    const total = (await value<number>(pool, "SELECT count(*) FROM story_clusters WHERE level = 'storyline'"))!;
    const found = await rows<ClusterRow>(
      pool,
      "SELECT * FROM story_clusters WHERE level = 'storyline' ORDER BY last_day DESC NULLS LAST, touched DESC LIMIT $1 OFFSET $2",
      [page.limit, page.offset],
    );
    return { total, items: found.map(toCluster) };
  }

  async findCluster(idOrPrefix: string): Promise<ClusterState | null> {
    const pool = await this.open();
    const key = storyIdPrefix(idOrPrefix);
    const found = await rows<ClusterRow>(pool, 'SELECT * FROM story_clusters WHERE id >= $1 AND id < $2 ORDER BY id LIMIT $3', [
      key,
      `${key}\u{10FFFF}`,
      MAX_STORY_CANDIDATES + 1,
    ]);
    return onlyCluster(idOrPrefix, found);
  }

  async clusters(ids: string[]): Promise<ClusterState[]> {
    const pool = await this.open();
    if (ids.length === 0) return [];
    return (await rows<ClusterRow>(pool, 'SELECT * FROM story_clusters WHERE id = ANY($1::text[])', [ids])).map(toCluster);
  }

  async eventsOf(storylineIds: string[]): Promise<ClusterState[]> {
    const pool = await this.open();
    if (storylineIds.length === 0) return [];
    return (
      await rows<ClusterRow>(pool, "SELECT * FROM story_clusters WHERE parent = ANY($1::text[]) AND level = 'event' ORDER BY created", [storylineIds])
    ).map(toCluster);
  }

  async members(clusterIds: string[]): Promise<MemberRecord[]> {
    const pool = await this.open();
    if (clusterIds.length === 0) return [];
    const found = await rows<MemberRow>(
      pool,
      `SELECT ${MEMBER_COLUMNS} FROM story_articles sa JOIN articles a ON a.id = sa.article_id
       WHERE sa.event_id = ANY($1::text[]) OR sa.storyline_id = ANY($1::text[]) ORDER BY sa.seq`,
      [clusterIds],
    );
    return found.map(toMember);
  }

  async articlesNaming(name: string, limit: number): Promise<string[]> {
    const pool = await this.open();
    const phrase = name.replace(/["\s]+/g, ' ').trim();
    if (!phrase) return [];
    const keys = await this.entityKeys(name);
    return column<string>(
      pool,
      `SELECT id FROM articles a
       WHERE a.search @@ $1::tsquery OR a.id IN (SELECT article_id FROM entity_links WHERE key = ANY($3::text[]))
       ORDER BY a.published_at DESC NULLS LAST, a.seq DESC LIMIT $2`,
      [toTsquery(parseQuery(`"${phrase}"`)), limit, keys],
    );
  }

  // ---------------------------------------------------------------- the views

  protected async allArticleIds(): Promise<string[]> {
    return column<string>(await this.open(), 'SELECT id FROM articles ORDER BY seq');
  }

  async placements(articleIds?: string[]): Promise<MemberRecord[]> {
    const pool = await this.open();
    const found = articleIds
      ? await rows<MemberRow>(
          pool,
          `SELECT ${MEMBER_COLUMNS} FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.article_id = ANY($1::text[]) ORDER BY sa.seq`,
          [articleIds],
        )
      : await rows<MemberRow>(pool, `SELECT ${MEMBER_COLUMNS} FROM story_articles sa JOIN articles a ON a.id = sa.article_id ORDER BY sa.seq`);
    return found.map(toMember);
  }
}
