// What every command shares: where the database is, how errors and JSON are printed. Every command
// module imports this one when the program is built, so it loads no store: openStore imports the
// one the database needs.
import { resolve } from 'node:path';
import { isPostgresUrl, redactUrl } from '../store/postgres/url.ts';
import type { Corpus } from '../corpus/index.ts';
import type { Store, StoreStats } from '../store/store.ts';
import { analysisVersion, outdatedArticles } from '../analysis/version.ts';

export const DEFAULT_DB = process.env.DOSSIER_DB ?? './dossier.db';

/** An error the user caused (bad argument, unknown id, malformed query): printed as one line, exit 2. */
export class UsageError extends Error {
  constructor(message: string, public exitCode = 2) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The store at `db`: a postgres:// or postgresql:// URL opens PostgreSQL, anything else is a SQLite file. */
export async function openStore(db: string | undefined): Promise<Store> {
  const where = db ?? DEFAULT_DB;
  // PostgreSQL connects and migrates in the background; the first call on the store waits for it.
  if (isPostgresUrl(where)) return (await import('../store/postgres/index.ts')).openPostgresStore(where);
  return (await import('../store/sqlite/index.ts')).openSqliteStore(resolve(where));
}

/** The database as messages name it: a PostgreSQL URL without its password. */
export function dbLabel(db: string): string {
  return isPostgresUrl(db) ? redactUrl(db) : db;
}

/** "N articles were analysed by another version of Dossier …" when the store holds any, else null. */
export function outdatedNote(stats: StoreStats): string | null {
  const outdated = outdatedArticles(stats.analysisVersions);
  if (outdated === 0) return null;
  return `${outdated} of ${stats.articles} article(s) were analysed by another version of Dossier (this one is ${analysisVersion()}): run \`dossier reanalyze\` to bring them up to date`;
}

/** Runs `fn` with an open store and always closes it. */
/** The corpus stages over a store (loaded when a command first needs them, not at start-up). */
export async function corpusOf(store: Store): Promise<Corpus> {
  return (await import('../corpus/index.ts')).openCorpus(store);
}

export async function withStore<T>(db: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value) + '\n');
}

export function parseIntOption(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a non-negative integer, got "${value}"`);
    return n;
  };
}

export function parseDateOption(name: string) {
  return (value: string): string => {
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) throw new UsageError(`--${name} must be a date like 2024-05-01 (or 2024-05, 2024), got "${value}"`);
    return value;
  };
}

/** Highlights the store's [[match]] markers for a terminal (bold), or strips them when not a TTY. */
export function renderSnippet(snippet: string, tty = process.stdout.isTTY): string {
  return snippet.replace(/\[\[(.*?)\]\]/gs, (_, m: string) => (tty ? `\x1b[1m${m}\x1b[22m` : `*${m}*`)).replace(/\s+/g, ' ');
}
