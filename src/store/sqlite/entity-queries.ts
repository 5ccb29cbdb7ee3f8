// Reading the corpus-wide entity index (tables of migration 003) with SQL alone, no resolver in
// memory: listing, finding an entity by key or name, its mentions and quotes through
// entity_links (article_id, local_id) -> key, and the explanation of its merges.
import type { EntityExplanation, EntityLink, EntityMerge, Explanation } from '../../corpus/entities/model.ts';
import { foldName } from '../../text/fold.ts';
import type { EntityType } from '../../types.ts';
import { findEntities, type EntityLookup } from '../entity-find.ts';
import { ENTITY_SUMMARY_COLUMNS as SUMMARY_COLUMNS, LINK_COLUMNS, type EntitySummaryRow as EntityDbRow, type LinkDbRow, toEntitySummary, toLink } from '../entity-rows.ts';
import { optionalText, resolvePage } from '../filter.ts';
import { foldForSearch as fold } from '../../text/fold.ts';
import {
  AmbiguousEntityError,
  ENTITY_TYPES,
  StoreInputError,
  type EntityCooccurrence,
  type EntityDetail,
  type EntityDetailOptions,
  type EntityFilter,
  type EntityListResult,
  type EntitySummary,
  type MentionRow,
  type Page,
  type QuoteRow,
  type RowsResult,
} from '../store.ts';
import type { Prepare } from './entities.ts';
import { LAYER_ARTICLE_COLUMNS, toMentionRow, toQuoteRow, type MentionDbRow, type QuoteDbRow } from '../rows.ts';

export class EntityIndexReader {
  constructor(private readonly prepare: Prepare) {}

  stale(): boolean {
    return (this.prepare('SELECT stale FROM entity_state').pluck().get() as number) === 1;
  }

