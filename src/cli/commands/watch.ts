// `dossier watch`: follow sources (add the URLs given) and poll them when due until stopped
// (Ctrl-C); `--once` polls what is due once and exits.
import type { Command } from 'commander';
import type { SourceKind } from '../../store/store.ts';
import { NER_MODEL_HELP, checkNerModelOption } from '../ner-model.ts';
import { DEFAULT_DB, parseIntOption, printJson, UsageError, withStore } from '../context.ts';
import { addSources, parseKind } from './sources.ts';

interface WatchOptions {
  db: string;
  once?: boolean;
  all?: boolean;
  kind?: SourceKind;
  every?: string;
  contact?: string;
  delay: number;
  timeout: number;
  maxBytes: number;
  maxItems: number;
  json?: boolean;
  nerModel?: string;
  workers?: number;
}

export function registerWatch(program: Command): void {
  program
    .command('watch')
    .description('Follow feeds, sitemaps and URL lists: poll them when due, fetch new articles politely, analyse and store them (until stopped)')
    .argument('[urls...]', 'sources to add first (RSS/Atom feeds, sitemaps, text files of URLs)')
    .option('--db <file|url>', 'database: SQLite file or postgres:// URL', DEFAULT_DB)
    .option('--once', 'poll the sources that are due once, then exit')
    .option('--all', 'with --once: poll every source now, due or not')
    .option('--kind <kind>', 'for the URLs given: feed, sitemap, list or auto', parseKind)
    .option('--every <interval>', 'for the URLs given: how often to poll (90s, 15m, 1h; default 15m)')
    .option('--contact <url|email>', 'put in the User-Agent so site owners can reach you (default: $DOSSIER_CONTACT)')
    .option('--delay <ms>', 'between two requests to one host (a robots.txt Crawl-delay raises it)', parseIntOption('delay'), 1000)
    .option('--timeout <s>', 'per request', parseIntOption('timeout'), 20)
    .option('--max-bytes <n>', 'largest page or feed read', parseIntOption('max-bytes'), 10 * 1024 * 1024)
    .option('--max-items <n>', 'item pages fetched per source and poll', parseIntOption('max-items'), 50)
    .option('--json', 'print one JSON line per poll')
    .option('--ner-model <dir>', NER_MODEL_HELP)
    .option('--workers <n>', 'analysis worker threads (default: one per core, at most 8; 0 = main thread)', parseIntOption('workers'))
    .addHelpText(
      'after',
      '\nrobots.txt is always honoured; one request at a time per host.\n\nExamples:\n  dossier watch https://www.example.org/rss.xml https://www.example.org/news-sitemap.xml\n  dossier watch --once\n  DOSSIER_CONTACT=mailto:desk@example.org dossier watch',
    )
    .action(async (urls: string[], opts: WatchOptions) => {
      await checkNerModelOption(opts.nerModel);
      if (opts.all && !opts.once) throw new UsageError('--all goes with --once');
      if (urls.length) await addSources(opts.db, urls, opts);
      const { Fetcher, userAgent } = await import('../../fetch/index.ts');
      const { pollDue, pollSource, watchSources } = await import('../../pipeline/follow.ts');
      const { formatSource } = await import('./sources.ts');
      const fetcher = new Fetcher({ userAgent: userAgent(opts.contact), hostDelayMs: opts.delay, timeoutMs: opts.timeout * 1000, maxBytes: opts.maxBytes });
      let failed = 0;
      const follow = {
        fetcher,
        maxItemsPerPoll: opts.maxItems,
        nerModelDir: opts.nerModel,
        workers: opts.workers,
        onPoll: (r: import('../../pipeline/follow.ts').PollReport) => {
          if (!r.ok) failed++;
          if (opts.json) return printJson(r);
          const what = r.ok
            ? r.notModified
              ? 'not modified'
              : `${r.listed} listed, ${r.newItems} new; ${r.stored} stored, ${r.duplicates} duplicate(s)${r.copies ? `, ${r.copies} syndicated cop${r.copies === 1 ? 'y' : 'ies'}` : ''}${r.failed.length ? `, ${r.failed.length} failed` : ''}`
            : `FAILED: ${r.error}`;
          process.stdout.write(`${new Date(fetcher.clock.now()).toISOString().slice(11, 19)} ${r.source}: ${what}; next poll ${r.nextDueAt.slice(0, 16).replace('T', ' ')} UTC\n`);
          if (!opts.json) for (const f of r.failed.slice(0, 5)) process.stderr.write(`  ${f.url}: ${f.reason}\n`);
        },
      };
      await withStore(opts.db, async (store) => {
        if (!store.sources.available) throw new UsageError('this database has no source tables');
        if (opts.once) {
          if (opts.all) for (const s of await store.sources.list()) await pollSource(store, s, follow);
          else if ((await pollDue(store, follow)).length === 0) {
            const list = await store.sources.list();
            process.stdout.write(list.length ? 'no source is due now (--all polls them anyway):\n' + list.map((s) => formatSource(s, Date.now())).join('\n') + '\n' : 'no sources followed yet: `dossier watch <url>` adds one\n');
          }
          return;
        }
        const stop = new AbortController();
        const onSignal = () => {
          process.stderr.write('stopping after the current poll…\n');
          stop.abort();
        };
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        process.stderr.write(`watching ${(await store.sources.list()).length} source(s) as "${fetcher.userAgent}" (Ctrl-C stops)\n`);
        try {
          await watchSources(store, { ...follow, signal: stop.signal });
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
        }
      });
      if (opts.once && failed > 0) process.exitCode = 1;
    });
}
