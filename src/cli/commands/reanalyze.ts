import type { Command } from 'commander';
import { createAnalyzer } from '../../analyze.ts';
import { DEFAULT_DB, printJson, withStore } from '../context.ts';
import { progressBar } from '../progress.ts';

export function registerReanalyze(program: Command): void {
  program
    .command('reanalyze')
    .description('Rebuild every layer of every stored article from its stored raw input (after an upgrade)')
    .option('--db <file>', 'database file', DEFAULT_DB)
    .option('--json', 'print the summary as JSON')
    .action(async (opts: { db: string; json?: boolean }) => {
      const analyzer = await createAnalyzer();
      const started = performance.now();
      const summary = await withStore(opts.db, async (store) => {
        const total = (await store.stats()).articles;
        const bar = progressBar('reanalyze', total);
        let done = 0;
        const failures: string[] = [];
        try {
          for await (const { id, raw } of store.allRaw()) {
            try {
              const doc = analyzer.analyze(raw);
              await store.replaceAnalysis(id, { ...doc, id });
            } catch (err) {
              failures.push(`${id} (${raw.file}): ${err instanceof Error ? err.message : String(err)}`);
            }
            bar.update(++done, { errors: failures.length });
          }
        } finally {
          bar.stop();
        }
        return { reanalyzed: done - failures.length, failures, seconds: (performance.now() - started) / 1000 };
      });
      if (opts.json) printJson(summary);
      else {
        for (const f of summary.failures) process.stderr.write(`error: ${f}\n`);
        process.stdout.write(`reanalyzed ${summary.reanalyzed} article(s) in ${summary.seconds.toFixed(1)} s\n`);
      }
      if (summary.failures.length) process.exitCode = 1;
    });
}
