// The shapes of story building: what an article contributes (features), what an event or
// storyline remembers (cluster state), and what the index behind the clustering must answer.
// See README.md in this folder for the algorithm.

/** Feature kinds; a feature is a string "<kind>:<value>" ("e:country:IL", "t:ceasefire", "f:60|truce", "d:2025-09-29"). */
export type FeatureKind = 'e' | 't' | 'f' | 'd';

/** When an article says its happening took place, as far as the article tells. */
export interface ArticleWhen {
  /** A full day (YYYY-MM-DD): the publication date, else the first full date in the lead. */
  day: string | null;
  /** A day without a year (MM-DD), from a lead date like "Feb. 4" in an undated article. */
  monthDay: string | null;
  /** Where `day` or `monthDay` came from. */
  from: 'published' | 'text' | null;
}

/** What one article brings to clustering. Weights are raw (term-frequency like); idf is applied later. */
export interface ArticleFeatures {
  id: string;
  language: string;
  source: string | null;
  when: ArticleWhen;
  /** Feature -> raw weight. */
  features: Map<string, number>;
  /** Entity features -> display name ("e:sur:netanyahu" -> "Benjamin Netanyahu"), for labels. */
  names: Map<string, string>;
}

export type { ClusterLevel } from '../../store/story-tables.ts';
import type { ClusterLevel, ClusterMergeRow as ClusterMerge } from '../../store/story-tables.ts';

/** An event or a storyline as the clustering keeps it. */
export interface ClusterState {
  id: string;
  level: ClusterLevel;
  /** For an event, its storyline; null for a storyline. */
  parent: string | null;
  /** Articles in the cluster. */
  size: number;
  /** Sum of the members' weighted, per-kind normalised feature vectors, cut to the strongest features. */
  vec: Record<string, number>;
  /** Length of each kind's part of `vec` (kept with it: similarity visits only the article's features). */
  norms: Record<FeatureKind, number>;
  /** Display names of the entity features in `vec`. */
  names: Record<string, string>;
  /** Earliest and latest member day (ISO), null when no member is dated. */
  first: string | null;
  last: string | null;
  /** Month-days (MM-DD) of members that have only those. */
  monthDays: string[];
  /** Article counts per language and per source ("" for unknown source). */
  languages: Record<string, number>;
  /** Sequence number of the article that last changed the cluster (recency, for candidate lookup). */
  touched: number;
  /** Sequence number of the article that started it. */
  created: number;
}

/** Why an article was placed where it was: the channels of the cluster it joined (or the best it did not). */
export interface PlacementReason {
  e: number;
  t: number | null;
  f: number | null;
  d: number | null;
  score: number | null;
}

/** The decision for one article and everything the index must write for it. */
export interface Placement {
  articleId: string;
  seq: number;
  eventId: string;
  storylineId: string;
  newEvent: boolean;
  newStoryline: boolean;
  /** Channels of the event and the storyline joined (or of the best candidate when a new one was started). */
  eventReason: PlacementReason | null;
  storylineReason: PlacementReason | null;
  /** The event and storyline after the article was added. */
  event: ClusterState;
  storyline: ClusterState;
  /** Clusters the article showed to be one, in the order merged: `from` is absorbed into `into`
   *  (its members, postings and, for a storyline, its events move there; `from` is gone). */
  merges: ClusterMerge[];
  /** Every feature of the article (their document frequencies go up by one). */
  features: string[];
  /** Features under which the event and the storyline are found from now on. */
  postings: string[];
  when: ArticleWhen;
  language: string;
  source: string | null;
}

/** One cluster absorbed into another of the same level. `features` are those of the absorbed
 *  cluster's vector: its postings under these move to `into` (others are left to point at a cluster
 *  that is gone, which lookups skip). */
export type { ClusterMergeRow as ClusterMerge } from '../../store/story-tables.ts';

type Awaitable<T> = T | Promise<T>;

/**
 * The inverted index and cluster memory behind incremental clustering. Implementations: memory
 * (memory-index.ts: tests, benchmarks) and a store's tables (table-index.ts). One writer places one
 * article at a time; placing reads through it in three rounds (df, postings, clusters) and commits.
 */
export interface StoryIndex {
  /** Articles placed so far and the document frequency of each given feature (absent = 0). */
  df(features: string[]): Awaitable<{ docs: number; df: Map<string, number> }>;
  /** For each level and feature, the ids of the `perFeature` clusters of that level most recently indexed under it. */
  postings(features: string[], perFeature: number): Awaitable<Record<ClusterLevel, Map<string, string[]>>>;
  /** Cluster states by id and the storyline of each event among them (unknown ids are left out). */
  clusters(ids: string[]): Awaitable<ClusterState[]>;
  /** Sequence number of the next article (1, 2, …). */
  nextSeq(): number;
  /** Writes a placement: membership, clusters, postings and document frequencies. */
  commit(p: Placement): Awaitable<void>;
}
