// Name normalisation for cross-article entity resolution: folds names (foldName of src/text/fold.ts:
// "U.S." -> "us", "Israël" -> "israel", "Zuid-Afrika" -> "zuid afrika"), strips possessives
// ("Trump’s", "Hamas’"), titles in front of person names ("Mr.", "President", "de premier") and
// leading articles in front of other names ("the United Nations"). Language knowledge comes from
// each language's src/lang/<code>/names.json (titles, modifiers, articles, genitives) and the
// honorifics of its entities.json, the titles every language shares in data/titles.json, and the
// country adjectives of demonym-forms.ts ("Israeli Prime Minister ...", "de Israëlische premier").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../../paths.ts';
import { demonymForms } from './demonym-forms.ts';
import { langData, languageFolders } from '../../lang/registry.ts';
import type { NamesFile } from '../../lang/schema.ts';
import type { EntityType } from '../../types.ts';
import { foldName } from '../../text/fold.ts';
import type { PersonGender } from '../../text/gender.ts';
import { nameWords, type FoldedToken } from '../../text/tokens.ts';

/** data/titles.json: the name parts every language shares. */
interface SharedNamesFile {
  titles: string[];
  nameSuffixes: string[];
}

const DATA_DIR = packagePath('src/corpus/entities/data');
const shared = JSON.parse(readFileSync(join(DATA_DIR, 'titles.json'), 'utf8')) as SharedNamesFile;

/** The names.json of every language folder that has one. */
const allNames = (): NamesFile[] => languageFolders().flatMap((code) => langData(code, 'names') ?? []);

/** Words of a folded name. */
export function foldedTokens(folded: string): string[] {
  return folded ? folded.split(' ') : [];
}

/** URL-safe slug of a folded name, for entity keys ("benjamin netanyahu" -> "benjamin-netanyahu"). */
export function slug(folded: string): string {
  return foldedTokens(folded).join('-');
}

/** True when the letters of `text` are all capitals and there are at least two ("US", "U.S.", "NAVO"). */
export function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

