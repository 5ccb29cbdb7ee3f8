// The data shapes of cross-article entity resolution: what goes into the resolver, what comes
// out of it, and the rows a store persists to continue it (see docs in src/corpus/entities/resolve.ts).
import type { EntityLayer, EntityType } from '../../types.ts';
import type { PersonGender } from '../../text/gender.ts';
import type { EntityLink, EntityMerge, EntitySource } from '../../store/entity-records.ts';

export type { EntityExplanation, EntityLink, EntityMerge, EntitySource, Explanation, LinkRule } from '../../store/entity-records.ts';

/** One article's entity layer as the resolver needs it. */
export interface ArticleEntities {
  id: string;
  /** ISO 639-1 code of the article's language. */
  language: string;
  publishedAt: string | null;
  entities: EntityLayer[];
  /** The story the article belongs to, when stories are known before resolution (widens typo and surname context). */
  storyId?: string | null;
}

export interface ResolvedArticle {
  articleId: string;
  /** The article's entity layer with `key` set on every entity that has a usable name. */
  entities: EntityLayer[];
  links: EntityLink[];
  /** Merges of existing global entities this article caused (the store rewrites keys `from` -> `to`). */
  merges: EntityMerge[];
  /** Keys of the global entities this article created or changed. */
  changed: string[];
}

export interface GlobalEntity {
  /** Stable key: "per:benjamin-netanyahu", "country:IL", "demonym:IL", "org:icc", "loc:gaza-strip", "org:white-house". */
  key: string;
  /** Best name: the canonical English name for known countries, organisations and places, the fullest proper name for people. */
  name: string;
  type: EntityType;
  source: EntitySource;
  /** Names as written in the mentions (titles and possessives stripped), with mention counts, most frequent first. */
  aliases: { name: string; count: number }[];
  /** Roles and titles ("Prime Minister", "de premier") with counts, most frequent first. */
  roles: { role: string; count: number }[];
  articleIds: string[];
  /** Earliest and latest publishedAt of the articles naming the entity (null when none had a date). */
  firstSeen: string | null;
  lastSeen: string | null;
  mentionCount: number;
  /** Keys of entities merged into this one. */
  formerKeys: string[];
  /** For a nationality (demonym:IL, "Israeli"): the country it is the nationality of. */
  nationalityOf?: { key: string; name: string };
}

/** Everything the resolver knows, as plain rows: what a store persists to restart incrementally. */
export interface ResolverState {
  version: 1;
  entities: EntityRow[];
  links: EntityLink[];
  merges: EntityMerge[];
  /** Former key -> current key. */
  redirects: Record<string, string>;
  articles: { id: string; language: string; publishedAt: string | null; storyId: string | null }[];
}

export interface EntityRow {
  key: string;
  source: EntitySource;
  /** Canonical name for known entities, null for entities known by their names only. */
  canonicalName: string | null;
  canonicalType: EntityType | null;
  isPerson: boolean;
  /** Type votes (non-person entities can be tagged ORG in one article, LOC in another). */
  types: Partial<Record<EntityType, number>>;
  /** Cleaned entity names (the layer's `name`) with counts: what matching uses. */
  names: Record<string, number>;
  /** Cleaned mention texts with counts: what lists show. */
  surfaces: Record<string, number>;
  roles: Record<string, number>;
  /** Mentions whose title tells the person's gender ("Mr.", "Miss"). */
  genders: Partial<Record<PersonGender, number>>;
  mentionCount: number;
}
