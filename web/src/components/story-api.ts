// The UI's client for the story routes (src/server/routes/stories.ts). The types are the API contract
// (src/api/stories.ts), which the story views and the route schemas use too, so the pages and the
// server cannot drift apart silently.
import { getJson } from '../api.ts';
import type {
  ArticleRef,
  ComparedSource,
  ComparisonView,
  EventSummary,
  FigureClaim,
  FigureRowView,
  SourceRef,
  SourceSummary,
  SourceVoice,
  StoriesListResponse as StoriesPage,
  StoryDetail,
  StorylineSummary,
  StorySpan as Span,
  TimelineEvidence,
  TimelineItem,
  TimelinePage,
} from '../../../src/api/stories.ts';

export type { ArticleRef, ComparedSource, ComparisonView, EventSummary, FigureClaim, FigureRowView, SourceRef, SourceSummary, SourceVoice, Span, StoryDetail, StorylineSummary, TimelineEvidence, TimelineItem };
export type { StoriesPage, TimelinePage };

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
