import type { Command } from 'commander';
import { DEFAULT_DB, parseIntOption, printJson, withStore } from '../context.ts';
import { progressBar } from '../progress.ts';
import { NER_MODEL_HELP, checkNerModelOption } from '../ner-model.ts';

export function registerReanalyze(program: Command): void {
  program
    .command('reanalyze')
    .description('Rebuild every layer of every stored article, reading its stored input again (after an upgrade)')
    .option('--db <file|url>', 'database: SQLite file or postgres:// URL', DEFAULT_DB)
    .option('--json', 'print the summary as JSON')
    .option('--ner-model <dir>', NER_MODEL_HELP)
    .option('--workers <n>', 'analysis worker threads (default: one per core, at most 8; 0 = analyse on the main thread)', parseIntOption('workers'))
    .addHelpText('after', '\nExample:\n  dossier reanalyze --db dossier.db')
    .action(async (opts: { db: string; json?: boolean; nerModel?: string; workers?: number }) => {
      await checkNerModelOption(opts.nerModel);
      const { reanalyzeStored } = await import('../../pipeline/reanalyze.ts');
      const started = performance.now();
      const result = await withStore(opts.db, async (store) => {
        const bar = progressBar('reanalyze', (await store.stats()).articles);
        try {
          return await reanalyzeStored(store, { onProgress: (n, errors) => bar.update(n, { errors }), nerModelDir: opts.nerModel, workers: opts.workers });
        } finally {
          bar.stop();
        }
      });
      const summary = {
        reanalyzed: result.reanalyzed,
        entities: result.entities,
        failures: result.failures.map((f) => `${f.id} (${f.file}): ${f.reason}`),
        notes: result.notes.map((n) => `${n.id} (${n.file}): ${n.note}`),
        seconds: (performance.now() - started) / 1000,
      };
      if (opts.json) printJson(summary);
      else {
        for (const n of summary.notes) process.stderr.write(`note: ${n}\n`);
        for (const f of summary.failures) process.stderr.write(`error: ${f}\n`);
        process.stdout.write(
          `reanalyzed ${summary.reanalyzed} article(s) in ${summary.seconds.toFixed(1)} s; ` +
            `entity index rebuilt: ${summary.entities.entities} entities from ${summary.entities.articles} article(s)\n`,
        );
      }
      if (summary.failures.length) process.exitCode = 1;
    });
}