const EDGE_PUNCT = /^[\s"“”„‟«»‹›‘’'`\[\](){}<>*_,;:!?|~–—-]+|[\s"“”„‟«»‹›‘’'`\[\](){}<>*_,;:!?|~–—-]+$/gu;

/** Removes a trailing possessive: "Trump’s" -> "Trump", "Hamas’" -> "Hamas", "Hamas's" -> "Hamas". */
export function stripPossessive(text: string): string {
  return text.replace(/(?<=\p{L})['’ʼ]s?$/u, '');
}

/** Words of a surface name with their folded forms and offsets; words that fold to nothing are left out. */
function surfaceTokens(text: string): FoldedToken[] {
  const out: FoldedToken[] = [];
  for (const w of nameWords(text)) {
    const folded = foldName(w.text);
    if (folded) out.push({ ...w, folded });
  }
  return out;
}

interface LanguageRules {
  /** Folded title phrases as token lists, longest first. */
  titles: string[][];
  modifiers: Set<string>;
  demonyms: Set<string>;
  modifierSuffixes: string[];
  articles: string[];
  genitiveSuffixes: string[];
}

const rulesCache = new Map<string, LanguageRules>();

/** The honorifics of a language's entities.json (the per-article mentions layer's), which are titles too. */
function honorifics(language: string): string[] {
  const h = langData(language, 'entities')?.honorifics;
  return [...(h?.male ?? []), ...(h?.female ?? []), ...(h?.any ?? [])];
}

let demonymCache: string[] | undefined;
/**
 * Country adjectives of every language with demonym data, one word long: the forms its
 * demonyms.json marks as modifiers ("Israeli", "israélien", "Israëlische"; not Dutch "Frans", a
 * first name too).
 */
function demonyms(): string[] {
  demonymCache ??= [...new Set(demonymForms().filter((d) => d.modifier).map((d) => foldName(d.form)))].filter((d) => d && !d.includes(' '));
  return demonymCache;
}

/** The stripping rules for a language; an unknown or empty language gets the rules of every language. */
function rulesFor(language: string | undefined): LanguageRules {
  const code = language && /^[a-z]{2,3}$/.test(language) ? language : '*';
  const cached = rulesCache.get(code);
  if (cached) return cached;
  const files = code === '*' ? allNames() : [langData(code, 'names') ?? {}];
  const pick = (list: (f: NamesFile) => string[] | undefined): string[] => files.flatMap((f) => list(f) ?? []);
  const titleSet = new Set<string>();
  for (const t of [...shared.titles, ...pick((f) => f.titles), ...(code === '*' ? [] : honorifics(code))]) {
    const f = foldName(t);
    if (f) titleSet.add(f);
  }
  const rules: LanguageRules = {
    titles: [...titleSet].map((t) => t.split(' ')).sort((a, b) => b.length - a.length),
    modifiers: new Set(pick((f) => f.modifiers).map(foldName)),
    demonyms: new Set(demonyms()),
    modifierSuffixes: pick((f) => f.modifierSuffixes),
    articles: pick((f) => f.articles).map((a) => a.toLowerCase()),
    genitiveSuffixes: code === '*' ? [] : pick((f) => f.genitiveSuffixes),
  };
  rulesCache.set(code, rules);
  return rules;
}

/** Length in tokens of the title phrase starting at tokens[i], or 0. */
function titleAt(tokens: FoldedToken[], i: number, rules: LanguageRules): number {
  for (const title of rules.titles) {
    if (i + title.length > tokens.length) continue;
    let ok = true;
    for (let j = 0; j < title.length && ok; j++) ok = tokens[i + j].folded === title[j];
    if (ok) return title.length;
  }
  return 0;
}

/** A country adjective: a world-countries demonym or a word with an adjective ending of the language. */
function isDemonymLike(token: FoldedToken, rules: LanguageRules): boolean {
  if (rules.demonyms.has(token.folded)) return true;
  return rules.modifierSuffixes.some((s) => token.folded.length > s.length + 2 && token.folded.endsWith(s));
}

function isModifier(token: FoldedToken, rules: LanguageRules): boolean {
  return rules.modifiers.has(token.folded) || isDemonymLike(token, rules);
}

let genderCache: Map<string, PersonGender> | undefined;
/** Folded title -> the gender it tells, over every language (a title says it in any article). */
function genderOf(): Map<string, PersonGender> {
  if (!genderCache) {
    genderCache = new Map();
    for (const g of ['m', 'f'] as const) for (const f of allNames()) for (const t of f.titleGender?.[g] ?? []) genderCache.set(foldName(t), g);
  }
  return genderCache;
}

/**
 * Index of the first token after the leading titles of a person name ("Israeli Prime Minister
 * Benjamin Netanyahu" -> the index of "Benjamin"); modifiers (articles, "former", demonyms, Dutch
 * adjectives in -se) count only when a title follows them. At least one token is always left.
 */
function titleEnd(tokens: FoldedToken[], rules: LanguageRules, titles: string[] = []): number {
  let i = 0;
  let end = 0;
  while (i < tokens.length) {
    const t = titleAt(tokens, i, rules);
    if (t > 0) {
      if (i + t >= tokens.length) break;
      titles.push(tokens.slice(i, i + t).map((x) => x.folded).join(' '));
      i += t;
      // A country adjective right after a title belongs to it ("Premier ministre israélien").
      while (i + 1 < tokens.length && isDemonymLike(tokens[i], rules)) i += 1;
      end = i;
      continue;
    }
    if (isModifier(tokens[i], rules)) {
      i += 1;
      continue;
    }
    break;
  }
  return end;
}

export interface CleanName {
  /** The name as written, without edge punctuation, possessive, titles or leading article. */
  display: string;
  /** `display` folded for comparison. */
  folded: string;
  /** What was stripped from the front ("Prime Minister", "the"), when anything was. */
  stripped?: string;
  /** A person's gender when a stripped title tells it ("Mr.", "Miss", "mevrouw"). */
  gender?: PersonGender;
}

export interface NameOptions {
  /** ISO 639-1 code of the article's language; selects the title and article lists. */
  language?: string;
  type?: EntityType;
}

/**
 * Cleans one name or mention text for matching: edge punctuation and a trailing possessive go,
 * then titles (people) or a leading article (other types) when something remains after them.
 */
export function cleanName(text: string, options: NameOptions = {}): CleanName {
  const trimmed = stripPossessive(text.normalize('NFC').replace(EDGE_PUNCT, '')).replace(EDGE_PUNCT, '');
  const tokens = surfaceTokens(trimmed);
  if (tokens.length === 0) return { display: '', folded: '' };
  const rules = rulesFor(options.language);
  let from = 0;
  const titles: string[] = [];
  if (options.type === 'PER') {
    from = titleEnd(tokens, rules, titles);
  } else if (tokens.length > 1) {
    const first = tokens[0].text.toLowerCase();
    if (rules.articles.includes(first)) from = 1;
  }
  // A capitalised leading article is often part of the name ("The Hague"): it goes from the folded
  // form, so "the Hague" and "The Hague" match, but stays in the display form.
  const keepInDisplay = options.type !== 'PER' && from > 0 && tokens[0].text !== tokens[0].text.toLowerCase();
  let display = from > 0 && !keepInDisplay ? trimmed.slice(tokens[from].start) : trimmed;
  // French elision: "l'ONU" -> "ONU".
  if (options.type !== 'PER') {
    const elided = rules.articles.find((a) => a.endsWith("'") && display.toLowerCase().startsWith(a));
    if (elided && display.length > elided.length + 1) display = display.slice(elided.length);
    else {
      const curly = rules.articles.find((a) => a.endsWith("'") && display.toLowerCase().startsWith(a.replace("'", '’')));
      if (curly && display.length > curly.length + 1) display = display.slice(curly.length);
    }
  }
  display = display.replace(/\s+/g, ' ').trim();
  const out: CleanName = { display, folded: foldName(keepInDisplay ? trimmed.slice(tokens[from].start) : display) };
  if (from > 0) out.stripped = trimmed.slice(0, tokens[from].start).trim();
  const genders = new Set(titles.map((t) => genderOf().get(t)).filter((g): g is PersonGender => !!g));
  if (genders.size === 1) out.gender = [...genders][0];
  return out;
}

/**
 * Folded forms to try when a folded name is not found as written: the name without a genitive
 * ending of the language (Dutch "israels" -> "israel"). Empty for languages without one.
 */
export function genitiveVariants(folded: string, language: string | undefined): string[] {
  const out: string[] = [];
  for (const suffix of rulesFor(language).genitiveSuffixes) {
    // trimmed: a Swedish genitive after an abbreviation folds to "usa s" ("USA:s")
    if (folded.length > suffix.length + 2 && folded.endsWith(suffix)) out.push(folded.slice(0, -suffix.length).trim());
  }
  return out;
}

const NAME_SUFFIXES = new Set(shared.nameSuffixes.map(foldName));
let acronymStopwordCache: Set<string> | undefined;
/** Small words of every language skipped when reading an acronym off a name. */
function acronymStopwords(): Set<string> {
  acronymStopwordCache ??= new Set(allNames().flatMap((f) => f.acronymStopwords ?? []).map(foldName));
  return acronymStopwordCache;
}

/** The parts of a folded person name that identify the person. */
export interface PersonName {
  /** Words without leading initials and without a generational suffix ("w mark felt sr" -> ["mark", "felt"]). */
  core: string[];
  /** Words between the first and the last of the core. */
  middle: string[];
  /** Generational suffix ("jr", "iii"), or null. */
  suffix: string | null;
}

export function personName(tokens: string[]): PersonName {
  let end = tokens.length;
  let suffix: string | null = null;
  if (end > 2 && NAME_SUFFIXES.has(tokens[end - 1])) {
    suffix = tokens[end - 1];
    end -= 1;
  }
  let start = 0;
  while (start < end - 2 && tokens[start].length === 1) start += 1;
  const core = tokens.slice(start, end);
  return { core, middle: core.slice(1, -1), suffix };
}

/**
 * Acronyms a multi-word name may be written as: initials of every word; of the words that are not
 * small words; and the same with short words kept whole, as folded acronyms are ("U.S. Geological
 * Survey" folds to "us geological survey": "usgs").
 */
export function acronymsOf(tokens: string[]): string[] {
  if (tokens.length < 2) return [];
  const content = tokens.filter((t) => !acronymStopwords().has(t));
  const all = tokens.map((t) => t[0]).join('');
  const initials = content.map((t) => t[0]).join('');
  const kept = content.map((t) => (t.length <= 3 ? t : t[0])).join('');
  return [...new Set([all, initials, kept])].filter((a) => a.length >= 2);
}

/** The plain initials of a multi-word name: of every word, and of the words that are not small words ("ampas"). */
export function initialsOf(tokens: string[]): string[] {
  if (tokens.length < 2) return [];
  const all = tokens.map((t) => t[0]).join('');
  const content = tokens.filter((t) => !acronymStopwords().has(t)).map((t) => t[0]).join('');
  return [...new Set([all, content])];
}

/** The string itself and every string one deletion away: keys of a symmetric-delete index. */
export function deletionVariants(s: string): string[] {
  const out = new Set<string>([s]);
  for (let i = 0; i < s.length; i++) out.add(s.slice(0, i) + s.slice(i + 1));
  return [...out];
}

interface CompanySuffixesFile {
  legalForms: string[];
  facilityWords?: string[];
}

let facilityWordSet: Set<string> | undefined;
/**
 * A place of treatment or care's name without the facility words at its end ("betty ford treatment
 * center" -> "betty ford", "morningside recovery" -> "morningside"; data/company-suffixes.json
 * facilityWords), or null when it has none. At least one word is always left.
 */
export function facilityCore(folded: string): string | null {
  if (!facilityWordSet) {
    const path = join(DATA_DIR, 'company-suffixes.json');
    const file = JSON.parse(readFileSync(path, 'utf8')) as CompanySuffixesFile;
    if (file.facilityWords !== undefined && (!Array.isArray(file.facilityWords) || file.facilityWords.some((w) => typeof w !== 'string'))) {
      throw new Error(`${path}: facilityWords must be a list of words`);
    }
    facilityWordSet = new Set((file.facilityWords ?? []).map(foldName).filter(Boolean));
  }
  const tokens = foldedTokens(folded);
  let end = tokens.length;
  while (end > 1 && facilityWordSet.has(tokens[end - 1])) end -= 1;
  return end < tokens.length ? tokens.slice(0, end).join(' ') : null;
}

let companyEndings: string[][] | undefined;
/** Folded legal forms (data/company-suffixes.json) and company words (every names.json), as token lists, longest first. */
function companyEndingTokens(): string[][] {
  if (!companyEndings) {
    const file = JSON.parse(readFileSync(join(DATA_DIR, 'company-suffixes.json'), 'utf8')) as CompanySuffixesFile;
    if (!Array.isArray(file.legalForms)) throw new Error(`${join(DATA_DIR, 'company-suffixes.json')}: legalForms must be a list of words`);
    const all = new Set([...file.legalForms, ...allNames().flatMap((f) => f.companyWords ?? [])].map(foldName).filter(Boolean));
    companyEndings = [...all].map((w) => w.split(' ')).sort((a, b) => b.length - a.length);
  }
  return companyEndings;
}

/**
 * An organisation's name without the legal forms and company words at its end ("intel corp" ->
 * "intel", "ati technologies inc" -> "ati", "bank of america corp" -> "bank of america"), or null
 * when it has none. At least one word is always left. For matching only: names are never
 * rewritten with it.
 */
export function companyCore(folded: string): string | null {
  const tokens = foldedTokens(folded);
  let end = tokens.length;
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of companyEndingTokens()) {
      if (end - e.length < 1) continue;
      if (e.every((w, j) => tokens[end - e.length + j] === w)) {
        end -= e.length;
        changed = true;
        break;
      }
    }
  }
  return end < tokens.length ? tokens.slice(0, end).join(' ') : null;
}

/** Singular forms of a folded name by its language's plural endings ("tories" -> "tory", "lib dems" -> "lib dem"). */
export function singularVariants(folded: string, language: string | undefined): string[] {
  const code = language && /^[a-z]{2,3}$/.test(language) ? language : null;
  const files = code ? [langData(code, 'names') ?? {}] : allNames();
  const out: string[] = [];
  const last = folded.split(' ').pop() ?? '';
  for (const f of files) {
    for (const [plural, singular] of f.plurals ?? []) {
      if (last.length > plural.length + 1 && last.endsWith(plural)) {
        out.push(folded.slice(0, folded.length - plural.length) + singular);
        break;
      }
    }
  }
  return [...new Set(out)].filter((v) => v !== folded);
}

/**
 * A spelling-tolerant key of one folded word of a person's name, for transliteration variants of
 * the same name across languages and outlets ("Netanyahou" / "Netanyahu", "Benyamin" / "Benjamin",
 * "Heydar" / "Heidar", "Wladimir" / "Vladimir", "Khamenei" / "Chamenei", "Bettie" / "Betty"): ou -> u, ph -> f, w -> v, y and j -> i, final "ie" -> i, h after c, g or k
 * dropped ("Smith" stays apart from "Smit"), then c before a/o/u -> k, doubled letters single. Used only to compare whole person names word by word,
 * never on its own.
 */
export function nameKey(word: string): string {
  let s = word.toLowerCase();
  s = s.replace(/ph/g, 'f').replace(/ou/g, 'u').replace(/w/g, 'v').replace(/[yj]/g, 'i').replace(/ie$/, 'i');
  s = s.replace(/(?<=[cgk])h/g, '').replace(/c(?=[aou])/g, 'k');
  return s.replace(/(.)\1+/g, '$1');
}

let nicknameCache: Map<string, Set<number>> | undefined;
/** Folded first name -> the groups of `firstNameForms` (every names.json) it belongs to. */
function nicknameGroups(): Map<string, Set<number>> {
  if (!nicknameCache) {
    nicknameCache = new Map();
    let n = 0;
    for (const f of allNames()) {
      for (const group of f.firstNameForms ?? []) {
        n += 1;
        for (const name of group) {
          const k = foldName(name);
          let set = nicknameCache.get(k);
          if (!set) nicknameCache.set(k, (set = new Set()));
          set.add(n);
        }
      }
    }
  }
  return nicknameCache;
}

/**
 * How two folded first names can be the same person's: 'same' (equal, or equal by `nameKey`),
 * 'short' (one is a listed short form of the other, `firstNameForms` of names.json: "Katie" /
 * "Kathryn", "Mo" / "Maurice"; or its first three or more letters: "Fred" / "Frederick"), else null.
 */
export function firstNamesMatch(a: string, b: string): 'same' | 'short' | null {
  if (a === b || nameKey(a) === nameKey(b)) return 'same';
  const ga = nicknameGroups().get(a);
  const gb = nicknameGroups().get(b);
  if (ga && gb && [...ga].some((g) => gb.has(g))) return 'short';
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 3 && long.length > short.length && long.startsWith(short)) return 'short';
  return null;
}

