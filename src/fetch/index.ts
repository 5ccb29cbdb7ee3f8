// Fetching from the web: the polite HTTP client (robots.txt, per-host politeness, conditional GET,
// timeouts, redirects, size caps, retries) and the decoding of what it brings. It hands bytes and
// text to src/sources and the readers; it knows nothing of articles.
export { Fetcher, FETCH_DEFAULTS, type FetcherOptions, type FetchResult, type GetOptions } from './client.ts';
export { FetchError, type FetchFailure } from './errors.ts';
export { decodeBody, documentCharset, headerCharset, type DecodedBody } from './charset.ts';
export { systemClock, type Clock } from './clock.ts';
export { userAgent, dossierVersion } from './user-agent.ts';
export { formatBytes } from './http.ts';
