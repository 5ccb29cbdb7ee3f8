// Reading the corpus-wide entity index (tables of migration 003) with SQL alone, no resolver in
// memory: the reads of the entity views (the corpus's entity views) — listing, the lookups that
// find an entity by key or name, its mentions and quotes through entity_links (article_id,
// local_id) -> key, its links and merges, and the entities named with it.
import type { EntityType } from '../../types.ts';
import type { EntityLink, EntityMerge } from '../entity-records.ts';
import { ENTITY_SUMMARY_COLUMNS as SUMMARY_COLUMNS, LINK_COLUMNS, type EntitySummaryRow as EntityDbRow, type LinkDbRow, toLink } from '../entity-rows.ts';
import type { CooccurringRow, EntityReads } from '../entity-tables.ts';
import { resolvePage } from '../filter.ts';
import type { MentionRow, Page, QuoteRow, RowsResult } from '../store.ts';
import { SqliteEntityTables } from './entities.ts';
import { LAYER_ARTICLE_COLUMNS, toMentionRow, toQuoteRow, type MentionDbRow, type QuoteDbRow } from '../rows.ts';

/** The entity tables as placing writes them (SqliteEntityTables) and as the views read them. */
export class SqliteEntityIndex extends SqliteEntityTables implements EntityReads {
  async stale(): Promise<boolean> {
    this.guard();
    return (this.prepare('SELECT stale FROM entity_state').pluck().get() as number) === 1;
  }

