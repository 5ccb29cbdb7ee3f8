// Progress of long runs (ingest, reanalyze, restory) on stderr. On a terminal: a bar redrawn in place
// (cli-progress). Anywhere else — piped, redirected, in the background — one line every few seconds,
// so a log shows the run is alive and how far it got. The rate appears once it means something.
import { createRequire } from 'node:module';
import type cliProgressModule from 'cli-progress';

export interface ProgressReporter {
  update(done: number, payload: { errors: number; note?: string }): void;
  stop(): void;
}

export interface ProgressOptions {
  /** Where to write (process.stderr); a bar when it is a terminal, lines otherwise. */
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Seconds between lines off a terminal (default: DOSSIER_PROGRESS_SECONDS, else 5). */
  intervalSeconds?: number;
  /** The clock, in milliseconds (performance.now). */
  now?: () => number;
}

/** Seconds between progress lines off a terminal. */
export const DEFAULT_INTERVAL_SECONDS = 5;

/** "12 articles/s", "0.40 articles/s"; null before a second has passed or an article was done. */
export function formatRate(done: number, seconds: number): string | null {
  if (done <= 0 || !(seconds >= 1)) return null;
  const rate = done / seconds;
  return `${rate >= 10 ? rate.toFixed(0) : rate >= 1 ? rate.toFixed(1) : rate.toFixed(2)} articles/s`;
}

export function progressBar(label: string, total: number | null, opts: ProgressOptions = {}): ProgressReporter {
  const stream = opts.stream ?? process.stderr;
  const now = opts.now ?? (() => performance.now());
  if (!stream.isTTY) return progressLines(label, total, stream, intervalSeconds(opts) * 1000, now);
  // loaded here: a command that never draws a bar does not load it
  const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof cliProgressModule;
  const started = now();
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: total
        ? `${label} [{bar}] {percentage}% | {value}/{total}{rate} | errors {errors} | {note}`
        : `${label} {value} articles{rate} | errors {errors} | {note}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total ?? 0, 0, { rate: '', errors: 0, note: '' });
  return {
    update(done, payload) {
      const rate = formatRate(done, (now() - started) / 1000);
      const note = (payload.note ?? '').slice(-40);
      if (!total) bar.setTotal(done);
      bar.update(done, { rate: rate ? ` | ${rate}` : '', errors: payload.errors, note });
    },
    stop() {
      bar.stop();
    },
  };
}

function intervalSeconds(opts: ProgressOptions): number {
  if (opts.intervalSeconds !== undefined) return opts.intervalSeconds;
  const env = Number(process.env.DOSSIER_PROGRESS_SECONDS);
  return process.env.DOSSIER_PROGRESS_SECONDS && Number.isFinite(env) && env > 0 ? env : DEFAULT_INTERVAL_SECONDS;
}

/** "ingest: 1200 articles, 3 errors, 45 articles/s, 27 s — bbc/tech/123.txt", every `intervalMs`. */
function progressLines(label: string, total: number | null, stream: NodeJS.WritableStream, intervalMs: number, now: () => number): ProgressReporter {
  const started = now();
  let done = 0;
  let errors = 0;
  let note = '';
  const timer = setInterval(() => {
    const seconds = (now() - started) / 1000;
    const rate = formatRate(done, seconds);
    const parts = [`${done}${total ? ` of ${total}` : ''} articles`, `${errors} error${errors === 1 ? '' : 's'}`, ...(rate ? [rate] : []), `${seconds.toFixed(0)} s`];
    stream.write(`${label}: ${parts.join(', ')}${note ? ` — ${note}` : ''}\n`);
  }, intervalMs);
  timer.unref();
  return {
    update(d, payload) {
      done = d;
      errors = payload.errors;
      if (payload.note !== undefined) note = payload.note;
    },
    stop() {
      clearInterval(timer);
    },
  };
}
