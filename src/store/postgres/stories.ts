// The story tables in PostgreSQL (migration 003), on the pool (the views' reads) or on the client of
// a write transaction (placing: `PostgresStore.write` holds the 'stories' advisory lock). Writes go
// in bulk (`unnest` / `json_to_recordset`).
import type { AnalyzedArticle } from '../../types.ts';
import { parseQuery } from '../query.ts';
import { MAX_STORY_CANDIDATES, MEMBER_COLUMNS, articlesWithKeys, onlyCluster, storyIdPrefix, toMember } from '../story-tables.ts';
import type { ClusterRow, MemberRecord, MemberRow, PostingRow, StoryRowWrites, StoryTables } from '../story-tables.ts';
import { column, row, rows, value, type Queryable } from './db.ts';
import { toTsquery } from './tsearch.ts';

/** Articles read per query. */
const PAGE = 200;

const CLUSTER_TYPES = 'id text, level text, parent text, size int, first_day text, last_day text, created bigint, touched bigint, state text';
const MEMBER_TYPES = 'article_id text, seq bigint, event_id text, storyline_id text, day text, month_day text, reason text';
const names = (types: string) => types.split(', ').map((x) => x.split(' ')[0]).join(', ');

export class PgStoryTables implements StoryTables {
  readonly available = true;

  constructor(
    /** The connection: waited for (open, migrated) before every query. */
    private readonly db: () => Promise<Queryable>,
  ) {}

  // ---------------------------------------------------------------- reads of the views

