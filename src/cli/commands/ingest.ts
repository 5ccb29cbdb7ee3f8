import type { Command } from 'commander';
import { getPriority, setPriority } from 'node:os';
import { printJson, withStore, DEFAULT_DB, parseIntOption } from '../context.ts';
import { formatRate, progressBar } from '../progress.ts';
import { NER_MODEL_HELP, checkNerModelOption } from '../ner-model.ts';
import { isPostgresUrl } from '../../store/postgres/url.ts';
import { queuedIngest } from './ingest-queued.ts';

/** Default steps of OS priority (nice) a CLI ingest runs below normal: it is batch work, and a server
 *  on the same machine should answer its readers first. On an idle machine it costs nothing. */
export const INGEST_NICE = 10;

/** Lowers this thread's priority by `steps` (capped at 19). On Linux a thread's priority is its own,
 *  and threads it starts afterwards (the analysis workers, which go `DOSSIER_ANALYSIS_NICE` lower
 *  still) inherit it. Returns the new priority, or undefined where it may not be changed. */
export function lowerPriority(steps: number): number | undefined {
  if (steps <= 0) return undefined;
  try {
    const to = Math.min(19, getPriority() + steps);
    setPriority(to);
    return to;
  } catch {
    return undefined;
  }
}

/** Skipped files named one per line; the rest are counted. */
const SKIP_NOTES = 10;

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('Read articles (txt, html, jsonl, rss/atom; directories recursed; - for stdin), analyse them and store them')
    .argument('<paths...>', 'files or directories to ingest, or - for standard input')
    .option('--db <file|url>', 'database: SQLite file or postgres:// URL', DEFAULT_DB)
    .option('--source <name>', 'outlet name to record for every article (overrides metadata)')
    .option('--batch <n>', 'articles per transaction', parseIntOption('batch'), 200)
    .option('--json', 'print the summary as JSON')
    .option('--ner-model <dir>', NER_MODEL_HELP)
    .option('--workers <n>', 'analysis worker threads (default: one per core, at most 8; 0 = analyse on the main thread)', parseIntOption('workers'))
    .option('--wait', 'PostgreSQL with workers running: follow the queued articles until they are stored')
    .option('--local', 'PostgreSQL: analyse in this process even when workers are running')
    .option('--nice <n>', `run this many steps of OS priority below normal, 0-19 (a batch ingest yields the CPU to a server on the same machine; costs nothing on an idle one)`, parseIntOption('nice'), INGEST_NICE)
    .addHelpText(
      'after',
      '\nWith a postgres:// database and `dossier worker` processes running on it, the articles are queued for\n' +
        'the workers instead of analysed here (`dossier queue` shows them; --wait follows them to the end).\n' +
        '\nExample:\n  dossier ingest examples/ --db dossier.db\n  cat dump.jsonl | dossier ingest - --source Reuters',
    )
    .action(async (paths: string[], opts: { db: string; source?: string; batch: number; json?: boolean; nerModel?: string; workers?: number; wait?: boolean; local?: boolean; nice: number }) => {
      if (opts.nice > 19) throw new Error(`--nice must be from 0 to 19, got ${opts.nice}`);
      lowerPriority(opts.nice);
      await checkNerModelOption(opts.nerModel);
      if (isPostgresUrl(opts.db) && !opts.local && !opts.nerModel) {
        const { workersOf } = await import('../../queue/index.ts');
        const workers = await workersOf(opts.db);
        if (workers.length > 0) return queuedIngest(paths, opts, workers.length);
      }
      const { describeFailure, ingestPaths } = await import('../../pipeline/ingest.ts');
      const skipped: { file: string; reason: string }[] = [];
      const summary = await withStore(opts.db, async (store) => {
        const bar = progressBar('ingest', null);
        try {
          return await ingestPaths(store, paths, {
            source: opts.source,
            batchSize: opts.batch,
            nerModelDir: opts.nerModel,
            workers: opts.workers,
            onSkip: (file, reason) => {
              skipped.push({ file, reason });
              if (skipped.length <= SKIP_NOTES) process.stderr.write(`skipped ${file}: ${reason}; name it on the command line to read it anyway\n`);
            },
            onProgress: (p) => bar.update(p.read, { errors: p.errors, note: p.file }),
          });
        } finally {
          bar.stop();
        }
      });
      if (skipped.length > SKIP_NOTES) process.stderr.write(`skipped ${skipped.length - SKIP_NOTES} more file(s) that are not articles (--json lists them all)\n`);
      if (opts.json) {
        printJson({ ...summary, failures: summary.failures, skipped });
      } else {
        for (const f of summary.failures) process.stderr.write(`error: ${describeFailure(f)}\n`);
        if (summary.placedLeftover) {
          process.stderr.write(`note: placed ${summary.placedLeftover} article(s) in stories that an earlier, stopped ingest had stored but not placed\n`);
        }
        const rate = formatRate(summary.read, summary.seconds);
        process.stdout.write(
          `ingested ${summary.inserted} new article(s), ${summary.duplicates} already stored, ` +
            `${summary.failures.length} failed${skipped.length ? `, ${skipped.length} file(s) skipped` : ''} — ` +
            `${summary.read} read in ${summary.seconds.toFixed(1)} s${rate ? ` (${rate})` : ''}\n`,
        );
      }
      if (summary.failures.length > 0) process.exitCode = 1;
    });
}
