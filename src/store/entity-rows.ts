// The rows of the corpus-wide entity index as every store persists it (tables of SQLite migration
// 003 / PostgreSQL migration 002, same columns) and the queries that read the resolver's state
// back. Plain data: each store runs the SQL its own way; what the rows mean is the business of
// the corpus's entity stage.
import type { EntityType } from '../types.ts';
import type { EntityLink, EntitySource } from './entity-records.ts';

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
  source: EntitySource;
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
  source: EntitySource;
  mention_count: number;
  article_count: number;
  first_seen: string | null;
  last_seen: string | null;
  surfaces_json: string;
  roles_json: string;
}

export const ENTITY_SUMMARY_COLUMNS =
  'e.key, e.name, e.type, e.source, e.mention_count, e.article_count, e.first_seen, e.last_seen, e.surfaces_json, e.roles_json';

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
