import type { Command } from 'commander';
import { isPostgresUrl } from '../../store/postgres/url.ts';
import { DEFAULT_DB, UsageError, dbLabel, openStore, parseIntOption } from '../context.ts';

/** Seconds between the worker's one-line reports. */
const REPORT_SECONDS = 10;

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('Work on the job queue of a PostgreSQL corpus: analyse queued articles, and store them when this worker holds the writer role')
    .option('--db <url>', 'the corpus database: a postgres:// URL', DEFAULT_DB)
    .option('--workers <n>', 'analysis worker threads (default: one per core, at most 8; 0 = analyse on the main thread)', parseIntOption('workers'))
    .option('--analyse-only', 'never take the writer role (this machine only analyses)')
    .addHelpText(
      'after',
      '\nRun one on every machine that should share the work; `dossier ingest <paths> --db <url>` then queues\n' +
        'articles for them, and `dossier queue --db <url>` shows the jobs. Stop with Ctrl-C (or SIGTERM): the\n' +
        'jobs in hand are finished. A worker that dies loses nothing: its jobs go back to the queue.\n\n' +
        'Example:\n  dossier worker --db postgres://user:pass@db-host:5432/dossier',
    )
    .action(async (opts: { db: string; workers?: number; analyseOnly?: boolean }) => {
      if (!isPostgresUrl(opts.db)) throw new UsageError(`dossier worker needs a PostgreSQL database (--db postgres://…), got "${opts.db}"; a SQLite corpus is ingested in one process`);
      const { startWorker } = await import('../../queue/worker.ts');
      const store = await openStore(opts.db);
      const say = (line: string) => process.stderr.write(`worker: ${line}\n`);
      const worker = await startWorker(opts.db, store, { threads: opts.workers, analyseOnly: opts.analyseOnly, log: say });
      say(`started on ${dbLabel(opts.db)} (pid ${process.pid}); Ctrl-C stops it`);
      const report = setInterval(() => {
        const s = worker.stats;
        say(`analysed ${s.analysed}, failed ${s.failed}${s.writer ? `, stored ${s.stored} (writer)` : ''}`);
      }, REPORT_SECONDS * 1000);
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          process.off('SIGINT', onInt);
          process.off('SIGTERM', onTerm);
          say(`${signal}: finishing the jobs in hand`);
          resolve();
        };
        const onInt = () => stop('SIGINT');
        const onTerm = () => stop('SIGTERM');
        process.on('SIGINT', onInt);
        process.on('SIGTERM', onTerm);
      });
      clearInterval(report);
      try {
        await worker.stop();
      } finally {
        await store.close();
      }
      const s = worker.stats;
      say(`stopped: analysed ${s.analysed}, failed ${s.failed}, stored ${s.stored}`);
    });
}
