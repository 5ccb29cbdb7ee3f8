// Writing the corpus-wide entity index (tables of migration 003): incremental resolution inside the
// ingest transaction, a full rebuild from the stored entity layers, and reading the resolver's state
// back. The resolver (src/corpus/entities/resolve.ts) is held in memory between batches and reloaded only
// when another process wrote to the index (entity_state.generation) or a transaction rolled back.
import type Database from 'better-sqlite3';
import type { ArticleEntities, EntityLink, EntityMerge, EntityRow, ResolverState } from '../../corpus/entities/model.ts';
import { EntityResolver } from '../../corpus/entities/resolve.ts';
import {
  ENTITY_TABLES as TABLES,
  EntityBatchLog,
  type EntityStateRows,
  type StoredEntity,
  articleEntities,
  checkLocalIds,
  entityColumns,
  entityStateQueries,
  newEntityNames,
  stateFromRows,
  stateRows,
} from '../entity-rows.ts';
import { type Seen, seenOf, NOT_SEEN } from '../entity-view.ts';
import type { EntityRebuildResult } from '../store.ts';

export type Prepare = (sql: string) => Database.Statement<unknown[], unknown>;

export { articleEntities };

/** Stored articles read per step when rebuilding (no statement stays open while writing). */
const REBUILD_PAGE = 500;

export class EntityIndexWriter {
  private resolver: EntityResolver | undefined;
  private generation = -1;

  constructor(private readonly prepare: Prepare) {}

  /** Starts resolving a batch of new articles; call inside the write transaction, then `finish` the batch. */
  batch(): EntityBatch {
    const generation = this.prepare('SELECT generation FROM entity_state').pluck().get() as number;
    if (!this.resolver || generation !== this.generation) {
      this.resolver = EntityResolver.fromState(readEntityState(this.prepare));
      this.generation = generation;
    }
    return new EntityBatch(this.prepare, this.resolver, (g) => {
      this.generation = g;
    });
  }

  /** Forgets the resolver in memory: after a rolled-back transaction it knows articles the tables do not. */
  discard(): void {
    this.resolver = undefined;
  }

  /**
   * Replaces the index with a new resolution of every stored entity layer, in ingest order (the
   * order incremental resolution saw them). Call inside a write transaction.
   */
  rebuild(): EntityRebuildResult {
    for (const t of TABLES) this.prepare(`DELETE FROM ${t}`).run();
    const resolver = new EntityResolver();
    const seqOf = new Map<string, number>();
    const page = this.prepare(
      `SELECT seq, id, language, published_at, json_extract(analysis, '$.entities') AS entities
       FROM articles WHERE seq > ? ORDER BY seq LIMIT ?`,
    );
    for (let after = 0; ; ) {
      const rows = page.all(after, REBUILD_PAGE) as { seq: number; id: string; language: string; published_at: string | null; entities: string | null }[];
      if (rows.length === 0) break;
      for (const r of rows) {
        resolver.add(articleEntities({ id: r.id, language: r.language, publishedAt: r.published_at, entities: JSON.parse(r.entities ?? '[]') }));
        seqOf.set(r.id, r.seq);
      }
      after = rows[rows.length - 1].seq;
    }
    const state = resolver.state();
    writeState(this.prepare, state, seqOf);
    this.prepare('UPDATE entity_state SET generation = generation + 1, stale = 0').run();
    this.resolver = resolver;
    this.generation = this.prepare('SELECT generation FROM entity_state').pluck().get() as number;
    return { articles: state.articles.length, entities: state.entities.length, links: state.links.length, merges: state.merges.length };
  }
}

/** The resolution of one ingest batch: `add` each stored article in order, then `finish`. */
export class EntityBatch {
  private readonly log = new EntityBatchLog();

  constructor(
    private readonly prepare: Prepare,
    private readonly resolver: EntityResolver,
    private readonly onCommit: (generation: number) => void,
  ) {}

  /** Resolves one article just stored (its `articles.seq`): records it, applies the merges it caused, stores its links. */
  add(article: ArticleEntities, seq: number): void {
    checkLocalIds(article);
    const res = this.resolver.add(article);
    this.prepare('INSERT INTO entity_articles (seq, article_id, language, published_at, story_id) VALUES (?, ?, ?, ?, ?)').run(
      seq,
      article.id,
      article.language,
      article.publishedAt,
      article.storyId ?? null,
    );
    for (const m of res.merges) this.merge(m);
    insertLinks(this.prepare, res.links);
    this.log.resolved(article, res);
  }

