// Ingestion progress of a PostgreSQL corpus with `dossier worker` processes: the latest ingest runs
// (a bar each), throughput, live workers and failed jobs, polled while the panel is shown. Hidden
// for a corpus without a job queue (SQLite). Every string (file names, errors) goes in as text.
import { api, type QueueStatus } from '../api.ts';
import { h } from '../dom.ts';
import { plural } from '../format.ts';

const POLL_MS = 2000;

function runLine(r: QueueStatus['runs'][number]): HTMLElement {
  const total = r.total ?? r.queued;
  const state = r.finishedAt ? 'done' : r.total === null ? 'queuing…' : `${r.written} of ${r.total}`;
  return h(
    'li',
    { class: 'ingest-run' },
    h('span', { class: 'ingest-label' }, `Run ${r.run}: ${r.label}`),
    ' ',
    h('progress', { max: String(Math.max(1, total)), value: String(r.written), 'aria-label': `run ${r.run} progress` }),
    ' ',
    h('span', { class: 'muted' }, `${state} — ${r.stored} stored, ${r.duplicates} already stored${r.failed ? `, ${r.failed} failed` : ''}`),
  );
}

function render(s: QueueStatus): HTMLElement[] {
  const writer = s.workers.find((w) => w.writer);
  const pending = s.queues.analyse.pending + s.queues.analyse.active;
  const parts: (HTMLElement | null)[] = [
    h(
      'p',
      null,
      `${plural(s.workers.length, 'live worker')}${writer ? ` (writer: ${writer.host}, pid ${writer.pid})` : ''}; ` +
        `${pending} article(s) waiting for analysis, ${s.queues.write.pending + s.queues.write.active} for the writer; ` +
        `${s.analysedPerSecond} analysed/s over the last minute.`,
    ),
    s.runs.length ? h('ul', { class: 'ingest-runs' }, s.runs.slice(0, 5).map(runLine)) : h('p', { class: 'muted' }, 'No ingest run yet.'),
    s.failedJobs.length
      ? h(
          'details',
          null,
          h('summary', null, `${plural(s.failedJobs.length, 'failed job')}`),
          h('ul', { class: 'failures' }, s.failedJobs.map((f) => h('li', null, `${f.file ?? f.queue}: ${f.error}`))),
        )
      : null,
  ];
  return parts.filter((x): x is HTMLElement => x !== null);
}

/** The panel; it polls until `signal` aborts. */
export function ingestionPanel(signal: AbortSignal): HTMLElement {
  const body = h('div', { role: 'status', 'aria-live': 'polite' });
  const panel = h('section', { class: 'panel ingestion', hidden: true }, h('h2', null, 'Ingestion'), body);
  let timer: number | undefined;
  const poll = async () => {
    try {
      const s = await api.queue(signal);
      panel.hidden = !s.available;
      if (!s.available) return; // no queue: nothing to follow
      body.replaceChildren(...render(s));
    } catch {
      if (signal.aborted) return;
    }
    timer = window.setTimeout(poll, POLL_MS);
  };
  signal.addEventListener('abort', () => window.clearTimeout(timer));
  void poll();
  return panel;
}
