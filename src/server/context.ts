// What every route module receives. A new area (stories, entities) is one module in routes/ that
// takes this context and is listed in routes/index.ts.
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import type { ArticleFilter, Page, Store } from '../store/store.ts';
import type { AnalysisPool } from '../pipeline/analysis-pool.ts';
import type { ReanalysisJob } from './reanalysis.ts';
import type { FilterQS } from './schemas.ts';
import type { Fetcher } from '../fetch/index.ts';

export interface UploadLimits {
  /** Largest request body of an upload (JSON or multipart), in bytes. */
  bytes: number;
  /** Most files in one multipart upload. */
  files: number;
  /** Most articles in one JSON upload. */
  articles: number;
}

export interface ServerContext {
  store: Store;
  /** onRequest hook of every write route (see auth.ts). */
  requireWrite: onRequestHookHandler;
  /** True when write routes need a bearer token. */
  writeRequiresToken: boolean;
  reanalysis: ReanalysisJob;
  upload: UploadLimits;
  /** The server's analysis worker threads, started at the first upload and kept for the next ones:
   *  articles are never analysed on the thread that answers requests. */
  analysisPool(): AnalysisPool;
  /** The server's one polite fetcher (polling sources), made at the first poll. */
  fetcher(): Fetcher;
  /** Told when a source is added (a server that follows sources polls it at once). */
  sourceAdded(): void;
  /** The PostgreSQL URL of the corpus, whose job queue GET /api/queue shows (none for SQLite). */
  queueDb?: string;
}

export type RouteModule = (app: FastifyInstance, ctx: ServerContext) => void | Promise<void>;

/** The store filter and page from the shared query parameters. */
export function articleFilter(q: FilterQS): ArticleFilter & Page {
  return { language: q.lang, source: q.source, entity: q.entity, from: q.from, to: q.to, limit: q.limit, offset: q.offset };
}
