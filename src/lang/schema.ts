// The declared shape of every data file a language folder may hold (src/lang/<code>/<name>.json):
// one zod schema per file name, checked by the registry when a file is first read, and the
// TypeScript types the analysis steps and corpus stages use (inferred from the schemas, so the shape
// is written once). Objects are strict: a misspelt key is an error, not a silently ignored list.
// `comment` and `origin` document a file and are allowed everywhere at the top.
import { z } from 'zod';

const words = z.array(z.string());
const wordMap = z.record(z.string(), z.string());
const numberMap = z.record(z.string(), z.number());
/** A file's top-level object: its own fields plus documentation. */
const file = <T extends z.ZodRawShape>(shape: T) => z.object({ comment: z.string().optional(), origin: z.string().optional(), ...shape }).strict();

/** An annotated NER file: a path (CoNLL) or the path with its format and how it is read
 *  (src/analysis/mentions/ner/formats.ts NerFile). */
const nerFile = z.union([
  z.string(),
  z
    .object({
      file: z.string(),
      format: z.enum(['conll', 'wikiann', 'wikineural', 'germeval', 'uner', 'bare', 'harem', 'europeana']).optional(),
      docSentences: z.number().int().positive().optional(),
      split: z.object({ every: z.number().int().min(2), part: z.enum(['rest', 'held-out']) }).strict().optional(),
      limit: z.number().int().positive().optional(),
      types: z.array(z.enum(['PER', 'ORG', 'LOC', 'MISC'])).optional(),
      domain: z.number().int().min(0).max(7).optional(),
      docStart: z
        .string()
        .refine((r) => { try { new RegExp(r); return true; } catch { return false; } }, 'not a valid regular expression')
        .optional(),
    })
    .strict(),
]);

/** language.json: the language is fully supported (its folder has this file). */
export const languageSchema = file({
  /** ISO 639-1 code, the folder name. */
  code: z.string().regex(/^[a-z]{2,3}$/),
  /** English name of the language. */
  name: z.string(),
  /** ISO 639-3 code: the key world-countries uses for its names and demonyms in the language ("nld"). */
  iso639_3: z.string().regex(/^[a-z]{3}$/),
  /** The public data sets of ../shared/data the bench and `npm run train:ner` use for this language. */
  datasets: z
    .object({
      /** Named-entity data (paths under the data folder; a bare string is a CoNLL file). */
      ner: z
        .object({
          /** What the development set is, for reports ("CoNLL-2003 eng.testa"). */
          name: z.string(),
          /** The annotated files trained on (the first is the language's own gold data). */
          train: z.union([nerFile, z.array(nerFile).min(1)]),
          /** The development set: scored by the bench, never trained on. */
          dev: nerFile,
          /** How `npm run train:ner` trains this language's model (scripts/ner/pipeline.ts LanguageConfig). */
          training: z
            .object({
              /** Unlabelled text for clusters and lower-case statistics: a corpus folder, or ("ner") the
               *  text of an annotated file (`dir` is then the file, `format` its format; tags unused). */
              unlabelled: z.array(
                z
                  .object({
                    kind: z.enum(['polnear', 'ecbplus', 'ner']),
                    dir: z.string(),
                    format: z.enum(['conll', 'wikiann', 'wikineural', 'germeval', 'uner', 'bare', 'harem', 'europeana']).optional(),
                  })
                  .strict(),
              ),
              clusters: z.boolean(),
              /** Annotated data whose names join the gazetteer as lists "xl-<TYPE>" (another language, or silver data). */
              crossLingual: z.union([nerFile, z.array(nerFile)]).optional(),
              extraTrain: z.string().optional(),
              silver: z.boolean().optional(),
              /** Numbers of word classes, coarse to fine (default 64, 256, 1024; the finest costs the most). */
              clusterClasses: z.array(z.number().int().min(2)).min(1).optional(),
              /** Exchange-clustering sweeps per granularity (default 12; the cost of clustering grows with them). */
              clusterIterations: z.number().int().positive().optional(),
              /** Jackknife folds for stage 2 and the training-name gazetteer (default 5). */
              folds: z.number().int().min(2).optional(),
              /** Perceptron epochs per stage (default 12). */
              epochs: z.number().int().positive().optional(),
              /** Perceptrons averaged per stage (default 4). */
              ensemble: z.number().int().positive().optional(),
              /** Times each sentence of the language's own gold data (domain 0) is visited per epoch when
               *  other domains are trained on too (default 1): weights in-domain gold over silver data. */
              goldRepeat: z.number().int().positive().optional(),
            })
            .strict(),
        })
        .strict()
        .optional(),
      /** File-name prefix of the Microsoft Recognizers-Text specs of this language ("English"). */
      recognizers: z.string().optional(),
      /** Other corpora of ../shared/data written in this language, which the bench reads as such. */
      corpora: z.array(z.enum(['bbc', 'polnear', 'tempeval3', 'ecbplus'])).optional(),
    })
    .strict()
    .optional(),
});

