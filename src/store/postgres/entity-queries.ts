// Reading the corpus-wide entity index in PostgreSQL with SQL alone (no resolver in memory):
// listing, finding an entity by key or name (../entity-find.ts), its mentions and quotes, the
// explanation of its merges and the entities named with it.
import type pg from 'pg';
import type { EntityExplanation, EntityLink, Explanation } from '../../corpus/entities/model.ts';
import { foldName } from '../../text/fold.ts';
import type { EntityType } from '../../types.ts';
import { findEntities, type EntityLookup } from '../entity-find.ts';
import { ENTITY_SUMMARY_COLUMNS, LINK_COLUMNS, type EntitySummaryRow, type LinkDbRow, toEntitySummary, toLink } from '../entity-rows.ts';
import { optionalText, resolvePage } from '../filter.ts';
import { foldForSearch as fold } from '../../text/fold.ts';
import { LAYER_ARTICLE_COLUMNS, toMentionRow, toQuoteRow, type MentionDbRow, type QuoteDbRow } from '../rows.ts';
import {
  AmbiguousEntityError,
  ENTITY_TYPES,
  StoreInputError,
  type EntityCooccurrence,
  type EntityDetail,
  type EntityDetailOptions,
  type EntityFilter,
  type EntityListResult,
  type MentionRow,
  type Page,
  type QuoteRow,
  type RowsResult,
} from '../store.ts';
import { Params, column, row, rows, value } from './db.ts';

export class PgEntityIndexReader {
  constructor(private readonly pool: pg.Pool) {}

  private async stale(): Promise<boolean> {
    return (await value<number>(this.pool, 'SELECT stale FROM entity_state')) === 1;
  }

