// `dossier ingest` on a PostgreSQL corpus with workers running: the articles are read here and queued
// as one ingest run; the workers analyse them and their writer stores them (src/queue).
import { dbLabel, printJson, withStore } from '../context.ts';
import { formatRate, progressBar } from '../progress.ts';

const SKIP_NOTES = 10;

export async function queuedIngest(paths: string[], opts: { db: string; source?: string; json?: boolean; wait?: boolean }, workers: number): Promise<void> {
  const { queueIngest } = await import('../../queue/index.ts');
  const { readInputs } = await import('../../readers/index.ts');
  const { describeFailure } = await import('../../pipeline/ingest.ts');
  const skipped: { file: string; reason: string }[] = [];
  const started = performance.now();
  process.stderr.write(`${workers} worker(s) running on ${dbLabel(opts.db)}: queuing the articles for them${opts.wait ? '' : ' (--wait follows them until stored)'}\n`);
  const result = await withStore(opts.db, async (store) => {
    const inputs = readInputs(paths, {
      onSkip: (file, reason) => {
        skipped.push({ file, reason });
        if (skipped.length <= SKIP_NOTES) process.stderr.write(`skipped ${file}: ${reason}; name it on the command line to read it anyway\n`);
      },
    });
    let bar = progressBar('queue', null);
    let waiting = false;
    // Ctrl-C while queuing: stop reading, keep what was queued (the workers finish it); again: quit
    const stop = new AbortController();
    const onInt = () => {
      if (stop.signal.aborted || waiting) process.exit(130);
      process.stderr.write('\nstopping: the articles queued so far stay queued (Ctrl-C again to quit at once)\n');
      stop.abort();
    };
    process.on('SIGINT', onInt);
    try {
      return await queueIngest(opts.db, store, inputs, {
        label: paths.join(' '),
        source: opts.source,
        wait: opts.wait,
        signal: stop.signal,
        onProgress: (p) => bar.update(p.read, { errors: p.errors, note: `${p.queued} queued` }),
        onWait: (s) => {
          if (!waiting) {
            bar.stop();
            bar = progressBar('stored', s.total);
            waiting = true;
          }
          bar.update(s.written, { errors: s.failed, note: `${s.stored} new` });
        },
      });
    } finally {
      process.off('SIGINT', onInt);
      bar.stop();
    }
  });
  if (skipped.length > SKIP_NOTES) process.stderr.write(`skipped ${skipped.length - SKIP_NOTES} more file(s) that are not articles (--json lists them all)\n`);
  const { queued, done } = result;
  const seconds = (performance.now() - started) / 1000;
  if (opts.json) {
    const outcome = done
      ? { stored: done.stored, duplicates: done.duplicates, failed: done.failed, failures: done.failures }
      : { duplicates: queued.duplicates, failed: queued.failures.length, failures: queued.failures };
    printJson({ run: queued.run, read: queued.read, queued: queued.queued, finished: Boolean(done), ...outcome, skipped, seconds });
  } else {
    for (const f of queued.failures) process.stderr.write(`error: ${describeFailure(f)}\n`);
    if (!done) {
      process.stdout.write(
        `queued ${queued.queued} article(s) as ingest run ${queued.run}, ${queued.duplicates} already stored, ${queued.failures.length} failed` +
          `${skipped.length ? `, ${skipped.length} file(s) skipped` : ''} — ${queued.read} read in ${seconds.toFixed(1)} s; \`dossier queue --db …\` shows their progress\n`,
      );
    } else {
      for (const f of done.failures.filter((f) => f.seq !== null)) process.stderr.write(`error: ${describeFailure(f)}\n`);
      const rate = formatRate(done.read, seconds);
      process.stdout.write(
        `ingested ${done.stored} new article(s), ${done.duplicates} already stored, ${done.failed} failed` +
          `${skipped.length ? `, ${skipped.length} file(s) skipped` : ''} — ${done.read} read in ${seconds.toFixed(1)} s${rate ? ` (${rate})` : ''}, by ${workers} worker(s) (ingest run ${queued.run})\n`,
      );
    }
  }
  if (queued.failures.length > 0 || (done && done.failed > 0)) process.exitCode = 1;
}