/** abbreviations.json: tokens ending in a period that do not end a sentence (case-sensitive). */
export const abbreviationsSchema = file({
  titles: words.optional(),
  months: words.optional(),
  initialisms: words.optional(),
  /** A number of one or two digits with a period before a month name or a lower-case word is an
   *  ordinal, not a sentence end ("am 4. Februar", "die 2. Runde"). */
  ordinalDates: z.boolean().optional(),
});

/** calendar.json: month and weekday names, each a list of forms with the full name first. */
export const calendarSchema = file({
  months: z.array(words).length(12),
  weekdays: z.array(words).length(7),
  dateOrder: z.enum(['month-day', 'day-month']),
});

/** clean.json: cleaning patterns (src/clean); *Patterns are regular expressions (flags 'iu'). */
export const cleanSchema = file({
  bylinePrefixes: words.optional(),
  nameJoiners: words.optional(),
  nameParticles: words.optional(),
  timestampLabels: words.optional(),
  timestampWords: words.optional(),
  relativeTimePatterns: words.optional(),
  mediaLines: words.optional(),
  mediaPatterns: words.optional(),
  boilerplateLines: words.optional(),
  boilerplatePatterns: words.optional(),
  creditPatterns: words.optional(),
  photoCreditPrefixes: words.optional(),
  creditJoiners: words.optional(),
});

/** [ending, replacement]: the form's ending (case ignored) is replaced; null means no form. */
const inflectionRule = z.tuple([z.string(), z.string().nullable()]);

/** demonyms.json: nationality words of countries (src/corpus/entities/demonym-forms.ts). */
export const demonymsSchema = file({
  /** Base forms from world-countries: its demonyms key (ISO 639-3) and the class they get. */
  worldCountries: z.object({ key: z.string(), class: z.string() }).strict().optional(),
  /** Separators inside a source string listing several forms ("Antiguan, Barbudan"). */
  alternatives: words.optional(),
  /** Classes (base or inflection names) whose forms stand in front of a title as a country adjective. */
  modifiers: words.optional(),
  inflections: z
    .record(
      z.string(),
      z
        .object({
          /** Classes of base forms it applies to ("adjective", "noun"). */
          of: words,
          /** "plural" when the forms name several people ("Israelis", "Palestijnen"). */
          number: z.string().optional(),
          rules: z.array(inflectionRule),
        })
        .strict(),
    )
    .optional(),
  /** ISO 3166-1 alpha-2 -> class -> forms; a list named like an inflection replaces its rules. */
  countries: z.record(z.string().regex(/^[A-Z]{2}$/), z.record(z.string(), words)).optional(),
  /** Forms the sources give that are names of places rather than nationality words ("Vatican"). */
  exclude: words.optional(),
  /** Countries deliberately left without forms (documentation only). */
  leftOut: words.optional(),
});

