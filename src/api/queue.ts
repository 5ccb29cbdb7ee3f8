// The job queue of a PostgreSQL corpus (workers, ingest runs, jobs), as `dossier queue` and
// GET /api/queue show it. A SQLite corpus has no queue: `available` is false and the lists are empty.
import { z } from 'zod/v4';
import { int } from './page.ts';
import { named } from './json-schema.ts';

const jobCounts = z.object({
  pending: int.describe('Waiting to be taken (created, or waiting for a retry).'),
  active: int.describe('Taken by a worker (the writer holds write jobs until the articles before them are analysed).'),
  failed: int.describe('Failed for good (kept a week).'),
  completed: int.describe('Completed and not yet archived.'),
});

export const queueStatusSchema = named(
  'QueueStatus',
  z.object({
    available: z.boolean().describe('False for a SQLite corpus, or a PostgreSQL one no worker ever ran on.'),
    queues: z.object({
      analyse: jobCounts.describe('Articles to analyse.'),
      write: jobCounts.describe('Analysed articles waiting for the writer (store, entities, stories).'),
      deadLetters: jobCounts.describe('Articles whose analysis failed for good, waiting for the writer to record the failure.'),
    }),
    analysedPerSecond: z.number().describe('Analysis jobs completed per second over the last minute.'),
    jobRows: int.describe('Rows in the live job table (completed jobs move to the archive after 60 s).'),
    archiveRows: int.describe('Rows in the archive (deleted after 2 minutes).'),
    failedJobs: z
      .array(
        z.object({
          id: z.string(),
          queue: z.string(),
          file: z.string().nullable().describe('The article input the job carried.'),
          error: z.string(),
          failedAt: z.string().nullable(),
        }),
      )
      .describe('The latest failed jobs, newest first (at most 20).'),
    workers: z.array(
      z.object({
        id: z.string(),
        host: z.string(),
        pid: int,
        threads: int,
        writer: z.boolean().describe('Holds the writer role.'),
        analysed: int,
        rssMb: int,
        startedAt: z.string(),
        seenAt: z.string(),
      }),
    ),
    runs: z
      .array(
        z.object({
          run: int,
          label: z.string(),
          read: int,
          queued: int,
          total: int.nullable().describe('Null while articles are still being queued.'),
          written: int.describe('Articles the writer is through (stored, duplicate or failed).'),
          stored: int,
          duplicates: int,
          failed: int,
          createdAt: z.string(),
          finishedAt: z.string().nullable(),
        }),
      )
      .describe('The latest ingest runs, newest first (at most 10).'),
  }),
);

export type QueueStatus = z.infer<typeof queueStatusSchema>;
