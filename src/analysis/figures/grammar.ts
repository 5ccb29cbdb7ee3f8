// The per-language figure grammar: currencies, units, qualifiers, what-is-counted cues and the
// not-a-figure cues of src/lang/<code>/figures.json, compiled once per language.
import { langData } from '../../lang/registry.ts';
import type { FiguresFile } from '../../lang/schema.ts';
import { numberGrammar, type NumberGrammar } from './numbers.ts';
import { alternation, escapeRegex, phraseKey } from '../../text/patterns.ts';

export interface FigureGrammar {
  lang: string;
  numbers: NumberGrammar;
  data: FiguresFile;
  qualifierIds: Map<string, string>;
  periodQualifierExceptions: Set<string>;
  currencyBySymbol: Map<string, string>;
  currencyByName: Map<string, string>;
  currencyCodes: Set<string>;
  unitByForm: Map<string, string>;
  /** Singular unit forms ("year" beside "years"): after a number other than one and before a noun they
   *  make a compound modifier written without its hyphen ("a 10 year jail sentence", "a 21 point plan"). */
  unitSingular: Set<string>;
  /** Words before a four-digit number that put it in a year position ("the 2004 tournament", "its 2005 sales"). */
  yearPosition: RegExp;
  durationUnits: Set<string>;
  periodNouns: Set<string>;
  notFigureAfter: Set<string>;
  eventByPhrase: Map<string, string>;
  eventLabels: Map<string, string>;
  containers: Set<string>;
  references: Set<string>;
  tolls: Map<string, string>;
  countNouns: Set<string>;
  nounKeys: Map<string, string>;
  stopWords: Set<string>;
  nounLikeVerbForms: Set<string>;
  /** At the end of a string: a qualifier phrase. Group 1 = the phrase. */
  qualifierBefore: RegExp;
  /** At the end of a string: a currency symbol or code. Group 1. */
  currencyBefore: RegExp;
  /** Sticky: percent sign or word. */
  percentAfter: RegExp;
  /** Sticky: currency name or code after the number. Group 1. */
  currencyAfter: RegExp;
  /** Sticky: a currency after a scale and a link word ("millions de dollars"; figures.json currencyLinks). Group 1. */
  currencyAfterLink: RegExp;
  /** Sticky: a minor currency unit after a number ("cents", "öre"). */
  minorAfter: RegExp;
  /** At the end of a number's text: a hundred word that is also a minor unit (French "quarante-cinq cents"). */
  minorHundred: RegExp;
  /** Whole string: the gap between an amount with its currency name and its minor part ("15 dollars and 50"). */
  minorGap: RegExp;
  /** Sticky: "-day", "-daagse", "-year-long", "-point". Group 1 = the noun, group 2 = known unit form. */
  hyphenCompound: RegExp;
  /** Sticky: a unit word after a space. Group 1. */
  unitAfter: RegExp;
  /** Sticky: a time-of-day suffix ("pm", "uur" after minutes). */
  timeOfDayAfter: RegExp;
  /** Global: spans that hold no figures (URLs, e-mail, markup, clock times, phone numbers). */
  masks: RegExp;
  /** Between two numbers: a range connector (whole string). */
  rangeConnector: RegExp;
  /** At the end of a string: the opener of "between X and Y". */
  rangeOpen: RegExp;
  /** Whole string: the joiner of "between X and Y". */
  rangeJoin: RegExp;
  /** Sticky: one word of a noun phrase, after whitespace. Group 1 = the word. */
  npWord: RegExp;
  /** Sticky: a linking "of the"/"van de" between number and noun. */
  nounLink: RegExp;
  /** Sticky: an amount link ("in", "aan") before what money is for. */
  amountLink: RegExp;
  /** At the end of a string: an event phrase before the figure ("killing", "de dood van"). Group 1. */
  eventBefore: RegExp;
  /** Sticky, at the end of the counted noun phrase: optional apposition, auxiliaries, then an event. Group 1. */
  eventAfter: RegExp;
  /** At the end of a string: a container noun with its link ("the bodies of"). Group 1 = noun. */
  containerBefore: RegExp;
  /** Whole string: the gap between two coordinated figures ("10 living hostages and the bodies of"). */
  coordination: RegExp;
  /** Global: a death-toll phrase ("death toll", "dodental"). */
  tollPhrase: RegExp;
  verb: RegExp;
  npModifier: RegExp | null;
}

const grammars = new Map<string, FigureGrammar | null>();

export function figureGrammar(lang: string): FigureGrammar | undefined {
  let g = grammars.get(lang);
  if (g === undefined) {
    const data = langData(lang, 'figures');
    const numbers = numberGrammar(lang);
    g = data && numbers ? compile(lang, data, numbers) : null;
    grammars.set(lang, g);
  }
  return g ?? undefined;
}