/** entities.json: the mentions layer's honorifics, roles, determiners, pronouns and tokeniser. */
export const entitiesSchema = file({
  tokenizer: z
    .object({
      /** Word endings split off as their own token (case-insensitive; ’ matches '). */
      clitics: words.optional(),
    })
    .strict()
    .optional(),
  honorifics: z.object({ male: words.optional(), female: words.optional(), any: words.optional() }).strict().optional(),
  determiners: words.optional(),
  possessives: words.optional(),
  roleModifiers: words.optional(),
  roleLinks: words.optional(),
  roles: words.optional(),
  leaderNouns: words.optional(),
  leaderRoles: words.optional(),
  pronouns: z.object({ male: words.optional(), female: words.optional() }).strict().optional(),
  /** Nouns that name the kind of organisation the name after them is ("the charity [Project Hope]"). */
  organisationNouns: words.optional(),
  /** Endings of compound nouns of that kind (Dutch "hulp|organisatie", "terreur|groep"). */
  organisationNounEndings: words.optional(),
  /** Words built on a name are written with a hyphen ("Hamas-leiders", "US-backed"). */
  hyphenCompounds: z.boolean().optional(),
  /** Words that join two names ("and"): a tagged name with one inside is two names when the article
   *  also names either part on its own ("Deutsche Bank and Gazpromneft"). */
  conjunctions: words.optional(),
  /** Role modifiers (also listed in roleModifiers) that make another office than the bare role:
   *  "the prime minister" does not refer to the "Deputy Prime Minister John Prescott". */
  otherOffice: words.optional(),
});

/**
 * names.json: how names are written, for matching them across articles (src/corpus/entities/normalise.ts)
 * and within one (the mentions layer's genitives). Compared case- and accent-insensitively, without dots.
 */
export const namesSchema = file({
  /** Titles stripped from the front of person names ("Mr.", "de premier"), when a name remains. */
  titles: words.optional(),
  /** Words stripped in front of a name only when a title follows them ("the", "former", "voormalig"). */
  modifiers: words.optional(),
  /** Endings of adjectives that count as modifiers ("Israëlische": "sche"). */
  modifierSuffixes: words.optional(),
  /** Articles stripped from the front of organisation and place names ("the United Nations"). */
  articles: words.optional(),
  /** Titles that say a person is a man (m) or a woman (f): "Mr. Jenkin" and "Miss Jenkin" stay apart. */
  titleGender: z.object({ m: words.optional(), f: words.optional() }).strict().optional(),
  /** Small words skipped when reading an acronym off a name ("Academy of ... Arts and Sciences"). */
  acronymStopwords: words.optional(),
  /** Genitive endings tried when a name is not found as written (Dutch "Israëls" -> "Israël"). */
  genitiveSuffixes: words.optional(),
  /** Words that end a company's name without telling companies apart ("Group", "Holdings",
   *  "Technologies"): stripped, like the legal forms of src/corpus/entities/data/company-suffixes.json,
   *  to match "ATI Technologies Inc." with "ATI". */
  companyWords: words.optional(),
  /** [plural ending, singular ending] of a name's last word, first match wins, tried against the
   *  alias tables when a name is not there as written ("Tories" -> "Tory", "Lib Dems" -> "Lib Dem"). */
  plurals: z.array(z.tuple([z.string().min(1), z.string()])).optional(),
  /** Groups of first names that are forms of one name ("Katherine", "Kathryn", "Katie", "Kate"): a
   *  full name written with either is the same person's when the surname and nothing else agree. */
  firstNameForms: z.array(words.min(2)).optional(),
  /** Given names that say a person is a man (m) or a woman (f); names borne by both are left out. */
  firstNameGender: z.object({ m: words.optional(), f: words.optional() }).strict().optional(),
});

/**
 * institutions.json: the language's names of the curated organisations and regions of
 * src/corpus/entities/data/organisations.json and places.json, by their keys ("white-house":
 * ["Casa Bianca"]), so that one entity stands for them in every language.
 */
export const institutionsSchema = file({
  organisations: z.record(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), words.min(1)).optional(),
  places: z.record(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), words.min(1)).optional(),
});

const currency = z.object({ code: z.string(), symbols: words, names: words }).strict();

