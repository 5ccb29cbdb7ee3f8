// What both stores share about the source tables: the columns a change may set, and how a source is looked up.

export const SOURCE_UPDATABLE = new Set([
  'kind', 'name', 'interval_seconds', 'next_due_at', 'last_polled_at', 'last_ok_at', 'etag', 'last_modified', 'failures', 'last_error',
]);

export const ITEM_UPDATABLE = new Set(['status', 'attempts', 'fetched_at', 'article_id', 'error']);

/** A source is named by its number or its URL. */
export function sourceLookup(idOrUrl: number | string): ['id' | 'url', number | string] {
  if (typeof idOrUrl === 'number') return ['id', idOrUrl];
  return /^\d+$/.test(idOrUrl) ? ['id', Number(idOrUrl)] : ['url', idOrUrl];
}
