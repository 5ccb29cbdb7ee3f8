// The quotes layer's language data: src/lang/<code>/quotes.json compiled into lookup tables.
// Nothing in this folder names a language; everything language-specific comes through here.
import { langData } from '../../lang/registry.ts';
import type { QuotesFile } from '../../lang/schema.ts';
import type { Gender } from '../../text/gender.ts';

export type { Gender };
export type Tense = 'present' | 'past' | 'perfect' | 'gerund';
/** What a cue may attribute (see the comment in quotes.json). */
export type Frame = QuotesFile['verbs'][number]['frames'][number];
export type GramNumber = QuotesFile['pronouns'][string]['number'][number];

/** One way a cue can be written: a verb form or a source preposition ("according to"). */
export interface CueForm {
  /** Lower-cased tokens of the form ("according", "to"). */
  tokens: string[];
  lemma: string;
  /** null for source prepositions. */
  tense: Tense | null;
  frames: ReadonlySet<Frame>;
  /** Source prepositions only: where the preposition may stand relative to the content. */
  prep?: { leading: boolean; trailing: boolean };
  /** Noun cues only ("claim", "bewering"): the source is the possessor or an of/by phrase. */
  noun?: true;
}

export interface PronounInfo {
  gender?: Gender;
  number: GramNumber[];
}

export interface Lexicon {
  lang: string;
  /** Opening mark -> the marks that may close it. */
  marks: Map<string, string[]>;
  /** Marks written apart from the quoted words ("« … »"): space inside them is allowed. */
  spacedMarks: Set<string>;
  /** Every character that may open or close a quotation. */
  markChars: Set<string>;
  quoteDashes: Set<string>;
  attributionDashes: Set<string>;
  /** quotes.json incisoDashes ("—Es histórica —aseguró X."). */
  incisoDashes: Set<string>;
  /** Cue forms indexed by their first token, longest first. */
  cues: Map<string, CueForm[]>;
  complementizers: Set<string>;
  /** Noun cue forms ("claim", "claims") -> their form. */
  nounCues: Map<string, CueForm>;
  nounSourcePrepositions: Set<string>;
  /** Cue word forms of belief or intention ("believes", "wants"). */
  beliefCues: Set<string>;
  /** Possessive pronoun ("his", "zijn") -> the agreement of the pronoun it stands for. */
  possessivePronouns: Map<string, PronounInfo>;
  addresseeMarkers: Set<string>;
  pronouns: Map<string, PronounInfo>;
  firstPerson: Set<string>;
  /** Honorific token sequences ("mr.", "de heer") indexed by first token. */
  honorifics: Map<string, { tokens: string[]; gender?: Gender }[]>;
  /** Title token sequences indexed by their LAST token (phrases are parsed from both sides). */
  titlesByLast: Map<string, { tokens: string[]; gender?: Gender }[]>;
  /** Title token sequences indexed by their first token. */
  titlesByFirst: Map<string, { tokens: string[]; gender?: Gender }[]>;
  singleWordTitles: Map<string, Gender | undefined>;
  roleGroups: Map<string, Set<string>>;
  /** Variant -> canonical qualifier ("u.s." -> "us"). */
  qualifierAliases: Map<string, string>;
  formerMarkers: string[];
  sourceSingular: Set<string>;
  sourcePlural: Set<string>;
  compoundHeads: boolean;
  sourceModifiers: Set<string>;
  definite: Set<string>;
  indefinite: Set<string>;
  functionWords: Set<string>;
  clauseOpeners: Set<string>;
  fillers: Set<string>;
  negations: Set<string>;
  workNouns: Set<string>;
  nameParticles: Set<string>;
  relativePronouns: Set<string>;
  auxiliaries: Set<string>;
  /** Words that make a capitalised name an organisation ("Department", "ministerie"). */
  organizationWords: Set<string>;
  /** Function words that may still open a reported clause right after the verb ("there", "the", "er"). */
  bareStarters: Set<string>;
  /** A speaker may follow its verb anywhere (V2: "In een interview zei Saar"), not only after a quotation or comma. */
  subjectVerbInversion: boolean;
  /** Nationality words may stand between a title and the name (quotes.json qualifiersAfterTitle). */
  qualifiersAfterTitle: boolean;
  /** Elided words glued to the next ("qu'", "l'"), lower case with ' for ’, longest first. */
  elisions: string[];
  /** Pronoun endings of inverted verbs ("-t-il"), lower case, longest first. */
  invertedSubjects: string[];
  /** Capitalised words that are never part of a name (days, months). */
  nonNames: Set<string>;
  /** Endings of adverbs that may stand between a speaker and the verb ("forcefully told"). */
  adverbSuffixes: string[];
  /** Prepositions inside a speaker phrase: "a spokeswoman for Hillary Clinton", "een woordvoerder van het leger". */
  speakerPrepositions: Set<string>;
  /** Words joining an organisation's name after an organisation word: "Commission on Presidential Debates", "Bank of America". */
  organizationConnectors: Set<string>;
  /** Abbreviations that keep their period ("mr.", "u.s.") from quotes.json and abbreviations.json. */
  abbreviations: Set<string>;
}

