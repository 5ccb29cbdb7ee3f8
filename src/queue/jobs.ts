// What a job carries, checked when a worker takes it: a job is data from the database, so a
// malformed one fails alone with an error naming the field instead of stopping the worker.
import { z } from 'zod/v4';
import type { AnalyzedArticle, RawArticle } from '../types.ts';

const rawArticle = z.object({
  file: z.string(),
  position: z.number().int().optional(),
  format: z.enum(['txt', 'html', 'jsonl', 'rss', 'atom']),
  raw: z.string(),
  original: z.string(),
  meta: z.object({}).passthrough(),
  encoding: z.string().optional(),
});

/** An article to analyse: its place in the ingest run (`run`, `seq`), its content hash and input. */
const analyseJob = z.object({
  run: z.number().int().positive(),
  seq: z.number().int().nonnegative(),
  hash: z.string().regex(/^[0-9a-f]{16,64}$/),
  raw: rawArticle,
});

/** An analysed article for the writer; the document itself was made by the analysis (not re-checked). */
const writeJob = analyseJob.extend({ article: z.object({ id: z.string(), text: z.string() }).passthrough() });

export interface AnalyseJob {
  run: number;
  seq: number;
  hash: string;
  raw: RawArticle;
}

export interface WriteJob extends AnalyseJob {
  article: AnalyzedArticle;
}

function check<T>(schema: z.ZodType, data: unknown, what: string): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return data as T;
  const issue = parsed.error.issues[0];
  throw new Error(`malformed ${what} job: ${issue.path.join('.') || '(data)'}: ${issue.message}`);
}

export const parseAnalyseJob = (data: unknown) => check<AnalyseJob>(analyseJob, data, 'analysis');
export const parseWriteJob = (data: unknown) => check<WriteJob>(writeJob, data, 'write');

/** Where a dead-lettered analysis job belonged, read leniently: it may be the malformed job itself. */
export function deadJobPlace(data: unknown): { run: number; seq: number; file: string; position?: number } | null {
  const d = data as { run?: unknown; seq?: unknown; raw?: { file?: unknown; position?: unknown } } | null;
  if (!d || !Number.isInteger(d.run) || !Number.isInteger(d.seq)) return null;
  const file = typeof d.raw?.file === 'string' ? d.raw.file : '(unknown file)';
  return { run: d.run as number, seq: d.seq as number, file, ...(Number.isInteger(d.raw?.position) ? { position: d.raw!.position as number } : {}) };
}

/**
 * The job id of article `seq` of run `run`: a UUID whose bytes sort by run, then seq, so workers take
 * a run's articles in input order (pg-boss fetches by creation time, then id), and a job sent twice
 * (a retried analysis sending its write job again) is one job (pg-boss ignores a duplicate id).
 */
export function jobId(kind: 'analyse' | 'write', run: number, seq: number): string {
  const hex = run.toString(16).padStart(12, '0') + (kind === 'analyse' ? 'a' : 'b') + seq.toString(16).padStart(19, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
