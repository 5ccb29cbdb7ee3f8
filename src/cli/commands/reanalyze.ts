import type { Command } from 'commander';
import { reanalyzeStored } from '../../ingest/reanalyze.ts';
import { DEFAULT_DB, printJson, withStore } from '../context.ts';
import { progressBar } from '../progress.ts';
import { NER_MODEL_HELP, checkNerModelOption } from '../ner-model.ts';

export function registerReanalyze(program: Command): void {
  program
    .command('reanalyze')
    .description('Rebuild every layer of every stored article from its stored raw input (after an upgrade)')
    .option('--db <file>', 'database file', DEFAULT_DB)
    .option('--json', 'print the summary as JSON')
    .option('--ner-model <dir>', NER_MODEL_HELP)
    .addHelpText('after', '\nExample:\n  dossier reanalyze --db dossier.db')
    .action(async (opts: { db: string; json?: boolean; nerModel?: string }) => {
      checkNerModelOption(opts.nerModel);
      const started = performance.now();
      const result = await withStore(opts.db, async (store) => {
        const bar = progressBar('reanalyze', (await store.stats()).articles);
        try {
          return await reanalyzeStored(store, { onProgress: (n, errors) => bar.update(n, { errors }), nerModelDir: opts.nerModel });
        } finally {
          bar.stop();
        }
      });
      const summary = {
        reanalyzed: result.reanalyzed,
        entities: result.entities,
        failures: result.failures.map((f) => `${f.id} (${f.file}): ${f.reason}`),
        seconds: (performance.now() - started) / 1000,
      };
      if (opts.json) printJson(summary);
      else {
        for (const f of summary.failures) process.stderr.write(`error: ${f}\n`);
        process.stdout.write(
          `reanalyzed ${summary.reanalyzed} article(s) in ${summary.seconds.toFixed(1)} s; ` +
            `entity index rebuilt: ${summary.entities.entities} entities from ${summary.entities.articles} article(s)\n`,
        );
      }
      if (summary.failures.length) process.exitCode = 1;
    });
}
