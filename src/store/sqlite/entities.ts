// Writing the corpus-wide entity index (tables of migration 003): incremental resolution inside the
// ingest transaction, a full rebuild from the stored entity layers, and reading the resolver's state
// back. The resolver (src/entities/resolve.ts) is held in memory between batches and reloaded only
// when another process wrote to the index (entity_state.generation) or a transaction rolled back.
import type Database from 'better-sqlite3';
import type { ArticleEntities, EntityLink, EntityMerge, EntityRow, ResolverState } from '../../entities/model.ts';
import { foldName } from '../../entities/normalise.ts';
import { EntityResolver } from '../../entities/resolve.ts';
import type { EntityType } from '../../types.ts';
import { NOT_SEEN, type Seen, entityDisplayName, entityDisplayType, joinSeen, seenOf, seenWith } from '../entity-view.ts';
import { fold } from '../fold.ts';
import type { EntityRebuildResult } from '../store.ts';

export type Prepare = (sql: string) => Database.Statement<unknown[], unknown>;

/** Stored articles read per step when rebuilding (no statement stays open while writing). */
const REBUILD_PAGE = 500;

const TABLES = ['entity_links', 'entity_merges', 'entity_redirects', 'entity_names', 'entities', 'entity_articles'];

/** What the resolver needs of an article. Stories are not known at ingest yet. */
export function articleEntities(a: Pick<ArticleEntities, 'id' | 'language' | 'publishedAt' | 'entities'>): ArticleEntities {
  return { id: a.id, language: a.language, publishedAt: a.publishedAt, entities: a.entities, storyId: null };
}

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
  /** Keys the batch linked or created, in order of first appearance (creation order for new keys). */
  private readonly changed = new Set<string>();
  /** Merge targets: their counts and dates are recomputed from the links. */
  private readonly recompute = new Set<string>();
  /** Articles and dates the batch added to each key (as keyed when its article was resolved). */
  private readonly seen = new Map<string, Seen>();
  private added = 0;

  constructor(
    private readonly prepare: Prepare,
    private readonly resolver: EntityResolver,
    private readonly onCommit: (generation: number) => void,
  ) {}

  /** Resolves one article just stored (its `articles.seq`): records it, applies the merges it caused, stores its links. */
  add(article: ArticleEntities, seq: number): void {
    const ids = new Set<string>();
    for (const e of article.entities) {
      if (ids.has(e.id)) throw new Error(`its entity layer has two entities with id "${e.id}"`);
      ids.add(e.id);
    }
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
    for (const key of new Set(res.links.map((l) => l.key))) this.seen.set(key, seenWith(this.seen.get(key) ?? NOT_SEEN, article.publishedAt));
    for (const key of res.changed) this.changed.add(key);
    this.added++;
  }

  private merge(m: EntityMerge): void {
    this.prepare('UPDATE entity_links SET key = ? WHERE key = ?').run(m.to, m.from);
    this.prepare('UPDATE entity_redirects SET to_key = ? WHERE to_key = ?').run(m.to, m.from);
    this.prepare('INSERT INTO entity_redirects (from_key, to_key) VALUES (?, ?)').run(m.from, m.to);
    this.prepare('INSERT INTO entity_merges (from_key, to_key, article_id, reason) VALUES (?, ?, ?, ?)').run(m.from, m.to, m.articleId, m.reason);
    this.prepare('INSERT OR IGNORE INTO entity_names (key, kind, text, folded) SELECT ?, kind, text, folded FROM entity_names WHERE key = ?').run(m.to, m.from);
    this.prepare('DELETE FROM entity_names WHERE key = ?').run(m.from);
    this.prepare('DELETE FROM entities WHERE key = ?').run(m.from);
    this.recompute.add(m.to);
  }

  /** Writes the rows of every entity the batch changed and marks the index as changed for other processes. */
  finish(): void {
    if (this.added === 0) return;
    const alive = [...this.changed].filter((k) => this.resolver.current(k) === k);
    const recompute = new Set([...this.recompute].map((k) => this.resolver.current(k)));
    let nextOrd = (this.prepare('SELECT coalesce(max(ord), 0) FROM entities').pluck().get() as number) + 1;
    const old = this.prepare('SELECT ord, article_count, first_seen, last_seen, names_json, surfaces_json FROM entities WHERE key = ?');
    for (const row of this.resolver.entityRows(alive)) {
      const before = old.get(row.key) as
        | { ord: number; article_count: number; first_seen: string | null; last_seen: string | null; names_json: string; surfaces_json: string }
        | undefined;
      const seen = recompute.has(row.key)
        ? seenOfLinks(this.prepare, row.key)
        : joinSeen(
            before ? { articleCount: before.article_count, firstSeen: before.first_seen, lastSeen: before.last_seen } : NOT_SEEN,
            this.seen.get(row.key) ?? NOT_SEEN,
          );
      const known = before ? { names: JSON.parse(before.names_json), surfaces: JSON.parse(before.surfaces_json) } : null;
      writeEntity(this.prepare, row, before?.ord ?? nextOrd++, seen, known);
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

/**
 * Upserts one entity row and adds the names it did not have (`known`: the names and mention texts
 * of the stored row, null for a new entity).
 */
function writeEntity(
  prepare: Prepare,
  row: EntityRow,
  ord: number,
  seen: Seen,
  known: { names: Record<string, number>; surfaces: Record<string, number> } | null,
): void {
  const name = entityDisplayName(row);
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
  ).run({
    key: row.key,
    ord,
    name,
    name_folded: fold(name),
    type: entityDisplayType(row),
    source: row.source,
    canonical_name: row.canonicalName,
    canonical_type: row.canonicalType,
    is_person: row.isPerson ? 1 : 0,
    mention_count: row.mentionCount,
    article_count: seen.articleCount,
    first_seen: seen.firstSeen,
    last_seen: seen.lastSeen,
    types_json: JSON.stringify(row.types),
    names_json: JSON.stringify(row.names),
    surfaces_json: JSON.stringify(row.surfaces),
    roles_json: JSON.stringify(row.roles),
    genders_json: JSON.stringify(row.genders),
  });
  const insert = prepare('INSERT OR IGNORE INTO entity_names (key, kind, text, folded) VALUES (?, ?, ?, ?)');
  for (const kind of ['name', 'surface'] as const) {
    const had = known ? (kind === 'name' ? known.names : known.surfaces) : {};
    for (const text of Object.keys(kind === 'name' ? row.names : row.surfaces)) if (!(text in had)) insert.run(row.key, kind, text, foldName(text));
  }
}

/** Writes a whole resolver state into the emptied tables (a rebuild). `seqOf`: article id -> articles.seq. */
function writeState(prepare: Prepare, state: ResolverState, seqOf: Map<string, number>): void {
  const published = new Map<string, string | null>();
  const article = prepare('INSERT INTO entity_articles (seq, article_id, language, published_at, story_id) VALUES (?, ?, ?, ?, ?)');
  for (const a of state.articles) {
    article.run(seqOf.get(a.id), a.id, a.language, a.publishedAt, a.storyId);
    published.set(a.id, a.publishedAt);
  }
  // Links come article by article; count each article once per key.
  const seen = new Map<string, Seen>();
  const lastArticle = new Map<string, string>();
  let start = 0;
  for (let i = 1; i <= state.links.length; i++) {
    if (i < state.links.length && state.links[i].articleId === state.links[start].articleId) continue;
    const links = state.links.slice(start, i);
    insertLinks(prepare, links);
    for (const l of links) {
      if (lastArticle.get(l.key) === l.articleId) continue;
      lastArticle.set(l.key, l.articleId);
      seen.set(l.key, seenWith(seen.get(l.key) ?? NOT_SEEN, published.get(l.articleId) ?? null));
    }
    start = i;
  }
  const merge = prepare('INSERT INTO entity_merges (from_key, to_key, article_id, reason) VALUES (?, ?, ?, ?)');
  for (const m of state.merges) merge.run(m.from, m.to, m.articleId, m.reason);
  const redirect = prepare('INSERT INTO entity_redirects (from_key, to_key) VALUES (?, ?)');
  for (const [from, to] of Object.entries(state.redirects)) redirect.run(from, to);
  state.entities.forEach((row, i) => writeEntity(prepare, row, i + 1, seen.get(row.key) ?? NOT_SEEN, null));
}

interface EntityDbRow {
  key: string;
  source: EntityRow['source'];
  canonical_name: string | null;
  canonical_type: EntityType | null;
  is_person: number;
  mention_count: number;
  types_json: string;
  names_json: string;
  surfaces_json: string;
  roles_json: string;
  genders_json: string;
}

/** The resolver's state as stored: what `EntityResolver.fromState` continues from. */
export function readEntityState(prepare: Prepare): ResolverState {
  const entities = (
    prepare(
      `SELECT key, source, canonical_name, canonical_type, is_person, mention_count, types_json, names_json, surfaces_json,
         roles_json, genders_json FROM entities ORDER BY ord`,
    ).all() as EntityDbRow[]
  ).map(
    (r): EntityRow => ({
      key: r.key,
      source: r.source,
      canonicalName: r.canonical_name,
      canonicalType: r.canonical_type,
      isPerson: r.is_person === 1,
      types: JSON.parse(r.types_json),
      names: JSON.parse(r.names_json),
      surfaces: JSON.parse(r.surfaces_json),
      roles: JSON.parse(r.roles_json),
      genders: JSON.parse(r.genders_json),
      mentionCount: r.mention_count,
    }),
  );
  const links = (
    prepare(
      `SELECT k.article_id, k.local_id, k.key, k.name, k.type, k.rule, k.reason
       FROM entity_articles ea CROSS JOIN entity_links k ON k.article_id = ea.article_id ORDER BY ea.seq, k.position`,
    ).all() as { article_id: string; local_id: string; key: string; name: string; type: EntityType; rule: EntityLink['rule']; reason: string }[]
  ).map((l) => ({ articleId: l.article_id, localId: l.local_id, name: l.name, type: l.type, key: l.key, rule: l.rule, reason: l.reason }));
  const merges = (
    prepare('SELECT from_key, to_key, article_id, reason FROM entity_merges ORDER BY seq').all() as {
      from_key: string;
      to_key: string;
      article_id: string;
      reason: string;
    }[]
  ).map((m) => ({ from: m.from_key, to: m.to_key, articleId: m.article_id, reason: m.reason }));
  const redirects = Object.fromEntries(
    (prepare('SELECT from_key, to_key FROM entity_redirects').all() as { from_key: string; to_key: string }[]).map((r) => [r.from_key, r.to_key]),
  );
  const articles = (
    prepare('SELECT article_id, language, published_at, story_id FROM entity_articles ORDER BY seq').all() as {
      article_id: string;
      language: string;
      published_at: string | null;
      story_id: string | null;
    }[]
  ).map((a) => ({ id: a.article_id, language: a.language, publishedAt: a.published_at, storyId: a.story_id }));
  return { version: 1, entities, links, merges, redirects, articles };
}
