// Re-analysis as a background job (src/pipeline/reanalyze.ts): rebuilds every layer of stored
// articles from their stored input (after an upgrade of the analysis). One job at a time; its
// progress can be polled. It yields to the event loop between articles so the server keeps
// answering while it runs.
import { reanalyzeStored } from '../pipeline/reanalyze.ts';
import type { AnalysisPool } from '../pipeline/analysis-pool.ts';
import type { Store } from '../store/store.ts';
import type { ReanalysisStatus } from '../api/reanalysis.ts';

export type { ReanalysisStatus };

export class ReanalysisJob {
  private status: ReanalysisStatus = { state: 'idle', total: 0, done: 0, reanalyzed: 0, failures: [], startedAt: null, finishedAt: null };
  private running: Promise<void> | null = null;
  private stopping = false;

  /** `pool` gives the server's analysis worker threads (the job analyses on them, never on the request thread). */
  constructor(
    private store: Store,
    private pool?: () => AnalysisPool,
  ) {}

  get current(): ReanalysisStatus {
    return { ...this.status, failures: [...this.status.failures] };
  }

  get isRunning(): boolean {
    return this.running !== null;
  }

  /** Starts a job over `ids` (full ids) or every article; false when one is already running. */
  start(ids?: string[]): boolean {
    if (this.running) return false;
    const wanted = ids ? new Set(ids) : null;
    this.status = { state: 'running', total: wanted ? wanted.size : 0, done: 0, reanalyzed: 0, failures: [], startedAt: new Date().toISOString(), finishedAt: null };
    this.running = this.run(wanted).finally(() => {
      this.running = null;
    });
    return true;
  }

  /** Resolves when the running job (if any) has finished. */
  async settled(): Promise<void> {
    await this.running;
  }

  /** Stops a running job after the article in hand (the server is closing). */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
    this.stopping = false;
  }

  private async run(wanted: Set<string> | null): Promise<void> {
    const s = this.status;
    try {
      if (!wanted) s.total = (await this.store.stats()).articles;
      const result = await reanalyzeStored(this.store, {
        ids: wanted ?? undefined,
        yieldBetween: true,
        ...(this.pool && { pool: this.pool() }),
        shouldStop: () => this.stopping,
        onProgress: (done) => {
          s.done = done;
        },
      });
      s.reanalyzed = result.reanalyzed;
      s.failures = result.failures;
      s.state = 'done';
    } catch (err) {
      s.state = 'failed';
      s.error = err instanceof Error ? (this.stopping ? 'stopped: the server is closing' : err.message) : String(err);
    } finally {
      s.finishedAt = new Date().toISOString();
    }
  }
}
