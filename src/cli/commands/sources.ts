// `dossier sources`: the followed sources with their state (and why a failing one fails); add, remove.
import type { Command } from 'commander';
import type { SourceKind, SourceRow } from '../../store/store.ts';
import { DEFAULT_DB, printJson, UsageError, withStore } from '../context.ts';

const KINDS: SourceKind[] = ['auto', 'feed', 'sitemap', 'list'];

export function parseKind(v: string): SourceKind {
  if (!(KINDS as string[]).includes(v)) throw new UsageError(`--kind must be one of ${KINDS.join(', ')}, got "${v}"`);
  return v as SourceKind;
}

export async function parseEvery(v: string): Promise<number> {
  const { parseInterval } = await import('../../sources/schedule.ts');
  try {
    return parseInterval(v);
  } catch (e) {
    throw new UsageError(`--every: ${(e as Error).message}`);
  }
}

/** Adds sources; a URL already followed is reported, not an error. */
export async function addSources(db: string, urls: string[], opts: { kind?: SourceKind; name?: string; every?: string }): Promise<void> {
  const intervalSeconds = opts.every ? await parseEvery(opts.every) : undefined;
  const { addSource } = await import('../../pipeline/follow.ts');
  const { StoreInputError } = await import('../../store/store.ts');
  await withStore(db, async (store) => {
    for (const url of urls) {
      try {
        const s = await addSource(store, url, { kind: opts.kind, name: opts.name, intervalSeconds });
        process.stdout.write(`following #${s.id} ${s.url} (every ${formatSeconds(s.interval_seconds)})\n`);
      } catch (e) {
        if (!(e instanceof StoreInputError)) throw e;
        if (/already followed/.test(e.message)) process.stdout.write(`${e.message}\n`);
        else throw new UsageError(e.message);
      }
    }
  });
}

export function registerSources(program: Command): void {
  const sources = program
    .command('sources')
    .description('The feeds, sitemaps and URL lists followed, with their state (why a failing one fails); add or remove them')
    .option('--db <file|url>', 'database: SQLite file or postgres:// URL', DEFAULT_DB)
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExamples:\n  dossier sources\n  dossier sources add https://www.example.org/rss.xml --every 30m\n  dossier sources remove 3')
    .action(async (opts: { db: string; json?: boolean }) => {
      const list = await withStore(opts.db, (store) => store.sources.list());
      if (opts.json) return printJson(list);
      if (list.length === 0) {
        process.stdout.write('no sources followed yet: add one with `dossier sources add <url>` or `dossier watch <url>`\n');
        return;
      }
      const now = Date.now();
      for (const s of list) process.stdout.write(formatSource(s, now) + '\n');
    });

  sources
    .command('add')
    .description('Follow feeds, sitemaps or URL lists (polled by `dossier watch`)')
    .argument('<urls...>', 'http(s) URLs of RSS/Atom feeds, sitemaps (index, news) or text files of URLs')
    .option('--kind <kind>', `what the URL is (${KINDS.join(', ')}); auto finds out on the first poll`, parseKind)
    .option('--name <name>', 'a name to show for the source (default: the feed title)')
    .option('--every <interval>', 'how often to poll it: 90s, 15m, 1h, 2h30m (default 15m)')
    .action(async (urls: string[], _opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<{ db: string; kind?: SourceKind; name?: string; every?: string }>();
      await addSources(opts.db, urls, opts);
    });

  sources
    .command('remove')
    .description('Stop following sources (the articles they brought stay)')
    .argument('<sources...>', 'source numbers (#) or URLs')
    .action(async (which: string[], _opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<{ db: string }>();
      const missing: string[] = [];
      await withStore(opts.db, async (store) => {
        for (const w of which) {
          const key = w.replace(/^#/, '');
          if (await store.sources.remove(key)) process.stdout.write(`no longer following ${w}\n`);
          else missing.push(w);
        }
      });
      if (missing.length) throw new UsageError(`no such source: ${missing.join(', ')} (see \`dossier sources\`)`);
    });
}

export function formatSource(s: SourceRow, now: number): string {
  const head = `#${s.id} ${s.kind.padEnd(7)} ${s.url}${s.name ? ` (${s.name})` : ''}`;
  const counts = `${s.items_seen} item(s) seen, ${s.articles_added} article(s) added`;
  const next = `next poll ${when(s.next_due_at, now)}`;
  if (s.failures > 0) {
    return `${head}\n    FAILING (${s.failures} poll(s) in a row): ${s.last_error ?? 'unknown error'}\n    retried ${when(s.next_due_at, now)}; last success ${s.last_ok_at ? when(s.last_ok_at, now) : 'never'}; ${counts}`;
  }
  const state = s.last_ok_at ? `ok, polled ${when(s.last_ok_at, now)}` : 'not polled yet';
  return `${head}\n    ${state}; ${next}; ${counts}${s.last_error ? `\n    note: ${s.last_error}` : ''}`;
}

function when(iso: string, now: number): string {
  const t = Date.parse(iso);
  const d = Math.round((t - now) / 1000);
  const rel = Math.abs(d) < 60 ? `${Math.abs(d)} s` : Math.abs(d) < 3600 ? `${Math.round(Math.abs(d) / 60)} min` : `${(Math.abs(d) / 3600).toFixed(1)} h`;
  return `${iso.slice(0, 16).replace('T', ' ')} UTC (${d <= 0 ? (d === 0 ? 'now' : `${rel} ago`) : `in ${rel}`})`;
}

export function formatSeconds(s: number): string {
  if (s % 3600 === 0) return `${s / 3600}h`;
  if (s % 60 === 0) return `${s / 60}m`;
  return `${s}s`;
}
