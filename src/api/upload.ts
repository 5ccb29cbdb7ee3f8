// Upload: articles as JSON (this body) or as files (multipart), and what became of each.
import { z } from 'zod/v4';
import { int } from './page.ts';
import { named } from './json-schema.ts';

const shortText = (max: number) => z.string().max(max).optional();

const articleFields = {
  text: z.string().describe('Plain text of the article (may include the scraped noise; cleaning removes it).'),
  html: z.string().describe('HTML of the article or page, used when there is no `text`.'),
  title: shortText(2000),
  url: shortText(4000),
  source: shortText(200),
  byline: shortText(500),
  publishedAt: shortText(100),
  language: shortText(20),
};

/** One uploaded article: `text` or `html` (or both), and what is known about it. */
export const uploadedArticleSchema = z
  .strictObject({ ...articleFields, text: articleFields.text.optional(), html: articleFields.html.optional() })
  .refine((a) => a.text !== undefined || a.html !== undefined, 'needs one of the fields "text" or "html"')
  // the same rule for JSON Schema, where a refinement has no form (the server's messages read it)
  .meta({ anyOf: [{ required: ['text'] }, { required: ['html'] }] });

/** The JSON body of an upload; `limit` is the most articles one upload may hold. */
export function uploadBody(limit: number) {
  return z.strictObject({ articles: z.array(uploadedArticleSchema).min(1).max(limit), source: shortText(200) });
}

/** The multipart form of an upload, as documented (the handler reads the parts itself). */
export const uploadForm = z.object({ file: z.string().meta({ format: 'binary' }), source: z.string() }).partial();

export const uploadItemSchema = z.object({
  id: z.string(),
  status: z.enum(['inserted', 'duplicate', 'failed']),
  file: z.string(),
  position: int.optional(),
  title: z.string().nullable(),
});

export const uploadResultSchema = named(
  'UploadResult',
  z.object({
    read: int.describe('Articles read from the input.'),
    inserted: int,
    duplicates: int.describe('Articles already stored (same content).'),
    articles: z.array(uploadItemSchema),
    failures: z
      .array(z.object({ file: z.string(), position: int.optional(), reason: z.string() }))
      .describe('Inputs that could not be read, analysed or stored, with the reason.'),
    seconds: z.number(),
  }),
);

export type UploadedArticle = z.infer<typeof uploadedArticleSchema>;
export type UploadBody = z.output<ReturnType<typeof uploadBody>>;
export type UploadItem = z.infer<typeof uploadItemSchema>;
export type UploadResult = z.infer<typeof uploadResultSchema>;
