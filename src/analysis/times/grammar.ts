// The per-language time grammar: month and weekday names (calendar.json), relative expressions, modifiers
// and tense cues (times.json), compiled once per language into the regular expressions detect.ts runs.
import { langData } from '../../lang/registry.ts';
import type { CalendarFile, TimesFile } from '../../lang/schema.ts';
import { numberGrammar } from '../figures/numbers.ts';
import { alternation, NOT_WORD_AFTER as A, NOT_WORD_BEFORE as B, phraseKey } from '../../text/patterns.ts';

/** How a weekday prefix places the day ("last Monday": previous-week); see times.json weekdayPrefixes. */
export type WeekdayRelation = NonNullable<TimesFile['weekdayPrefixes'][string]>;

export type Modifier = 'early' | 'mid' | 'late';

export interface TimeGrammar {
  lang: string;
  dateOrder: 'month-day' | 'day-month';
  /** month form (lower case, no dot) -> month number and whether it is the full name. */
  months: Map<string, { month: number; full: boolean }>;
  weekdays: Map<string, { weekday: number; full: boolean }>;
  caseSensitive: Set<string>;
  dayWords: Map<string, number>;
  dayWordBlockers: Set<string>;
  shifts: Map<string, number>;
  periods: Map<string, string>;
  modifiers: Map<string, Modifier>;
  units: Map<string, string>;
  weekdayPrefixes: Map<string, WeekdayRelation | null>;
  seasons: Map<string, string>;
  seasonNeedsAnchor: Set<string>;
  shiftTriggers: Set<string>;
  anchors: Set<string>;
  yearDeterminers: Set<string>;
  holidays: Map<string, string>;
  articles: Set<string>;
  ago: Set<string>;
  periodArticles: Map<string, string>;
  spanShifts: Map<string, number>;
  quarterOrdinals: Map<string, number>;
  quarterShifts: Map<string, number>;
  rangeNeedsOpener: Set<string>;
  /** "at" in "at 1430": the number is a time of day. */
  timeOfDayBefore: Set<string>;
  /** "since": what follows is a reference point, not a happening. */
  backgroundPrepositions: Set<string>;
  /** "the latest quarter" 0, "a year earlier" -1: years from the text's reference quarter. */
  referencePeriods: Map<string, number>;
  deadlinePrepositions: Set<string>;
  /** A deadline preposition ending a string ("until ", "by "): the date after it is a limit, unless a
   *  past form stands beside it ("felt by November 2003"). */
  deadlineBefore: RegExp;
  /** A deadline cue ending a string ("before ", "the deadline of "): the date after it is a limit. */
  deadlineCueBefore: RegExp;
  /** Future markers and plan markers: the tense cues that make a date a plan (role 'plan'). */
  plan: RegExp;
  spokenYearCues: Set<string>;
  /** Sequences of number words (figures' number grammar), for spelled-out years; undefined without one. */
  numberWords?: RegExp;
  anaphoricShifts: Map<string, number>;
  /** Words naming a period ("quarter", "period"): a reference phrase that has one names its period. */
  periodNouns: RegExp;
  /** "nine months", "fiscal year" (see times.json longerPeriods). */
  longerPeriods: RegExp;
  anaphoricUnits: Map<string, string>;
  // Patterns (global, Unicode, case-insensitive unless noted).
  monthDay: RegExp;
  dayMonth: RegExp;
  /** "am zweiten Mai", "il primo maggio" (times.json dayWordsOfMonth): group 1 weekday, 2 day word, 3 month, 4 year. */
  dayWordMonth: RegExp;
  dayWordsOfMonth: Map<string, number>;
  monthYear: RegExp;
  month: RegExp;
  isoDate: RegExp;
  isoMonth: RegExp;
  numericDate: RegExp;
  /** Day and month with a slash, no year ("22/04", "4/22"), with an optional range to a second one and
   *  a year ("28/2-1/3", "10/1-11/2/2017"): groups 1-2 first, 3-4 second, 5 year. */
  slashDayMonth: RegExp;
  /** Numbers and a month name joined by one separator ("23/Sep/2020", "Sep-23-2020", "2019-sep-1",
   *  "Dec-2018", "1-jan"): groups 1, 3, 4 the parts, 2 the separator. */
  namedNumeric: RegExp;
  /** A bare day of the month after a cue ("le 23", "den 15:e", "the 18th"): group 1 the cue, 2 the day,
   *  3 the ordinal suffix. */
  dayOnly: RegExp;
  dayOnlyNeedsSuffix: boolean;
  dayOnlyCueWords: Set<string>;
  dayArticles: Set<string>;
  /** A weekday and a bare day ("Friday the 13th", "sexta-feira 13", "fredagen den 15:e"): group 1 the
   *  weekday, 2 the day. */
  weekdayDay: RegExp;
  /** "Jan-Feb 2017", "June-August 1992": groups 1 and 2 the months, 3 the year. */
  monthRange: RegExp;
  /** A weekday or day-only cue right before a numeric date: "samedi 23/06/18", "Tuesday 12/01/2016". */
  weekdayBefore: RegExp;
  /** A comparison cue earlier in the sentence ("compared with … last year"; times.json comparisonCues). */
  comparedBefore: RegExp;
  /** "'s quarter" right after "last year" (times.json quarterNouns). */
  quarterAfter: RegExp;
  /** "les 3 prochaines semaines", "3 próximas semanas", "the 5 past years": group 1 amount, 2 shift, 3 unit. */
  spanNumberFirst: RegExp;
  /** "el trimestre pasado" (times.json quarterShiftsAfter): group 1 the shift word. */
  quarterShiftedAfter: RegExp;
  quarterShiftsAfter: Map<string, number>;
  /** A modifier and a period without a shift, the current one: "end of month", "fin de mes", "a
   *  principios de año": group 1 the modifier, 2 the period word. */
  periodModified: RegExp;
  /** The gap between a year-less date and its year ("in", "en"; times.json yearAfter), whole string. */
  yearAfterGap: RegExp;
  /** "two days after today": group 1 amount, 2 unit, 3 direction word, 4 day word. */
  offsetFromDay: RegExp;
  fromDayAfter: Set<string>;
  /** Decades: "the 1990s", "les années 1990", "die 1990er Jahre" (times.json decades): group 1 the year. */
  decade: RegExp;
  /** "28.10." (times.json numericDayMonth); undefined without. */
  numericDayMonth?: RegExp;
  year: RegExp;
  yearRange: RegExp;
  dayWord: RegExp;
  period: RegExp;
  /** "la semaine dernière", "l'anno scorso" (times.json shiftWordsAfter). */
  periodShiftAfter: RegExp;
  shiftsAfter: Map<string, number>;
  /** "lundi dernier", "lunedì prossimo" (times.json weekdayShiftsAfter). */
  weekdayShiftAfter: RegExp;
  weekdayShiftsAfter: Map<string, WeekdayRelation>;
  weekday: RegExp;
  offsetAgo: RegExp;
  offsetAhead: RegExp;
  /** "vor zwei Tagen", "il y a trois jours" (times.json agoBefore). */
  offsetAgoBefore: RegExp;
  /** "na terça": a short weekday form right after a weekday prefix (times.json prefixedWeekdays). */
  weekdayPrefixed: RegExp;
  season: RegExp;
  holiday: RegExp;
  monthDayRange: RegExp;
  periodArticle: RegExp;
  span: RegExp;
  quarter: RegExp;
  quarterShifted: RegExp;
  quarterCode: RegExp;
  yearQuarterCode: RegExp;
  dayRangeMonth: RegExp;
  referencePeriod: RegExp;
  /** "the following year", "that same day". */
  anaphoric: RegExp;
  /** "the 1988 period", "the 1988 third quarter". */
  referenceYear: RegExp;
  /** Sticky-free: a modifier phrase at the very end of a string. */
  modifierBefore: RegExp;
  /** Word immediately before a position (applied to a short slice). */
  wordBefore: RegExp;
  /** Range connector between two mentions (whole string). */
  rangeConnector: RegExp;
  /** Range opener at the end of a string ("from ", "between "). */
  rangeOpener: RegExp;
  future: RegExp;
  past: RegExp;
  pastVerb: RegExp;
  reportingVerbs: Set<string>;
}

