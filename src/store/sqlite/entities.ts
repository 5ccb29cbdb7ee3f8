// The entity tables in SQLite (migration 003), as the entity stage of the corpus reads and writes
// them while resolving (the corpus's entity index writer). Every method runs its SQL synchronously
// and returns a settled promise (see SqliteStore.write).
import type Database from 'better-sqlite3';
import { parseAnalysis } from '../rows.ts';
import type { EntityArticleRow, EntityColumns, EntityNameRow, EntityPointReads, EntityTables, EntityTermRow, LinkRow, MergeRow, StoredEntityLayer } from '../entity-tables.ts';
import { ENTITY_STATE_COLUMNS, ENTITY_TABLES, LINK_COLUMNS, entityStateQueries, type EntityStateRow, type EntityStateRows, type LinkDbRow, type StoredEntity } from '../entity-rows.ts';

export type Prepare = (sql: string) => Database.Statement<unknown[], unknown>;

/** The entity tables' point reads (migration 008's entity_terms): what resolving reads instead of the whole state. */
class SqlitePointReads implements EntityPointReads {
  reads = 0;
  constructor(private readonly prepare: Prepare) {}

  entity(key: string): { row: EntityStateRow; ord: number } | undefined {
    this.reads++;
    const r = this.prepare(`SELECT ord, ${ENTITY_STATE_COLUMNS} FROM entities WHERE key = ?`).get(key) as (EntityStateRow & { ord: number }) | undefined;
    return r ? { row: r, ord: r.ord } : undefined;
  }

  redirect(key: string): string | undefined {
    this.reads++;
    return this.prepare('SELECT to_key FROM entity_redirects WHERE from_key = ?').pluck().get(key) as string | undefined;
  }

  keys(kind: 'name' | 'surface' | EntityTermRow['kind'], term: string): string[] {
    this.reads++;
    if (kind === 'name' || kind === 'surface') return this.prepare('SELECT DISTINCT key FROM entity_names WHERE folded = ? AND kind = ?').pluck().all(term, kind) as string[];
    return this.prepare('SELECT key FROM entity_terms WHERE kind = ? AND term = ?').pluck().all(kind, term) as string[];
  }

  keysOfTerms(kind: EntityTermRow['kind'], terms: string[]): string[] {
    this.reads++;
    return this.prepare('SELECT DISTINCT key FROM entity_terms WHERE kind = ? AND term IN (SELECT value FROM json_each(?))').pluck().all(kind, JSON.stringify(terms)) as string[];
  }

  articleLinks(articleId: string): LinkDbRow[] | undefined {
    this.reads++;
    if (this.prepare('SELECT 1 FROM entity_articles WHERE article_id = ?').get(articleId) === undefined) return undefined;
    return this.prepare(`SELECT ${LINK_COLUMNS} FROM entity_links WHERE article_id = ? ORDER BY position`).all(articleId) as LinkDbRow[];
  }

  latestArticles(keys: string[], limit: number): string[] {
    this.reads++;
    const ids = this.prepare(
      `SELECT ea.article_id FROM entity_links l JOIN entity_articles ea ON ea.article_id = l.article_id
       WHERE l.key IN (SELECT value FROM json_each(?)) GROUP BY ea.seq ORDER BY ea.seq DESC LIMIT ?`,
    )
      .pluck()
      .all(JSON.stringify(keys), limit) as string[];
    return ids.reverse();
  }

  articleKeys(ids: string[]): Map<string, string[]> {
    this.reads++;
    const out = new Map<string, string[]>();
    const rows = this.prepare(
      `SELECT ea.article_id, l.key FROM (SELECT value FROM json_each(?)) v JOIN entity_articles ea ON ea.article_id = v.value
       LEFT JOIN entity_links l ON l.article_id = ea.article_id ORDER BY ea.article_id, l.position`,
    ).all(JSON.stringify(ids)) as { article_id: string; key: string | null }[];
    for (const r of rows) {
      let keys = out.get(r.article_id);
      if (!keys) out.set(r.article_id, (keys = []));
      if (r.key !== null && !keys.includes(r.key)) keys.push(r.key);
    }
    return out;
  }

