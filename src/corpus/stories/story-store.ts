// What a store offers for stories (Store.stories): placing articles, rebuilding, and the JSON views
// the CLI prints and the API serves. The views are the plain functions of api.ts over a StorySource;
// an implementation only has to provide the source and the writes.
import type { AnalyzedArticle } from '../../types.ts';
import type { ComparisonView, MemberRecord, StoriesList, StoryDetail, TimelineQuery, TimelineView } from './api.ts';

export interface AttachSummary {
  /** Articles placed by this call. */
  attached: number;
  /** Articles skipped: already placed, or not stored. */
  skipped: number;
  /** Events and storylines started by this call. */
  newEvents: number;
  newStorylines: number;
  seconds: number;
}

export interface StoryStore {
  /** Places stored articles (in the order given) in events and storylines; placed ones are skipped. */
  attach(articleIds: string[]): Promise<AttachSummary>;
  /** Forgets every event and storyline and places every stored article again, in ingest order. */
  restory(opts?: { onProgress?: (done: number, total: number) => void }): Promise<AttachSummary>;
  /** Storylines, most recently active first, with their events and sources (`dossier stories --json`). */
  list(page?: { limit?: number; offset?: number }): Promise<StoriesList>;
  /** One event or storyline (id or unique prefix): events, sources, articles, timeline (`dossier story`). */
  detail(id: string): Promise<StoryDetail | null>;
  /** Timeline of a story or an entity (`dossier timeline`). */
  timeline(q: TimelineQuery): Promise<TimelineView | null>;
  /** Source comparison of a story: figures, voice, coverage (`dossier compare`). */
  compare(id: string): Promise<ComparisonView | null>;
  /** The placement of each given article (every placed article when omitted), in placement order. */
  placements(articleIds?: string[]): Promise<MemberRecord[]>;
  /** The stored articles of a story (every stored article when omitted), in ingest order, for export. */
  articlesOf(story?: string): AsyncIterable<AnalyzedArticle>;
}
