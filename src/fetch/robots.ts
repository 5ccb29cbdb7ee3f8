// robots.txt, fetched once per origin and kept (24 hours; 1 hour when it could not be read), read
// with robots-parser as RFC 9309 says: a robots.txt that is missing (4xx) allows everything, one that
// cannot be read (5xx, network error, timeout) forbids everything until it can be read again.
import robotsParserModule from 'robots-parser';
import type { Clock } from './clock.ts';
import { ROBOTS_AGENT } from './user-agent.ts';

export interface RobotsRules {
  allowed(url: string): boolean;
  /** Crawl-delay for Dossier, in milliseconds. */
  crawlDelayMs?: number;
  /** Why everything is forbidden, when the file could not be read. */
  unreachable?: string;
}

/** Fetches robots.txt: its status and text, or throws when it cannot be reached. */
export type RobotsFetch = (url: string) => Promise<{ status: number; text: string }>;

// robots-parser is CommonJS (module.exports = function); its typings declare an ES default export.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
};

const OK_TTL_MS = 24 * 3600_000;
const FAILED_TTL_MS = 3600_000;

export class RobotsCache {
  private cache = new Map<string, { rules: RobotsRules; until: number }>();
  private pending = new Map<string, Promise<RobotsRules>>();

  constructor(
    private readonly fetchRobots: RobotsFetch,
    private readonly clock: Clock,
  ) {}

  async rules(url: string): Promise<RobotsRules> {
    const origin = new URL(url).origin;
    const hit = this.cache.get(origin);
    if (hit && hit.until > this.clock.now()) return hit.rules;
    let p = this.pending.get(origin);
    if (!p) {
      p = this.load(origin).finally(() => this.pending.delete(origin));
      this.pending.set(origin, p);
    }
    return p;
  }

  private async load(origin: string): Promise<RobotsRules> {
    const robotsUrl = `${origin}/robots.txt`;
    let rules: RobotsRules;
    let ttl = OK_TTL_MS;
    try {
      const { status, text } = await this.fetchRobots(robotsUrl);
      if (status >= 200 && status < 300) {
        const robot = robotsParser(robotsUrl, text);
        const delay = robot.getCrawlDelay(ROBOTS_AGENT);
        rules = {
          allowed: (u) => robot.isAllowed(u, ROBOTS_AGENT) !== false,
          ...(delay !== undefined && Number.isFinite(delay) && delay > 0 ? { crawlDelayMs: Math.min(delay, 60) * 1000 } : {}),
        };
      } else if (status >= 400 && status < 500) {
        rules = { allowed: () => true };
      } else {
        ttl = FAILED_TTL_MS;
        rules = { allowed: () => false, unreachable: `its robots.txt answered HTTP ${status}` };
      }
    } catch (e) {
      ttl = FAILED_TTL_MS;
      rules = { allowed: () => false, unreachable: `its robots.txt could not be read (${(e as Error).message})` };
    }
    this.cache.set(origin, { rules, until: this.clock.now() + ttl });
    return rules;
  }
}
