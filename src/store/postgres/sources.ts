// The source tables in PostgreSQL (migration 006): followed sources, their items, syndicated copies.
import { StoreInputError } from '../store.ts';
import type { CopyRow, NewSource, SourceItemRow, SourceRow, SourceTables, SourceUpdate } from '../source-tables.ts';
import { ITEM_UPDATABLE, SOURCE_UPDATABLE, sourceLookup } from '../source-rows.ts';
import { Params, column, row, rows, type Queryable } from './db.ts';

export class PgSourceTables implements SourceTables {
  readonly available = true;

  constructor(private readonly db: () => Promise<Queryable>) {}

  async add(s: NewSource): Promise<SourceRow> {
    const q = await this.db();
    const added = await row<SourceRow>(
      q,
      'INSERT INTO sources (url, kind, name, interval_seconds, added_at, next_due_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (url) DO NOTHING RETURNING *',
      [s.url, s.kind, s.name ?? null, s.interval_seconds, s.added_at, s.next_due_at],
    );
    if (!added) throw new StoreInputError(`the source ${s.url} is already followed`);
    return added;
  }

  async remove(idOrUrl: number | string): Promise<boolean> {
    const [col, v] = sourceLookup(idOrUrl);
    return ((await (await this.db()).query(`DELETE FROM sources WHERE ${col} = $1`, [v])).rowCount ?? 0) > 0;
  }

  async get(idOrUrl: number | string): Promise<SourceRow | null> {
    const [col, v] = sourceLookup(idOrUrl);
    return (await row<SourceRow>(await this.db(), `SELECT * FROM sources WHERE ${col} = $1`, [v])) ?? null;
  }

  async list(): Promise<SourceRow[]> {
    return rows<SourceRow>(await this.db(), 'SELECT * FROM sources ORDER BY id');
  }

  async due(now: string): Promise<SourceRow[]> {
    return rows<SourceRow>(await this.db(), 'SELECT * FROM sources WHERE next_due_at <= $1 ORDER BY next_due_at, id', [now]);
  }

  async update(id: number, change: SourceUpdate): Promise<void> {
    const p = new Params();
    const sets: string[] = [];
    for (const [k, v] of Object.entries(change)) {
      if (v === undefined) continue;
      if (k === 'add_items_seen' || k === 'add_articles_added') {
        const col = k.slice(4);
        sets.push(`${col} = ${col} + ${p.add(v)}`);
      } else if (SOURCE_UPDATABLE.has(k)) sets.push(`${k} = ${p.add(v)}`);
      else throw new StoreInputError(`sources has no updatable column ${k}`);
    }
    if (sets.length) await (await this.db()).query(`UPDATE sources SET ${sets.join(', ')} WHERE id = ${p.add(id)}`, p.values);
  }

  async items(urls: readonly string[]): Promise<Map<string, SourceItemRow>> {
    const found = await rows<SourceItemRow>(await this.db(), 'SELECT * FROM source_items WHERE url = ANY($1::text[])', [urls]);
    return new Map(found.map((r) => [r.url, r]));
  }

  async addItems(items: readonly SourceItemRow[]): Promise<number> {
    if (items.length === 0) return 0;
    const r = await (await this.db()).query(
      `INSERT INTO source_items (url, source_id, first_seen_at, status, attempts, fetched_at, article_id, error)
       SELECT * FROM json_to_recordset($1::json) AS x(url text, source_id bigint, first_seen_at text, status text, attempts int, fetched_at text, article_id text, error text)
       ON CONFLICT (url) DO NOTHING`,
      [JSON.stringify(items)],
    );
    return r.rowCount ?? 0;
  }

  async updateItem(url: string, change: Partial<Omit<SourceItemRow, 'url' | 'source_id' | 'first_seen_at'>>): Promise<void> {
    const p = new Params();
    const sets: string[] = [];
    for (const [k, v] of Object.entries(change)) {
      if (v === undefined) continue;
      if (!ITEM_UPDATABLE.has(k)) throw new StoreInputError(`source_items has no updatable column ${k}`);
      sets.push(`${k} = ${p.add(v)}`);
    }
    if (sets.length) await (await this.db()).query(`UPDATE source_items SET ${sets.join(', ')} WHERE url = ${p.add(url)}`, p.values);
  }

  async itemsToFetch(sourceId: number, maxAttempts: number, limit: number): Promise<SourceItemRow[]> {
    return rows<SourceItemRow>(
      await this.db(),
      "SELECT * FROM source_items WHERE source_id = $1 AND (status = 'pending' OR (status = 'failed' AND attempts < $2)) ORDER BY first_seen_at, url COLLATE \"C\" LIMIT $3",
      [sourceId, maxAttempts, limit],
    );
  }

  async addBands(articleId: string, buckets: readonly string[]): Promise<void> {
    if (buckets.length === 0) return;
    await (await this.db()).query(
      'INSERT INTO copy_bands (band, bucket, article_id) SELECT (b.i - 1)::int, b.bucket, $2 FROM unnest($1::text[]) WITH ORDINALITY AS b(bucket, i) ON CONFLICT DO NOTHING',
      [buckets, articleId],
    );
  }

  async bandMatches(buckets: readonly string[]): Promise<string[]> {
    if (buckets.length === 0) return [];
    return column<string>(
      await this.db(),
      'SELECT article_id FROM (SELECT DISTINCT c.article_id FROM copy_bands c JOIN unnest($1::text[]) WITH ORDINALITY AS b(bucket, i) ON c.band = b.i - 1 AND c.bucket = b.bucket) m ORDER BY article_id COLLATE "C"',
      [buckets],
    );
  }

  async addCopy(c: CopyRow): Promise<void> {
    await (await this.db()).query(
      'INSERT INTO article_copies (article_id, copy_of, similarity) VALUES ($1, $2, $3) ON CONFLICT (article_id) DO UPDATE SET copy_of = EXCLUDED.copy_of, similarity = EXCLUDED.similarity',
      [c.article_id, c.copy_of, c.similarity],
    );
  }

  async copies(articleIds: readonly string[]): Promise<CopyRow[]> {
    return rows<CopyRow>(
      await this.db(),
      'SELECT * FROM article_copies WHERE article_id = ANY($1::text[]) OR copy_of = ANY($1::text[]) ORDER BY copy_of COLLATE "C", article_id COLLATE "C"',
      [articleIds],
    );
  }
}
