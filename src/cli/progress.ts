// Progress bar for long runs (ingest, reanalyze) on stderr; silent when stderr is not a terminal.
import cliProgress from 'cli-progress';

export interface ProgressReporter {
  update(done: number, payload: { errors: number; note?: string }): void;
  stop(): void;
}

export function progressBar(label: string, total: number | null): ProgressReporter {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const started = performance.now();
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: total
        ? `${label} [{bar}] {percentage}% | {value}/{total} | {rate} articles/s | errors {errors} | {note}`
        : `${label} {value} articles | {rate} articles/s | errors {errors} | {note}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total ?? 0, 0, { rate: '0', errors: 0, note: '' });
  return {
    update(done, payload) {
      const secs = (performance.now() - started) / 1000;
      const rate = secs > 0 ? (done / secs).toFixed(0) : '0';
      const note = (payload.note ?? '').slice(-40);
      if (!total) bar.setTotal(done);
      bar.update(done, { rate, errors: payload.errors, note });
    },
    stop() {
      bar.stop();
    },
  };
}
