// The corpus-wide entity index as every store persists it (tables of SQLite migration 003 /
// PostgreSQL migration 002, same columns): the bookkeeping of one ingest batch, the rows written
// for an entity, the resolver state read back, and the public view of a stored entity. Pure
// functions and plain data: each store runs the SQL its own way.
import { nationalityOf } from '../corpus/entities/demonym-forms.ts';
import type { ArticleEntities, EntityLink, EntityRow, ResolvedArticle, ResolverState } from '../corpus/entities/model.ts';
import { foldName } from '../text/fold.ts';
import type { EntityResolver } from '../corpus/entities/resolve.ts';
import type { EntityType } from '../types.ts';
import { NOT_SEEN, type Seen, entityDisplayName, entityDisplayType, joinSeen, seenWith } from './entity-view.ts';
import { foldForSearch as fold } from '../text/fold.ts';
import type { EntitySummary } from './store.ts';

/** Entity tables emptied by a rebuild, children first. */
export const ENTITY_TABLES = ['entity_links', 'entity_merges', 'entity_redirects', 'entity_names', 'entities', 'entity_articles'];

/** What the resolver needs of an article. Stories are not known at ingest yet. */
export function articleEntities(a: Pick<ArticleEntities, 'id' | 'language' | 'publishedAt' | 'entities'>): ArticleEntities {
  return { id: a.id, language: a.language, publishedAt: a.publishedAt, entities: a.entities, storyId: null };
}

/** Refuses an entity layer with two entities of one id (their links would collide). */
export function checkLocalIds(article: ArticleEntities): void {
  const ids = new Set<string>();
  for (const e of article.entities) {
    if (ids.has(e.id)) throw new Error(`its entity layer has two entities with id "${e.id}"`);
    ids.add(e.id);
  }
}

/** The stored row of an entity before a batch changes it (null for a new one). */
export interface StoredEntity {
  ord: number;
  article_count: number;
  first_seen: string | null;
  last_seen: string | null;
  names_json: string;
  surfaces_json: string;
}

/** What to write for one entity at the end of a batch. */
export interface EntityWrite {
  row: EntityRow;
  /** Recompute its articles and dates from the links (a merge target) instead of adding the batch's. */
  fromLinks: boolean;
}

/**
 * What one ingest batch did to the entity index, kept while its articles are resolved one by one:
 * keys linked or created, merge targets, and the articles and dates it added to each key.
 */
export class EntityBatchLog {
  private readonly changed = new Set<string>();
  private readonly recompute = new Set<string>();
  private readonly seen = new Map<string, Seen>();
  added = 0;

  /** Records an article the resolver placed (after its merges were applied). */
  resolved(article: ArticleEntities, res: ResolvedArticle): void {
    for (const key of new Set(res.links.map((l) => l.key))) this.seen.set(key, seenWith(this.seen.get(key) ?? NOT_SEEN, article.publishedAt));
    for (const key of res.changed) this.changed.add(key);
    this.added++;
  }

  merged(to: string): void {
    this.recompute.add(to);
  }

  /** The entities to write: every changed key still current, in order of first appearance. */
  writes(resolver: EntityResolver): EntityWrite[] {
    const alive = [...this.changed].filter((k) => resolver.current(k) === k);
    const recompute = new Set([...this.recompute].map((k) => resolver.current(k)));
    return resolver.entityRows(alive).map((row) => ({ row, fromLinks: recompute.has(row.key) }));
  }

  /** Articles and dates of an entity not recomputed from links: the stored ones plus this batch's. */
  seenOf(key: string, before: StoredEntity | undefined): Seen {
    const stored = before ? { articleCount: before.article_count, firstSeen: before.first_seen, lastSeen: before.last_seen } : NOT_SEEN;
    return joinSeen(stored, this.seen.get(key) ?? NOT_SEEN);
  }
}

/** The columns of an `entities` row. */
export function entityColumns(row: EntityRow, ord: number, seen: Seen): Record<string, string | number | null> {
  const name = entityDisplayName(row);
  return {
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
  };
}

/** The `entity_names` rows an entity gains: its names and mention texts the stored row did not have. */
export function newEntityNames(row: EntityRow, before: StoredEntity | undefined): { key: string; kind: 'name' | 'surface'; text: string; folded: string }[] {
  const out: { key: string; kind: 'name' | 'surface'; text: string; folded: string }[] = [];
  const known = before ? { name: JSON.parse(before.names_json), surface: JSON.parse(before.surfaces_json) } : { name: {}, surface: {} };
  for (const kind of ['name', 'surface'] as const) {
    for (const text of Object.keys(kind === 'name' ? row.names : row.surfaces)) {
      if (!(text in known[kind])) out.push({ key: row.key, kind, text, folded: foldName(text) });
    }
  }
  return out;
}

