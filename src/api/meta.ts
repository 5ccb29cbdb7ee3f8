// About the corpus and the server: counts for the UI's overview, and what the UI needs to know.
import { z } from 'zod/v4';
import { layerCountsSchema } from './articles.ts';
import { int } from './page.ts';
import { named } from './json-schema.ts';
import { facetCountSchema } from './search.ts';

/** The store's overview of the corpus. */
export const storeStatsSchema = z.object({
  articles: int,
  analysisVersions: z
    .array(z.object({ version: z.string().nullable(), articles: int }))
    .describe('Articles by the analysis version that produced them (null: not recorded), most articles first.'),
  byLanguage: z.array(facetCountSchema),
  bySource: z.array(facetCountSchema),
  dateRange: z.object({ from: z.string().nullable(), to: z.string().nullable() }).describe('Earliest and latest publication date (null when no article is dated).'),
  undated: int.describe('Undated articles.'),
  counts: layerCountsSchema,
  sizeBytes: int.describe('Size of the database (for SQLite: the file plus its write-ahead log).'),
  schemaVersion: int,
});

export const statsSchema = named(
  'Stats',
  storeStatsSchema.extend({
    currentAnalysisVersion: z.string().describe('The analysis version of this server.'),
    outdated: int.describe('Articles analysed by another version: `POST /api/reanalyze` brings them up to date.'),
  }),
);

export const infoSchema = named(
  'Info',
  z.object({
    name: z.string(),
    writeRequiresToken: z.boolean().describe('Write routes need `Authorization: Bearer <DOSSIER_TOKEN>`.'),
    upload: z.object({ bytes: int, files: int, articles: int }).describe('Upload limits: bytes per request, files per upload, articles per JSON upload.'),
  }),
);

export type StoreStats = z.infer<typeof storeStatsSchema>;
export type Stats = z.infer<typeof statsSchema>;
export type Info = z.infer<typeof infoSchema>;
