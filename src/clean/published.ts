// The publication date and where it was found, in order of trust: metadata; a dated URL (the
// article's own URL first, else the latest date among linked/image URLs — they all existed when
// the article was published); a dated photo caption (the latest); a timestamp or dateline in the
// text (the earliest: publication precedes updates) — unless it lies more than FIRST_LINE_WINDOW days
// after every day the body names without a year. Never guessed: none of these -> null. Metadata giving only a
// month ("2025-07") keeps month precision.
import type { PublishedAtSource } from '../types.ts';
import { findDates, findYearlessDays, parseDateString, urlDates } from './dates.ts';

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
  /** The body, whose own full dates check a date read from the text (see FIRST_LINE_WINDOW). */
  body?: string;
}

/**
 * A date read from the text itself (a timestamp line, a dateline) is not taken when the body's days
 * named without a year — which writers use for days close to the time of writing — all lie more than
 * this many days before it: "July 19, 2024" opening an article whose days are "May 5" and "May 12" is
 * an update, a reprint or a page date rather than the publication date. Full dates with a year ("born
 * March 29, 1928") say nothing about the time of writing and do not count.
 */
export const FIRST_LINE_WINDOW = 31;

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
  const yearless = e.body ? findYearlessDays(e.body) : [];
  const fits = (d: string) => {
    // Two or more year-less days, all far from the date on either side, contradict it; one may be a
    // fixture ahead or an anniversary.
    if (yearless.length < 2) return true;
    const day = Date.parse(`${d}T00:00:00Z`) / 86_400_000;
    const y = Number(d.slice(0, 4));
    const gap = ({ month, day: dd }: { month: number; day: number }) =>
      Math.min(...[y - 1, y, y + 1].map((yy) => Math.abs(Date.UTC(yy, month - 1, dd) / 86_400_000 - day)));
    return yearless.some((x) => gap(x) <= FIRST_LINE_WINDOW);
  };
  const stamped = earliest(e.timestamps.flatMap((t) => findDates(t).map((d) => d.iso)));
  if (stamped && fits(stamped)) return { publishedAt: stamped, publishedAtFrom: 'text' };
  const dateline = e.firstParagraph ? datelineDate(e.firstParagraph) : null;
  if (dateline && fits(dateline)) return { publishedAt: dateline, publishedAtFrom: 'text' };
  return { publishedAt: null, publishedAtFrom: 'none' };
}