  private merge(m: EntityMerge): void {
    this.prepare('UPDATE entity_links SET key = ? WHERE key = ?').run(m.to, m.from);
    this.prepare('UPDATE entity_redirects SET to_key = ? WHERE to_key = ?').run(m.to, m.from);
    this.prepare('INSERT INTO entity_redirects (from_key, to_key) VALUES (?, ?)').run(m.from, m.to);
    this.prepare('INSERT INTO entity_merges (from_key, to_key, article_id, reason) VALUES (?, ?, ?, ?)').run(m.from, m.to, m.articleId, m.reason);
    this.prepare('INSERT OR IGNORE INTO entity_names (key, kind, text, folded) SELECT ?, kind, text, folded FROM entity_names WHERE key = ?').run(m.to, m.from);
    this.prepare('DELETE FROM entity_names WHERE key = ?').run(m.from);
    this.prepare('DELETE FROM entities WHERE key = ?').run(m.from);
    this.log.merged(m.to);
  }

  /** Writes the rows of every entity the batch changed and marks the index as changed for other processes. */
  finish(): void {
    if (this.log.added === 0) return;
    let nextOrd = (this.prepare('SELECT coalesce(max(ord), 0) FROM entities').pluck().get() as number) + 1;
    const old = this.prepare('SELECT ord, article_count, first_seen, last_seen, names_json, surfaces_json FROM entities WHERE key = ?');
    for (const { row, fromLinks } of this.log.writes(this.resolver)) {
      const before = old.get(row.key) as StoredEntity | undefined;
      const seen = fromLinks ? seenOfLinks(this.prepare, row.key) : this.log.seenOf(row.key, before);
      writeEntity(this.prepare, row, before?.ord ?? nextOrd++, seen, before);
    }
    this.prepare('UPDATE entity_state SET generation = generation + 1').run();
    this.onCommit(this.prepare('SELECT generation FROM entity_state').pluck().get() as number);
  }
}

function insertLinks(prepare: Prepare, links: EntityLink[]): void {
  const insert = prepare(
    'INSERT INTO entity_links (article_id, local_id, key, name, type, rule, reason, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  links.forEach((l, i) => insert.run(l.articleId, l.localId, l.key, l.name, l.type, l.rule, l.reason, i));
}

/** Article count and dates of an entity from its links (after merges). */
function seenOfLinks(prepare: Prepare, key: string): Seen {
  const dates = prepare(
    'SELECT published_at FROM entity_articles WHERE article_id IN (SELECT article_id FROM entity_links WHERE key = ?)',
  )
    .pluck()
    .all(key) as (string | null)[];
  return seenOf(dates);
}

/** Upserts one entity row and adds the names it did not have (`before`: the stored row, undefined for a new entity). */
function writeEntity(prepare: Prepare, row: EntityRow, ord: number, seen: Seen, before: StoredEntity | undefined): void {
  prepare(
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
  ).run(entityColumns(row, ord, seen));
  const insert = prepare('INSERT OR IGNORE INTO entity_names (key, kind, text, folded) VALUES (@key, @kind, @text, @folded)');
  for (const n of newEntityNames(row, before)) insert.run(n);
}

/** Writes a whole resolver state into the emptied tables (a rebuild). `seqOf`: article id -> articles.seq. */
function writeState(prepare: Prepare, state: ResolverState, seqOf: Map<string, number>): void {
  const article = prepare('INSERT INTO entity_articles (seq, article_id, language, published_at, story_id) VALUES (?, ?, ?, ?, ?)');
  for (const a of state.articles) article.run(seqOf.get(a.id), a.id, a.language, a.publishedAt, a.storyId);
  const { linksByArticle, seen } = stateRows(state);
  for (const links of linksByArticle) insertLinks(prepare, links);
  const merge = prepare('INSERT INTO entity_merges (from_key, to_key, article_id, reason) VALUES (?, ?, ?, ?)');
  for (const m of state.merges) merge.run(m.from, m.to, m.articleId, m.reason);
  const redirect = prepare('INSERT INTO entity_redirects (from_key, to_key) VALUES (?, ?)');
  for (const [from, to] of Object.entries(state.redirects)) redirect.run(from, to);
  state.entities.forEach((row, i) => writeEntity(prepare, row, i + 1, seen.get(row.key) ?? NOT_SEEN, undefined));
}

/** The resolver's state as stored: what `EntityResolver.fromState` continues from. */
export function readEntityState(prepare: Prepare): ResolverState {
  const all = <K extends keyof EntityStateRows>(k: K) => prepare(entityStateQueries('CROSS JOIN')[k]).all() as EntityStateRows[K];
  return stateFromRows({ entities: all('entities'), links: all('links'), merges: all('merges'), redirects: all('redirects'), articles: all('articles') });
}