  async list(filter: EntityFilter = {}): Promise<EntityListResult> {
    const { limit, offset } = resolvePage(filter);
    const p = new Params();
    const conditions: string[] = [];
    const type = optionalText(filter.type);
    if (type !== undefined) {
      if (!(ENTITY_TYPES as readonly string[]).includes(type)) throw new StoreInputError(`type must be one of ${ENTITY_TYPES.join(', ')}, got "${type}"`);
      conditions.push(`e.type = ${p.add(type)}`);
    }
    const name = optionalText(filter.name);
    if (name !== undefined) {
      conditions.push(
        `(strpos(e.name_folded, ${p.add(fold(name))}) > 0 OR EXISTS (SELECT 1 FROM entity_names n WHERE n.key = e.key AND strpos(n.folded, ${p.add(foldName(name) || fold(name))}) > 0))`,
      );
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const total = (await value<number>(this.pool, `SELECT count(*) FROM entities e ${where}`, p.values))!;
    const found = await rows<EntitySummaryRow>(
      this.pool,
      `SELECT ${ENTITY_SUMMARY_COLUMNS} FROM entities e ${where} ORDER BY e.article_count DESC, e.mention_count DESC, e.key LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`,
      p.values,
    );
    return { total, items: found.map(toEntitySummary), stale: await this.stale() };
  }

  private row(key: string): Promise<EntitySummaryRow | undefined> {
    return row<EntitySummaryRow>(this.pool, `SELECT ${ENTITY_SUMMARY_COLUMNS} FROM entities e WHERE e.key = $1`, [key]);
  }

  /** The current key of a key that may have been merged away. */
  private async current(key: string): Promise<string> {
    return (await value<string>(this.pool, 'SELECT to_key FROM entity_redirects WHERE from_key = $1', [key])) ?? key;
  }

  private readonly lookup: EntityLookup = {
    current: (key) => this.current(key),
    row: (key) => this.row(key),
    keysNamed: (folded) => column<string>(this.pool, 'SELECT DISTINCT key FROM entity_names WHERE folded = $1', [folded]),
    personNamesContaining: (folded) =>
      rows<{ key: string; folded: string }>(
        this.pool,
        `SELECT n.key, n.folded FROM entity_names n JOIN entities e ON e.key = n.key
         WHERE n.kind = 'name' AND e.is_person = 1 AND strpos(n.folded, $1) > 0`,
        [folded],
      ),
  };

  /** Keys a key or name stands for, most mentioned first (see ../entity-find.ts). */
  async find(nameOrKey: string): Promise<string[]> {
    return (await findEntities(this.lookup, nameOrKey)).map((r) => r.key);
  }

  async detail(nameOrKey: string, opts: EntityDetailOptions = {}): Promise<EntityDetail | null> {
    const found = await findEntities(this.lookup, nameOrKey);
    if (found.length === 0) return null;
    if (found.length > 1) {
      throw new AmbiguousEntityError(
        nameOrKey,
        found.map((r) => ({ key: r.key, name: r.name, type: r.type, articleCount: r.article_count, mentionCount: r.mention_count })),
      );
    }
    const key = found[0].key;
    const formerKeys = await column<string>(
      this.pool,
      'SELECT r.from_key FROM entity_redirects r JOIN entity_merges m ON m.from_key = r.from_key WHERE r.to_key = $1 ORDER BY m.seq',
      [key],
    );
    return { ...toEntitySummary(found[0]), formerKeys, mentions: await this.mentions(key, opts.mentions), quotes: await this.quotes(key, opts.quotes) };
  }

  /** Rows of a layer whose local entity (`on`) is linked to `key`, newest article first, then in layer order. */
  private async linked<Db>(table: string, on: string, key: string, page?: Page): Promise<{ total: number; items: Db[] }> {
    const { limit, offset } = resolvePage(page);
    const join = `entity_links k JOIN ${table} l ON l.article_id = k.article_id AND ${on} = k.local_id`;
    const total = (await value<number>(this.pool, `SELECT count(*) FROM ${join} WHERE k.key = $1`, [key]))!;
    const items = await rows<Db>(
      this.pool,
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

  /** Every entity the query names, each with its links in order of resolution and the merges into it. */
  async explain(nameOrKey: string): Promise<Explanation> {
    const entities: EntityExplanation[] = [];
    for (const r of await findEntities(this.lookup, nameOrKey)) {
      const links = await rows<LinkDbRow>(
        this.pool,
        `SELECT k.article_id, k.local_id, k.key, k.name, k.type, k.rule, k.reason
         FROM entity_links k JOIN entity_articles ea ON ea.article_id = k.article_id WHERE k.key = $1 ORDER BY ea.seq, k.position`,
        [r.key],
      );
      const merges = await rows<{ from_key: string; to_key: string; article_id: string; reason: string }>(
        this.pool,
        `SELECT from_key, to_key, article_id, reason FROM entity_merges
         WHERE to_key = $1 OR to_key IN (SELECT from_key FROM entity_redirects WHERE to_key = $1) ORDER BY seq`,
        [r.key],
      );
      entities.push({
        key: r.key,
        name: r.name,
        type: r.type,
        links: links.map(toLink),
        merges: merges.map((m) => ({ from: m.from_key, to: m.to_key, articleId: m.article_id, reason: m.reason })),
      });
    }
    return { query: nameOrKey, entities };
  }

  /** The entities named in articles that name `key`, by shared articles, and the shared articles of every pair among them. */
  async cooccurrence(key: string, page?: Page): Promise<EntityCooccurrence | null> {
    const { limit, offset } = resolvePage(page);
    const current = await this.current(key.trim());
    if (!(await this.row(current))) return null;
    const pairs = 'entity_links k JOIN entity_links o ON o.article_id = k.article_id AND o.key <> k.key WHERE k.key = $1';
    const total = (await value<number>(this.pool, `SELECT count(DISTINCT o.key) FROM ${pairs}`, [current]))!;
    const found = await rows<{ key: string; shared: number; name: string; type: EntityType; article_count: number; mention_count: number }>(
      this.pool,
      `SELECT s.key, s.shared, e.name, e.type, e.article_count, e.mention_count
       FROM (SELECT o.key, count(DISTINCT o.article_id)::int AS shared FROM ${pairs} GROUP BY o.key) s
       JOIN entities e ON e.key = s.key
       ORDER BY s.shared DESC, e.article_count DESC, e.mention_count DESC, s.key LIMIT $2 OFFSET $3`,
      [current, limit, offset],
    );
    const keys = found.map((r) => r.key);
    const edges =
      found.length < 2
        ? []
        : (
            await rows<{ a: string; b: string; n: number }>(
              this.pool,
              `SELECT x.key AS a, y.key AS b, count(DISTINCT x.article_id)::int AS n
               FROM entity_links x JOIN entity_links y ON y.article_id = x.article_id AND y.key > x.key
               WHERE x.key = ANY($1::text[]) AND y.key = ANY($1::text[])
               GROUP BY x.key, y.key ORDER BY n DESC, a, b`,
              [keys],
            )
          ).map((r) => ({ a: r.a, b: r.b, sharedArticles: r.n }));
    return {
      key: current,
      total,
      items: found.map((r) => ({ key: r.key, name: r.name, type: r.type, articleCount: r.article_count, mentionCount: r.mention_count, sharedArticles: r.shared })),
      edges,
    };
  }

  /** The links of one article's local entities, in layer order. */
  async links(articleId: string): Promise<EntityLink[]> {
    return (await rows<LinkDbRow>(this.pool, `SELECT ${LINK_COLUMNS} FROM entity_links WHERE article_id = $1 ORDER BY position`, [articleId])).map(toLink);
  }
}
