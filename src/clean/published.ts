// The publication date and where it was found, in order of trust: metadata; a dated URL (the
// article's own URL first, else the latest date among linked/image URLs — they all existed when
// the article was published); a dated photo caption (the latest); a timestamp or dateline in the
// text (the earliest: publication precedes updates). Never guessed: none of these -> null.
import type { PublishedAtSource } from '../types.ts';
import { findDates, parseDateString, urlDates } from './dates.ts';

export interface DateEvidence {
  metadata?: string;
  /** The article's own URL. */
  articleUrl?: string;
  /** Other URLs of the raw input (images, links). */
  urls: string[];
  /** Texts of removed captions. */
  captions: string[];
  /** Texts of removed timestamps and bylines. */
  timestamps: string[];
  /** First body paragraph, for a dateline ("WASHINGTON, May 1, 2024 —"). */
  firstParagraph?: string;
}

export interface PublishedAt {
  publishedAt: string | null;
  publishedAtFrom: PublishedAtSource;
}

const latest = (dates: string[]) => (dates.length ? [...dates].sort().at(-1)! : null);
const earliest = (dates: string[]) => (dates.length ? [...dates].sort()[0] : null);

/** The date of a dateline opening the paragraph: "[PLACE[ (Agency)],] DATE —". */
export function datelineDate(p: string): string | null {
  const d = findDates(p.slice(0, 90))[0];
  if (!d) return null;
  const before = p.slice(0, d.index);
  const after = p.slice(d.index + d.length);
  // Nothing, or a place in capitals ("WASHINGTON", "MANCHESTER, N.H.") or followed by a comma
  // ("Washington,"), with an optional agency: "DEN HAAG (ANP),".
  const place =
    /^(?:(?:[\p{Lu}][\p{Lu}.'’ -]{0,40}(?:,\s*[\p{Lu}][\p{L}.]{0,10})?|[\p{Lu}][\p{L}.'’ -]{0,40},)\s*(?:\([^)]{1,30}\))?\s*,?\s*)?$/u;
  if (!place.test(before)) return null;
  return /^\s*,?\s*(?:\([^)]{1,30}\)\s*)?[–—-]/u.test(after) ? d.iso : null;
}

export function choosePublishedAt(e: DateEvidence): PublishedAt {
  const meta = e.metadata ? parseDateString(e.metadata) : null;
  if (meta) return { publishedAt: meta, publishedAtFrom: 'metadata' };
  const own = e.articleUrl ? urlDates(e.articleUrl)[0] : undefined;
  if (own) return { publishedAt: own, publishedAtFrom: 'url' };
  const fromUrls = latest(e.urls.flatMap(urlDates));
  if (fromUrls) return { publishedAt: fromUrls, publishedAtFrom: 'url' };
  const fromCaptions = latest(e.captions.flatMap((c) => findDates(c).map((d) => d.iso)));
  if (fromCaptions) return { publishedAt: fromCaptions, publishedAtFrom: 'caption' };
  const stamped = earliest(e.timestamps.flatMap((t) => findDates(t).map((d) => d.iso)));
  if (stamped) return { publishedAt: stamped, publishedAtFrom: 'text' };
  const dateline = e.firstParagraph ? datelineDate(e.firstParagraph) : null;
  if (dateline) return { publishedAt: dateline, publishedAtFrom: 'text' };
  return { publishedAt: null, publishedAtFrom: 'none' };
}
