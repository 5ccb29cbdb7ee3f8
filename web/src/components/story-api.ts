// The UI's client for the story routes (src/server/routes/stories.ts). The types are the story views
// of src/corpus/stories/api.ts, so the pages and the server cannot drift apart silently.
import { getJson } from '../api.ts';
import type { ArticleRef, ComparisonView, EventSummary, SourceSummary, StoryDetail, StorylineSummary, TimelineView } from '../../../src/corpus/stories/api.ts';
import type { FigureClaim, FigureRowView } from '../../../src/corpus/stories/figures.ts';
import type { Span } from '../../../src/corpus/stories/labels.ts';
import type { SourceRef } from '../../../src/corpus/stories/sources.ts';
import type { TimelineEvidence, TimelineItem } from '../../../src/corpus/stories/timeline.ts';
import type { SourceVoice } from '../../../src/corpus/stories/compare.ts';

export type { ArticleRef, ComparisonView, EventSummary, FigureClaim, FigureRowView, SourceRef, SourceSummary, SourceVoice, Span, StoryDetail, StorylineSummary, TimelineEvidence, TimelineItem };

export interface StoriesPage {
  total: number;
  limit: number;
  offset: number;
  /** Stored articles not placed in any storyline yet. */
  unplaced: number;
  sourceBasis: StoryDetail['sourceBasis'];
  note: string;
  items: StorylineSummary[];
}

export interface TimelinePage extends TimelineView {
  total: number;
  limit: number;
  offset: number;
}

const storyPath = (id: string) => `/api/stories/${encodeURIComponent(id)}`;

export const storyApi = {
  list: (page: { limit?: number; offset?: number }, signal?: AbortSignal) => getJson<StoriesPage>('/api/stories', { ...page }, signal),
  detail: (id: string, signal?: AbortSignal) => getJson<StoryDetail>(storyPath(id), {}, signal),
  timeline: (id: string, page: { limit?: number; offset?: number }, signal?: AbortSignal) => getJson<TimelinePage>(`${storyPath(id)}/timeline`, { ...page }, signal),
  compare: (id: string, signal?: AbortSignal) => getJson<ComparisonView>(`${storyPath(id)}/compare`, {}, signal),
  entityTimeline: (key: string, page: { limit?: number; offset?: number; articles?: number }, signal?: AbortSignal) =>
    getJson<TimelinePage>(`/api/entities/${encodeURIComponent(key)}/timeline`, { ...page }, signal),
};

/** The UI address of a storyline or event. */
export const storyHref = (id: string) => `/stories/${encodeURIComponent(id)}`;