/** figures.json: number words and formats, currencies, units, qualifiers and what figures count. */
export const figuresSchema = file({
  numberFormat: z
    .object({
      decimal: z.string(),
      group: z.string(),
      /** A plain space also groups thousands ("1 000 000", French and German usage); narrow and
       *  non-breaking spaces always do. */
      spaceGroups: z.boolean().optional(),
    })
    .strict(),
  /** Fraction words: alone they are their value ("anderthalb" 1.5, "halbe" 0.5); after a count they
   *  multiply it ("ein halbes" 0.5, "drei Viertel" 0.75, "deux tiers"); a scale may follow ("ein
   *  halbes Dutzend" 6, "eine halbe Million"). */
  fractionWords: numberMap.optional(),
  /** Fractions added to the count before them: "zwei|einhalb" 2.5, "deux et demi", "tre e mezzo". */
  fractionAddends: numberMap.optional(),
  /** Words joining a whole number and a fraction: "five and three fifths", "veinte con tres quintos"
   *  (the fraction follows in words), "3 millones y medio" (after a scale the fraction is of the scale). */
  fractionJoiners: words.optional(),
  /** Words between numerator and denominator of a fraction read out: "one over three", "uno sobre tres". */
  fractionOver: words.optional(),
  /** Word suffixes that make a cardinal a denominator: Spanish "veintiun|avos" (1/21), German "zwanzig|stel". */
  fractionSuffixes: numberMap.optional(),
  /** Denominator words after a cardinal: Portuguese "vinte e um avos" (1/21). */
  denominatorWords: words.optional(),
  /** Words that negate the number after them: "minus five", "menos tres". */
  minusWords: words.optional(),
  /** Spoken decimal separators: "two point five", "siete coma cinco"; the digits after it are read word by word
   *  ("point zero three" = .03, "point seventy-one" = .71). */
  decimalWords: words.optional(),
  numberWords: numberMap,
  hundredWords: words,
  /** Words that are a multiple of a hundred by themselves (Spanish "doscientos" 200, Portuguese
   *  "quinhentos" 500): they stand where a unit + hundred word would ("doscientos treinta" = 230). */
  hundredsWords: numberMap.optional(),
  scaleWords: numberMap,
  scaleAbbreviations: numberMap,
  wordJoiners: words,
  /** After which kinds of number word a word joiner may stand: ["hundred", "scale"] when not given
   *  (English "one hundred and five"); Spanish "treinta y cinco" needs "tens", Portuguese "cento e
   *  cinco", "trinta e cinco", "dois mil e quinhentos" all three. */
  wordJoinersAfter: z.array(z.enum(['tens', 'hundred', 'scale'])).optional(),
  /** A larger scale word may follow "thousand" and multiply it: Spanish "mil millones" = 10^9. */
  thousandTimesScale: z.boolean().optional(),
  compoundJoiners: words,
  indefiniteOne: words,
  weakNumbers: words,
  ordinalSuffixes: words,
  qualifiers: wordMap,
  periodQualifierExceptions: words,
  currencies: z.array(currency),
  /** Minor currency units after an amount's whole part: "15 dollars and 50 cents", "5 euro 50", "tretton euro och fyrtiofem öre". */
  currencyMinor: words.optional(),
  /** Words between a scale and its currency: "75 millions de dollars", "tre miliardi di euro", "3 millones de dólares". */
  currencyLinks: words.optional(),
  percentWords: words,
  units: z.record(z.string(), words),
  compoundTails: words,
  periodNouns: words,
  notFigureAfter: words,
  timeOfDaySuffixes: words,
  rangeConnectors: words,
  rangeBetween: z.object({ open: z.string(), join: z.string() }).strict(),
  events: z.record(z.string(), words),
  eventLabels: wordMap,
  auxiliaries: words,
  nounLinks: words,
  determiners: words,
  containerNouns: words,
  referenceNouns: words,
  coordinators: words,
  tollNouns: wordMap,
  amountLinks: words,
  countNouns: words,
  nounKeys: wordMap,
  stopWords: words,
  verbPattern: z.string(),
  /** When set, only words matching it can precede the head noun ("speciale helikopters"): the first
   *  word that does not match ends the noun phrase. Empty = any word can ("aid workers"). */
  npModifierPattern: z.string(),
  nounLikeVerbForms: words,
});

const frame = z.enum(['partial', 'that', 'bare', 'trailing']);
const gender = z.enum(['m', 'f', 'n']);
const gramNumber = z.enum(['sg', 'pl']);

