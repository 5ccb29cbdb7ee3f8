import type { Command } from 'commander';
import { QueryError } from '../../store/query.ts';
import { DEFAULT_DB, UsageError, parseDateOption, parseIntOption, printJson, renderSnippet, withStore } from '../context.ts';
import { pageNote } from './paging.ts';

interface SearchOpts {
  db: string;
  lang?: string;
  source?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
  json?: boolean;
}

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('Full-text search (ranked by BM25, diacritics ignored) with highlighted snippets')
    .argument('<query>', 'words (all must match), "exact phrase", a OR b, NOT word / -word, prefix*, ( )')
    .option('--db <file|url>', 'database: SQLite file or postgres:// URL', DEFAULT_DB)
    .option('--lang <code>', 'only articles in this language (ISO 639-1, e.g. nl)')
    .option('--source <name>', 'only articles from this source')
    .option('--from <date>', 'published on or after (YYYY[-MM[-DD]])', parseDateOption('from'))
    .option('--to <date>', 'published on or before (YYYY[-MM[-DD]])', parseDateOption('to'))
    .option('--limit <n>', 'results per page', parseIntOption('limit'), 10)
    .option('--offset <n>', 'skip this many results', parseIntOption('offset'), 0)
    .option('--json', 'print results as JSON')
    .addHelpText('after', '\nExamples:\n  dossier search Israel --lang nl\n  dossier search \'"cease-fire" Rafah -Biden\' --from 2024-01 --json')
    .action(async (query: string, opts: SearchOpts) => {
      await withStore(opts.db, async (store) => {
        let result;
        try {
          result = await store.search(query, {
            language: opts.lang,
            source: opts.source,
            from: opts.from,
            to: opts.to,
            limit: opts.limit,
            offset: opts.offset,
          });
        } catch (err) {
          if (err instanceof QueryError) throw new UsageError(`bad query: ${err.message}`);
          throw err;
        }
        if (opts.json) return printJson(result);
        if (result.total === 0) {
          process.stdout.write(`no article matches ${JSON.stringify(query)}\n`);
          return;
        }
        const note = pageNote(result.total, opts.offset, result.hits.length);
        process.stdout.write(`${result.total} article(s) match${note ? `; ${note}` : ''}\n\n`);
        for (const hit of result.hits) {
          process.stdout.write(
            `${hit.id}  ${hit.title ?? '(untitled)'}\n` +
              `    ${[hit.source, hit.language, hit.publishedAt].filter(Boolean).join(' · ')}\n` +
              `    ${renderSnippet(hit.snippet)}\n\n`,
          );
        }
      });
    });
}
