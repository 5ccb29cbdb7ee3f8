import type { Command } from 'commander';
import { isPostgresUrl } from '../../store/postgres/url.ts';
import { DEFAULT_DB, dbLabel, printJson } from '../context.ts';
import type { QueueStatus } from '../../api/queue.ts';

export function registerQueue(program: Command): void {
  program
    .command('queue')
    .description('Show the job queue of a PostgreSQL corpus: pending, active and failed jobs, throughput, live workers, ingest runs')
    .option('--db <url>', 'the corpus database: a postgres:// URL', DEFAULT_DB)
    .option('--json', 'print the status as JSON (the shape of GET /api/queue)')
    .action(async (opts: { db: string; json?: boolean }) => {
      const { queueStatus, emptyQueueStatus } = await import('../../queue/status.ts');
      const status = isPostgresUrl(opts.db) ? await queueStatus(opts.db) : emptyQueueStatus();
      if (opts.json) return printJson(status);
      process.stdout.write(formatQueue(status, opts.db));
    });
}

export function formatQueue(s: QueueStatus, db: string): string {
  if (!s.available) {
    return isPostgresUrl(db)
      ? `no job queue on ${dbLabel(db)} yet: start \`dossier worker --db <url>\` on the machines that should share the work\n`
      : `${db} is a SQLite corpus: it is ingested in one process and has no job queue (a postgres:// corpus has one)\n`;
  }
  const lines: string[] = [];
  const q = (name: string, c: QueueStatus['queues']['analyse']) =>
    `  ${name.padEnd(13)} ${String(c.pending).padStart(8)} ${String(c.active).padStart(8)} ${String(c.failed).padStart(8)} ${String(c.completed).padStart(10)}`;
  lines.push(`jobs on ${dbLabel(db)}:`, `  ${'queue'.padEnd(13)} ${'pending'.padStart(8)} ${'active'.padStart(8)} ${'failed'.padStart(8)} ${'completed'.padStart(10)}`);
  lines.push(q('analyse', s.queues.analyse), q('write', s.queues.write), q('dead letters', s.queues.deadLetters));
  lines.push(`throughput: ${s.analysedPerSecond} articles analysed/s over the last minute; job table ${s.jobRows} row(s), archive ${s.archiveRows} (completed jobs are archived after 60 s, deleted 2 min later)`);
  lines.push(s.workers.length ? `${s.workers.length} live worker(s):` : 'no live workers');
  for (const w of s.workers) {
    lines.push(`  ${w.host} pid ${w.pid}: ${w.threads} thread(s), analysed ${w.analysed}, ${w.rssMb} MB${w.writer ? ', writer' : ''} (since ${w.startedAt})`);
  }
  if (s.runs.length) lines.push('ingest runs (newest first):');
  for (const r of s.runs) {
    const state = r.finishedAt ? `done ${r.finishedAt}` : r.total === null ? 'queuing' : `${r.written}/${r.total} written`;
    lines.push(`  run ${r.run} ${JSON.stringify(r.label).slice(0, 60)}: ${r.queued} queued, ${r.stored} stored, ${r.duplicates} already stored, ${r.failed} failed — ${state}`);
  }
  if (s.failedJobs.length) lines.push('failed jobs (newest first):');
  for (const f of s.failedJobs) lines.push(`  ${f.queue} ${f.id}${f.file ? ` ${f.file}` : ''}: ${f.error.replace(/\s+/g, ' ').slice(0, 300)}`);
  return lines.join('\n') + '\n';
}
