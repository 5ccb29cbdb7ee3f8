// Cleaning knowledge, merged over every supported language (cleaning runs before language
// detection, so each rule tries all languages at once). Per-language patterns are read from
// src/lang/<code>/clean.json; month and
// weekday names from src/lang/<code>/calendar.json; abbreviations from abbreviations.json.
import { langData, supportedLanguages } from '../lang/registry.ts';
import type { CleanFile } from '../lang/schema.ts';
import agencyFile from './agencies.json' with { type: 'json' };


/** All languages' cleaning knowledge, compiled. */
export interface CleanRules {
  /** Lower-cased month name or abbreviation (no trailing dot) -> month number 1..12. */
  months: Map<string, number>;
  /** Lower-cased weekday names and abbreviations (no trailing dot). */
  weekdays: Set<string>;
  /** Alternation (regex source) of every month name, longest first. */
  monthAlternation: string;
  /** Alternations of the ordinal suffixes of day numbers (times.json): after a month ("May 1st"), from
   *  the languages that write the month first, and before one ("1st May", "1ste mei"), from all. */
  ordinals: { monthDay: string; dayMonth: string };
  /** Alternation of the words between day, month and year in the languages that write the day first
   *  (times.json dayOfMonthJoiners: Spanish "3 de febrero de 2025"); empty when none. */
  dayMonthJoiners: string;
  /** Tokens ending in '.' that do not end a sentence (case-sensitive, with the dot). */
  abbreviations: Set<string>;
  bylinePrefix: RegExp;
  nameJoiners: Set<string>;
  nameParticles: Set<string>;
  timestampLabel: RegExp;
  timestampWords: Set<string>;
  relativeTimes: RegExp[];
  mediaLines: Set<string>;
  mediaPatterns: RegExp[];
  boilerplateLines: Set<string>;
  boilerplatePatterns: RegExp[];
  creditPatterns: RegExp[];
  photoCreditPrefix: RegExp;
  /** Splits a credit into its parts ("Name/Pool/AFP via Getty Images"). */
  creditSeparator: RegExp;
  agencies: Set<string>;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Alternation of literal phrases, longest first, with flexible inner whitespace. */
function alternation(phrases: Iterable<string>): string {
  const list = [...new Set(phrases)].filter((p) => p.length > 0).sort((a, b) => b.length - a.length);
  return list.map((p) => escapeRegExp(p).replace(/ +/g, '\\s+')).join('|');
}

/** The cleaning file of one language, or undefined when it has none. */
export function cleanLangFile(code: string): CleanFile | undefined {
  return langData(code, 'clean');
}

let compiled: CleanRules | undefined;

/** The merged, compiled rules of all supported languages (built once). */
export function cleanRules(): CleanRules {
  if (compiled) return compiled;
  const files: CleanFile[] = [];
  const months = new Map<string, number>();
  const weekdays = new Set<string>();
  const abbreviations = new Set<string>();
  const monthDayOrdinals: string[] = [];
  const dayMonthOrdinals: string[] = [];
  const dayMonthJoiners: string[] = [];
  for (const code of supportedLanguages()) {
    const f = cleanLangFile(code);
    if (f) files.push(f);
    const cal = langData(code, 'calendar');
    cal?.months.forEach((names, i) => {
      for (const n of names) {
        const key = n.toLowerCase().replace(/\.$/, '');
        if (!months.has(key)) months.set(key, i + 1);
      }
    });
    for (const names of cal?.weekdays ?? []) for (const n of names) weekdays.add(n.toLowerCase().replace(/\.$/, ''));
    const ordinals = langData(code, 'times')?.ordinalSuffixes ?? [];
    if (cal?.dateOrder === 'month-day') monthDayOrdinals.push(...ordinals);
    dayMonthOrdinals.push(...ordinals);
    if (cal?.dateOrder === 'day-month') dayMonthJoiners.push(...(langData(code, 'times')?.dayOfMonthJoiners ?? []));
    const ab = langData(code, 'abbreviations');
    for (const list of [ab?.titles, ab?.months, ab?.initialisms]) for (const a of list ?? []) abbreviations.add(a);
  }
  type ListField = Exclude<keyof CleanFile, 'comment' | 'origin'>;
  const all = (k: ListField): string[] => files.flatMap((f) => f[k] ?? []);
  const lowerSet = (k: ListField) => new Set(all(k).map((s) => s.toLowerCase()));
  const regexes = (k: ListField) => all(k).map((src) => new RegExp(src, 'iu'));
  const joiners = all('creditJoiners');
  compiled = {
    months,
    weekdays,
    monthAlternation: alternation(months.keys()),
    ordinals: { monthDay: alternation(monthDayOrdinals), dayMonth: alternation(dayMonthOrdinals) },
    dayMonthJoiners: alternation(dayMonthJoiners),
    abbreviations,
    bylinePrefix: new RegExp(`^(?:${alternation(all('bylinePrefixes'))})\\s*:?\\s+`, 'iu'),
    nameJoiners: lowerSet('nameJoiners'),
    nameParticles: lowerSet('nameParticles'),
    timestampLabel: new RegExp(`^(?:${alternation(all('timestampLabels'))})(?![\\p{L}])\\s*:?\\s*`, 'iu'),
    timestampWords: lowerSet('timestampWords'),
    relativeTimes: regexes('relativeTimePatterns'),
    mediaLines: lowerSet('mediaLines'),
    mediaPatterns: regexes('mediaPatterns'),
    boilerplateLines: lowerSet('boilerplateLines'),
    boilerplatePatterns: regexes('boilerplatePatterns'),
    creditPatterns: regexes('creditPatterns'),
    photoCreditPrefix: new RegExp(`^(?:${all('photoCreditPrefixes').join('|')})\\s*`, 'iu'),
    creditSeparator: new RegExp(`\\s*[/|]\\s*|\\s*,\\s*|\\s+[-–—]\\s+|\\s+(?:${alternation(joiners)})\\s+`, 'iu'),
    agencies: new Set(agencyFile.agencies),
  };
  return compiled;
}
