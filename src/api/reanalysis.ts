// Re-analysis: the background job that rebuilds the layers of stored articles, and its progress.
import { z } from 'zod/v4';
import { int } from './page.ts';
import { named } from './json-schema.ts';

export const reanalysisStatusSchema = named(
  'ReanalysisStatus',
  z.object({
    state: z.enum(['idle', 'running', 'done', 'failed']),
    total: int.describe('Articles to process (all stored, or the ids asked for).'),
    done: int.describe('Articles processed so far (including failures).'),
    reanalyzed: int,
    failures: z.array(z.object({ id: z.string(), file: z.string(), reason: z.string() })),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    error: z.string().optional().describe('Why the whole job stopped, when state is "failed".'),
  }),
);

/** No body, or no `ids`, means every article. */
export const reanalyzeBody = z.strictObject({
  ids: z
    .array(z.string().regex(/^[0-9a-f]{6,64}$/))
    .min(1)
    .max(1000)
    .optional(),
});

export type ReanalysisStatus = z.infer<typeof reanalysisStatusSchema>;
export type ReanalyzeBody = z.output<typeof reanalyzeBody>;
