// The job queue of a PostgreSQL corpus (workers, ingest runs, jobs): what `dossier queue` shows.
import type pg from 'pg';
import type { RouteModule } from '../context.ts';
import { queueStatusSchema, type QueueStatus } from '../../api/queue.ts';
import { ref } from '../schemas.ts';

export const queueRoutes: RouteModule = (app, { queueDb }) => {
  let pool: pg.Pool | undefined;
  app.addHook('onClose', async () => {
    await pool?.end();
  });
  app.get<{ Reply: QueueStatus }>(
    '/api/queue',
    {
      schema: {
        tags: ['corpus'],
        summary: 'Job queue: ingestion progress',
        description:
          'For a PostgreSQL corpus with `dossier worker` processes: pending, active and failed jobs, throughput, live ' +
          'workers and the latest ingest runs. A SQLite corpus has no queue (`available` is false).',
        response: { 200: ref(queueStatusSchema) },
      },
    },
    async () => {
      const { emptyQueueStatus, queueStatus } = await import('../../queue/status.ts');
      if (!queueDb) return emptyQueueStatus();
      if (!pool) {
        const { default: pgModule } = await import('pg');
        pool = new pgModule.Pool({ connectionString: queueDb, max: 1, application_name: 'dossier-serve-queue' });
        pool.on('error', () => {});
      }
      return queueStatus(pool);
    },
  );
};
