// Upload: articles as JSON or as files (multipart), read by the same readers as the CLI and sent
// through the same pipeline as `dossier ingest` (src/pipeline). Answers with what became of each article and why any input could not be read.
import type { FastifyRequest } from 'fastify';
import { articleId, contentHash } from '../../analyze.ts';
import { describeFailure, ingestStream } from '../../pipeline/ingest.ts';
import { readBuffer } from '../../readers/index.ts';
import type { AnalysisPool } from '../../pipeline/analysis-pool.ts';
import type { Store } from '../../store/store.ts';
import type { InputError, RawArticle } from '../../types.ts';
import type { RouteModule } from '../context.ts';
import { badRequest, HttpError } from '../errors.ts';
import { uploadBody, uploadForm, uploadResultSchema, type UploadBody, type UploadItem, type UploadResult } from '../../api/upload.ts';
import { errors, requestSchema, ref } from '../schemas.ts';

/** Ingests inputs, remembering the id of every article read so duplicates are reported by id too. */
async function ingestAndReport(store: Store, pool: AnalysisPool, inputs: AsyncIterable<RawArticle | InputError>, source: string | undefined) {
  const seen: { id: string; file: string; position?: number }[] = [];
  async function* tap() {
    for await (const input of inputs) {
      if (!(input instanceof Error)) seen.push({ id: articleId(contentHash(input)), file: input.file, position: input.position });
      yield input;
    }
  }
  // analysed on the server's worker threads: the request thread keeps answering meanwhile
  const summary = await ingestStream(store, tap(), { source, pool, yieldBetween: true });
  const inserted = new Set(summary.insertedIds);
  const articles: UploadItem[] = [];
  for (const s of seen) {
    const doc = await store.get(s.id);
    // The first occurrence of a new article was inserted; a repeat in the same upload is a duplicate.
    const status = inserted.delete(s.id) ? 'inserted' : doc ? 'duplicate' : 'failed';
    articles.push({ id: s.id, status, file: s.file, ...(s.position !== undefined ? { position: s.position } : {}), title: doc?.title ?? null });
  }
  return { read: summary.read, inserted: summary.inserted, duplicates: summary.duplicates, articles, failures: summary.failures, seconds: summary.seconds };
}

async function* concat(...sources: AsyncIterable<RawArticle | InputError>[]) {
  for (const s of sources) yield* s;
}

/** Reads a multipart upload: every file part, and an optional `source` field. */
async function readMultipart(req: FastifyRequest): Promise<{ files: { name: string; bytes: Buffer }[]; source?: string }> {
  const files: { name: string; bytes: Buffer }[] = [];
  let source: string | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        files.push({ name: part.filename || `upload-${files.length + 1}`, bytes });
      } else if (part.fieldname === 'source' && typeof part.value === 'string' && part.value.trim()) {
        source = part.value.trim().slice(0, 200);
      } else {
        throw badRequest(`unknown form field "${part.fieldname}" (send files, and optionally a "source" field)`);
      }
    }
  } catch (e) {
    // the parser's own errors (no boundary, truncated body) are the client's: a 400, not a 500
    if (e instanceof Error && !(e as { statusCode?: number }).statusCode) throw badRequest(`could not read the multipart body: ${e.message}`);
    throw e;
  }
  return { files, source };
}

/** Throws a 400 naming the first field whose value has another JSON type than the contract says
 *  (a number or an array for a string): the route schema's validator would coerce it. Other
 *  mistakes are left to that validator and its messages. */
function strictBody(limit: number, body: unknown): void {
  const r = uploadBody(limit).safeParse(body);
  if (r.success) return;
  const issue = r.error.issues.find((i) => i.code === 'invalid_type');
  if (!issue) return;
  const where = ['body', ...issue.path.map(String)].join('/');
  throw badRequest(`${where} ${issue.message}`);
}

export const uploadRoutes: RouteModule = (app, { store, requireWrite, upload, analysisPool }) => {
  app.post<{ Body: UploadBody | undefined; Reply: UploadResult }>(
    '/api/articles',
    {
      onRequest: requireWrite,
      // A multipart body is read by the handler, part by part; there is nothing to validate before.
      // A JSON body is checked against the contract as sent, before the route schema's validator,
      // which would coerce types ({"text": 5} would become the article "5").
      preValidation: async (req) => {
        if (req.isMultipart()) req.body = {} as never;
        else if (req.body !== undefined && /^application\/json\b/i.test(req.headers['content-type'] ?? '')) strictBody(upload.articles, req.body);
      },
      bodyLimit: upload.bytes,
      schema: {
        tags: ['write'],
        summary: 'Upload articles',
        description:
          'Either JSON `{ "articles": [{ "text" | "html", "title"?, "url"?, "source"?, "publishedAt"?, "language"? }], "source"? }` ' +
          'or multipart/form-data with one or more files (.txt, .html, .jsonl, RSS/Atom feeds — whatever `dossier ingest` reads) ' +
          'and an optional `source` field. `source` overrides the outlet name of every article. ' +
          `Limits: ${upload.bytes} bytes per request, ${upload.files} files, ${upload.articles} JSON articles. ` +
          'Re-uploading an article is harmless: it is reported as a duplicate with its id.',
        security: [{ bearer: [] }],
        consumes: ['application/json', 'multipart/form-data'],
        body: {
          content: {
            'application/json': { schema: requestSchema(uploadBody(upload.articles)) },
            'multipart/form-data': { schema: requestSchema(uploadForm) },
          },
        },
        response: { 200: ref(uploadResultSchema), 201: ref(uploadResultSchema), ...errors(400, 401, 403, 413, 415) },
      },
    },
    async (req, reply) => {
      let result: Awaited<ReturnType<typeof ingestAndReport>>;
      if (req.isMultipart()) {
        const { files, source } = await readMultipart(req);
        if (files.length === 0) throw badRequest('no file in the upload (send one or more files as multipart/form-data)');
        result = await ingestAndReport(store, analysisPool(), concat(...files.map((f) => readBuffer(f.name, f.bytes))), source);
      } else {
        if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '') || !req.body) {
          throw new HttpError(415, 'send JSON {"articles": [...]} (application/json) or files as multipart/form-data');
        }
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        const lines = req.body.articles.map((a) => JSON.stringify(a)).join('\n');
        result = await ingestAndReport(store, analysisPool(), readBuffer(`upload-${stamp}.jsonl`, Buffer.from(lines, 'utf8')), req.body.source);
      }
      if (result.read === 0) throw badRequest(`no article could be read: ${result.failures.slice(0, 5).map(describeFailure).join('; ')}`);
      return reply.status(result.inserted > 0 ? 201 : 200).send(result);
    },
  );
};
