// The paging line every CLI list prints when a page holds fewer rows than the whole list.

/**
 * "showing 1–50 of 305 (--limit / --offset for more)" when `shown` rows from `offset` are fewer than
 * `total`; '' when the page holds the whole list.
 */
export function pageNote(total: number, offset: number, shown: number): string {
  if (shown >= total && offset === 0) return '';
  if (shown === 0) return `showing none of ${total} (--offset ${offset} is past the end; --limit / --offset for more)`;
  return `showing ${offset + 1}–${offset + shown} of ${total} (--limit / --offset for more)`;
}
