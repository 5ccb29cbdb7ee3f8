// The headline: from metadata when there is one (a first line repeating it is removed), otherwise
// the first paragraph when it has a headline's shape. A body sentence is never promoted.
import type { Item } from './paragraphs.ts';
import {
  capitalisedShare,
  endsWithPeriod,
  hasInnerSentenceBreak,
  startsCapitalised,
  stripClosers,
  titleKey,
  wordCount,
} from './text.ts';

export const MAX_TITLE_WORDS = 25;
export const MAX_TITLE_CHARS = 180;

/** The metadata title without a trailing site name ("Headline | Site", "Headline - Site"). */
export function titleWithoutSite(title: string): string {
  const m = /^(.{12,}?)\s+[|–—·:-]\s+[^|–—·:]{2,40}$/u.exec(title.trim());
  return m ? m[1] : title.trim();
}

/** True when a paragraph repeats the title (case, quotes, punctuation and a site suffix aside). */
export function repeatsTitle(paragraph: string, title: string): boolean {
  const p = titleKey(paragraph);
  if (p.length === 0) return false;
  return p === titleKey(title) || p === titleKey(titleWithoutSite(title));
}

/**
 * A paragraph shaped like a headline: short, one sentence at most, not a statement ending in a
 * period, not ending mid-phrase (":", ",", "-"), starting with a capital, and either title-cased,
 * followed by a blank line, or shorter than the paragraph after it.
 */
export function looksLikeHeadline(p: string, next: string, blankAfter: boolean): boolean {
  const n = wordCount(p);
  if (n === 0 || n > MAX_TITLE_WORDS || p.length > MAX_TITLE_CHARS) return false;
  if (!startsCapitalised(p)) return false;
  if (endsWithPeriod(p) && !/(?:\.\.\.|…)$/u.test(stripClosers(p))) return false;
  if (/[:;,–—-]$/u.test(stripClosers(p))) return false;
  if (/[”"’»]$/u.test(p) && /^[“"‘«]/u.test(p)) return false; // a quotation, not a headline
  if (hasInnerSentenceBreak(p)) return false;
  if (wordCount(next) === 0) return false;
  return capitalisedShare(p) >= 0.6 || blankAfter || next.length > p.length * 1.5;
}

/**
 * Finds the headline among the items still kept and marks it 'title' (a metadata title broken
 * over two lines marks both), and marks its repeats 'duplicate-title'. Returns the title and the
 * index of its (first) line, -1 when the title is not in the text.
 */
export function markTitle(items: Item[], metaTitle: string | null): { title: string | null; index: number } {
  const kept = items.flatMap((it, i) => (it.reason === null ? [i] : []));
  let title: string | null = null;
  let index = -1;
  if (metaTitle) {
    title = metaTitle;
    const first = kept.slice(0, 4);
    index = first.find((i) => repeatsTitle(items[i].text, metaTitle)) ?? -1;
    if (index >= 0 && titleKey(items[index].text) !== titleKey(metaTitle)) title = titleWithoutSite(metaTitle);
    if (index < 0) {
      // A headline broken over two lines ("Headline;" / "Subheadline.").
      const k = first.findIndex((i, k) => k + 1 < first.length && repeatsTitle(`${items[i].text} ${items[first[k + 1]].text}`, metaTitle));
      if (k >= 0) {
        index = first[k];
        items[first[k + 1]].reason = 'title';
      }
    }
  } else if (kept.length >= 2) {
    const it = items[kept[0]];
    if (looksLikeHeadline(it.text, items[kept[1]].text, it.blankAfter)) {
      title = it.text;
      index = kept[0];
    }
  }
  if (index >= 0) items[index].reason = 'title';
  if (title !== null) {
    for (const it of items) if (it.reason === null && repeatsTitle(it.text, title)) it.reason = 'duplicate-title';
  }
  return { title, index };
}