const lower = (xs: readonly string[] | undefined) => (xs ?? []).map((x) => x.toLowerCase());
const set = (xs: readonly string[] | undefined) => new Set(lower(xs));
const split = (phrase: string) => phrase.toLowerCase().split(/\s+/).filter(Boolean);

function pushIndexed<T extends { tokens: string[] }>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key) ?? [];
  list.push(value);
  list.sort((a, b) => b.tokens.length - a.tokens.length);
  map.set(key, list);
}

const cache = new Map<string, Lexicon | null>();

/** The compiled quotes data of `lang`, or null when the language has no quotes.json. */
export function quotesLexicon(lang: string): Lexicon | null {
  if (cache.has(lang)) return cache.get(lang)!;
  const data = langData(lang, 'quotes');
  const lex = data ? compile(lang, data) : null;
  cache.set(lang, lex);
  return lex;
}

function compile(lang: string, d: QuotesFile): Lexicon {
  const marks = new Map<string, string[]>();
  const markChars = new Set<string>();
  for (const m of d.quoteMarks) {
    marks.set(m.open, [...(marks.get(m.open) ?? []), ...m.close]);
    markChars.add(m.open);
    for (const c of m.close) markChars.add(c);
  }

  const cues = new Map<string, CueForm[]>();
  for (const v of d.verbs) {
    const frames = new Set(v.frames);
    for (const tense of ['present', 'past', 'perfect', 'gerund'] as const) {
      for (const form of v[tense] ?? []) {
        const tokens = split(form);
        if (tokens.length) pushIndexed(cues, tokens[0], { tokens, lemma: v.lemma, tense, frames });
      }
    }
  }
  for (const p of d.sourcePrepositions) {
    const tokens = split(p.phrase);
    pushIndexed(cues, tokens[0], {
      tokens,
      lemma: p.phrase.toLowerCase(),
      tense: null,
      frames: new Set<Frame>(['partial']),
      prep: { leading: p.positions.includes('leading'), trailing: p.positions.includes('trailing') },
    });
  }

  const nounCues = new Map<string, CueForm>();
  for (const n of d.nounCues ?? []) {
    for (const f of n.forms) nounCues.set(f.toLowerCase(), { tokens: [f.toLowerCase()], lemma: n.lemma, tense: null, frames: new Set<Frame>(['that']), noun: true });
  }
  const possessivePronouns = new Map<string, PronounInfo>();
  for (const [poss, pron] of Object.entries(d.possessivePronouns ?? {})) {
    const info = d.pronouns[pron];
    if (info) possessivePronouns.set(poss.toLowerCase(), info);
  }

  const honorifics = new Map<string, { tokens: string[]; gender?: Gender }[]>();
  for (const [h, info] of Object.entries(d.honorifics)) {
    const tokens = split(h);
    pushIndexed(honorifics, tokens[0], { tokens, gender: info.gender });
  }

  const titlesByLast = new Map<string, { tokens: string[]; gender?: Gender }[]>();
  const titlesByFirst = new Map<string, { tokens: string[]; gender?: Gender }[]>();
  const singleWordTitles = new Map<string, Gender | undefined>();
  for (const t of d.titles) {
    const tokens = split(t.words);
    pushIndexed(titlesByLast, tokens[tokens.length - 1], { tokens, gender: t.gender });
    pushIndexed(titlesByFirst, tokens[0], { tokens, gender: t.gender });
    if (tokens.length === 1) singleWordTitles.set(tokens[0], t.gender);
  }

  const qualifierAliases = new Map<string, string>();
  for (const [canon, variants] of Object.entries(d.roleQualifierAliases)) {
    qualifierAliases.set(canon, canon);
    for (const v of variants) qualifierAliases.set(v.toLowerCase(), canon);
  }

  const abbrev = langData(lang, 'abbreviations') ?? {};
  const abbreviations = new Set([
    ...lower(abbrev.titles),
    ...lower(abbrev.months),
    ...lower(abbrev.initialisms),
    ...Object.keys(d.honorifics).filter((h) => h.endsWith('.')),
    ...d.titles.map((t) => t.words.toLowerCase()).filter((w) => /^\S+\.$/.test(w)),
  ]);

  return {
    lang,
    marks,
    spacedMarks: new Set(d.quoteMarks.filter((m) => m.spaced).flatMap((m) => [m.open, ...m.close])),
    markChars,
    quoteDashes: new Set(d.quoteDashes),
    attributionDashes: new Set(d.attributionDashes),
    incisoDashes: new Set(d.incisoDashes ?? []),
    cues,
    complementizers: set(d.complementizers),
    nounCues,
    nounSourcePrepositions: set(d.nounSourcePrepositions),
    beliefCues: set(d.beliefCues),
    possessivePronouns,
    addresseeMarkers: set(d.addresseeMarkers),
    pronouns: new Map(Object.entries(d.pronouns).map(([k, v]) => [k.toLowerCase(), v])),
    firstPerson: set(d.firstPerson),
    honorifics,
    titlesByLast,
    titlesByFirst,
    singleWordTitles,
    roleGroups: new Map(Object.entries(d.roleGroups).map(([k, v]) => [k.toLowerCase(), set(v)])),
    qualifierAliases,
    formerMarkers: lower(d.formerMarkers),
    sourceSingular: set(d.sourceNouns.singular),
    sourcePlural: set(d.sourceNouns.plural),
    compoundHeads: d.compoundHeads,
    sourceModifiers: set(d.sourceModifiers),
    definite: set(d.determiners.definite),
    indefinite: set(d.determiners.indefinite),
    functionWords: set(d.functionWords),
    clauseOpeners: set(d.clauseOpeners),
    fillers: set(d.fillers),
    negations: set(d.negations),
    workNouns: set(d.workNouns),
    nameParticles: set(d.nameParticles),
    relativePronouns: set(d.relativePronouns),
    auxiliaries: set(d.auxiliaries),
    organizationWords: set(d.organizationWords),
    bareStarters: set(d.bareStarters),
    subjectVerbInversion: d.subjectVerbInversion,
    qualifiersAfterTitle: d.qualifiersAfterTitle ?? false,
    elisions: (d.elisions ?? []).map((e) => e.toLowerCase().replace(/’/g, "'")).sort((a, b) => b.length - a.length),
    invertedSubjects: (d.invertedSubjects ?? []).map((e) => e.toLowerCase()).sort((a, b) => b.length - a.length),
    nonNames: set(d.nonNames),
    adverbSuffixes: lower(d.adverbSuffixes),
    speakerPrepositions: set(d.speakerPrepositions),
    organizationConnectors: set(d.organizationConnectors),
    abbreviations,
  };
}

