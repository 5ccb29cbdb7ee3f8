// The article's header block between the headline and the body: a dek (standfirst or pull quote)
// and a byline written as a bare name ("Ryan Morgan"). Both are recognised only by their place in
// a block that also holds header residue (a byline, a timestamp, the repeated headline).
import type { RemovalReason } from '../types.ts';
import { isBareName } from './names.ts';
import { titleKey, wordCount } from './text.ts';

/** Longest dek, in words. */
export const MAX_DEK_WORDS = 60;

/**
 * Longest paragraph taken as the dek only because it repeats the page's description. Web pages very
 * often describe themselves with their first paragraph: a lead of more words is the body's first
 * paragraph (on trafilatura-eval, taking such leads as deks lost 29 of the 1,478 segments that
 * annotators count as main text, and removed 9 that they do not).
 */
export const MAX_DESCRIPTION_DEK_WORDS = 20;

/** Removed items that only occur in an article's header: a dek is followed by one of them. */
const HEADER_RESIDUE: ReadonlySet<RemovalReason> = new Set(['byline', 'timestamp']);
/** Removed items a bare-name byline may sit next to. */
const BYLINE_NEIGHBOURS: ReadonlySet<RemovalReason> = new Set(['byline', 'timestamp', 'duplicate-title', 'caption', 'credit', 'media']);

/** A dateline ("WASHINGTON (AP) —", "DEN HAAG -") opens the body, never a dek. */
const DATELINE = /^[\p{Lu}][\p{L}.,'’ ]{1,40}?(?:\s*\([^)]{1,30}\))?\s*[—–-]\s/u;

function isDekShaped(p: string): boolean {
  return wordCount(p) <= MAX_DEK_WORDS && !DATELINE.test(p) && !/:$/.test(p);
}

export interface HeaderItem {
  text: string;
  reason: RemovalReason | null;
}

/**
 * Marks the dek and bare-name bylines of the header starting at `start` (the paragraph after the
 * title, or 0 without one). Mutates `reason` of the items it recognises.
 */
export function markHeader(items: HeaderItem[], start: number, hasTitle: boolean, description?: string): void {
  let dek = -1;
  let residueAfterDek = false;
  const names: number[] = [];
  let end = start;
  for (; end < items.length; end++) {
    const it = items[end];
    if (it.reason !== null) {
      if (dek >= 0 && HEADER_RESIDUE.has(it.reason)) residueAfterDek = true;
      continue;
    }
    if (isBareName(it.text)) {
      names.push(end);
      continue;
    }
    if (hasTitle && dek < 0 && names.length === 0 && isDekShaped(it.text)) {
      dek = end;
      continue;
    }
    break;
  }
  const bylines = names.filter((i) => {
    const near = [items[i - 1], items[i + 1]];
    return near.some((n) => n !== undefined && n.reason !== null && BYLINE_NEIGHBOURS.has(n.reason));
  });
  for (const i of bylines) items[i].reason = 'byline';
  if (dek >= 0 && (residueAfterDek || bylines.some((i) => i > dek))) items[dek].reason = 'dek';
  // A paragraph repeating the metadata description right under the title is the dek, too.
  if (hasTitle && description) {
    const key = titleKey(description);
    const first = items.findIndex((it, i) => i >= start && it.reason === null);
    if (first >= 0 && key.length > 0 && titleKey(items[first].text) === key && wordCount(items[first].text) <= MAX_DESCRIPTION_DEK_WORDS) items[first].reason = 'dek';
  }
}
