// The entity tables (entities, entity_names, entity_links, entity_merges, entity_redirects,
// entity_articles, entity_state) as the entity stage of the corpus (the corpus's entity stage) asks a
// store to keep them: the rows, and the reads and writes of resolving inside a write transaction
// (`Store.write` / `Store.ingest`), and the reads of the entity views (`Store.entityIndex`). Storage only: the resolver and what its rows mean are the corpus's.
import type { EntityLayer, EntityType } from '../types.ts';
import type { EntityLink, EntityMerge } from './entity-records.ts';
import type { EntityStateRow, EntityStateRows, EntitySummaryRow, LinkDbRow, StoredEntity } from './entity-rows.ts';
import type { MentionRow, QuoteRow } from '../api/index.ts';
import type { Page, RowsResult } from './shapes.ts';

/** A row of entity_articles: an article the resolver has seen, in resolution order (`seq`). */
export interface EntityArticleRow {
  seq: number;
  article_id: string;
  language: string;
  published_at: string | null;
  story_id: string | null;
}

/** A row of entity_links: one local entity of an article linked to its global entity (`position`: order in the article). */
export interface LinkRow {
  article_id: string;
  local_id: string;
  key: string;
  name: string;
  type: string;
  rule: string;
  reason: string;
  position: number;
}

/** A row of entity_merges: `from_key` merged into `to_key` while resolving `article_id`. */
export interface MergeRow {
  from_key: string;
  to_key: string;
  article_id: string;
  reason: string;
}

/** A row of entity_names: a name or mention text of an entity, folded for lookups. */
export interface EntityNameRow {
  key: string;
  kind: 'name' | 'surface';
  text: string;
  folded: string;
}

/** The columns of an entities row. */
export type EntityColumns = Record<string, string | number | null>;

/** A stored article's entity layer, as a rebuild reads it. */
export interface StoredEntityLayer {
  seq: number;
  id: string;
  language: string;
  published_at: string | null;
  entities: EntityLayer[];
}

/** A name part of an entity other than its names and mention texts (SQLite migration 008, entity_terms). */
export interface EntityTermRow {
  kind: 'first-last' | 'surname' | 'core' | 'part' | 'acronym' | 'last-name' | 'spelling' | 'typo';
  term: string;
  key: string;
}

/**
 * Synchronous point reads (and the term rows) of the entity tables, so that a resolver reads only
 * the entities an article can be linked to instead of loading every entity first. Every read is
 * by key or through an index; none reads a whole table.
 */
export interface EntityPointReads {
  /** The stored row of a current entity and its `ord`. */
  entity(key: string): { row: EntityStateRow; ord: number } | undefined;
  /** The current key a merged-away key leads to, or undefined. */
  redirect(key: string): string | undefined;
  /** Keys having a name ('name'), mention text ('surface') or term of this kind whose folded form is `term`. */
  keys(kind: 'name' | 'surface' | EntityTermRow['kind'], term: string): string[];
  /** Keys having a term of this kind equal to any of `terms` (one read). */
  keysOfTerms(kind: EntityTermRow['kind'], terms: string[]): string[];
  /** The links of a resolved article in layer order, or undefined when the resolver has not seen it. */
  articleLinks(articleId: string): LinkDbRow[] | undefined;
  /** The latest `limit` articles (by resolution order) linking any of `keys`, oldest first. */
  latestArticles(keys: string[], limit: number): string[];
  /** The keys each of these articles links (articles the resolver has not seen are left out). */
  articleKeys(ids: string[]): Map<string, string[]>;
  /** False while the term rows were derived by rules older than `version` (the corpus's `TERM_RULES_VERSION`), or not at all. */
  termsReady(version: number): boolean;
  /** Stored entity rows after `ord`, in `ord` order, at most `limit` (to fill the term table once). */
  entitiesAfter(ord: number, limit: number): { row: EntityStateRow; ord: number }[];
  /** Adds term rows (known ones are kept). */
  addTerms(rows: EntityTermRow[]): void;
  /** Deletes every term row (before they are derived again by newer rules). */
  clearTerms(): void;
  /** Marks the term table complete, derived by the rules of `version`. */
  markTermsReady(version: number): void;
  /** Point reads made since the store was opened (for tests and benches). */
  readonly reads: number;
}

