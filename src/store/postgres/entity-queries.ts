// Reading the corpus-wide entity index in PostgreSQL (tables of migration 002) with SQL alone: the
// reads of the entity views (the corpus's entity views) — listing, the lookups that find an
// entity by key or name, its mentions and quotes, its links and merges, the entities named with it.
import type pg from 'pg';
import type { EntityType } from '../../types.ts';
import type { EntityLink, EntityMerge } from '../entity-records.ts';
import { ENTITY_SUMMARY_COLUMNS, LINK_COLUMNS, type EntitySummaryRow, type LinkDbRow, toLink } from '../entity-rows.ts';
import type { CooccurringRow, EntityReads } from '../entity-tables.ts';
import { resolvePage } from '../filter.ts';
import { LAYER_ARTICLE_COLUMNS, toMentionRow, toQuoteRow, type MentionDbRow, type QuoteDbRow } from '../rows.ts';
import type { MentionRow, Page, QuoteRow, RowsResult } from '../store.ts';
import { Params, column, row, rows, value } from './db.ts';

export class PgEntityReads implements EntityReads {
  readonly available = true;

  /** `db`: the pool, once the store is open and migrated. */
  constructor(private readonly db: () => Promise<pg.Pool>) {}

  async stale(): Promise<boolean> {
    return (await value<number>(await this.db(), 'SELECT stale FROM entity_state')) === 1;
  }

