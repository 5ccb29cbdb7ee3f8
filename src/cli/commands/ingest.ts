import type { Command } from 'commander';
import { printJson, withStore, DEFAULT_DB, parseIntOption } from '../context.ts';
import { progressBar } from '../progress.ts';
import { NER_MODEL_HELP, checkNerModelOption } from '../ner-model.ts';

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
    .addHelpText('after', '\nExample:\n  dossier ingest examples/ --db dossier.db\n  cat dump.jsonl | dossier ingest - --source Reuters')
    .action(async (paths: string[], opts: { db: string; source?: string; batch: number; json?: boolean; nerModel?: string; workers?: number }) => {
      await checkNerModelOption(opts.nerModel);
      const { describeFailure, ingestPaths } = await import('../../pipeline/ingest.ts');
      const summary = await withStore(opts.db, async (store) => {
        const bar = progressBar('ingest', null);
        try {
          return await ingestPaths(store, paths, {
            source: opts.source,
            batchSize: opts.batch,
            nerModelDir: opts.nerModel,
            workers: opts.workers,
            onProgress: (p) => bar.update(p.read, { errors: p.errors, note: p.file }),
          });
        } finally {
          bar.stop();
        }
      });
      if (opts.json) {
        printJson({ ...summary, failures: summary.failures });
      } else {
        for (const f of summary.failures) process.stderr.write(`error: ${describeFailure(f)}\n`);
        const rate = summary.seconds > 0 ? summary.read / summary.seconds : 0;
        process.stdout.write(
          `ingested ${summary.inserted} new article(s), ${summary.duplicates} already stored, ` +
            `${summary.failures.length} failed — ${summary.read} read in ${summary.seconds.toFixed(1)} s ` +
            `(${rate.toFixed(0)} articles/s)\n`,
        );
      }
      if (summary.failures.length > 0) process.exitCode = 1;
    });
}