  termsReady(version: number): boolean {
    return (this.prepare('SELECT terms_ready FROM entity_state').pluck().get() as number) >= version;
  }

  entitiesAfter(ord: number, limit: number): { row: EntityStateRow; ord: number }[] {
    const rows = this.prepare(`SELECT ord, ${ENTITY_STATE_COLUMNS} FROM entities WHERE ord > ? ORDER BY ord LIMIT ?`).all(ord, limit) as (EntityStateRow & { ord: number })[];
    return rows.map((r) => ({ row: r, ord: r.ord }));
  }

  addTerms(rows: EntityTermRow[]): void {
    const insert = this.prepare('INSERT OR IGNORE INTO entity_terms (kind, term, key) VALUES (@kind, @term, @key)');
    for (const r of rows) insert.run(r);
  }

  clearTerms(): void {
    this.prepare('DELETE FROM entity_terms').run();
  }

  /** terms_ready holds the version of the rules the rows were derived by (1: the first, migration 008). */
  markTermsReady(version: number): void {
    this.prepare('UPDATE entity_state SET terms_ready = ?').run(version);
  }
}

export class SqliteEntityTables implements EntityTables {
  readonly pointReads: EntityPointReads | null;

  constructor(
    protected readonly prepare: Prepare,
    readonly available: boolean,
    /** Throws when the store is closed or has no entity tables. */
    protected readonly guard: () => void,
    /** True when the schema has migration 008's entity_terms. */
    hasTerms = false,
  ) {
    this.pointReads = available && hasTerms ? new SqlitePointReads(prepare) : null;
  }

  async generation(): Promise<number> {
    this.guard();
    return this.prepare('SELECT generation FROM entity_state').pluck().get() as number;
  }

  async nextGeneration(opts: { rebuilt?: boolean } = {}): Promise<number> {
    this.prepare(`UPDATE entity_state SET generation = generation + 1${opts.rebuilt ? ', stale = 0' : ''}`).run();
    return this.prepare('SELECT generation FROM entity_state').pluck().get() as number;
  }

  async stateRows(): Promise<EntityStateRows> {
    // CROSS JOIN: the articles outermost, in resolution order.
    const all = <K extends keyof EntityStateRows>(k: K) => this.prepare(entityStateQueries('CROSS JOIN')[k]).all() as EntityStateRows[K];
    return { entities: all('entities'), links: all('links'), merges: all('merges'), redirects: all('redirects'), articles: all('articles') };
  }

  async layersAfter(seq: number, limit: number): Promise<StoredEntityLayer[]> {
    const rows = this.prepare(
      `SELECT seq, id, language, published_at, analysis FROM articles WHERE seq > ? ORDER BY seq LIMIT ?`,
    ).all(seq, limit) as (Omit<StoredEntityLayer, 'entities'> & { analysis: string | Buffer })[];
    return rows.map(({ analysis, ...r }) => ({ ...r, entities: parseAnalysis(analysis).entities ?? [] }));
  }

  async clear(): Promise<void> {
    for (const t of ENTITY_TABLES) this.prepare(`DELETE FROM ${t}`).run();
    if (this.pointReads) this.prepare('DELETE FROM entity_terms').run();
  }

  async addArticles(rows: EntityArticleRow[]): Promise<void> {
    const insert = this.prepare('INSERT INTO entity_articles (seq, article_id, language, published_at, story_id) VALUES (@seq, @article_id, @language, @published_at, @story_id)');
    for (const r of rows) insert.run(r);
  }

  async addLinks(rows: LinkRow[]): Promise<void> {
    const insert = this.prepare(
      'INSERT INTO entity_links (article_id, local_id, key, name, type, rule, reason, position) VALUES (@article_id, @local_id, @key, @name, @type, @rule, @reason, @position)',
    );
    for (const r of rows) insert.run(r);
  }