/** 'sg' / 'pl' when `word` is a source noun ("official", "sources"; with compoundHeads also
 *  "Hamas-functionaris", "burgerbeschermingsagentschap"), else null. */
export function sourceNounNumber(lex: Lexicon, word: string): GramNumber | null {
  const w = word.toLowerCase();
  if (lex.sourceSingular.has(w)) return 'sg';
  if (lex.sourcePlural.has(w)) return 'pl';
  const hy = w.lastIndexOf('-');
  if (hy > 0) {
    const tail = w.slice(hy + 1);
    if (lex.sourceSingular.has(tail)) return 'sg';
    if (lex.sourcePlural.has(tail)) return 'pl';
  }
  if (lex.compoundHeads) {
    for (const [nouns, num] of [[lex.sourcePlural, 'pl'], [lex.sourceSingular, 'sg']] as const) {
      for (const n of nouns) if (n.length >= 4 && w.length > n.length + 2 && w.endsWith(n)) return num;
    }
  }
  return null;
}

/** The single-word title `word` ends with ("Hamas-functionaris" -> "functionaris"), or null. */
export function compoundTitle(lex: Lexicon, word: string): string | null {
  const w = word.toLowerCase();
  if (lex.singleWordTitles.has(w)) return w;
  const hy = w.lastIndexOf('-');
  if (hy > 0 && lex.singleWordTitles.has(w.slice(hy + 1))) return w.slice(hy + 1);
  return null;
}
