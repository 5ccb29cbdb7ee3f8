// The corpus-wide entity index as every store persists it (tables of SQLite migration 003 /
// PostgreSQL migration 002, same columns): the bookkeeping of one ingest batch, the rows written
// for an entity, the resolver state read back, and the public view of a stored entity. Pure
// functions and plain data: each store runs the SQL its own way.
import { nationalityOf } from '../corpus/entities/demonym-forms.ts';
import type { ArticleEntities, EntityLink, EntityRow, ResolvedArticle, ResolverState } from '../corpus/entities/model.ts';
import { foldName } from '../corpus/entities/normalise.ts';
import type { EntityResolver } from '../corpus/entities/resolve.ts';
import type { EntityType } from '../types.ts';
import { NOT_SEEN, type Seen, entityDisplayName, entityDisplayType, joinSeen, seenWith } from './entity-view.ts';
import { fold } from './fold.ts';
import type { EntitySummary } from './store.ts';

/** Entity tables emptied by a rebuild, children first. */
export const ENTITY_TABLES = ['entity_links', 'entity_merges', 'entity_redirects', 'entity_names', 'entities', 'entity_articles'];

/** The stored row of an entity before a batch changes it (null for a new one). */
export interface StoredEntity {
  ord: number;
  article_count: number;
  first_seen: string | null;
  last_seen: string | null;
  names_json: string;
  surfaces_json: string;
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
