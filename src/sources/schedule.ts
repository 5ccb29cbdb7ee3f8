// When a source is polled next: after its interval when the poll succeeded; after a failure, sooner
// at first and then less and less often (exponential backoff from 5 minutes, doubled per failure in
// a row, never more than 24 hours), so a source that is down keeps being retried without hammering.

export const DEFAULT_INTERVAL_SECONDS = 15 * 60;
export const MIN_INTERVAL_SECONDS = 60;
const FIRST_RETRY_SECONDS = 5 * 60;
const MAX_RETRY_SECONDS = 24 * 3600;

/** Seconds until the next poll after `failures` failed polls in a row (0: the last one succeeded). */
export function secondsUntilNextPoll(intervalSeconds: number, failures: number): number {
  if (failures <= 0) return intervalSeconds;
  return Math.min(MAX_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** (failures - 1));
}

export function nextDue(now: number, intervalSeconds: number, failures: number): string {
  return new Date(now + secondsUntilNextPoll(intervalSeconds, failures) * 1000).toISOString();
}

/** "15m", "1h", "90s", "2h30m" -> seconds; throws RangeError naming the value. */
export function parseInterval(s: string): number {
  const m = /^\s*(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s?)?\s*$/.exec(s);
  if (!m || (!m[1] && !m[2] && !m[3])) throw new RangeError(`not an interval: "${s}" (use e.g. 90s, 15m, 1h, 2h30m)`);
  const seconds = Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  if (seconds < MIN_INTERVAL_SECONDS) throw new RangeError(`interval "${s}" is shorter than ${MIN_INTERVAL_SECONDS} s: sources are not polled more often than once a minute`);
  return seconds;
}
