// Sentence segmentation: Intl.Segmenter, then re-joins splits that Intl makes after an abbreviation
// listed in the language's abbreviations.json ("Mr. Blinken", "U.S. President", "Feb. 4", "dhr. Rutte").
// Paragraph breaks (newlines) always end a sentence.
import { langData } from '../../lang/registry.ts';
import type { Sentence } from '../../types.ts';
import { segmentText } from '../../text/segments.ts';

const abbrevCache = new Map<string, Set<string>>();

function abbreviations(lang: string): Set<string> {
  let set = abbrevCache.get(lang);
  if (!set) {
    const data = langData(lang, 'abbreviations') ?? {};
    set = new Set([...(data.titles ?? []), ...(data.months ?? []), ...(data.initialisms ?? [])]);
    abbrevCache.set(lang, set);
  }
  return set;
}

const ordinalCache = new Map<string, RegExp | null>();

/** With abbreviations.json ordinalDates: the start of a text after an ordinal ("4. "), a month name
 *  of calendar.json ("Februar") or a lower-case word; null for languages without ordinal periods. */
function ordinalFollower(lang: string): RegExp | null {
  let re = ordinalCache.get(lang);
  if (re === undefined) {
    re = null;
    if (langData(lang, 'abbreviations')?.ordinalDates) {
      const months = (langData(lang, 'calendar')?.months ?? []).flat().map((m) => m.replace(/\.$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      re = new RegExp(`^\\s*(?:(?:${months.length ? months.join('|') : '(?!)'})(?![\\p{L}])|\\p{Ll})`, 'u');
    }
    ordinalCache.set(lang, re);
  }
  return re;
}

/** "am 4. Februar", "die 2. runde": the period after a one- or two-digit number is an ordinal's. */
function endsWithOrdinal(text: string, pos: number, next: number, follower: RegExp | null): boolean {
  if (!follower || !/(?:^|[\s(])\d{1,2}\.$/.test(text.slice(Math.max(0, pos - 4), pos))) return false;
  return follower.test(text.slice(next, next + 40));
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, s);
  }
  return s;
}

/** True when the text before `pos` ends with an abbreviation that cannot end a sentence here. */
function endsWithAbbreviation(text: string, pos: number, abbrevs: Set<string>): boolean {
  const head = text.slice(Math.max(0, pos - 20), pos).trimEnd();
  const m = /(\S+)$/.exec(head);
  if (!m) return false;
  // strip opening punctuation glued to the token: "(Mr." -> "Mr."
  const token = m[1].replace(/^[(\[“"‘'«„]+/, '');
  if (abbrevs.has(token)) return true;
  // single capital initial: "John F. Kennedy"
  return /^[A-Z]\.$/.test(token) && /\S\s+[A-Z]\.$/.test(head);
}

/** Splits `text` into sentences; returned spans are trimmed and never cross a newline. */
export function segmentSentences(text: string, lang: string): Sentence[] {
  const abbrevs = abbreviations(lang);
  const follower = ordinalFollower(lang);
  const out: Sentence[] = [];
  // Paragraphs first: a newline is always a boundary.
  const paraRe = /[^\n]+/g;
  let pm: RegExpExecArray | null;
  while ((pm = paraRe.exec(text))) {
    const pStart = pm.index;
    const para = pm[0];
    let current: Sentence | null = null;
    for (const seg of segmentText(segmenter(lang), para)) {
      const start = pStart + seg.index;
      const end = start + seg.segment.length;
      const at = current ? trimEnd(text, current.start, current.end) : 0;
      if (current && (endsWithAbbreviation(text, at, abbrevs) || endsWithOrdinal(text, at, start, follower))) {
        current.end = end;
      } else {
        if (current) out.push(current);
        current = { start, end };
      }
    }
    if (current) out.push(current);
  }
  // Trim whitespace at both ends and drop empty spans.
  const result: Sentence[] = [];
  for (const s of out) {
    let { start, end } = s;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) result.push({ start, end });
  }
  return result;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}