/**
 * A folded non-person name in one English spelling, British forms to American ones word by word
 * ("centre" -> "center", "theatre" -> "theater", "organisation" -> "organization", "defence" ->
 * "defense", "programme" -> "program"), so that the two spellings of one institution meet.
 */
export function spellingKey(folded: string): string {
  const words = folded.split(' ');
  // in names of three words or more, a word in the plural is the singular ("Academy of Motion
  // Pictures Arts and Sciences", "Central Elections Commission"): shorter names differ by it ("Times")
  const long = words.length >= 3;
  return words
    .map((w, i) =>
      w
        .replace(/^(cent|theat|met|lit|fib)re$/, '$1er')
        .replace(/(?<=\w{2})is(ation|ations|e|ed|es|ing)$/, 'iz$1')
        .replace(/^(defen|offen|licen)ce$/, '$1se')
        .replace(/^programme(s?)$/, 'program$1')
        // the abbreviations of a place's first word ("Mt Cook", "Ft Worth")
        .replace(/^mt$/, i === 0 && words.length > 1 ? 'mount' : 'mt')
        .replace(/^ft$/, i === 0 && words.length > 1 ? 'fort' : 'ft')
        .replace(long && w.length >= 5 ? /(?<![su])s$/ : /^$/, ''),
    )
    .join(' ');
}
