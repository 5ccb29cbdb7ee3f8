// Rules that recognise one paragraph as page residue: URL-only lines, media-player and image
// placeholders ("0:00", "image", "Listen to this article"), boilerplate ("Advertisement", "Share",
// "Read more: …"), timestamps ("Updated:", "Published May 1, 2024 10:00 ET"), bylines ("By Jane
// Doe", "Door Jan Jansen"), credit lines ("The Associated Press contributed to this report.").
import type { RemovalReason } from '../types.ts';
import { cleanRules } from './data.ts';
import { findDates } from './dates.ts';
import { parseCredit } from './credits.ts';
import { isNameLike, splitNameList } from './names.ts';
import { wordCount } from './text.ts';

/** Noise rules look only at short paragraphs; long prose is never noise. */
export const MAX_NOISE_WORDS = 40;

const URL_LINE = /^(?:(?:https?:\/\/|www\.)\S+\s*)+$/i;
const FILE_LINE = /^\S+\.(?:jpe?g|png|gif|webp|avif|svg|mp4|mp3|pdf)(?:\?\S*)?$/i;
const TIMECODE = /^\d{1,2}:\d{2}(?::\d{2})?(?:\s*\/\s*\d{1,2}:\d{2}(?::\d{2})?)?$/;
const TIME_OF_DAY = /\b\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?(?![\p{L}]))?/giu;
const ISO_DATETIME = /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/g;
const TIME_ZONE = /^(?:[A-Z]{1,4}T|UTC|GMT|Z|ET|PT|CT|MT)(?:[+-]\d{1,2}(?::?\d{2})?)?$/;

/** The line lower-cased without trailing punctuation, for whole-line list lookups. */
function lineKey(s: string): string {
  return s.toLowerCase().replace(/[\s:.|·•›»>–—-]+$/u, '').trim();
}

export function isUrlLine(s: string): boolean {
  return URL_LINE.test(s) || FILE_LINE.test(s);
}

/** No letters or digits at all ("***", "—"). */
export function isEmptyLine(s: string): boolean {
  return !/[\p{L}\p{N}]/u.test(s);
}

export function isMediaLine(s: string): boolean {
  const rules = cleanRules();
  if (TIMECODE.test(s)) return true;
  if (wordCount(s) > 12) return false;
  return rules.mediaLines.has(lineKey(s)) || rules.mediaPatterns.some((re) => re.test(s));
}

export function isBoilerplateLine(s: string): boolean {
  const rules = cleanRules();
  if (rules.boilerplateLines.has(lineKey(s))) return true;
  return wordCount(s) <= 25 && rules.boilerplatePatterns.some((re) => re.test(s));
}

/** A credit line that is not a photo credit: contributions, reporting/editing notes, copyright. */
export function isCreditLine(s: string): boolean {
  if (wordCount(s) > MAX_NOISE_WORDS) return false;
  if (/^(?:©|\(c\)\s|copyright\b)/i.test(s) && wordCount(s) <= 25) return true;
  return cleanRules().creditPatterns.some((re) => re.test(s));
}

/**
 * A line that only says when the article was published or updated: an optional label
 * ("Updated:", "Gepubliceerd op") followed by nothing but dates, times, time zones and
 * words like "at"/"om"; or a relative time ("3 hours ago").
 */
export function isTimestamp(s: string): boolean {
  if (wordCount(s) > 20 || s.length > 140) return false;
  const rules = cleanRules();
  const label = rules.timestampLabel.exec(s);
  const rest = label ? s.slice(label[0].length).trim() : s;
  if (rules.relativeTimes.some((re) => re.test(rest))) return true;
  const dated = findDates(rest).length > 0;
  const stripped = rest.replace(ISO_DATETIME, ' ').replace(TIME_OF_DAY, ' ');
  // A time of day alone ("6:01 p.m.") heads an entry of a live blog: it is kept.
  if (!label && !dated) return false;
  for (const token of stripped.split(/[\s,|·•/()–—-]+/)) {
    if (token === '') continue;
    const t = token.toLowerCase().replace(/\.$/, '');
    if (/^\d+(?:st|nd|rd|th|e|ste|de)?\.?$/.test(t)) continue;
    if (rules.months.has(t) || rules.weekdays.has(t) || rules.timestampWords.has(t) || rules.timestampWords.has(token.toLowerCase())) continue;
    if (TIME_ZONE.test(token)) continue;
    return false;
  }
  return true;
}

export interface Byline {
  /** The names (and affiliation) without the "By" prefix and without any date. */
  names: string;
  /** Date/time parts written on the byline line ("By Jane Doe | May 1, 2024"). */
  timestamps: string[];
}

/** "By Jane Doe", "Door Jan Jansen en Piet Pietersen", "By Jane Doe, Reuters | May 1, 2024". */
export function parseByline(s: string): Byline | null {
  if (wordCount(s) > 25) return null;
  const prefix = cleanRules().bylinePrefix.exec(s);
  if (!prefix) return null;
  const parts = s.slice(prefix[0].length).split(/\s*[|·•]\s*|\s+[–—-]\s+/);
  const names = parts.shift()?.trim() ?? '';
  if (names === '' || wordCount(names) > 14) return null;
  for (const item of splitNameList(names)) {
    if (!isNameLike(item, 6) && !parseCredit(item)) return null;
  }
  const timestamps: string[] = [];
  for (const part of parts) {
    if (isTimestamp(part)) timestamps.push(part);
    else if (!parseCredit(part) && !isNameLike(part, 6)) return null;
  }
  return { names, timestamps };
}

/** The reason a short paragraph is residue, or null. Captions are judged separately (credits.ts). */
export function noiseReason(s: string): RemovalReason | null {
  if (isEmptyLine(s)) return 'empty';
  if (isUrlLine(s)) return 'url';
  if (wordCount(s) > MAX_NOISE_WORDS) return null;
  if (isMediaLine(s)) return 'media';
  if (isTimestamp(s)) return 'timestamp';
  if (parseByline(s)) return 'byline';
  if (isBoilerplateLine(s)) return 'boilerplate';
  if (isCreditLine(s)) return 'credit';
  return null;
}