  async list(q: { type?: string; name?: { name: string; alias: string }; limit: number; offset: number }): Promise<{ total: number; rows: EntityDbRow[] }> {
    this.guard();
    const sql: string[] = [];
    const params: unknown[] = [];
    if (q.type !== undefined) {
      sql.push('e.type = ?');
      params.push(q.type);
    }
    if (q.name !== undefined) {
      sql.push(`(instr(e.name_folded, ?) > 0 OR EXISTS (SELECT 1 FROM entity_names n WHERE n.key = e.key AND instr(n.folded, ?) > 0))`);
      params.push(q.name.name, q.name.alias);
    }
    const where = sql.length ? `WHERE ${sql.join(' AND ')}` : '';
    const total = this.prepare(`SELECT count(*) FROM entities e ${where}`).pluck().get(...params) as number;
    const rows = this.prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM entities e ${where} ORDER BY e.article_count DESC, e.mention_count DESC, e.key LIMIT ? OFFSET ?`,
    ).all(...params, q.limit, q.offset) as EntityDbRow[];
    return { total, rows };
  }

  async row(key: string): Promise<EntityDbRow | undefined> {
    this.guard();
    return this.prepare(`SELECT ${SUMMARY_COLUMNS} FROM entities e WHERE e.key = ?`).get(key) as EntityDbRow | undefined;
  }

  async current(key: string): Promise<string> {
    this.guard();
    return (this.prepare('SELECT to_key FROM entity_redirects WHERE from_key = ?').pluck().get(key) as string | undefined) ?? key;
  }

  async keysNamed(folded: string): Promise<string[]> {
    return this.prepare('SELECT DISTINCT key FROM entity_names WHERE folded = ?').pluck().all(folded) as string[];
  }

  async personNamesContaining(folded: string): Promise<{ key: string; folded: string }[]> {
    return this.prepare(
      `SELECT n.key, n.folded FROM entity_names n JOIN entities e ON e.key = n.key
       WHERE n.kind = 'name' AND e.is_person = 1 AND instr(n.folded, ?) > 0`,
    ).all(folded) as { key: string; folded: string }[];
  }

  async formerKeys(key: string): Promise<string[]> {
    return this.prepare('SELECT r.from_key FROM entity_redirects r JOIN entity_merges m ON m.from_key = r.from_key WHERE r.to_key = ? ORDER BY m.seq')
      .pluck()
      .all(key) as string[];
  }

  async mentions(key: string, page?: Page): Promise<RowsResult<MentionRow>> {
    const r = this.linked<MentionDbRow>('entity_mentions', 'l.entity_id', key, page);
    return { total: r.total, items: r.items.map((m) => ({ ...toMentionRow(m), key })) };
  }

  async quotes(key: string, page?: Page): Promise<RowsResult<QuoteRow>> {
    const r = this.linked<QuoteDbRow>('quotes', 'l.speaker_entity', key, page);
    return { total: r.total, items: r.items.map(toQuoteRow) };
  }

  /** Rows of a layer table whose `localColumn` is a local entity linked to `key`, newest article first. */
  private linked<R>(table: 'entity_mentions' | 'quotes', localColumn: string, key: string, page?: Page): RowsResult<R> {
    const { limit, offset } = resolvePage(page);
    const join = `entity_links k CROSS JOIN ${table} l ON l.article_id = k.article_id AND ${localColumn} = k.local_id`;
    const total = this.prepare(`SELECT count(*) FROM ${join} WHERE k.key = ?`).pluck().get(key) as number;
    const items = this.prepare(
      `SELECT ${LAYER_ARTICLE_COLUMNS}, l.* FROM entity_links k CROSS JOIN articles a ON a.id = k.article_id
       CROSS JOIN ${table} l ON l.article_id = k.article_id AND ${localColumn} = k.local_id
       WHERE k.key = ? ORDER BY a.published_at DESC, a.id, l.idx LIMIT ? OFFSET ?`,
    ).all(key, limit, offset) as R[];
    return { total, items };
  }

  async linksOf(key: string): Promise<EntityLink[]> {
    const rows = this.prepare(
      `SELECT k.article_id, k.local_id, k.key, k.name, k.type, k.rule, k.reason
       FROM entity_links k JOIN entity_articles ea ON ea.article_id = k.article_id WHERE k.key = ? ORDER BY ea.seq, k.position`,
    ).all(key) as LinkDbRow[];
    return rows.map(toLink);
  }

  async mergesInto(key: string): Promise<EntityMerge[]> {
    const rows = this.prepare(
      `SELECT from_key, to_key, article_id, reason FROM entity_merges
       WHERE to_key = ? OR to_key IN (SELECT from_key FROM entity_redirects WHERE to_key = ?) ORDER BY seq`,
    ).all(key, key) as { from_key: string; to_key: string; article_id: string; reason: string }[];
    return rows.map((m) => ({ from: m.from_key, to: m.to_key, articleId: m.article_id, reason: m.reason }));
  }

  async cooccurring(key: string, page: { limit: number; offset: number }): Promise<{ total: number; items: CooccurringRow[] }> {
    const pairs = `entity_links k CROSS JOIN entity_links o ON o.article_id = k.article_id AND o.key <> k.key WHERE k.key = ?`;
    const total = this.prepare(`SELECT count(DISTINCT o.key) FROM ${pairs}`).pluck().get(key) as number;
    const rows = this.prepare(
      `SELECT s.key, s.shared, e.name, e.type, e.article_count, e.mention_count
       FROM (SELECT o.key, count(DISTINCT o.article_id) AS shared FROM ${pairs} GROUP BY o.key) s
       JOIN entities e ON e.key = s.key
       ORDER BY s.shared DESC, e.article_count DESC, e.mention_count DESC, s.key LIMIT ? OFFSET ?`,
    ).all(key, page.limit, page.offset) as { key: string; shared: number; name: string; type: EntityType; article_count: number; mention_count: number }[];
    return {
      total,
      items: rows.map((r) => ({ key: r.key, name: r.name, type: r.type, articleCount: r.article_count, mentionCount: r.mention_count, sharedArticles: r.shared })),
    };
  }

  async edges(keys: string[]): Promise<{ a: string; b: string; sharedArticles: number }[]> {
    const json = JSON.stringify(keys);
    const rows = this.prepare(
      `SELECT x.key AS a, y.key AS b, count(DISTINCT x.article_id) AS n
       FROM entity_links x CROSS JOIN entity_links y ON y.article_id = x.article_id AND y.key > x.key
       WHERE x.key IN (SELECT value FROM json_each(?)) AND y.key IN (SELECT value FROM json_each(?))
       GROUP BY x.key, y.key ORDER BY n DESC, a, b`,
    ).all(json, json) as { a: string; b: string; n: number }[];
    return rows.map((r) => ({ a: r.a, b: r.b, sharedArticles: r.n }));
  }

  async articleLinks(articleId: string): Promise<EntityLink[]> {
    this.guard();
    return (this.prepare(`SELECT ${LINK_COLUMNS} FROM entity_links WHERE article_id = ? ORDER BY position`).all(articleId) as LinkDbRow[]).map(toLink);
  }
}