/** A whole resolver state as rows: links grouped by article, and the articles and dates of each key. */
export function stateRows(state: ResolverState): { linksByArticle: EntityLink[][]; seen: Map<string, Seen> } {
  const published = new Map(state.articles.map((a) => [a.id, a.publishedAt]));
  const seen = new Map<string, Seen>();
  const lastArticle = new Map<string, string>();
  const linksByArticle: EntityLink[][] = [];
  let start = 0;
  for (let i = 1; i <= state.links.length; i++) {
    if (i < state.links.length && state.links[i].articleId === state.links[start].articleId) continue;
    const links = state.links.slice(start, i);
    linksByArticle.push(links);
    for (const l of links) {
      // Count each article once per key.
      if (lastArticle.get(l.key) === l.articleId) continue;
      lastArticle.set(l.key, l.articleId);
      seen.set(l.key, seenWith(seen.get(l.key) ?? NOT_SEEN, published.get(l.articleId) ?? null));
    }
    start = i;
  }
  return { linksByArticle, seen };
}

/** The resolver's columns of an `entities` row, as read back. */
export interface EntityStateRow {
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

export const ENTITY_STATE_COLUMNS =
  'key, source, canonical_name, canonical_type, is_person, mention_count, types_json, names_json, surfaces_json, roles_json, genders_json';

export function toEntityRow(r: EntityStateRow): EntityRow {
  return {
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
  };
}

export interface LinkDbRow {
  article_id: string;
  local_id: string;
  key: string;
  name: string;
  type: EntityType;
  rule: EntityLink['rule'];
  reason: string;
}

export const LINK_COLUMNS = 'article_id, local_id, key, name, type, rule, reason';

export function toLink(l: LinkDbRow): EntityLink {
  return { articleId: l.article_id, localId: l.local_id, name: l.name, type: l.type, key: l.key, rule: l.rule, reason: l.reason };
}

/** The public columns of an `entities` row (alias e). */
export interface EntitySummaryRow {
  key: string;
  name: string;
  type: EntityType;
  source: EntitySummary['source'];
  mention_count: number;
  article_count: number;
  first_seen: string | null;
  last_seen: string | null;
  surfaces_json: string;
  roles_json: string;
}

export const ENTITY_SUMMARY_COLUMNS =
  'e.key, e.name, e.type, e.source, e.mention_count, e.article_count, e.first_seen, e.last_seen, e.surfaces_json, e.roles_json';

/** Most frequent first, ties in locale order (as the resolver's view). */
function byCount<T>(rows: T[], count: (r: T) => number, text: (r: T) => string): T[] {
  return rows.sort((a, b) => count(b) - count(a) || text(a).localeCompare(text(b)));
}

export function toEntitySummary(r: EntitySummaryRow): EntitySummary {
  const aliases = Object.entries(JSON.parse(r.surfaces_json) as Record<string, number>).map(([name, count]) => ({ name, count }));
  const roles = Object.entries(JSON.parse(r.roles_json) as Record<string, number>).map(([role, count]) => ({ role, count }));
  return {
    key: r.key,
    name: r.name,
    type: r.type,
    source: r.source,
    aliases: byCount(aliases, (a) => a.count, (a) => a.name),
    roles: byCount(roles, (x) => x.count, (x) => x.role),
    articleCount: r.article_count,
    mentionCount: r.mention_count,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    ...(r.source === 'demonym' && nationalityOf(r.key) ? { nationalityOf: nationalityOf(r.key) } : {}),
  };
}

/**
 * The queries that read the resolver's state back (the same SQL in every store), assembled by
 * `stateFromRows`. `join` joins the links to their articles: SQLite passes "CROSS JOIN" to read the
 * articles outermost, in resolution order.
 */
export function entityStateQueries(join = 'JOIN') {
  return {
    entities: `SELECT ${ENTITY_STATE_COLUMNS} FROM entities ORDER BY ord`,
    links: `SELECT k.article_id, k.local_id, k.key, k.name, k.type, k.rule, k.reason
      FROM entity_articles ea ${join} entity_links k ON k.article_id = ea.article_id ORDER BY ea.seq, k.position`,
    merges: 'SELECT from_key, to_key, article_id, reason FROM entity_merges ORDER BY seq',
    redirects: 'SELECT from_key, to_key FROM entity_redirects',
    articles: 'SELECT article_id, language, published_at, story_id FROM entity_articles ORDER BY seq',
  } as const;
}

export interface EntityStateRows {
  entities: EntityStateRow[];
  links: LinkDbRow[];
  merges: { from_key: string; to_key: string; article_id: string; reason: string }[];
  redirects: { from_key: string; to_key: string }[];
  articles: { article_id: string; language: string; published_at: string | null; story_id: string | null }[];
}

/** The resolver's state from the rows of `entityStateQueries`: what `EntityResolver.fromState` continues from. */
export function stateFromRows(r: EntityStateRows): ResolverState {
  return {
    version: 1,
    entities: r.entities.map(toEntityRow),
    links: r.links.map(toLink),
    merges: r.merges.map((m) => ({ from: m.from_key, to: m.to_key, articleId: m.article_id, reason: m.reason })),
    redirects: Object.fromEntries(r.redirects.map((x) => [x.from_key, x.to_key])),
    articles: r.articles.map((a) => ({ id: a.article_id, language: a.language, publishedAt: a.published_at, storyId: a.story_id })),
  };
}
