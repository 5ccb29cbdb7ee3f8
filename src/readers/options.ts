// Reader limits and how they are shown to people.

export interface ReaderOptions {
  /** Largest single-article input (a .txt or .html file, or one JSONL line), in bytes. Default 10 MB. */
  maxArticleBytes?: number;
  /** Largest RSS/Atom feed file, in bytes. Default 50 MB. */
  maxFeedBytes?: number;
}

export const DEFAULT_MAX_ARTICLE_BYTES = 10_000_000;
export const DEFAULT_MAX_FEED_BYTES = 50_000_000;

export interface ReaderLimits {
  maxArticleBytes: number;
  maxFeedBytes: number;
}

export function resolveLimits(opts: ReaderOptions = {}): ReaderLimits {
  const maxArticleBytes = opts.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  const maxFeedBytes = opts.maxFeedBytes ?? DEFAULT_MAX_FEED_BYTES;
  for (const [name, v] of [['maxArticleBytes', maxArticleBytes], ['maxFeedBytes', maxFeedBytes]] as const) {
    if (!Number.isFinite(v) || v <= 0) throw new RangeError(`${name} must be a positive number, got ${v}`);
  }
  return { maxArticleBytes, maxFeedBytes };
}

/** "12.5 MB", "800 kB", "312 bytes" (decimal units, as the limits are stated). */
export function formatBytes(n: number): string {
  if (n >= 1_000_000) return `${trimZero((n / 1_000_000).toFixed(1))} MB`;
  if (n >= 1_000) return `${trimZero((n / 1_000).toFixed(1))} kB`;
  return `${n} bytes`;
}

function trimZero(s: string): string {
  return s.endsWith('.0') ? s.slice(0, -2) : s;
}

/** The message for an input over its size limit; `size` is undefined when the input is a stream
 *  that was not read to its end. */
export function tooLargeReason(what: string, size: number | undefined, limit: number): string {
  if (size === undefined) return `${what} is larger than the ${formatBytes(limit)} limit`;
  return `${what} is ${formatBytes(size)} (${size} bytes), over the ${formatBytes(limit)} limit`;
}
