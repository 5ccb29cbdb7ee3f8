import type { Command } from 'commander';
import { packagePath } from '../../paths.ts';
import { relative } from 'node:path';
import { isPostgresUrl } from '../../store/postgres/url.ts';
import { DEFAULT_DB, UsageError, dbLabel, openStore, outdatedNote, parseIntOption } from '../context.ts';
import type { Store } from '../../store/store.ts';

const EXAMPLES_DIR = packagePath('examples/');
const DEFAULT_PORT = Number(process.env.PORT ?? 8080);

interface ServeOpts {
  db: string;
  port: number;
  host: string;
  watch?: boolean;
  staleSeconds?: number;
}

async function serve(store: Store, opts: ServeOpts): Promise<void> {
  const { buildServer, listeningMessage, UnsafeBindingError } = await import('../../server/app.ts');
  let app;
  try {
    app = await buildServer(store, { host: opts.host, token: process.env.DOSSIER_TOKEN || undefined, watchSources: opts.watch, staleSeconds: opts.staleSeconds, ...(isPostgresUrl(opts.db) ? { queueDb: opts.db } : {}) });
  } catch (err) {
    if (err instanceof UnsafeBindingError) throw new UsageError(err.message);
    throw err;
  }
  const close = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  // A deep accept queue: a burst of clients (1,000 at once in bench/load.ts) waits in it instead of
  // retrying its connection a second later.
  const address = await app.listen({ port: opts.port, host: opts.host, backlog: 4096 });
  process.stdout.write(`Dossier is serving ${dbLabel(opts.db)} at ${listeningMessage(opts.host, address)}  (Ctrl-C to stop)\n`);
  const note = outdatedNote(await store.stats());
  if (note) process.stderr.write(`note: ${note}\n`);
}

export function registerServe(program: Command): void {
  const common = (cmd: Command) =>
    cmd
      .option('--db <file|url>', 'database: SQLite file or postgres:// URL', DEFAULT_DB)
      .option('--port <n>', 'port to listen on (env PORT)', parseIntOption('port'), DEFAULT_PORT)
      .option('--host <addr>', 'address to bind (off loopback needs DOSSIER_TOKEN)', '127.0.0.1')
      .option('--watch', 'also poll the followed sources when due (as `dossier watch` does)')
      .option('--stale-seconds <s>', 'after a write, serve the previous answer of a read route for up to <s> seconds while the new one is computed (default 0)', (v: string) => {
        const n = Number(v);
        if (!(n >= 0) || !Number.isFinite(n)) throw new UsageError(`--stale-seconds must be a number of seconds ≥ 0 (got "${v}")`);
        return n;
      });

  common(program.command('serve').description('Serve the JSON API and the web UI'))
    .addHelpText('after', '\nExample:\n  dossier serve --db dossier.db --port 8080\n  dossier serve --watch      # sources added on the Add page are polled too')
    .action(async (opts: ServeOpts) => serve(await openStore(opts.db), opts));

  common(program.command('start').description('Ingest the bundled example articles (if not stored yet), then serve (what `npm start` runs)'))
    .action(async (opts: ServeOpts) => {
      // the server's modules start loading before the examples are read
      import('../../server/app.ts').catch(() => {}); // a failure surfaces in serve()
      const { describeFailure, ingestPaths } = await import('../../pipeline/ingest.ts');
      const store = await openStore(opts.db);
      const rel = relative(process.cwd(), EXAMPLES_DIR);
      // five articles: analysed on the main thread, as small uploads are (worker threads would each
      // load the analyzer first, which takes longer than analysing them)
      const summary = await ingestPaths(store, [rel.startsWith('..') ? EXAMPLES_DIR : rel], { workers: 0 });
      for (const f of summary.failures) process.stderr.write(`error: ${describeFailure(f)}\n`);
      process.stdout.write(`examples: ${summary.inserted} new, ${summary.duplicates} already stored in ${dbLabel(opts.db)}\n`);
      await serve(store, opts);
    });
}
