// Following sources: what feeds, sitemaps and URL lists list, the canonical form of item URLs, when
// a source is polled next, and how syndicated copies are recognised. The loop that polls them and
// ingests what they list is src/pipeline/follow.ts.
export { readSourceDocument, readUrlList, DocumentError, type ListedItem, type SourceDocument } from './documents.ts';
export { canonicalUrl, pageCanonical } from './canonical.ts';
export { DEFAULT_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS, nextDue, parseInterval, secondsUntilNextPoll } from './schedule.ts';
export { COPY_SIMILARITY, MIN_COPY_WORDS, bandBuckets, jaccard, shingles } from './copies.ts';
