// The records of the entity index that the store keeps and serves (links, merges, explanations),
// declared here so that storage needs nothing of the entity stage (the corpus's entity stage), which
// produces them and re-exports them from its model.ts.
import type { EntityType } from '../types.ts';

// Links, merges, link rules and identity sources are shapes the API returns: declared once, in src/api.
import type { EntityLink, EntityMerge } from '../api/entities.ts';

export type { EntityLink, EntityMerge, EntitySource, LinkRule } from '../api/entities.ts';

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