/** What resolving entities reads and writes, inside one write transaction. */
export interface EntityTables {
  /** False when the schema has no entity tables (a SQLite store opened with custom migrations). */
  readonly available: boolean;
  /** Point reads for resolving without loading every entity (SQLite with migration 008); null: load the state (`stateRows`). */
  readonly pointReads: EntityPointReads | null;
  /** The counter every resolving transaction raises: a resolver in memory is current while it is unchanged. */
  generation(): Promise<number>;
  /** Raises the generation (and, after a rebuild, marks the index up to date); returns the new one. */
  nextGeneration(opts?: { rebuilt?: boolean }): Promise<number>;
  /** Every row the resolver's state is made of, in resolution order. */
  stateRows(): Promise<EntityStateRows>;
  /** The entity layers of stored articles after `seq`, in ingest order, at most `limit`. */
  layersAfter(seq: number, limit: number): Promise<StoredEntityLayer[]>;
  /** Empties every entity table. */
  clear(): Promise<void>;
  addArticles(rows: EntityArticleRow[]): Promise<void>;
  addLinks(rows: LinkRow[]): Promise<void>;
  addMerges(rows: MergeRow[]): Promise<void>;
  addRedirects(rows: { from_key: string; to_key: string }[]): Promise<void>;
  /** Applies one merge: links, redirects and names move to `to_key`, the merged entity goes; the merge is recorded. */
  merge(m: MergeRow): Promise<void>;
  /** The highest `ord` of a stored entity (0 when none). */
  maxOrd(): Promise<number>;
  /** The stored rows of these entities. */
  storedEntities(keys: string[]): Promise<Map<string, StoredEntity>>;
  /** Publication dates of the articles linked to an entity. */
  linkedDates(key: string): Promise<(string | null)[]>;
  /** Inserts or replaces entity rows, then adds names (known ones are kept). */
  writeEntities(rows: EntityColumns[], names: EntityNameRow[]): Promise<void>;
}

/** A stored entity named in the same articles as another one (see `EntityReads.cooccurring`). */
export interface CooccurringRow {
  key: string;
  name: string;
  type: EntityType;
  articleCount: number;
  mentionCount: number;
  sharedArticles: number;
}

/** What the entity views (the corpus's entity views) read (`Store.entityIndex`). */
export interface EntityReads {
  /** False when the schema has no entity tables (a SQLite store opened with custom migrations). */
  readonly available: boolean;
  /** True when stored analyses changed since the index was built. */
  stale(): Promise<boolean>;
  /** Entities of a type and/or containing a folded name (`name`: folded as a display name, `alias`: folded as a
   *  name or mention text), most widely reported first (article count, mention count, key). */
  list(q: { type?: string; name?: { name: string; alias: string }; limit: number; offset: number }): Promise<{ total: number; rows: EntitySummaryRow[] }>;
  /** The current key of a key that may have been merged away. */
  current(key: string): Promise<string>;
  /** The entity row of a current key. */
  row(key: string): Promise<EntitySummaryRow | undefined>;
  /** Keys having a name or mention text whose folded form is `folded`. */
  keysNamed(folded: string): Promise<string[]>;
  /** Names (kind 'name') of people that contain `folded`, with their keys. */
  personNamesContaining(folded: string): Promise<{ key: string; folded: string }[]>;
  /** Keys merged into `key`, in the order of the merges. */
  formerKeys(key: string): Promise<string[]>;
  /** Mentions of the entity in every article, newest article first, then in layer order. */
  mentions(key: string, page?: Page): Promise<RowsResult<MentionRow>>;
  /** Quotes whose speaker is linked to the entity, newest article first, then in text order. */
  quotes(key: string, page?: Page): Promise<RowsResult<QuoteRow>>;
  /** The entity's links, in order of resolution. */
  linksOf(key: string): Promise<EntityLink[]>;
  /** The merges into the entity (and into the keys merged into it), in order. */
  mergesInto(key: string): Promise<EntityMerge[]>;
  /** Entities sharing an article with `key`: by shared articles, article count, mention count, key. */
  cooccurring(key: string, page: { limit: number; offset: number }): Promise<{ total: number; items: CooccurringRow[] }>;
  /** For every pair among `keys` named together anywhere: the articles naming both (a < b), most first. */
  edges(keys: string[]): Promise<{ a: string; b: string; sharedArticles: number }[]>;
  /** The links of one article's local entities, in layer order. */
  articleLinks(articleId: string): Promise<EntityLink[]>;
}