  async articles(ids: string[]): Promise<AnalyzedArticle[]> {
    const q = await this.db();
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

  async articleIds(): Promise<string[]> {
    return column<string>(await this.db(), 'SELECT id FROM articles ORDER BY seq');
  }

  async unplaced(): Promise<number> {
    return (await value<number>(await this.db(), 'SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM story_articles)')) ?? 0;
  }

  async unplacedIds(): Promise<string[]> {
    return column<string>(await this.db(), 'SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id) ORDER BY a.seq');
  }

  async storylines(page: { limit: number; offset: number }): Promise<{ total: number; items: ClusterRow[] }> {
    const q = await this.db();
    const total = (await value<number>(q, "SELECT count(*) FROM story_clusters WHERE level = 'storyline'"))!;
    const items = await rows<ClusterRow>(
      q,
      "SELECT * FROM story_clusters WHERE level = 'storyline' ORDER BY last_day DESC NULLS LAST, touched DESC LIMIT $1 OFFSET $2",
      [page.limit, page.offset],
    );
    return { total, items };
  }

  async findCluster(idOrPrefix: string): Promise<ClusterRow | null> {
    const q = await this.db();
    const key = storyIdPrefix(idOrPrefix);
    const found = await rows<ClusterRow>(q, 'SELECT * FROM story_clusters WHERE id >= $1 AND id < $2 ORDER BY id LIMIT $3', [key, `${key}\u{10FFFF}`, MAX_STORY_CANDIDATES + 1]);
    return onlyCluster(idOrPrefix, found);
  }

  async clusters(ids: string[]): Promise<ClusterRow[]> {
    const q = await this.db();
    if (ids.length === 0) return [];
    return rows<ClusterRow>(q, 'SELECT * FROM story_clusters WHERE id = ANY($1::text[])', [ids]);
  }

  async eventsOf(storylineIds: string[]): Promise<ClusterRow[]> {
    const q = await this.db();
    if (storylineIds.length === 0) return [];
    return rows<ClusterRow>(q, "SELECT * FROM story_clusters WHERE parent = ANY($1::text[]) AND level = 'event' ORDER BY created", [storylineIds]);
  }

  async members(clusterIds: string[]): Promise<MemberRecord[]> {
    const q = await this.db();
    if (clusterIds.length === 0) return [];
    const found = await rows<MemberRow>(
      q,
      `SELECT ${MEMBER_COLUMNS} FROM story_articles sa JOIN articles a ON a.id = sa.article_id
       WHERE sa.event_id = ANY($1::text[]) OR sa.storyline_id = ANY($1::text[]) ORDER BY sa.seq`,
      [clusterIds],
    );
    return found.map(toMember);
  }

  async placements(articleIds?: string[]): Promise<MemberRecord[]> {
    const q = await this.db();
    const found = articleIds
      ? await rows<MemberRow>(
          q,
          `SELECT ${MEMBER_COLUMNS} FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.article_id = ANY($1::text[]) ORDER BY sa.seq`,
          [articleIds],
        )
      : await rows<MemberRow>(q, `SELECT ${MEMBER_COLUMNS} FROM story_articles sa JOIN articles a ON a.id = sa.article_id ORDER BY sa.seq`);
    return found.map(toMember);
  }

  async articlesNaming(name: string, keys: string[], limit: number): Promise<string[]> {
    const q = await this.db();
    const phrase = name.replace(/["\s]+/g, ' ').trim();
    if (!phrase) return [];
    return column<string>(
      q,
      `SELECT id FROM articles a
       WHERE a.search @@ $1::tsquery OR a.id IN (SELECT article_id FROM entity_links WHERE key = ANY($3::text[]))
       ORDER BY a.published_at DESC NULLS LAST, a.seq DESC LIMIT $2`,
      [toTsquery(parseQuery(`"${phrase}"`)), limit, keys],
    );
  }

  // ---------------------------------------------------------------- placing

  async generation(): Promise<number> {
    return (await value<number>(await this.db(), 'SELECT generation FROM story_state'))!;
  }

  async nextGeneration(): Promise<number> {
    return (await value<number>(await this.db(), 'UPDATE story_state SET generation = generation + 1 RETURNING generation'))!;
  }

  async placedCount(): Promise<{ n: number; seq: number }> {
    return (await row<{ n: number; seq: number }>(await this.db(), 'SELECT count(*) AS n, coalesce(max(seq), 0) AS seq FROM story_articles'))!;
  }

  async placed(articleIds: string[]): Promise<Set<string>> {
    return new Set(await column<string>(await this.db(), 'SELECT article_id FROM story_articles WHERE article_id = ANY($1::text[])', [articleIds]));
  }

  async df(features: string[]): Promise<Map<string, number>> {
    const found = await rows<{ feature: string; df: number }>(await this.db(), 'SELECT feature, df FROM story_df WHERE feature = ANY($1::text[])', [features]);
    return new Map(found.map((r) => [r.feature, r.df]));
  }

  async postings(features: string[], perFeature: number): Promise<PostingRow[]> {
    return rows<PostingRow>(
      await this.db(),
      `SELECT f.feature, l.level, p.cluster_id, p.touched
       FROM unnest($1::text[]) AS f(feature) CROSS JOIN (VALUES ('event'), ('storyline')) AS l(level)
       CROSS JOIN LATERAL (SELECT cluster_id, touched FROM story_postings s
         WHERE s.feature = f.feature AND s.level = l.level ORDER BY touched DESC LIMIT $2) p
       ORDER BY f.feature, l.level, p.touched DESC`,
      [features, perFeature],
    );
  }

  async clustersWithParents(ids: string[]): Promise<ClusterRow[]> {
    if (ids.length === 0) return [];
    return rows<ClusterRow>(
      await this.db(),
      `SELECT * FROM story_clusters WHERE id = ANY($1::text[])
         OR id IN (SELECT parent FROM story_clusters WHERE id = ANY($1::text[]) AND parent IS NOT NULL)`,
      [ids],
    );
  }

  async write(w: StoryRowWrites): Promise<void> {
    const q = await this.db();
    for (const m of w.merges) {
      const column = m.level === 'event' ? 'event_id' : 'storyline_id';
      await q.query(`UPDATE story_articles SET ${column} = $1 WHERE ${column} = $2`, [m.into, m.from]);
      if (m.level === 'storyline') await q.query('UPDATE story_clusters SET parent = $1 WHERE parent = $2', [m.into, m.from]);
      await q.query('DELETE FROM story_clusters WHERE id = $1', [m.from]);
      // The survivor keeps the more recent of the two postings under each feature.
      await q.query(
        `INSERT INTO story_postings (feature, level, cluster_id, touched)
           SELECT feature, level, $1, touched FROM story_postings WHERE feature = ANY($2::text[]) AND level = $3 AND cluster_id = $4
         ON CONFLICT (feature, level, cluster_id) DO UPDATE SET touched = greatest(story_postings.touched, excluded.touched)`,
        [m.into, m.features, m.level, m.from],
      );
      await q.query('DELETE FROM story_postings WHERE feature = ANY($1::text[]) AND level = $2 AND cluster_id = $3', [m.features, m.level, m.from]);
    }
    if (w.members.length > 0) {
      const cols = names(MEMBER_TYPES);
      await q.query(`INSERT INTO story_articles (${cols}) SELECT ${cols} FROM json_to_recordset($1::json) AS x(${MEMBER_TYPES})`, [JSON.stringify(w.members)]);
    }
    if (w.df.size > 0) {
      await q.query(
        `INSERT INTO story_df (feature, df) SELECT * FROM unnest($1::text[], $2::int[])
         ON CONFLICT (feature) DO UPDATE SET df = story_df.df + excluded.df`,
        [[...w.df.keys()], [...w.df.values()]],
      );
    }
    if (w.clusters.length > 0) {
      const cols = names(CLUSTER_TYPES);
      await q.query(
        `INSERT INTO story_clusters (${cols}) SELECT ${cols} FROM json_to_recordset($1::json) AS x(${CLUSTER_TYPES})
         ON CONFLICT (id) DO UPDATE SET parent = excluded.parent, size = excluded.size, first_day = excluded.first_day, last_day = excluded.last_day,
           touched = excluded.touched, state = excluded.state`,
        [JSON.stringify(w.clusters)],
      );
    }
    if (w.postings.length > 0) {
      await q.query(
        `INSERT INTO story_postings (feature, level, cluster_id, touched) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[])
         ON CONFLICT (feature, level, cluster_id) DO UPDATE SET touched = excluded.touched`,
        [w.postings.map((x) => x.feature), w.postings.map((x) => x.level), w.postings.map((x) => x.cluster_id), w.postings.map((x) => x.touched)],
      );
    }
  }

  async clear(): Promise<void> {
    const q = await this.db();
    for (const t of ['story_articles', 'story_clusters', 'story_postings', 'story_df']) await q.query(`DELETE FROM ${t}`);
  }
}
