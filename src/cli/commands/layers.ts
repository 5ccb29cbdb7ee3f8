// `dossier quotes` and `dossier figures`: one layer listed across the whole corpus, each row
// linked to its article and the offsets of its evidence.
import type { Command } from 'commander';
import type { QuoteRow } from '../../api/layers.ts';
import { withSpeakerKeys } from '../../store/article-entity-keys.ts';
import { DEFAULT_DB, UsageError, corpusOf, parseIntOption, printJson, withStore } from '../context.ts';
import { pageNote } from './paging.ts';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * A quote in two lines: who (speaker, entity key, the source as the text gives it and how it was
 * resolved), cue, kind, confidence and finder; then the content and where it stands.
 */
export function quoteLines(q: QuoteRow): string {
  const who = q.speakerName ? `${q.speakerName}${q.speakerKey ? ` [${q.speakerKey}]` : ''}` : '(no speaker)';
  const written = q.sourceText && q.sourceText !== q.speakerName ? ` ← “${q.sourceText}”` : '';
  const via = q.speakerVia && q.speakerName ? ` (${q.speakerVia})` : '';
  const how = [q.cue ? `“${q.cue}”` : 'no cue', q.attributionKind ?? q.kind, q.confidence !== null ? q.confidence.toFixed(2) : null, q.by].filter(Boolean).join(' · ');
  const text = q.kind === 'direct' ? `“${q.text}”` : q.text;
  const where = [`${q.articleId} @${q.start}-${q.end}`, q.source, q.publishedAt?.slice(0, 10), q.title ? `“${clip(q.title, 50)}”` : null].filter(Boolean).join(' · ');
  return `${who}${written}${via} — ${how}\n    ${clip(text, 220)}  (${where})\n`;
}

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
    .option('--kind <kind>', 'only direct or only indirect (reported, mixed, belief) quotes')
    .option('--json', 'print the page as JSON (the shape of GET /api/quotes: every attribution field)')
    .addHelpText('after', '\nExample:\n  dossier quotes --speaker Blinken\n\nEach quote: speaker [entity key] ← the source as written (how it was resolved) · cue · kind · confidence, found by\nrules or model; then the content and where it is (article @start-end).')
    .action(async (opts: ListOpts & { speaker?: string; kind?: string }) => {
      if (opts.kind !== undefined && opts.kind !== 'direct' && opts.kind !== 'indirect') throw new UsageError(`--kind must be direct or indirect, got "${opts.kind}"`);
      const kind = opts.kind as 'direct' | 'indirect' | undefined;
      const page = await withStore(opts.db, async (s) => {
        const r = await s.quotes({ speaker: opts.speaker, kind, limit: opts.limit, offset: opts.offset });
        const corpus = await corpusOf(s);
        return { total: r.total, limit: opts.limit, offset: opts.offset, items: await withSpeakerKeys(r.items, (id) => corpus.entityLinks(id)) };
      });
      if (opts.json) return printJson(page);
      const note = pageNote(page.total, opts.offset, page.items.length);
      process.stdout.write(`${page.total} quote(s)${note ? `; ${note}` : ''}\n\n`);
      for (const q of page.items) process.stdout.write(quoteLines(q));
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