const grammars = new Map<string, TimeGrammar | null>();

/** The compiled time grammar of a language; undefined when it lacks calendar.json or times.json. */
export function timeGrammar(lang: string): TimeGrammar | undefined {
  let g = grammars.get(lang);
  if (g === undefined) {
    const cal = langData(lang, 'calendar');
    const t = langData(lang, 'times');
    g = cal && t ? compile(lang, cal, t) : null;
    grammars.set(lang, g);
  }
  return g ?? undefined;
}

/** A pattern that matches nothing, for expressions a language does not have. */
const NEVER = /(?!)/gu;

const strip = (f: string) => f.toLowerCase().replace(/\.$/, '');

function compile(lang: string, cal: CalendarFile, t: TimesFile): TimeGrammar {
  const months = new Map<string, { month: number; full: boolean }>();
  cal.months.forEach((forms, i) => forms.forEach((f, j) => months.set(strip(f), { month: i + 1, full: j === 0 })));
  const weekdays = new Map<string, { weekday: number; full: boolean }>();
  cal.weekdays.forEach((forms, i) => forms.forEach((f, j) => weekdays.set(strip(f), { weekday: i + 1, full: j === 0 })));
  const fullMonths = [...months].filter(([, v]) => v.full).map(([k]) => k);
  const fullWeekdays = [...weekdays].filter(([, v]) => v.full).map(([k]) => k);

  const MON = `(${alternation(months.keys())})(?![\\p{L}])\\.?`;
  const MONFULL = `(${alternation(fullMonths)})(?![\\p{L}])`;
  const WDANY = `(?:(${alternation(weekdays.keys())})(?![\\p{L}])\\.?,?\\s+)?`;
  const ORD = `(?:${alternation(t.ordinalSuffixes)})?`;
  const DAY = `(\\d{1,2})${ORD}(?![\\p{L}\\p{N}]|[.,:]\\d)`;
  // A four-digit number followed by a time zone or "local time" is a time of day ("1600 GMT"), never a year.
  const TOD = t.timeOfDayAfter.length ? `(?!\\s*(?:${alternation(t.timeOfDayAfter)})(?![\\p{L}]))` : '';
  // A two-digit year only after a joiner ("maio de 68", "2 de outubro de 92").
  const YEAR2 = t.dayOfMonthJoiners.length ? `|(?<=(?:${alternation(t.dayOfMonthJoiners)})\\s+)\\d{2}(?![\\p{N}]|[.,:]\\d|\\s*%)` : '';
  const YEAR = `(\\d{4}(?![\\p{N}]|[.,]\\d)${TOD}${YEAR2})`;
  // Within one line: a heading "Saturday, 26 February" and a kick-off "1600" on the next are not one date.
  const SP = `[^\\S\\n]`;
  const JOIN = t.dayOfMonthJoiners.length ? `(?:(?:${alternation(t.dayOfMonthJoiners)})\\s+)?` : '';
  const ART = t.dayArticles.length ? `(?:(?:${alternation(t.dayArticles)})\\s+)?` : '';
  const yearTail = `(?:(?:${SP}*,${SP}*|${SP}+)${JOIN}${YEAR})?`;
  const shiftAlt = alternation(Object.keys(t.shiftWords));
  const periodAlt = alternation(Object.keys(t.periodWords));
  const unitForms = new Map<string, string>();
  for (const [u, forms] of Object.entries(t.offsetUnits)) for (const f of forms) unitForms.set(phraseKey(f), u);
  const ng = numberGrammar(lang);
  const NUM = ng ? `(\\d+|${alternation(t.offsetArticle)}|${ng.wordSequenceSource})` : `(\\d+|${alternation(t.offsetArticle)})`;
  // Case-sensitive quarter codes ("Q3"), also lower case in informal text.
  const qCodes = alternation([...t.quarterCodes, ...t.quarterCodes.map((c) => c.toLowerCase())]);
  const UNIT = `(${alternation(unitForms.keys())})(?![\\p{L}])`;
  const connectors = alternation(t.rangeConnectors);
  // A number that is no part of a larger number, date or decimal.
  const NB = `(?<![\\p{L}\\p{N}/.,:-])`;
  const NA = `(?![\\p{L}\\p{N}]|[/.,:-]\\p{N})`;
  const namedPart = `(\\d{1,4}|${alternation(months.keys())})`;
  const dayCues = alternation(t.dayOnlyCues ?? []);
  const ordAfter = `(${alternation(t.ordinalSuffixes)})?`;
  // A bare day ends at a sentence mark, a line end or the end of the text: "le 23.", "den 27!", "dia 12".
  const monthPeriods = alternation(Object.entries(t.periodWords).filter(([, v]) => v === 'month').map(([k]) => k));
  const DAY_END = `(?=\\s*(?:[.,;:!?)"»”](?!\\p{N})|$))`;
  const weekdayForms = `(${alternation(weekdays.keys())})(?:${alternation(t.weekdaySuffixes.filter((x) => !/^\s/.test(x)))})?(?![\\p{L}])\\.?`;

  return {
    lang,
    dateOrder: cal.dateOrder,
    months,
    weekdays,
    caseSensitive: new Set(t.caseSensitiveNames.map((s) => s.toLowerCase())),
    dayWords: new Map(Object.entries(t.dayWords).map(([k, v]) => [phraseKey(k), v])),
    dayWordBlockers: new Set((t.dayWordBlockers ?? []).map((s) => s.toLowerCase())),
    shifts: new Map(Object.entries(t.shiftWords).map(([k, v]) => [phraseKey(k), v])),
    periods: new Map(Object.entries(t.periodWords).map(([k, v]) => [phraseKey(k), v])),
    modifiers: new Map(Object.entries(t.modifierWords).map(([k, v]) => [phraseKey(k), v as Modifier])),
    units: unitForms,
    weekdayPrefixes: new Map(Object.entries(t.weekdayPrefixes).map(([k, v]) => [phraseKey(k), v])),
    seasons: new Map(Object.entries(t.seasons).map(([k, v]) => [k.toLowerCase(), v])),
    seasonNeedsAnchor: new Set(t.seasonNeedsAnchor),
    shiftTriggers: new Set(Object.keys(t.shiftWords).map(phraseKey)),
    anchors: new Set(t.anchorPrepositions.map((s) => s.toLowerCase())),
    yearDeterminers: new Set(t.yearDeterminers.map((s) => s.toLowerCase())),
    holidays: new Map(Object.entries(t.holidays).map(([k, v]) => [phraseKey(k), v])),
    articles: new Set(t.offsetArticle.map((s) => s.toLowerCase())),
    ago: new Set(t.agoWords.map(phraseKey)),
    periodArticles: new Map(Object.entries(t.periodArticles).map(([k, v]) => [phraseKey(k), v])),
    spanShifts: new Map(Object.entries(t.spanShifts).map(([k, v]) => [phraseKey(k), v])),
    quarterOrdinals: new Map(Object.entries(t.quarterOrdinals).map(([k, v]) => [k.toLowerCase(), v])),
    quarterShifts: new Map(Object.entries(t.quarterShifts).map(([k, v]) => [phraseKey(k), v])),
    rangeNeedsOpener: new Set(t.rangeNeedsOpener.map(phraseKey)),
    timeOfDayBefore: new Set(t.timeOfDayBefore.map((s) => s.toLowerCase())),
    backgroundPrepositions: new Set(t.backgroundPrepositions.map((s) => s.toLowerCase())),
    spokenYearCues: new Set(t.spokenYearCues.map((s) => s.toLowerCase())),
    // Only sequences that open with a century (11-20) or thousand word: the rest never make a year.
    numberWords: ng
      ? new RegExp(
          `${B}(?=(?:${alternation([...ng.morphemes].filter(([, v]) => (v.value >= 11 && v.value <= 20) || v.value === 2).map(([k]) => k))})(?![\\p{L}]))(?:${ng.wordSequenceSource})${A}`,
          'giu',
        )
      : undefined,
    deadlinePrepositions: new Set(t.deadlinePrepositions.map((s) => s.toLowerCase())),
    referencePeriods: new Map(Object.entries(t.referencePeriods).map(([k, v]) => [phraseKey(k), v])),
    periodNouns: new RegExp(`${B}(?:${alternation([...t.referenceNouns, ...t.quarterNouns])})${A}`, 'iu'),
    longerPeriods: new RegExp(`${B}(?:${alternation(t.longerPeriods)})${A}`, 'iu'),
    anaphoricShifts: new Map(Object.entries(t.anaphoricShifts).map(([k, v]) => [phraseKey(k), v])),
    anaphoricUnits: new Map(Object.entries(t.anaphoricUnits).map(([k, v]) => [phraseKey(k), v])),

    monthDay: new RegExp(`${B}${WDANY}${MON}\\s*${DAY}${yearTail}`, 'giu'),
    dayMonth: new RegExp(`${B}(?<![$€£¥]\\s?)${WDANY}${ART}${DAY}\\s*${JOIN}${MON}${yearTail}`, 'giu'),
    dayWordMonth: new RegExp(`${B}${WDANY}${ART}(${alternation(Object.keys(t.dayWordsOfMonth ?? {}))})\\s+${JOIN}${MON}${yearTail}`, 'giu'),
    dayWordsOfMonth: new Map(Object.entries(t.dayWordsOfMonth ?? {}).map(([k, v]) => [phraseKey(k), v])),
    monthYear: new RegExp(`${B}${MON},?${SP}+${JOIN}${YEAR}`, 'giu'),
    month: new RegExp(`${B}(?:(${shiftAlt})\\s+)?${MONFULL}`, 'giu'),
    isoDate: new RegExp(`(?<![\\p{L}\\p{N}/.-])(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?![\\p{N}]|[-/.]\\d)`, 'gu'),
    isoMonth: new RegExp(`(?<![\\p{L}\\p{N}/.-])(\\d{4})-(0?[1-9]|1[0-2])(?![\\p{N}-])`, 'gu'),
    // "1/1/2016", "15.05.99", "9-18-15", "11/12,2015", "02 04 2009" (with spaces only a four-digit year).
    numericDate: new RegExp(`(?<![\\p{L}\\p{N}/.,-])(\\d{1,2})(?:([/.-])(\\d{1,2})(?:\\2|,\\s?)(\\d{4}|\\d{2})|([^\\S\\n])(\\d{1,2})\\5((?:19|20)\\d{2}))(?![\\p{N}]|[/.-]\\d)`, 'gu'),
    quarterShiftedAfter: t.quarterShiftsAfter
      ? new RegExp(`${B}(?:${alternation(t.quarterNouns)})\\s+(${alternation(Object.keys(t.quarterShiftsAfter))})${A}`, 'giu')
      : NEVER,
    quarterShiftsAfter: new Map(Object.entries(t.quarterShiftsAfter ?? {}).map(([k, v]) => [phraseKey(k), v])),
    periodModified: new RegExp(
      `${B}(${alternation(Object.keys(t.modifierWords))})\\s+(?:(?:${alternation([...t.dayOfMonthJoiners, ...(t.yearAfter ?? [])])})\\s+)?(?:(?:${alternation([...t.dayArticles, ...t.quarterArticles])})\\s+)?(${periodAlt})${A}`,
      'giu',
    ),
    yearAfterGap: t.yearAfter?.length ? new RegExp(`^,?\\s+(?:${alternation(t.yearAfter)})\\s+$`, 'iu') : NEVER,
    offsetFromDay: t.fromDayWord
      ? new RegExp(`${B}${NUM}\\s+${UNIT}\\s+(${alternation([...t.fromDayWord.after, ...t.fromDayWord.before])})\\s+(${alternation(Object.keys(t.dayWords))})${A}`, 'giu')
      : NEVER,
    fromDayAfter: new Set((t.fromDayWord?.after ?? []).map(phraseKey)),
    spanNumberFirst: !t.spanNumberFirst ? NEVER : new RegExp(`(?<![\\p{N}$€£¥][.,\\s]?)${B}${ART}(\\d+|${alternation(t.offsetArticle)}|${ng ? ng.wordSequenceSource : '(?!)'})\\s+(${alternation(Object.keys(t.spanShifts))})\\s+${UNIT}`, 'giu'),
    decade: t.decades
      ? new RegExp(`${B}(?:(?:${alternation(t.decades.before)})\\s+)?(1[5-9]\\d0|20\\d0)(?:${alternation(t.decades.after)})?(?![\\p{L}\\p{N}])`, 'giu')
      : NEVER,
    comparedBefore: new RegExp(`(?:^|[^\\p{L}])(?:${alternation(t.comparisonCues ?? [])})(?![\\p{L}])[^.;]*$`, 'iu'),
    quarterAfter: new RegExp(`^['’]s\\s+(?:${alternation(t.quarterNouns)})(?![\\p{L}])`, 'iu'),
    slashDayMonth: new RegExp(`${NB}(\\d{1,2})/(\\d{1,2})(?:\\s*[-–]\\s*(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?)?${NA}`, 'gu'),
    namedNumeric: new RegExp(`${NB}${namedPart}([-/.])${namedPart}(?:\\2${namedPart})?(?![\\p{L}\\p{N}]|[/.-]\\p{N})`, 'giu'),
    // A bare day may also stand before a shifted month ("the 21st this month", "den 20 nästa månad").
    dayOnly: t.dayOnlyCues?.length
      ? new RegExp(`${B}(${dayCues})\\s+(\\d{1,2})${ordAfter}(?:${DAY_END}|(?=\\s+(?:(?:${alternation(t.dayOfMonthJoiners)})\\s+)?(?:${shiftAlt})\\s+(?:${monthPeriods})${A}))`, 'giu')
      : NEVER,
    dayOnlyNeedsSuffix: t.dayOnlyNeedsSuffix ?? false,
    dayOnlyCueWords: new Set((t.dayOnlyCues ?? []).map((w) => w.toLowerCase())),
    dayArticles: new Set(t.dayArticles.map((w) => w.toLowerCase())),
    weekdayDay: new RegExp(
      `${B}${weekdayForms},?\\s+(?:(?:${[dayCues, alternation(t.dayArticles)].filter(Boolean).join('|')})\\s+)?(\\d{1,2}|${alternation(Object.keys(t.dayWordsOfMonth ?? {}))})${ordAfter}${DAY_END}`,
      'giu',
    ),
    monthRange: new RegExp(`${B}${MON}\\s*[-–]\\s*${MON}${SP}+${JOIN}${YEAR}`, 'giu'),
    weekdayBefore: new RegExp(`${B}${weekdayForms},?\\s+(?:(?:${[dayCues, alternation(t.dayArticles)].filter(Boolean).join('|')})\\s+)?$`, 'iu'),
    numericDayMonth: t.numericDayMonth ? new RegExp(`(?<![\\p{L}\\p{N}/.,-])(\\d{1,2})\\.\\s?(\\d{1,2})\\.(?![\\p{N}]|\\s?\\d)`, 'gu') : undefined,
    year: new RegExp(`(?<![\\p{L}\\p{N}_$€£¥#.,/-])(?:(mid|pre|post)-)?(1\\d{3}|20\\d{2})(?![\\p{L}\\p{N}]|[.,]\\d|\\s?%|-\\d)${TOD}`, 'giu'),
    yearRange: new RegExp(`(?<![\\p{L}\\p{N}_$€£¥#.,/-])(1[5-9]\\d{2}|20\\d{2})\\s*[-–/]\\s*(1[5-9]\\d{2}|20\\d{2}|\\d{1,2})(?![\\p{L}\\p{N}]|[.,]\\d)${TOD}`, 'giu'),
    dayWord: new RegExp(`${B}(${alternation(Object.keys(t.dayWords))})${A}`, 'giu'),
    period: new RegExp(`${B}(${shiftAlt})\\s+(${periodAlt})${A}`, 'giu'),
    periodShiftAfter: new RegExp(`${B}(${periodAlt})\\s+(${alternation(Object.keys(t.shiftWordsAfter ?? {}))})${A}`, 'giu'),
    shiftsAfter: new Map(Object.entries(t.shiftWordsAfter ?? {}).map(([k, v]) => [phraseKey(k), v])),
    weekdayShiftAfter: new RegExp(`${B}(${alternation(fullWeekdays)})\\s+(${alternation(Object.keys(t.weekdayShiftsAfter ?? {}))})${A}`, 'giu'),
    weekdayShiftsAfter: new Map(Object.entries(t.weekdayShiftsAfter ?? {}).map(([k, v]) => [phraseKey(k), v])),
    weekday: new RegExp(
      `${B}(?:(${alternation(Object.keys(t.weekdayPrefixes))})\\s+)?(${alternation(fullWeekdays)})(${alternation(t.weekdaySuffixes)})?(?![\\p{L}])`,
      'giu',
    ),
    offsetAgo: new RegExp(
      `${B}${t.agoOpeners?.length ? `(?:(?:${alternation(t.agoOpeners)})\\s+)?` : ''}${NUM}\\s+${UNIT}\\s+(${alternation([...t.agoWords, ...t.fromNowWords])})${A}`,
      'giu',
    ),
    weekdayPrefixed: t.prefixedWeekdays?.length
      ? new RegExp(`${B}(${alternation(Object.keys(t.weekdayPrefixes))})\\s+(${alternation(t.prefixedWeekdays)})(?![\\p{L}-])`, 'giu')
      : NEVER,
    offsetAhead: new RegExp(`${B}(${alternation(t.offsetBefore)})\\s+${NUM}\\s+${UNIT}`, 'giu'),
    offsetAgoBefore: new RegExp(`${B}(${alternation(t.agoBefore ?? [])})\\s+${NUM}\\s+${UNIT}`, 'giu'),
    season: new RegExp(`${B}(?:(${alternation(t.seasonTriggers)})\\s+)?(${alternation(Object.keys(t.seasons))})(?:\\s+${JOIN}${YEAR})?${A}`, 'giu'),
    holiday: new RegExp(`${B}(${alternation(Object.keys(t.holidays))})(?:\\s+${YEAR})?${A}`, 'giu'),
    periodArticle: new RegExp(`${B}(${alternation(Object.keys(t.periodArticles))})${A}`, 'giu'),
    span: new RegExp(`${B}${ART}(${alternation(Object.keys(t.spanShifts))})\\s+${NUM}\\s+${UNIT}`, 'giu'),
    quarter: new RegExp(
      `${B}(?:(${alternation(t.quarterArticles)})\\s+)?(?:(${alternation(t.quarterQualifiers)})[\\s-]+)?(${alternation(Object.keys(t.quarterOrdinals))})[\\s-]+(?:(?:${alternation(t.quarterQualifiers)})[\\s-]+)?(?:${alternation(t.quarterNouns)})(?![\\p{L}])(?:\\s+${JOIN}(?:(?:${alternation(t.dayArticles)})\\s+)?${YEAR})?`,
      'giu',
    ),
    quarterShifted: new RegExp(`${B}(${alternation(Object.keys(t.quarterShifts))})\\s+(?:(?:${alternation(t.quarterQualifiers)})\\s+)?(?:${alternation(t.quarterNouns)})${A}`, 'giu'),
    quarterCode: new RegExp(`${B}(?:${qCodes})([1-4])(?:\\s*[-/]?\\s*${YEAR})?${A}`, 'gu'),
    yearQuarterCode: new RegExp(`${B}(\\d{4})\\s*[-/]?\\s*(?:${qCodes})([1-4])${A}`, 'gu'),
    monthDayRange: new RegExp(`${B}${MON}\\s*(\\d{1,2})${ORD}\\s*[-–]\\s*(\\d{1,2})${ORD}(?![\\p{L}\\p{N}])${yearTail}`, 'giu'),
    dayRangeMonth: new RegExp(
      `${B}(\\d{1,2})${ORD}\\s*(?:[-–]|\\s(?:${connectors})\\s)\\s*${ART}(\\d{1,2})${ORD}\\s+${JOIN}${MON}${yearTail}`,
      'giu',
    ),
    // Not "the quarter-to-quarter comparison".
    referencePeriod: new RegExp(`${B}(${alternation(Object.keys(t.referencePeriods))})${A}(?!-\\p{L})`, 'giu'),
    anaphoric: new RegExp(`${B}(${alternation(Object.keys(t.anaphoricShifts))})\\s+(${alternation(Object.keys(t.anaphoricUnits))})${A}(?!-\\p{L})`, 'giu'),
    referenceYear: new RegExp(
      `${B}(?:${alternation(t.quarterArticles)})\\s+(\\d{4})(?![\\p{N}])\\s+(?:(${alternation(Object.keys(t.quarterOrdinals))})[\\s-]+)?(${alternation([...t.referenceNouns, ...t.quarterNouns])})${A}`,
      'giu',
    ),
    modifierBefore: new RegExp(`(?:^|[^\\p{L}])(${alternation(Object.keys(t.modifierWords))})(?:\\s+(?:in|of|van)\\s+|\\s*-\\s*|\\s+)$`, 'iu'),
    wordBefore: new RegExp(`(?:^|[^\\p{L}'’-])([\\p{L}'’]+-?|[\\p{L}]+\\.)\\s*$`, 'u'),
    rangeConnector: new RegExp(`^\\s*(?:${connectors})\\s*$`, 'iu'),
    rangeOpener: new RegExp(`(?:^|[^\\p{L}])(${alternation(t.rangeOpeners)})\\s+$`, 'iu'),
    future: new RegExp(`(?:^|[^\\p{L}'’])(${alternation(t.futureMarkers)})(?![\\p{L}])`, 'giu'),
    plan: new RegExp(`(?:^|[^\\p{L}'’])(${alternation([...t.futureMarkers, ...(t.planMarkers ?? [])])})(?![\\p{L}])`, 'giu'),
    deadlineBefore: new RegExp(`(?:^|[^\\p{L}'’])(?:${alternation(t.deadlinePrepositions)})\\s*$`, 'iu'),
    deadlineCueBefore: new RegExp(`(?:^|[^\\p{L}'’])(?:${alternation(t.deadlineCues ?? [])})\\s*$`, 'iu'),
    past: new RegExp(`(?:^|[^\\p{L}'’])(${alternation([...t.pastMarkers, ...t.reportingVerbs])})(?![\\p{L}])`, 'giu'),
    reportingVerbs: new Set(t.reportingVerbs.map((w) => w.toLowerCase())),
    pastVerb: new RegExp(t.pastVerbPattern.replace(/^\^/, '(?<![\\p{L}])').replace(/\$$/, '(?![\\p{L}])'), 'giu'),
  };
}