  async addMerges(rows: MergeRow[]): Promise<void> {
    const insert = this.prepare('INSERT INTO entity_merges (from_key, to_key, article_id, reason) VALUES (@from_key, @to_key, @article_id, @reason)');
    for (const r of rows) insert.run(r);
  }

  async addRedirects(rows: { from_key: string; to_key: string }[]): Promise<void> {
    const insert = this.prepare('INSERT INTO entity_redirects (from_key, to_key) VALUES (@from_key, @to_key)');
    for (const r of rows) insert.run(r);
  }

  async merge(m: MergeRow): Promise<void> {
    this.prepare('UPDATE entity_links SET key = ? WHERE key = ?').run(m.to_key, m.from_key);
    this.prepare('UPDATE entity_redirects SET to_key = ? WHERE to_key = ?').run(m.to_key, m.from_key);
    this.prepare('INSERT INTO entity_redirects (from_key, to_key) VALUES (?, ?)').run(m.from_key, m.to_key);
    this.prepare('INSERT INTO entity_merges (from_key, to_key, article_id, reason) VALUES (?, ?, ?, ?)').run(m.from_key, m.to_key, m.article_id, m.reason);
    this.prepare('INSERT OR IGNORE INTO entity_names (key, kind, text, folded) SELECT ?, kind, text, folded FROM entity_names WHERE key = ?').run(m.to_key, m.from_key);
    this.prepare('DELETE FROM entity_names WHERE key = ?').run(m.from_key);
    this.prepare('DELETE FROM entities WHERE key = ?').run(m.from_key);
    if (this.pointReads) this.prepare('DELETE FROM entity_terms WHERE key = ?').run(m.from_key);
  }

  async maxOrd(): Promise<number> {
    return this.prepare('SELECT coalesce(max(ord), 0) FROM entities').pluck().get() as number;
  }

  async storedEntities(keys: string[]): Promise<Map<string, StoredEntity>> {
    const rows = this.prepare(
      'SELECT key, ord, article_count, first_seen, last_seen, names_json, surfaces_json FROM entities WHERE key IN (SELECT value FROM json_each(?))',
    ).all(JSON.stringify(keys)) as (StoredEntity & { key: string })[];
    return new Map(rows.map((r) => [r.key, r]));
  }

  async linkedDates(key: string): Promise<(string | null)[]> {
    return this.prepare('SELECT published_at FROM entity_articles WHERE article_id IN (SELECT article_id FROM entity_links WHERE key = ?)').pluck().all(key) as (
      | string
      | null
    )[];
  }

  async writeEntities(rows: EntityColumns[], names: EntityNameRow[]): Promise<void> {
    const upsert = this.prepare(
      `INSERT INTO entities (key, ord, name, name_folded, type, source, canonical_name, canonical_type, is_person, mention_count,
         article_count, first_seen, last_seen, types_json, names_json, surfaces_json, roles_json, genders_json)
       VALUES (@key, @ord, @name, @name_folded, @type, @source, @canonical_name, @canonical_type, @is_person, @mention_count,
         @article_count, @first_seen, @last_seen, @types_json, @names_json, @surfaces_json, @roles_json, @genders_json)
       ON CONFLICT (key) DO UPDATE SET name = excluded.name, name_folded = excluded.name_folded, type = excluded.type,
         source = excluded.source, canonical_name = excluded.canonical_name, canonical_type = excluded.canonical_type,
         is_person = excluded.is_person, mention_count = excluded.mention_count, article_count = excluded.article_count,
         first_seen = excluded.first_seen, last_seen = excluded.last_seen, types_json = excluded.types_json,
         names_json = excluded.names_json, surfaces_json = excluded.surfaces_json, roles_json = excluded.roles_json,
         genders_json = excluded.genders_json`,
    );
    for (const r of rows) upsert.run(r);
    const insert = this.prepare('INSERT OR IGNORE INTO entity_names (key, kind, text, folded) VALUES (@key, @kind, @text, @folded)');
    for (const n of names) insert.run(n);
  }
}
