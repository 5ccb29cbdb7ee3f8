// Why a fetch failed, in words a user can act on, and whether trying again later may help.

export type FetchFailure =
  | 'timeout'
  | 'too-large'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'http'
  | 'network'
  | 'robots'
  /** robots.txt could not be read (5xx, network): the host is not fetched until it can be. */
  | 'robots-unreachable'
  | 'bad-url';

export class FetchError extends Error {
  constructor(
    readonly url: string,
    readonly kind: FetchFailure,
    message: string,
    /** A later attempt may succeed (timeouts, network errors, 5xx, 429). */
    readonly retryable: boolean,
    readonly status?: number,
    /** Seconds the server asked to wait (Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}
