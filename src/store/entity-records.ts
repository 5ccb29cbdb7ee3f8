// The records of the entity index that the store keeps and serves (links, merges, explanations),
// declared here so that storage needs nothing of the entity stage (the corpus's entity stage), which
// produces them and re-exports them from its model.ts.
import type { EntityType } from '../types.ts';

/** How a local entity was linked to its global entity. */
export type LinkRule =
  | 'new'
  | 'same-name'
  | 'same-first-last-name'
  | 'organisation-alias'
  | 'place-alias'
  | 'country-alias'
  | 'demonym'
  | 'short-name-in-article'
  | 'acronym-in-article'
  | 'surname-in-article'
  | 'surname-in-story'
  | 'surname-unique'
  | 'surname-evidence'
  | 'typo-in-article'
  | 'typo-in-story'
  | 'first-name-in-article';

/** The link of one local entity of one article to a global entity, with its reason. */
export interface EntityLink {
  articleId: string;
  /** Id of the entity in the article's layer. */
  localId: string;
  /** Name of the entity in the article's layer. */
  name: string;
  type: EntityType;
  key: string;
  rule: LinkRule;
  reason: string;
}

/** Two global entities found to be one after both existed; `from` now redirects to `to`. */
export interface EntityMerge {
  from: string;
  to: string;
  /** The article whose resolution caused the merge. */
  articleId: string;
  reason: string;
}

export type EntitySource = 'country' | 'organisation' | 'place' | 'demonym' | 'name';

export interface EntityExplanation {
  key: string;
  name: string;
  type: EntityType;
  /** Every local entity linked to it, in order of resolution, with the reason. */
  links: EntityLink[];
  /** Entities merged into it and why. */
  merges: EntityMerge[];
}

export interface Explanation {
  query: string;
  /** The global entities the query names (several when it is ambiguous, such as a shared surname). */
  entities: EntityExplanation[];
}