/** quotes.json: quotation marks, reporting verbs and the words around speakers (src/analysis/quotes). */
export const quotesSchema = file({
  quoteMarks: z.array(
    z
      .object({
        open: z.string(),
        close: words,
        /** The marks stand apart from the quoted words: French "« Nous travaillons »". */
        spaced: z.boolean().optional(),
      })
      .strict(),
  ),
  quoteDashes: words,
  attributionDashes: words,
  /** Dashes of the Spanish dialogue style: a paragraph opens with one glued to the first word
   *  ("—Es histórica —aseguró X."), and one after a space and glued to the verb ends the quotation
   *  like the comma of "CONTENT, said X". */
  incisoDashes: words.optional(),
  verbs: z.array(
    z
      .object({
        lemma: z.string(),
        present: words.optional(),
        past: words.optional(),
        perfect: words.optional(),
        gerund: words.optional(),
        frames: z.array(frame),
      })
      .strict(),
  ),
  complementizers: words,
  sourcePrepositions: z.array(z.object({ phrase: z.string(), positions: z.array(z.enum(['leading', 'trailing'])) }).strict()),
  /** Nouns of speech that take a that-clause: "Trump's claim that …", "de bewering van X dat …". */
  nounCues: z.array(z.object({ lemma: z.string(), forms: words }).strict()).optional(),
  /** Prepositions introducing a noun cue's source: "the claim by X that", "de bewering van X dat". */
  nounSourcePrepositions: words.optional(),
  /** Word forms of cues of belief or intention, not speech ("believes", "wants", "vindt"): the
   *  attribution model's quotes with such a cue get kind "belief" (src/analysis/quotes/attribution.ts). */
  beliefCues: words.optional(),
  /** Possessive pronoun -> the personal pronoun it stands for ("his" -> "he"). */
  possessivePronouns: wordMap.optional(),
  addresseeMarkers: words,
  pronouns: z.record(z.string(), z.object({ gender: gender.optional(), number: z.array(gramNumber) }).strict()),
  firstPerson: words,
  honorifics: z.record(z.string(), z.object({ gender: gender.optional() }).strict()),
  titles: z.array(z.object({ words: z.string(), gender: gender.optional() }).strict()),
  roleGroups: z.record(z.string(), words),
  roleQualifierAliases: z.record(z.string(), words),
  formerMarkers: words,
  sourceNouns: z.object({ singular: words, plural: words }).strict(),
  compoundHeads: z.boolean(),
  sourceModifiers: words,
  determiners: z.object({ definite: words, indefinite: words }).strict(),
  functionWords: words,
  clauseOpeners: words,
  fillers: words,
  negations: words,
  workNouns: words,
  nameParticles: words,
  relativePronouns: words,
  auxiliaries: words,
  organizationWords: words,
  bareStarters: words,
  subjectVerbInversion: z.boolean(),
  /** Nationality words may follow the title before the name: "le Premier ministre israélien
   *  Benyamin Netanyahou", "il presidente americano Donald Trump" (roleQualifierAliases words). */
  qualifiersAfterTitle: z.boolean().optional(),
  /** Elided words split off the word they are glued to, so that "qu'il" is "qu'" + "il" (French, Italian). */
  elisions: words.optional(),
  /** Subject pronouns glued to an inverted verb, split off as the subject: "a-t-il déclaré" is
   *  "a" + "il" + "déclaré" (the joining "-t-" dropped). Written with their hyphens ("-t-il", "-elle"). */
  invertedSubjects: words.optional(),
  nonNames: words,
  adverbSuffixes: words,
  speakerPrepositions: words,
  organizationConnectors: words,
});

const weekdayRelation = z.enum(['previous-week', 'next-week', 'this-week', 'before', 'after']);