  list(filter: EntityFilter = {}): EntityListResult {
    const { limit, offset } = resolvePage(filter);
    const sql: string[] = [];
    const params: unknown[] = [];
    const type = optionalText(filter.type);
    if (type !== undefined) {
      if (!(ENTITY_TYPES as readonly string[]).includes(type)) throw new StoreInputError(`type must be one of ${ENTITY_TYPES.join(', ')}, got "${type}"`);
      sql.push('e.type = ?');
      params.push(type);
    }
    const name = optionalText(filter.name);
    if (name !== undefined) {
      sql.push(`(instr(e.name_folded, ?) > 0 OR EXISTS (SELECT 1 FROM entity_names n WHERE n.key = e.key AND instr(n.folded, ?) > 0))`);
      params.push(fold(name), foldName(name) || fold(name));
    }
    const where = sql.length ? `WHERE ${sql.join(' AND ')}` : '';
    const total = this.prepare(`SELECT count(*) FROM entities e ${where}`).pluck().get(...params) as number;
    const rows = this.prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM entities e ${where} ORDER BY e.article_count DESC, e.mention_count DESC, e.key LIMIT ? OFFSET ?`,
    ).all(...params, limit, offset) as EntityDbRow[];
    return { total, items: rows.map((r) => this.summary(r)), stale: this.stale() };
  }

  private summary(r: EntityDbRow): EntitySummary {
    return toEntitySummary(r);
  }

  private row(key: string): EntityDbRow | undefined {
    return this.prepare(`SELECT ${SUMMARY_COLUMNS} FROM entities e WHERE e.key = ?`).get(key) as EntityDbRow | undefined;
  }

  /** The current key of a key that may have been merged away (redirects always point at the current key). */
  private current(key: string): string {
    return (this.prepare('SELECT to_key FROM entity_redirects WHERE from_key = ?').pluck().get(key) as string | undefined) ?? key;
  }

  /** The reads of `findEntities` (../entity-find.ts) on these tables. */
  private readonly lookup: EntityLookup = {
    current: (key) => this.current(key),
    row: (key) => this.row(key),
    keysNamed: (folded) => this.prepare('SELECT DISTINCT key FROM entity_names WHERE folded = ?').pluck().all(folded) as string[],
    personNamesContaining: (folded) =>
      this.prepare(
        `SELECT n.key, n.folded FROM entity_names n JOIN entities e ON e.key = n.key
         WHERE n.kind = 'name' AND e.is_person = 1 AND instr(n.folded, ?) > 0`,
      ).all(folded) as { key: string; folded: string }[],
  };

  /** Keys a key or name stands for, most mentioned first (see ../entity-find.ts). */
  async find(nameOrKey: string): Promise<string[]> {
    return (await findEntities(this.lookup, nameOrKey)).map((r) => r.key);
  }

  async detail(nameOrKey: string, opts: EntityDetailOptions = {}): Promise<EntityDetail | null> {
    const keys = await this.find(nameOrKey);
    if (keys.length === 0) return null;
    const rows = keys.map((k) => this.row(k)!);
    if (rows.length > 1) {
      throw new AmbiguousEntityError(
        nameOrKey,
        rows.map((r) => ({ key: r.key, name: r.name, type: r.type, articleCount: r.article_count, mentionCount: r.mention_count })),
      );
    }
    const key = rows[0].key;
    const formerKeys = this.prepare(
      'SELECT r.from_key FROM entity_redirects r JOIN entity_merges m ON m.from_key = r.from_key WHERE r.to_key = ? ORDER BY m.seq',
    )
      .pluck()
      .all(key) as string[];
    return { ...this.summary(rows[0]), formerKeys, mentions: this.mentions(key, opts.mentions), quotes: this.quotes(key, opts.quotes) };
  }

  /** Mentions of the entity `key` in every article, newest article first, then in layer order. */
  mentions(key: string, page?: Page): RowsResult<MentionRow> {
    const { limit, offset } = resolvePage(page);
    const join = 'entity_links k CROSS JOIN entity_mentions l ON l.article_id = k.article_id AND l.entity_id = k.local_id';
    const total = this.prepare(`SELECT count(*) FROM ${join} WHERE k.key = ?`).pluck().get(key) as number;
    const rows = this.prepare(
      `SELECT ${LAYER_ARTICLE_COLUMNS}, l.* FROM entity_links k CROSS JOIN articles a ON a.id = k.article_id
       CROSS JOIN entity_mentions l ON l.article_id = k.article_id AND l.entity_id = k.local_id
       WHERE k.key = ? ORDER BY a.published_at DESC, a.id, l.idx LIMIT ? OFFSET ?`,
    ).all(key, limit, offset) as MentionDbRow[];
    return { total, items: rows.map((r) => ({ ...toMentionRow(r), key })) };
  }

  /** Quotes whose speaker is a local entity linked to `key`, newest article first, then in text order. */
  quotes(key: string, page?: Page): RowsResult<QuoteRow> {
    const { limit, offset } = resolvePage(page);
    const join = 'entity_links k CROSS JOIN quotes l ON l.article_id = k.article_id AND l.speaker_entity = k.local_id';
    const total = this.prepare(`SELECT count(*) FROM ${join} WHERE k.key = ?`).pluck().get(key) as number;
    const rows = this.prepare(
      `SELECT ${LAYER_ARTICLE_COLUMNS}, l.* FROM entity_links k CROSS JOIN articles a ON a.id = k.article_id
       CROSS JOIN quotes l ON l.article_id = k.article_id AND l.speaker_entity = k.local_id
       WHERE k.key = ? ORDER BY a.published_at DESC, a.id, l.idx LIMIT ? OFFSET ?`,
    ).all(key, limit, offset) as QuoteDbRow[];
    return { total, items: rows.map(toQuoteRow) };
  }

  /** Every entity the query names, each with its links in order of resolution and the merges into it. */
  async explain(nameOrKey: string): Promise<Explanation> {
    const links = this.prepare(
      `SELECT k.article_id, k.local_id, k.key, k.name, k.type, k.rule, k.reason
       FROM entity_links k JOIN entity_articles ea ON ea.article_id = k.article_id WHERE k.key = ? ORDER BY ea.seq, k.position`,
    );
    const merges = this.prepare(
      `SELECT from_key, to_key, article_id, reason FROM entity_merges
       WHERE to_key = ? OR to_key IN (SELECT from_key FROM entity_redirects WHERE to_key = ?) ORDER BY seq`,
    );
    const entities = (await this.find(nameOrKey)).map((key): EntityExplanation => {
      const r = this.row(key)!;
      return {
        key,
        name: r.name,
        type: r.type,
        links: (links.all(key) as LinkDbRow[]).map(toLink),
        merges: (merges.all(key, key) as { from_key: string; to_key: string; article_id: string; reason: string }[]).map(
          (m): EntityMerge => ({ from: m.from_key, to: m.to_key, articleId: m.article_id, reason: m.reason }),
        ),
      };
    });
    return { query: nameOrKey, entities };
  }

  /**
   * The entities named in articles that name `key`, by shared articles (an article counts once however
   * many of its local entities link to either), and the shared articles of every pair among them.
   */
  cooccurrence(key: string, page?: Page): EntityCooccurrence | null {
    const { limit, offset } = resolvePage(page);
    const current = this.current(key.trim());
    if (!this.row(current)) return null;
    const pairs = `entity_links k CROSS JOIN entity_links o ON o.article_id = k.article_id AND o.key <> k.key WHERE k.key = ?`;
    const total = this.prepare(`SELECT count(DISTINCT o.key) FROM ${pairs}`).pluck().get(current) as number;
    const rows = this.prepare(
      `SELECT s.key, s.shared, e.name, e.type, e.article_count, e.mention_count
       FROM (SELECT o.key, count(DISTINCT o.article_id) AS shared FROM ${pairs} GROUP BY o.key) s
       JOIN entities e ON e.key = s.key
       ORDER BY s.shared DESC, e.article_count DESC, e.mention_count DESC, s.key LIMIT ? OFFSET ?`,
    ).all(current, limit, offset) as { key: string; shared: number; name: string; type: EntityType; article_count: number; mention_count: number }[];
    const keys = JSON.stringify(rows.map((r) => r.key));
    const edges =
      rows.length < 2
        ? []
        : (
            this.prepare(
              `SELECT x.key AS a, y.key AS b, count(DISTINCT x.article_id) AS n
               FROM entity_links x CROSS JOIN entity_links y ON y.article_id = x.article_id AND y.key > x.key
               WHERE x.key IN (SELECT value FROM json_each(?)) AND y.key IN (SELECT value FROM json_each(?))
               GROUP BY x.key, y.key ORDER BY n DESC, a, b`,
            ).all(keys, keys) as { a: string; b: string; n: number }[]
          ).map((r) => ({ a: r.a, b: r.b, sharedArticles: r.n }));
    return {
      key: current,
      total,
      items: rows.map((r) => ({ key: r.key, name: r.name, type: r.type, articleCount: r.article_count, mentionCount: r.mention_count, sharedArticles: r.shared })),
      edges,
    };
  }

  /** The links of one article's local entities, in layer order. */
  links(articleId: string): EntityLink[] {
    return (
      this.prepare(
        `SELECT ${LINK_COLUMNS} FROM entity_links WHERE article_id = ? ORDER BY position`,
      ).all(articleId) as LinkDbRow[]
    ).map(toLink);
  }
}
