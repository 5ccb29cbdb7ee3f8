import type { Command } from 'commander';
import type { FacetCount, StoreStats } from '../../store/store.ts';
import { analysisVersion } from '../../analysis/version.ts';
import { DEFAULT_DB, outdatedNote, printJson, withStore } from '../context.ts';

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('Counts of what the database holds: articles by language and source, date range, layers')
    .option('--db <file|url>', 'database: SQLite file or postgres:// URL', DEFAULT_DB)
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExample:\n  dossier stats --db dossier.db')
    .action(async (opts: { db: string; json?: boolean }) => {
      const stats = await withStore(opts.db, (store) => store.stats());
      if (opts.json) return printJson({ ...stats, currentAnalysisVersion: analysisVersion() });
      process.stdout.write(formatStats(stats) + '\n');
      const note = outdatedNote(stats);
      if (note) process.stderr.write(`note: ${note}\n`);
    });
}

const facets = (f: FacetCount[]) => (f.length ? f.map((x) => `${x.value ?? '(none)'} ${x.count}`).join(', ') : '—');

function formatStats(s: StoreStats): string {
  const c = s.counts;
  return [
    `articles:   ${s.articles}`,
    `languages:  ${facets(s.byLanguage)}`,
    `sources:    ${facets(s.bySource)}`,
    `published:  ${s.dateRange.from ?? '—'} … ${s.dateRange.to ?? '—'} (${s.undated} undated)`,
    `layers:     ${c.entities} entities (${c.mentions} mentions), ${c.quotes} quotes, ${c.figures} figures, ${c.times} time expressions`,
    `analysis:   ${s.analysisVersions.length ? s.analysisVersions.map((v) => `${v.version ?? '(not recorded)'}${v.version === analysisVersion() ? ' (this version)' : ''} ${v.articles}`).join(', ') : '—'}`,
    `database:   ${(s.sizeBytes / 1e6).toFixed(1)} MB, schema version ${s.schemaVersion}`,
  ].join('\n');
}