/** times.json: relative expressions, modifiers and tense cues of the times layer. */
export const timesSchema = file({
  caseSensitiveNames: words,
  ordinalSuffixes: words,
  dayOfMonthJoiners: words,
  dayArticles: words,
  dayWords: numberMap,
  dayWordBlockers: words.optional(),
  shiftWords: numberMap,
  periodWords: wordMap,
  /** Shift words written after the period or weekday: French "la semaine dernière", "lundi prochain",
   *  Italian "l'anno scorso". Periods take the number (-1 / 0 / +1). */
  shiftWordsAfter: numberMap.optional(),
  /** How such a word after a weekday places the day ("lundi dernier": before). */
  weekdayShiftsAfter: z.record(z.string(), weekdayRelation).optional(),
  modifierWords: wordMap,
  offsetUnits: z.record(z.string(), words),
  agoWords: words,
  /** Words for the day of the month before a month name: "am zweiten Mai", "le premier mai",
   *  "il ventinove maggio" (word -> day). */
  dayWordsOfMonth: numberMap.optional(),
  /** Day and month in digits without a year, each followed by a period: German "am 28.10." (day-month). */
  numericDayMonth: z.boolean().optional(),
  /** Words before a bare day of the month, which then lies in the month of the anchor: French "le 23",
   *  Swedish "den 15:e", Portuguese "dia 12", English "the 18th". Also the words between a weekday and
   *  its day ("Friday the 13th", "terça-feira dia 25", "fredagen den 15:e"). */
  dayOnlyCues: words.optional(),
  /** A bare day after a cue needs an ordinal suffix ("the 18th", not "the 18"). */
  dayOnlyNeedsSuffix: z.boolean().optional(),
  /** Words between a date without a year and the year that completes it: "28 June in 2020", "April in
   *  2016", "26 juni tot 28 juni in 2020". */
  yearAfter: words.optional(),
  /** Words that count an amount from a day word: "two days after today", "drie weken vanaf morgen",
   *  "dos días antes de ayer". */
  fromDayWord: z.object({ after: words, before: words }).strict().optional(),
  /** Shift words after the quarter noun: "el trimestre pasado", "le trimestre prochain". */
  quarterShiftsAfter: numberMap.optional(),
  /** The amount may come before the span's shift word: "les 3 prochaines semaines", "3 próximas semanas". */
  spanNumberFirst: z.boolean().optional(),
  /** Decades written with a four-digit year: the words before it ("les années", "los años") and the
   *  endings after it ("s", "er", "-talet"); one of them must be there. */
  decades: z.object({ before: words, after: words }).strict().optional(),
  /** Comparison cues before "last year" in a report on a quarter ("compared with", "from"): that
   *  "last year" is the year-ago quarter. */
  comparisonCues: words.optional(),
  /** Words before the amount that put it in the past: German "vor zwei Tagen", French "il y a trois jours",
   *  Spanish "hace dos días", Portuguese "há três semanas". */
  agoBefore: words.optional(),
  /** Words that may open an offset closed by an ago word, and belong to it: Swedish "för två dagar sedan". */
  agoOpeners: words.optional(),
  fromNowWords: words,
  offsetBefore: words,
  offsetArticle: words,
  anchorPrepositions: words,
  yearDeterminers: words,
  /** "last" -> previous-week, "this past" -> before, "on" -> null (no shift). */
  weekdayPrefixes: z.record(z.string(), weekdayRelation.nullable()),
  weekdaySuffixes: words,
  /** Short weekday forms of calendar.json that are weekdays only after a weekday prefix: Portuguese
   *  "na terça", "na sexta" (alone "terça", "segunda" are also ordinals). */
  prefixedWeekdays: words.optional(),
  seasons: wordMap,
  seasonNeedsAnchor: words,
  seasonTriggers: words,
  rangeConnectors: words,
  rangeOpeners: words,
  /** Connectors that make a range only after an opener ("between 2007 and 2009", not "2007 and 2009"). */
  rangeNeedsOpener: words,
  futureMarkers: words,
  pastMarkers: words,
  pastVerbPattern: z.string(),
  /** Past forms that say nothing about the tense of what is reported ("said", "told"). */
  reportingVerbs: words,
  /** Holiday -> "MM-DD", or "MM-DD+W": the first ISO weekday W on or after that day (Thanksgiving
   *  "11-22+4": the first Thursday from November 22), or "E+N": N days after Western Easter Sunday
   *  (Easter Monday "E+1", Whit Sunday "E+49", Good Friday "E-2"). */
  holidays: z.record(
    z.string(),
    z.string().regex(/^(?:\d{2}-\d{2}(?:\+[1-7])?|E[+-]\d{1,2})$/, 'holiday dates are "MM-DD", "MM-DD+W" (W = ISO weekday 1-7) or "E+N" / "E-N" (days from Western Easter Sunday)'),
  ),
  /** "the weekend": a period whose direction comes from the tense. */
  periodArticles: wordMap,
  /** "the last 3 months", "de komende twee weken": a span from or to the anchor. */
  spanShifts: numberMap,
  quarterOrdinals: numberMap,
  quarterNouns: words,
  quarterArticles: words,
  quarterQualifiers: words,
  quarterShifts: numberMap,
  /** Letters of the "Q3 2023" notation. */
  quarterCodes: words,
  /** Words after a four-digit number that make it a time of day, never a year ("1600 GMT", "2030 local time"). */
  timeOfDayAfter: words,
  /** Words before a four-digit number that make it a time of day ("at 1430", "om 1600"). */
  timeOfDayBefore: words,
  /** Words that introduce a reference point rather than a happening ("since 1951"): such times are background. */
  backgroundPrepositions: words,
  /**
   * Phrases that refer to the period a (financial) report is about — the quarter named last in the text
   * — shifted by whole years: "the latest quarter" 0, "the year-ago quarter" / "a year earlier" -1.
   * Without a quarter named before them they are not times, except those that are also offsets ("a
   * year ago"), which then count from the anchor.
   */
  referencePeriods: numberMap,
  /** Nouns of "the 1988 period", "the 1989 quarter": that year's reference quarter. */
  referenceNouns: words,
  /** Periods longer than a quarter ("nine months", "fiscal year"): in their sentence "a year earlier"
   *  compares with that period, not with the reference quarter. */
  longerPeriods: words,
  /** Prepositions of a deadline ("by Jan. 14", "through January"): a year-less date after one lies ahead. */
  deadlinePrepositions: words,
  /** Phrases right before a date that make it a limit rather than a happening in any tense, besides the
   *  deadline prepositions ("before", "the deadline of", "no later than", "expires on"): such times are
   *  marked `role: 'deadline'` and left out of timelines and story dates (src/analysis/times/happening.ts). */
  deadlineCues: words.optional(),
  /** Words of a plan or promise ("promised to", "pledged"): with the future markers they make a date in
   *  their clause `role: 'plan'` (a future tense marks it without them). Only marking uses them, not
   *  the resolution of year-less dates. */
  planMarkers: words.optional(),
  /** Words after which a spelled-out thousand is a year ("the year two thousand"). Spelled-out
   *  century-and-tens ("nineteen ninety-six") are years without a cue. */
  spokenYearCues: words,
  /**
   * Shifts that count from the last date the text gave, not from the anchor ("the following year",
   * "that same day", "het jaar daarop" is not covered): phrase -> units to shift.
   */
  anaphoricShifts: numberMap,
  /** Unit nouns after an anaphoric shift -> day, week, month or year. */
  anaphoricUnits: wordMap,
});

