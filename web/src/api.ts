// The UI's client for the JSON API. The types are the API contract (src/api), the one source the
// server's schemas come from too, so the UI and the server cannot drift apart silently. Type-only
// imports: zod stays out of the bundle.
import type {
  AmbiguousEntity,
  ArticlePage,
  ArticleSummary,
  CooccurringEntity,
  EntityCooccurrenceResponse as CooccurrenceResponse,
  EntityDetailResponse,
  EntityExplanationResponse as EntityExplainResponse,
  EntityLink,
  EntityList,
  EntitySummary,
  FacetCount,
  FigurePage,
  FigureRow,
  Info as ServerInfo,
  MentionRow,
  QuotePage,
  QueueStatus,
  QuoteRow,
  ReanalysisStatus,
  SearchFacets,
  SearchHit,
  SearchResponse,
  Stats as CorpusStats,
  StoredArticle,
  StoreStats,
  TimeRow,
  UploadResult,
  Source,
  SourceList,
  PollReportView,
  AddSourceBody,
} from '../../src/api/index.ts';

export type { ArticleSummary, FacetCount, FigureRow, QuoteRow, SearchFacets, SearchHit, StoreStats, StoredArticle, TimeRow };
export type { CooccurringEntity, EntityLink, EntitySummary, MentionRow };
export type { QueueStatus, ReanalysisStatus };
export type { AddSourceBody, PollReportView, Source };
export type { AmbiguousEntity, CooccurrenceResponse, CorpusStats, EntityDetailResponse, EntityExplainResponse, EntityList, SearchResponse, ServerInfo, UploadResult };

/** The UI address of an entity (keys keep their readable colon: /entities/per:benjamin-netanyahu). */
export const entityHref = (key: string) => `/entities/${encodeURIComponent(key).replace(/%3A/gi, ':')}`;

/** The shared filters and paging, as query parameters (repeatable `lang` and `source`). */
export interface Filters {
  lang?: string[];
  source?: string[];
  /** A global entity key (per:benjamin-netanyahu). */
  entity?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export class ApiError extends Error {
  constructor(
    public status: number,
    message: string,
    /** The JSON error body (a 409 for an ambiguous entity name lists `candidates`). */
    public body: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Params = Record<string, string | number | string[] | undefined | null>;

export function queryString(params: Params): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const x of v) qs.append(k, x);
    else qs.append(k, String(v));
  }
  const s = qs.toString();
  return s ? `?${s}` : '';
}

async function request<T>(path: string, init: RequestInit = {}, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, signal, headers: { Accept: 'application/json', ...init.headers } });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'the Dossier server cannot be reached — is it still running?');
  }
  const body = (await res.json().catch(() => null)) as (T & { message?: string }) | null;
  if (!res.ok) throw new ApiError(res.status, body?.message ?? `${res.status} ${res.statusText}`, body);
  return body as T;
}

/** GET of a JSON route with its query parameters. */
export const getJson = <T>(path: string, params: Params = {}, signal?: AbortSignal) => request<T>(`${path}${queryString(params)}`, {}, signal);

const TOKEN_KEY = 'dossier.token';
export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY) ?? '',
  set: (t: string) => (t ? sessionStorage.setItem(TOKEN_KEY, t) : sessionStorage.removeItem(TOKEN_KEY)),
};
const authHeaders = (): Record<string, string> => (token.get() ? { Authorization: `Bearer ${token.get()}` } : {});

export const api = {
  info: (signal?: AbortSignal) => getJson<ServerInfo>('/api/info', {}, signal),
  stats: (signal?: AbortSignal) => getJson<CorpusStats>('/api/stats', {}, signal),
  articles: (f: Filters & { entity?: string }, signal?: AbortSignal) => getJson<ArticlePage>('/api/articles', { ...f }, signal),
  article: (id: string, signal?: AbortSignal) => getJson<StoredArticle>(`/api/articles/${encodeURIComponent(id)}`, {}, signal),
  search: (q: string, f: Filters, signal?: AbortSignal) => getJson<SearchResponse>('/api/search', { q, ...f }, signal),
  quotes: (f: Filters & { speaker?: string; kind?: string; article?: string }, signal?: AbortSignal) =>
    getJson<QuotePage>('/api/quotes', { ...f }, signal),
  figures: (f: Filters & { counts?: string; article?: string }, signal?: AbortSignal) => getJson<FigurePage>('/api/figures', { ...f }, signal),
  entities: (f: { type?: string; name?: string; limit?: number; offset?: number }, signal?: AbortSignal) => getJson<EntityList>('/api/entities', { ...f }, signal),
  entity: (key: string, page: { mentionsLimit?: number; mentionsOffset?: number; quotesLimit?: number; quotesOffset?: number }, signal?: AbortSignal) =>
    getJson<EntityDetailResponse>(`/api/entities/${encodeURIComponent(key)}`, { ...page }, signal),
  cooccurrence: (key: string, page: { limit?: number; offset?: number }, signal?: AbortSignal) =>
    getJson<CooccurrenceResponse>(`/api/entities/${encodeURIComponent(key)}/cooccurrence`, { ...page }, signal),
  explainEntity: (key: string, page: { limit?: number; offset?: number }, signal?: AbortSignal) =>
    getJson<EntityExplainResponse>(`/api/entities/${encodeURIComponent(key)}/explain`, { ...page }, signal),
  uploadJson: (articles: Record<string, string>[], source?: string) =>
    request<UploadResult>('/api/articles', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...authHeaders() },
      body: JSON.stringify({ articles, ...(source ? { source } : {}) }),
    }),
  uploadFiles: (files: File[], source?: string) => {
    const form = new FormData();
    if (source) form.append('source', source);
    for (const f of files) form.append('file', f, f.name);
    return request<UploadResult>('/api/articles', { method: 'POST', headers: authHeaders(), body: form });
  },
  reanalyze: () =>
    request<ReanalysisStatus>('/api/reanalyze', { method: 'POST', headers: { 'Content-Type': 'application/json', ...authHeaders() }, body: '{}' }),
  reanalysis: (signal?: AbortSignal) => getJson<ReanalysisStatus>('/api/reanalyze', {}, signal),
  sources: (signal?: AbortSignal) => getJson<SourceList>('/api/sources', {}, signal),
  addSource: (body: AddSourceBody) =>
    request<Source>('/api/sources', { method: 'POST', headers: { 'Content-Type': 'application/json', ...authHeaders() }, body: JSON.stringify(body) }),
  removeSource: (id: number) => request<Source>(`/api/sources/${id}`, { method: 'DELETE', headers: authHeaders() }),
  pollSource: (id: number) => request<PollReportView>(`/api/sources/${id}/poll`, { method: 'POST', headers: authHeaders() }),
  queue: (signal?: AbortSignal) => getJson<QueueStatus>('/api/queue', {}, signal),
};