const lowerMap = (o: Record<string, string>) => new Map(Object.entries(o).map(([k, v]) => [phraseKey(k), v]));
const lowerSet = (a: string[]) => new Set(a.map(phraseKey));

function compile(lang: string, d: FiguresFile, numbers: NumberGrammar): FigureGrammar {
  const currencyBySymbol = new Map<string, string>();
  const currencyByName = new Map<string, string>();
  for (const c of d.currencies) {
    for (const s of c.symbols) currencyBySymbol.set(phraseKey(s), c.code);
    for (const n of c.names) currencyByName.set(phraseKey(n), c.code);
    for (const sym of c.symbols) if (!/\p{L}/u.test(sym)) currencyByName.set(phraseKey(sym), c.code);
  }
  const unitByForm = new Map<string, string>();
  for (const [u, forms] of Object.entries(d.units)) for (const f of forms) unitByForm.set(phraseKey(f), u);
  const unitSingular = new Set<string>();
  for (const forms of Object.values(d.units)) {
    for (const f of forms) if (/^\p{L}+$/u.test(f) && forms.some((o) => o.length > f.length && o.toLowerCase().startsWith(f.toLowerCase()))) unitSingular.add(f.toLowerCase());
  }
  const durationUnits = new Set(['day', 'week', 'month', 'year', 'decade', 'hour', 'minute']);
  const eventByPhrase = new Map<string, string>();
  for (const [id, phrases] of Object.entries(d.events)) for (const p of phrases) eventByPhrase.set(phraseKey(p), id);
  const eventAlt = alternation(eventByPhrase.keys());
  // Letter codes ("USD", "EUR") need a word boundary; symbols ("$", "US$") do not.
  const symbolAlt = alternation(d.currencies.flatMap((c) => c.symbols));
  const aux = alternation(d.auxiliaries);
  const clockSuffix = alternation(d.timeOfDaySuffixes);
  const masks = new RegExp(
    [
      '\\b(?:https?://|www\\.)[^\\s<>"]+', // URLs
      '</?[a-zA-Z][a-zA-Z0-9]*(?:\\s+[a-zA-Z-]+(?:=(?:"[^"\\n]*"?|\'[^\'\\n]*\'?|[^\\s>]*))?)*\\s*/?>?', // markup left by scraping
      // e-mail; starts only where a run of its characters starts, so a long run of digits is scanned once, not once per position
      '(?<![\\w.+-])[\\w.+-]+@[\\w-]+\\.[\\w.-]+',
      '\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|org|net|co\\.uk|nl|be|de|gov|edu|io)(?:/[^\\s]*)?', // bare domains
      `(?<![\\p{N}.,])\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2})?\\s?(?:${clockSuffix})(?![\\p{L}])`, // 10.30 uur, 9:15 pm
      '(?<![\\p{N}.,:])\\d{1,2}:\\d{2}(?::\\d{2})?(?![\\p{N}])', // 10:30, 0:00
      `(?<![\\p{N}.,])\\d{1,2}\\s?(?:a\\.m\\.|p\\.m\\.|am|pm)(?![\\p{L}])`, // 3 pm (symbols shared by en/nl usage)
      '(?:\\+|\\b00)\\d{1,3}[\\s.-]?(?:\\(0?\\d{1,4}\\)[\\s.-]?)?\\d{1,4}(?:[\\s.-]?\\d{2,4}){2,4}', // +31 20 123 4567
      '\\(\\d{2,4}\\)\\s?\\d{3,4}[\\s.-]\\d{3,4}', // (555) 123-4567
      '(?<![\\p{N},.])\\d{3}[.-]\\d{3}[.-]\\d{4}(?![\\p{N}])', // 555-123-4567
      '(?<![\\p{N},.])0\\d{1,3}[-\\s]\\d{6,8}(?![\\p{N}])', // 020-1234567
    ].join('|'),
    'giu',
  );
  const [lo, hi] = [escapeRegex(d.rangeBetween.open), escapeRegex(d.rangeBetween.join)];
  return {
    lang,
    numbers,
    data: d,
    qualifierIds: lowerMap(d.qualifiers),
    periodQualifierExceptions: lowerSet(d.periodQualifierExceptions),
    currencyBySymbol,
    currencyByName,
    currencyCodes: new Set(d.currencies.map((c) => c.code)),
    unitByForm,
    unitSingular,
    yearPosition: new RegExp(`(?:^|[^\\p{L}])(?:${alternation(d.determiners)}|\\p{L}+['’]s?)\\s+$`, 'iu'),
    durationUnits,
    periodNouns: lowerSet(d.periodNouns),
    notFigureAfter: lowerSet(d.notFigureAfter),
    eventByPhrase,
    eventLabels: lowerMap(d.eventLabels),
    containers: lowerSet(d.containerNouns),
    references: lowerSet(d.referenceNouns),
    tolls: lowerMap(d.tollNouns),
    countNouns: lowerSet(d.countNouns),
    nounKeys: lowerMap(d.nounKeys),
    stopWords: lowerSet(d.stopWords),
    nounLikeVerbForms: lowerSet(d.nounLikeVerbForms),
    qualifierBefore: new RegExp(`(?:^|[^\\p{L}'’])(${alternation(Object.keys(d.qualifiers))})\\s*$`, 'iu'),
    currencyBefore: new RegExp(`(?:^|[^\\p{L}])(${symbolAlt})\\s?$`, 'iu'),
    percentAfter: new RegExp(`\\s?(?:${alternation(d.percentWords)})(?![\\p{L}])`, 'iyu'),
    // After the number: names and codes ("euro", "USD"), and the symbols that are not letters ("10 €").
    currencyAfter: new RegExp(
      `\\s?(${alternation([...currencyByName.keys(), ...[...currencyBySymbol.keys()].filter((k) => !/\p{L}/u.test(k))])})(?![\\p{L}])`,
      'iyu',
    ),
    currencyAfterLink: new RegExp(
      `\\s+(?:${alternation(d.currencyLinks ?? [])})\\s?(${alternation([...currencyByName.keys(), ...[...currencyBySymbol.keys()].filter((k) => !/\p{L}/u.test(k))])})(?![\\p{L}])`,
      'iyu',
    ),
    minorAfter: new RegExp(`\\s+(?:${alternation(d.currencyMinor ?? [])})(?![\\p{L}])`, 'iyu'),
    minorHundred: new RegExp(`[\\s-](?:${alternation((d.currencyMinor ?? []).filter((w) => d.hundredWords.some((h) => h.toLowerCase() === w.toLowerCase())))})$`, 'iu'),
    minorGap: new RegExp(`^\\s+(?:(?:${alternation(d.fractionJoiners ?? [])})\\s+)?$`, 'iu'),
    hyphenCompound: new RegExp(
      `-(?:(${alternation(unitByForm.keys())})|(\\p{L}{2,}))(?:-(?:${alternation(d.compoundTails)}))?(?![\\p{L}\\p{N}-])`,
      'iyu',
    ),
    unitAfter: new RegExp(`\\s(${alternation(unitByForm.keys())})(?![\\p{L}\\p{N}])`, 'iyu'),
    timeOfDayAfter: new RegExp(`\\s?(?:${clockSuffix})(?![\\p{L}])`, 'iyu'),
    masks,
    rangeConnector: new RegExp(`^\\s*(?:${alternation(d.rangeConnectors)})\\s*$`, 'iu'),
    rangeOpen: new RegExp(`(?:^|[^\\p{L}])${lo}(?:\\s+(?:${alternation(d.determiners)}))?\\s+$`, 'iu'),
    rangeJoin: new RegExp(`^\\s+${hi}\\s+$`, 'iu'),
    npWord: new RegExp(`[ \\u00A0]+([\\p{L}][\\p{L}'’-]*)`, 'yu'),
    nounLink: new RegExp(`\\s+(?:${alternation(d.nounLinks)})(?=\\s)`, 'iyu'),
    amountLink: new RegExp(`\\s+(?:${alternation(d.amountLinks)})(?=\\s)`, 'iyu'),
    eventBefore: new RegExp(`(?:^|[^\\p{L}])(${eventAlt})(?:\\s+(?:${alternation(d.determiners)}))?\\s+$`, 'iu'),
    eventAfter: new RegExp(`(?:\\s*,[^,.;:()]{1,60},|\\s*,)?(?:\\s+(?:${aux}))*\\s+(${eventAlt})(?![\\p{L}])`, 'iyu'),
    containerBefore: new RegExp(
      `(?:^|[^\\p{L}])(${alternation(d.containerNouns)})\\s+(?:${alternation(d.nounLinks)})\\s+$`,
      'iu',
    ),
    coordination: new RegExp(`^[^.;:!?]{0,40}(?:^|[^\\p{L}])(?:${alternation(d.coordinators)})(?![\\p{L}])[^.;:!?]{0,40}$`, 'iu'),
    tollPhrase: new RegExp(`(?:^|[^\\p{L}])(${alternation(Object.keys(d.tollNouns))})(?![\\p{L}])`, 'giu'),
    verb: new RegExp(d.verbPattern, 'iu'),
    npModifier: d.npModifierPattern ? new RegExp(d.npModifierPattern, 'u') : null,
  };
}
