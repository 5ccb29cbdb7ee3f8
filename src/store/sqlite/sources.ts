// The source tables in SQLite (migration 007): followed sources, their items, syndicated copies.
import type Database from 'better-sqlite3';
import { StoreInputError } from '../store.ts';
import type { CopyRow, NewSource, SourceItemRow, SourceRow, SourceTables, SourceUpdate } from '../source-tables.ts';
import { ITEM_UPDATABLE, SOURCE_UPDATABLE, sourceLookup } from '../source-rows.ts';

type Prepare = (sql: string) => Database.Statement<unknown[], unknown>;

export class SqliteSourceTables implements SourceTables {
  readonly available: boolean;

  constructor(
    db: Database.Database,
    private readonly prepare: Prepare,
    private readonly guard: () => void,
  ) {
    this.available = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sources'").get() !== undefined;
  }

  private check(): void {
    this.guard();
    if (!this.available) throw new StoreInputError('this database has no source tables (schema without migration 007)');
  }

  async add(s: NewSource): Promise<SourceRow> {
    this.check();
    if (this.prepare('SELECT 1 FROM sources WHERE url = ?').get(s.url)) throw new StoreInputError(`the source ${s.url} is already followed`);
    const info = this.prepare('INSERT INTO sources (url, kind, name, interval_seconds, added_at, next_due_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      s.url, s.kind, s.name ?? null, s.interval_seconds, s.added_at, s.next_due_at,
    );
    return (await this.get(Number(info.lastInsertRowid)))!;
  }

  async remove(idOrUrl: number | string): Promise<boolean> {
    this.check();
    const [col, v] = sourceLookup(idOrUrl);
    return this.prepare(`DELETE FROM sources WHERE ${col} = ?`).run(v).changes > 0;
  }

  async get(idOrUrl: number | string): Promise<SourceRow | null> {
    this.check();
    const [col, v] = sourceLookup(idOrUrl);
    return (this.prepare(`SELECT * FROM sources WHERE ${col} = ?`).get(v) as SourceRow | undefined) ?? null;
  }

  async list(): Promise<SourceRow[]> {
    this.check();
    return this.prepare('SELECT * FROM sources ORDER BY id').all() as SourceRow[];
  }

  async due(now: string): Promise<SourceRow[]> {
    this.check();
    return this.prepare('SELECT * FROM sources WHERE next_due_at <= ? ORDER BY next_due_at, id').all(now) as SourceRow[];
  }

  async update(id: number, change: SourceUpdate): Promise<void> {
    this.check();
    const sets: string[] = [];
    const params: unknown[] = [];
    for (const [k, v] of Object.entries(change)) {
      if (v === undefined) continue;
      if (k === 'add_items_seen' || k === 'add_articles_added') {
        const col = k.slice(4);
        sets.push(`${col} = ${col} + ?`);
      } else if (SOURCE_UPDATABLE.has(k)) sets.push(`${k} = ?`);
      else throw new StoreInputError(`sources has no updatable column ${k}`);
      params.push(v);
    }
    if (sets.length) this.prepare(`UPDATE sources SET ${sets.join(', ')} WHERE id = ?`).run(...params, id);
  }

  async items(urls: readonly string[]): Promise<Map<string, SourceItemRow>> {
    this.check();
    const rows = this.prepare('SELECT * FROM source_items WHERE url IN (SELECT value FROM json_each(?))').all(JSON.stringify(urls)) as SourceItemRow[];
    return new Map(rows.map((r) => [r.url, r]));
  }

  async addItems(rows: readonly SourceItemRow[]): Promise<number> {
    this.check();
    const insert = this.prepare(
      'INSERT OR IGNORE INTO source_items (url, source_id, first_seen_at, status, attempts, fetched_at, article_id, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    let n = 0;
    for (const r of rows) n += insert.run(r.url, r.source_id, r.first_seen_at, r.status, r.attempts, r.fetched_at, r.article_id, r.error).changes;
    return n;
  }

  async updateItem(url: string, change: Partial<Omit<SourceItemRow, 'url' | 'source_id' | 'first_seen_at'>>): Promise<void> {
    this.check();
    const entries = Object.entries(change).filter(([, v]) => v !== undefined);
    for (const [k] of entries) if (!ITEM_UPDATABLE.has(k)) throw new StoreInputError(`source_items has no updatable column ${k}`);
    if (entries.length) this.prepare(`UPDATE source_items SET ${entries.map(([k]) => `${k} = ?`).join(', ')} WHERE url = ?`).run(...entries.map(([, v]) => v), url);
  }

  async itemsToFetch(sourceId: number, maxAttempts: number, limit: number): Promise<SourceItemRow[]> {
    this.check();
    return this.prepare(
      "SELECT * FROM source_items WHERE source_id = ? AND (status = 'pending' OR (status = 'failed' AND attempts < ?)) ORDER BY first_seen_at, url LIMIT ?",
    ).all(sourceId, maxAttempts, limit) as SourceItemRow[];
  }

  async addBands(articleId: string, buckets: readonly string[]): Promise<void> {
    this.check();
    const insert = this.prepare('INSERT OR IGNORE INTO copy_bands (band, bucket, article_id) VALUES (?, ?, ?)');
    buckets.forEach((b, i) => insert.run(i, b, articleId));
  }

  async bandMatches(buckets: readonly string[]): Promise<string[]> {
    this.check();
    const q = this.prepare('SELECT article_id FROM copy_bands WHERE band = ? AND bucket = ?');
    const out = new Set<string>();
    buckets.forEach((b, i) => {
      for (const r of q.all(i, b) as { article_id: string }[]) out.add(r.article_id);
    });
    return [...out].sort();
  }

  async addCopy(c: CopyRow): Promise<void> {
    this.check();
    this.prepare('INSERT OR REPLACE INTO article_copies (article_id, copy_of, similarity) VALUES (?, ?, ?)').run(c.article_id, c.copy_of, c.similarity);
  }

  async copies(articleIds: readonly string[]): Promise<CopyRow[]> {
    this.check();
    const json = JSON.stringify(articleIds);
    return this.prepare(
      'SELECT * FROM article_copies WHERE article_id IN (SELECT value FROM json_each(?)) OR copy_of IN (SELECT value FROM json_each(?)) ORDER BY copy_of, article_id',
    ).all(json, json) as CopyRow[];
  }
}
