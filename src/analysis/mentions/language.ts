// The entity layer's language data (src/lang/<code>/entities.json): honorifics, role and title
// nouns, role modifiers, determiners, pronouns — and the genitive endings of names.json. Loaded once
// per language into matchers; the code that uses them is language-neutral.
import { langData, languageFolders } from '../../lang/registry.ts';
import { foldCaseAndAccents, foldTypography } from '../../text/fold.ts';
import type { PersonGender } from '../../text/gender.ts';
import { tokenize } from './ner/tokenize.ts';


/** Lowercased, typographically folded form used for every comparison. */
export function norm(w: string): string {
  return foldTypography(w).toLowerCase();
}

/** A set of phrases (token sequences), matched on normalised tokens. */
export class PhraseSet {
  private set = new Set<string>();
  private maxLen = 0;
  constructor(phrases: readonly string[], lang: string) {
    for (const p of phrases) {
      const toks = tokenize(p, lang).map((t) => norm(t.text));
      if (!toks.length) continue;
      this.set.add(toks.join(' '));
      this.maxLen = Math.max(this.maxLen, toks.length);
    }
  }
  has(phrase: string): boolean {
    return this.set.has(phrase);
  }
  /** Length of the longest phrase that ends at token index `end` (inclusive), 0 if none. */
  endingAt(toks: readonly string[], end: number, floor = 0): number {
    for (let len = Math.min(this.maxLen, end - floor + 1); len >= 1; len--) {
      if (this.set.has(toks.slice(end - len + 1, end + 1).join(' '))) return len;
    }
    return 0;
  }
  /** Length of the longest phrase that starts at token index `start`, 0 if none. */
  startingAt(toks: readonly string[], start: number, ceil = toks.length): number {
    for (let len = Math.min(this.maxLen, ceil - start); len >= 1; len--) {
      if (this.set.has(toks.slice(start, start + len).join(' '))) return len;
    }
    return 0;
  }
}

export interface EntityLanguage {
  honorifics: Map<string, PersonGender | null>;
  determiners: Set<string>;
  possessives: Set<string>;
  genitiveSuffixes: string[];
  roleModifiers: Set<string>;
  roleLinks: Set<string>;
  roles: PhraseSet;
  leaderNouns: PhraseSet;
  leaderRoles: PhraseSet;
  pronouns: Map<string, PersonGender>;
  /** Nouns that name the kind of organisation the name after them is ("the charity [Project Hope]"). */
  organisationNouns: Set<string>;
  /** Endings of compound nouns of that kind (Dutch "hulp|organisatie", "terreur|groep"). */
  organisationNounEndings: string[];
  /** Words built on a name are written with a hyphen ("Hamas-leiders", "US-backed"). */
  hyphenCompounds: boolean;
  /** Words that join two names ("and", "en", "und"). */
  conjunctions: Set<string>;
  /** Role modifiers that name another office than the bare role ("deputy", "shadow", "former"). */
  otherOffice: Set<string>;
}

const cache = new Map<string, EntityLanguage>();

let firstNames: Map<string, PersonGender> | undefined;
/**
 * The gender a given name tells ("michael" -> m, "sandra" -> f), from the firstNameGender lists of
 * every language's names.json (a name says the same in an article of any language); null when no
 * list has it. Compared lowercased, accents off.
 */
export function firstNameGender(name: string): PersonGender | null {
  if (!firstNames) {
    firstNames = new Map();
    for (const code of languageFolders()) {
      const g = langData(code, 'names')?.firstNameGender;
      for (const sex of ['m', 'f'] as const) for (const w of g?.[sex] ?? []) firstNames.set(foldCaseAndAccents(w), sex);
    }
  }
  return firstNames.get(foldCaseAndAccents(name)) ?? null;
}

export function entityLanguage(lang: string): EntityLanguage {
  let el = cache.get(lang);
  if (el) return el;
  const d = langData(lang, 'entities') ?? {};
  const honorifics = new Map<string, PersonGender | null>();
  for (const w of d.honorifics?.male ?? []) honorifics.set(norm(w), 'm');
  for (const w of d.honorifics?.female ?? []) honorifics.set(norm(w), 'f');
  for (const w of d.honorifics?.any ?? []) honorifics.set(norm(w), null);
  const pronouns = new Map<string, PersonGender>();
  for (const w of d.pronouns?.male ?? []) pronouns.set(norm(w), 'm');
  for (const w of d.pronouns?.female ?? []) pronouns.set(norm(w), 'f');
  el = {
    honorifics,
    determiners: new Set((d.determiners ?? []).map(norm)),
    possessives: new Set((d.possessives ?? []).map(norm)),
    genitiveSuffixes: langData(lang, 'names')?.genitiveSuffixes ?? [],
    roleModifiers: new Set((d.roleModifiers ?? []).map(norm)),
    roleLinks: new Set((d.roleLinks ?? []).map(norm)),
    roles: new PhraseSet(d.roles ?? [], lang),
    leaderNouns: new PhraseSet(d.leaderNouns ?? [], lang),
    leaderRoles: new PhraseSet(d.leaderRoles ?? [], lang),
    pronouns,
    organisationNouns: new Set((d.organisationNouns ?? []).map(norm)),
    organisationNounEndings: (d.organisationNounEndings ?? []).map(norm),
    hyphenCompounds: d.hyphenCompounds === true,
    conjunctions: new Set((d.conjunctions ?? []).map(norm)),
    otherOffice: new Set((d.otherOffice ?? []).map(norm)),
  };
  cache.set(lang, el);
  return el;
}