  async list(q: { type?: string; name?: { name: string; alias: string }; limit: number; offset: number }): Promise<{ total: number; rows: EntitySummaryRow[] }> {
    const pool = await this.db();
    const p = new Params();
    const conditions: string[] = [];
    if (q.type !== undefined) conditions.push(`e.type = ${p.add(q.type)}`);
    if (q.name !== undefined) {
      conditions.push(
        `(strpos(e.name_folded, ${p.add(q.name.name)}) > 0 OR EXISTS (SELECT 1 FROM entity_names n WHERE n.key = e.key AND strpos(n.folded, ${p.add(q.name.alias)}) > 0))`,
      );
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const total = (await value<number>(pool, `SELECT count(*) FROM entities e ${where}`, p.values))!;
    const found = await rows<EntitySummaryRow>(
      pool,
      `SELECT ${ENTITY_SUMMARY_COLUMNS} FROM entities e ${where} ORDER BY e.article_count DESC, e.mention_count DESC, e.key LIMIT ${p.add(q.limit)} OFFSET ${p.add(q.offset)}`,
      p.values,
    );
    return { total, rows: found };
  }

  async row(key: string): Promise<EntitySummaryRow | undefined> {
    return row<EntitySummaryRow>(await this.db(), `SELECT ${ENTITY_SUMMARY_COLUMNS} FROM entities e WHERE e.key = $1`, [key]);
  }

  async current(key: string): Promise<string> {
    return (await value<string>(await this.db(), 'SELECT to_key FROM entity_redirects WHERE from_key = $1', [key])) ?? key;
  }

  async keysNamed(folded: string): Promise<string[]> {
    return column<string>(await this.db(), 'SELECT DISTINCT key FROM entity_names WHERE folded = $1', [folded]);
  }

  async personNamesContaining(folded: string): Promise<{ key: string; folded: string }[]> {
    return rows<{ key: string; folded: string }>(
      await this.db(),
      `SELECT n.key, n.folded FROM entity_names n JOIN entities e ON e.key = n.key
       WHERE n.kind = 'name' AND e.is_person = 1 AND strpos(n.folded, $1) > 0`,
      [folded],
    );
  }

  async formerKeys(key: string): Promise<string[]> {
    return column<string>(
      await this.db(),
      'SELECT r.from_key FROM entity_redirects r JOIN entity_merges m ON m.from_key = r.from_key WHERE r.to_key = $1 ORDER BY m.seq',
      [key],
    );
  }

  /** Rows of a layer whose local entity (`on`) is linked to `key`, newest article first, then in layer order. */
  private async linked<Db>(table: string, on: string, key: string, page?: Page): Promise<{ total: number; items: Db[] }> {
    const pool = await this.db();
    const { limit, offset } = resolvePage(page);
    const join = `entity_links k JOIN ${table} l ON l.article_id = k.article_id AND ${on} = k.local_id`;
    const total = (await value<number>(pool, `SELECT count(*) FROM ${join} WHERE k.key = $1`, [key]))!;
    const items = await rows<Db>(
      pool,
      `SELECT ${LAYER_ARTICLE_COLUMNS}, l.* FROM ${join} JOIN articles a ON a.id = k.article_id
       WHERE k.key = $1 ORDER BY a.published_at DESC NULLS LAST, a.id, l.idx LIMIT $2 OFFSET $3`,
      [key, limit, offset],
    );
    return { total, items };
  }

  async mentions(key: string, page?: Page): Promise<RowsResult<MentionRow>> {
    const r = await this.linked<MentionDbRow>('entity_mentions', 'l.entity_id', key, page);
    return { total: r.total, items: r.items.map((m) => ({ ...toMentionRow(m), key })) };
  }

  async quotes(key: string, page?: Page): Promise<RowsResult<QuoteRow>> {
    const r = await this.linked<QuoteDbRow>('quotes', 'l.speaker_entity', key, page);
    return { total: r.total, items: r.items.map(toQuoteRow) };
  }

  async linksOf(key: string): Promise<EntityLink[]> {
    const links = await rows<LinkDbRow>(
      await this.db(),
      `SELECT k.article_id, k.local_id, k.key, k.name, k.type, k.rule, k.reason
       FROM entity_links k JOIN entity_articles ea ON ea.article_id = k.article_id WHERE k.key = $1 ORDER BY ea.seq, k.position`,
      [key],
    );
    return links.map(toLink);
  }

  async mergesInto(key: string): Promise<EntityMerge[]> {
    const merges = await rows<{ from_key: string; to_key: string; article_id: string; reason: string }>(
      await this.db(),
      `SELECT from_key, to_key, article_id, reason FROM entity_merges
       WHERE to_key = $1 OR to_key IN (SELECT from_key FROM entity_redirects WHERE to_key = $1) ORDER BY seq`,
      [key],
    );
    return merges.map((m) => ({ from: m.from_key, to: m.to_key, articleId: m.article_id, reason: m.reason }));
  }

  async cooccurring(key: string, page: { limit: number; offset: number }): Promise<{ total: number; items: CooccurringRow[] }> {
    const pool = await this.db();
    const pairs = 'entity_links k JOIN entity_links o ON o.article_id = k.article_id AND o.key <> k.key WHERE k.key = $1';
    const total = (await value<number>(pool, `SELECT count(DISTINCT o.key) FROM ${pairs}`, [key]))!;
    const found = await rows<{ key: string; shared: number; name: string; type: EntityType; article_count: number; mention_count: number }>(
      pool,
      `SELECT s.key, s.shared, e.name, e.type, e.article_count, e.mention_count
       FROM (SELECT o.key, count(DISTINCT o.article_id)::int AS shared FROM ${pairs} GROUP BY o.key) s
       JOIN entities e ON e.key = s.key
       ORDER BY s.shared DESC, e.article_count DESC, e.mention_count DESC, s.key LIMIT $2 OFFSET $3`,
      [key, page.limit, page.offset],
    );
    return {
      total,
      items: found.map((r) => ({ key: r.key, name: r.name, type: r.type, articleCount: r.article_count, mentionCount: r.mention_count, sharedArticles: r.shared })),
    };
  }

  async edges(keys: string[]): Promise<{ a: string; b: string; sharedArticles: number }[]> {
    const found = await rows<{ a: string; b: string; n: number }>(
      await this.db(),
      `SELECT x.key AS a, y.key AS b, count(DISTINCT x.article_id)::int AS n
       FROM entity_links x JOIN entity_links y ON y.article_id = x.article_id AND y.key > x.key
       WHERE x.key = ANY($1::text[]) AND y.key = ANY($1::text[])
       GROUP BY x.key, y.key ORDER BY n DESC, a, b`,
      [keys],
    );
    return found.map((r) => ({ a: r.a, b: r.b, sharedArticles: r.n }));
  }

  async articleLinks(articleId: string): Promise<EntityLink[]> {
    return (await rows<LinkDbRow>(await this.db(), `SELECT ${LINK_COLUMNS} FROM entity_links WHERE article_id = $1 ORDER BY position`, [articleId])).map(toLink);
  }
}
