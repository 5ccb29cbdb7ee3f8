// `dossier quotes` and `dossier figures`: one layer listed across the whole corpus, each row
// linked to its article and the offsets of its evidence.
import type { Command } from 'commander';
import { DEFAULT_DB, parseIntOption, printJson, withStore } from '../context.ts';
import { pageNote } from './paging.ts';

interface ListOpts {
  db: string;
  limit: number;
  offset: number;
  json?: boolean;
}

export function registerLayerLists(program: Command): void {
  program
    .command('quotes')
    .description('Quotes (direct and reported) across the corpus, with speaker, cue and evidence offsets')
    .option('--db <file|url>', 'database: SQLite file or postgres:// URL', DEFAULT_DB)
    .option('--speaker <name>', 'only quotes whose speaker name contains this (case and accents ignored)')
    .option('--limit <n>', 'rows per page', parseIntOption('limit'), 50)
    .option('--offset <n>', 'skip this many rows', parseIntOption('offset'), 0)
    .option('--json', 'print rows as JSON')
    .addHelpText('after', '\nExample:\n  dossier quotes --speaker Blinken')
    .action(async (opts: ListOpts & { speaker?: string }) => {
      const page = await withStore(opts.db, (s) => s.quotes({ speaker: opts.speaker, limit: opts.limit, offset: opts.offset }));
      if (opts.json) return printJson(page);
      const note = pageNote(page.total, opts.offset, page.items.length);
      process.stdout.write(`${page.total} quote(s)${note ? `; ${note}` : ''}\n\n`);
      for (const q of page.items) {
        const text = q.kind === 'direct' ? `“${q.text}”` : q.text;
        process.stdout.write(
          `${q.speakerName ?? '(unattributed)'}${q.cue ? ` — ${q.cue}` : ''} [${q.kind}]\n    ${text}\n` +
            `    ${q.articleId} ${q.title ?? ''} · ${[q.source, q.publishedAt].filter(Boolean).join(' · ')} @${q.start}-${q.end}\n\n`,
        );
      }
    });

  program
    .command('figures')
    .description('Figures (counts, money, durations) across the corpus, with qualifier, what is counted and evidence offsets')
    .option('--db <file|url>', 'database: SQLite file or postgres:// URL', DEFAULT_DB)
    .option('--counts <words>', 'only figures whose counted thing contains these words (case and accents ignored)')
    .option('--limit <n>', 'rows per page', parseIntOption('limit'), 50)
    .option('--offset <n>', 'skip this many rows', parseIntOption('offset'), 0)
    .option('--json', 'print rows as JSON')
    .addHelpText('after', '\nExample:\n  dossier figures --counts killed')
    .action(async (opts: ListOpts & { counts?: string }) => {
      const page = await withStore(opts.db, (s) => s.figures({ counts: opts.counts, limit: opts.limit, offset: opts.offset }));
      if (opts.json) return printJson(page);
      const note = pageNote(page.total, opts.offset, page.items.length);
      process.stdout.write(`${page.total} figure(s)${note ? `; ${note}` : ''}\n\n`);
      for (const f of page.items) {
        process.stdout.write(
          `${f.text}  = ${f.value ?? '?'}${f.valueMax != null ? `–${f.valueMax}` : ''}${f.unit ? ' ' + f.unit : ''}` +
            `${f.qualifier ? ` (${f.qualifier})` : ''}${f.counts ? `  counts: ${f.counts}` : ''}\n` +
            `    ${f.articleId} ${f.title ?? ''} · ${[f.source, f.language, f.publishedAt].filter(Boolean).join(' · ')} @${f.start}-${f.end}\n\n`,
        );
      }
    });
}
