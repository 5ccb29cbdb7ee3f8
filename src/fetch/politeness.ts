// Per-host politeness: at most `concurrency` requests at a time to one host (1 by default) and at
// least `delayMs` between the starts of two requests to it (a robots.txt Crawl-delay raises it).
import type { Clock } from './clock.ts';

interface HostState {
  active: number;
  waiting: (() => void)[];
  /** The earliest time the next request may start. */
  nextStart: number;
}

export class HostGate {
  private hosts = new Map<string, HostState>();

  constructor(
    private readonly clock: Clock,
    private readonly opts: { delayMs: number; concurrency: number },
  ) {}

  /** Runs `fn` as a request to `host`, once the host's turn has come. */
  async run<T>(host: string, fn: () => Promise<T>, delayMs = this.opts.delayMs): Promise<T> {
    let s = this.hosts.get(host);
    if (!s) {
      s = { active: 0, waiting: [], nextStart: 0 };
      this.hosts.set(host, s);
    }
    if (s.active >= this.opts.concurrency) await new Promise<void>((resolve) => s.waiting.push(resolve));
    s.active++;
    try {
      const now = this.clock.now();
      const start = Math.max(now, s.nextStart);
      s.nextStart = start + delayMs;
      if (start > now) await this.clock.sleep(start - now);
      return await fn();
    } finally {
      s.active--;
      s.waiting.shift()?.();
    }
  }
}
