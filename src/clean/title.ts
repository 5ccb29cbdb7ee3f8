// The headline: from metadata when there is one (a first line repeating it is removed), otherwise
// the first paragraph when it has a headline's shape. A body sentence is never promoted.
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