/** voice.json: loaded terms, attribution cues and side words for source comparison (src/corpus/stories/voice.ts). */
export const voiceSchema = file({
  /** Language-independent term id -> the forms as written (whole words, case-insensitive). */
  loadedTerms: z.record(z.string(), words).optional(),
  /** Words that put what their sentence says in someone else's mouth or judgement. */
  attributionCues: words.optional(),
  /** Words in a speaker's role that tell the side they speak for -> the side's entity key. */
  sideWords: wordMap.optional(),
  /** A world-countries demonyms key (ISO 639-3, "eng") whose forms also tell a speaker's side. */
  sideDemonyms: z.string().optional(),
});

/** Every file a language folder may hold, by name (without .json). */
export const langFileSchemas = {
  language: languageSchema,
  abbreviations: abbreviationsSchema,
  calendar: calendarSchema,
  clean: cleanSchema,
  demonyms: demonymsSchema,
  entities: entitiesSchema,
  figures: figuresSchema,
  names: namesSchema,
  institutions: institutionsSchema,
  quotes: quotesSchema,
  times: timesSchema,
  voice: voiceSchema,
} as const;

export type LangFiles = { [K in keyof typeof langFileSchemas]: z.infer<(typeof langFileSchemas)[K]> };
export type LangFileName = keyof LangFiles;

export type LanguageFile = LangFiles['language'];
export type AbbreviationsFile = LangFiles['abbreviations'];
export type CalendarFile = LangFiles['calendar'];
export type CleanFile = LangFiles['clean'];
export type DemonymsFile = LangFiles['demonyms'];
export type EntitiesFile = LangFiles['entities'];
export type FiguresFile = LangFiles['figures'];
export type NamesFile = LangFiles['names'];
export type InstitutionsFile = LangFiles['institutions'];
export type QuotesFile = LangFiles['quotes'];
export type TimesFile = LangFiles['times'];
export type VoiceFile = LangFiles['voice'];
