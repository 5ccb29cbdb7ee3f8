// Ingest: new articles through the pipeline (run.ts). Articles are stored in batches, each one store
// transaction, so an interrupted ingest keeps every finished batch and a re-run skips them by content
// hash. Used by `dossier ingest`, `dossier serve` (examples) and the server's upload route.
import { readInputs, type ReadInputsOptions } from '../readers/index.ts';
import type { Store } from '../store/store.ts';
import type { InputError, RawArticle } from '../types.ts';
import { runPipeline, type PipelineFailure, type PipelineOptions } from './run.ts';

export interface IngestOptions extends ReadInputsOptions, Omit<PipelineOptions, 'onProgress'> {
  /** Overrides the source (outlet) name of every article. */
  source?: string;
  onProgress?: (p: IngestProgress) => void;
}

export interface IngestProgress {
  read: number;
  inserted: number;
  duplicates: number;
  errors: number;
  file: string;
}

export type IngestFailure = Omit<PipelineFailure, 'id'>;

export interface IngestSummary {
  read: number;
  inserted: number;
  duplicates: number;
  failures: IngestFailure[];
  insertedIds: string[];
  /** Articles an earlier, stopped ingest stored but did not place in stories, placed by this one. */
  placedLeftover?: number;
  seconds: number;
  bytes: number;
}

export async function ingestPaths(store: Store, paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  return ingestStream(store, readInputs(paths, opts), opts);
}

/** Ingests articles (and reader errors) from any source: files, stdin, uploads. */
export async function ingestStream(store: Store, inputs: AsyncIterable<RawArticle | InputError>, opts: IngestOptions = {}): Promise<IngestSummary> {
  const { onProgress, source, ...pipeline } = opts;
  const s = await runPipeline(store, { kind: 'new', inputs, source }, {
    ...pipeline,
    onProgress: onProgress && (({ stored, ...p }) => onProgress({ ...p, inserted: stored })),
  });
  return {
    read: s.read,
    inserted: s.stored,
    duplicates: s.duplicates,
    failures: s.failures,
    insertedIds: s.storedIds,
    ...(s.placedLeftover ? { placedLeftover: s.placedLeftover } : {}),
    seconds: s.seconds,
    bytes: s.bytes,
  };
}

export function describeFailure(f: IngestFailure): string {
  return `${f.file}${f.position !== undefined ? `:${f.position}` : ''}: ${f.reason}`;
}
