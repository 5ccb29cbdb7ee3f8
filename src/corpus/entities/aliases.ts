// Alias tables that map names in many languages to one stable key: countries (country:IL) from
// i18n-iso-countries (every locale it ships, all name variants) and world-countries (common and
// official names, translations, native names, alternative spellings), plus short forms newspapers
// use that neither package has (data/country-short-forms.json: Dutch "VS"); organisations (org:icc)
// and regions (loc:gaza-strip) from the curated files data/organisations.json and data/places.json;
// nationalities (demonym:IL: "Israeli", "Israëlische", "Palestinians") from demonym-forms.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../../paths.ts';
import countries from 'i18n-iso-countries';
import { worldCountries } from './countries.ts';
import { demonymForms, demonymKey, demonymName } from './demonym-forms.ts';
import { DEFAULT_LANGUAGE, langData, languageFolders } from '../../lang/registry.ts';
import type { EntityType } from '../../types.ts';
import { isAllCaps } from './normalise.ts';
import { foldName } from '../../text/fold.ts';

export type AliasKind = 'country' | 'organisation' | 'place' | 'demonym';

/** One way of writing the name of a known entity. */
interface AliasEntry {
  key: string;
  /** The alias as written in its source. */
  alias: string;
  /** ISO 639-1 code of the language the alias belongs to; '*' when it is not tied to one. */
  language: string;
  /** Where the alias comes from, for explanations ("i18n-iso-countries, nl"). */
  source: string;
  /** Matched only when the mention is written in capitals (short acronyms: "US", "ICC", "WHO"). */
  capsOnly: boolean;
  /** Matched only in its own language, English or any-language sources (short names: Vietnamese "Mỹ"). */
  ownLanguageOnly: boolean;
  /** What kind of form it is, when the table tells ("plural" for demonyms that name several people). */
  form?: string;
}

export interface KnownEntity {
  key: string;
  kind: AliasKind;
  /** Canonical (English) name. */
  name: string;
  type: EntityType;
  /** The entity it belongs to, when it has one (a nationality: the country). */
  of?: { key: string; name: string };
  /** Gives way when an alias names it and a main entity (a territory's demonym "French" gives way to France's). */
  secondary?: boolean;
}

export interface AliasHit {
  entity: KnownEntity;
  /** The alias that matched, as written in its source. */
  alias: string;
  language: string;
  source: string;
}

export type AliasLookup =
  | { status: 'found'; hit: AliasHit }
  | { status: 'ambiguous'; candidates: AliasHit[] }
  | { status: 'none' };

export interface LookupOptions {
  /** Language of the article the mention comes from; preferred when an alias names several entities. */
  language: string;
  /** True when the mention is written in capitals. */
  allCaps: boolean;
  /** Only aliases of the article's language or English (not language-neutral alternative spellings). */
  ownLanguage?: boolean;
  /** Only aliases of the article's language, English, or no language (alternative spellings). */
  neutralOrOwnLanguage?: boolean;
  /** Only aliases of these languages (ISO 639-1 or 639-3 codes), the article's, English, or no language. */
  languages?: ReadonlySet<string>;
  /** Only aliases of these forms ("plural"). */
  forms?: string[];
}

export interface AliasTableOptions {
  /** Every alias matches only in articles of its own language or, for English aliases, in any article. */
  languageBound?: boolean;
}

/** Folded names of at most this many letters are short: caps-only for acronyms, language-bound otherwise. */
const SHORT = 3;

/** One table of known entities and their aliases, looked up by folded name. */
export class AliasTable {
  private readonly byName = new Map<string, AliasEntry[]>();
  private readonly known = new Map<string, KnownEntity>();

  constructor(
    readonly kind: AliasKind,
    private readonly options: AliasTableOptions = {},
  ) {}

  define(entity: KnownEntity): void {
    this.known.set(entity.key, entity);
  }

  /** Adds an alias of an entity defined before; returns false when it folds to nothing. */
  add(key: string, alias: string, language: string, source: string, form?: string): boolean {
    const folded = foldName(alias);
    if (!folded) return false;
    const letters = folded.replace(/\s/g, '').length;
    const entry: AliasEntry = {
      key,
      alias,
      language,
      source,
      capsOnly: isAllCaps(alias) && letters <= SHORT,
      ownLanguageOnly: letters <= SHORT,
    };
    if (form) entry.form = form;
    const list = this.byName.get(folded);
    if (!list) this.byName.set(folded, [entry]);
    else if (!list.some((e) => e.key === key && e.language === language && e.source === source)) list.push(entry);
    return true;
  }

  entity(key: string): KnownEntity | undefined {
    return this.known.get(key);
  }

  /** Number of distinct folded aliases. */
  get size(): number {
    return this.byName.size;
  }

  /** Every folded alias with the keys it names (for checks and benchmarks). */
  *aliases(): IterableIterator<[string, string[]]> {
    for (const [folded, entries] of this.byName) yield [folded, [...new Set(entries.map((e) => e.key))]];
  }

  /**
   * The entity a folded name stands for. When the name is an alias of several entities, those with
   * an alias in the article's language win, then those with an English or language-neutral alias;
   * then main entities before secondary ones; if that still leaves several, the result is ambiguous.
   */
  lookup(folded: string, options: LookupOptions): AliasLookup {
    const own = (e: AliasEntry): boolean => e.language === options.language || e.language === DEFAULT_LANGUAGE;
    const bound = this.options.languageBound && options.language !== '*';
    const entries = (this.byName.get(folded) ?? []).filter(
      (e) =>
        (!e.capsOnly || options.allCaps) &&
        (!e.ownLanguageOnly || own(e) || e.language === '*') &&
        (!(options.ownLanguage || bound) || own(e)) &&
        (!options.neutralOrOwnLanguage || own(e) || e.language === '*') &&
        (!options.languages || own(e) || e.language === '*' || options.languages.has(e.language)) &&
        (!options.forms || (e.form !== undefined && options.forms.includes(e.form))),
    );
    if (entries.length === 0) return { status: 'none' };
    const byKey = new Map<string, AliasEntry[]>();
    for (const e of entries) {
      const list = byKey.get(e.key);
      if (list) list.push(e);
      else byKey.set(e.key, [e]);
    }
    let keys = [...byKey.keys()];
    if (keys.length > 1) {
      const inLanguage = keys.filter((k) => byKey.get(k)!.some((e) => e.language === options.language));
      if (inLanguage.length >= 1) keys = inLanguage;
    }
    if (keys.length > 1) {
      const general = keys.filter((k) => byKey.get(k)!.some((e) => e.language === DEFAULT_LANGUAGE || e.language === '*'));
      if (general.length >= 1) keys = general;
    }
    if (keys.length > 1) {
      const main = keys.filter((k) => !this.known.get(k)?.secondary);
      if (main.length >= 1) keys = main;
    }
    const hits = keys.map((k) => this.hit(k, byKey.get(k)!, options.language));
    return hits.length === 1 ? { status: 'found', hit: hits[0] } : { status: 'ambiguous', candidates: hits };
  }

  private hit(key: string, entries: AliasEntry[], language: string): AliasHit {
    const rank = (e: AliasEntry): number => (e.language === language ? 0 : e.language === DEFAULT_LANGUAGE ? 1 : e.language === '*' ? 2 : 3);
    const best = [...entries].sort((a, b) => rank(a) - rank(b))[0];
    return { entity: this.known.get(key)!, alias: best.alias, language: best.language, source: best.source };
  }
}

const DATA_DIR = packagePath('src/corpus/entities/data');

function readData<T>(name: string): T {
  return JSON.parse(readFileSync(join(DATA_DIR, name), 'utf8')) as T;
}

/** Country table: every locale of i18n-iso-countries, world-countries, and the short-forms file. */
export function buildCountryTable(): AliasTable {
  const table = new AliasTable('country');
  for (const c of worldCountries()) {
    const key = `country:${c.cca2}`;
    table.define({ key, kind: 'country', name: c.name.common, type: 'LOC' });
  }
  const keyOf = (code: string): string | undefined => {
    const key = `country:${code}`;
    return table.entity(key) ? key : undefined;
  };
  // i18n-iso-countries: "all" gives every variant of a name (official and short: "Staat Israël", "Israël").
  const i18nNames = new Set<string>();
  for (const locale of countries.getSupportedLanguages()) {
    for (const [code, names] of Object.entries(countries.getNames(locale, { select: 'all' }))) {
      const key = keyOf(code);
      if (!key) continue;
      for (const name of names) {
        table.add(key, name, locale, `i18n-iso-countries, ${locale}`);
        i18nNames.add(name);
      }
    }
  }
  // world-countries: English names, alternative spellings (skipping bare two-letter ISO codes, which
  // are not names news text uses, unless i18n-iso-countries lists them: "US"), translations and
  // native names, whose language codes (ISO 639-3) tie them to no article language here.
  for (const c of worldCountries()) {
    const key = `country:${c.cca2}`;
    table.add(key, c.name.common, DEFAULT_LANGUAGE, 'world-countries, common name');
    table.add(key, c.name.official, DEFAULT_LANGUAGE, 'world-countries, official name');
    for (const alt of c.altSpellings) {
      if (alt === c.cca2 && !i18nNames.has(alt)) continue;
      table.add(key, alt, '*', 'world-countries, alternative spelling');
    }
    for (const [lang, t] of Object.entries(c.translations)) {
      table.add(key, t.common, lang, `world-countries, ${lang}`);
      table.add(key, t.official, lang, `world-countries, ${lang}`);
    }
    for (const [lang, t] of Object.entries(c.name.native ?? {})) {
      table.add(key, t.common, lang, `world-countries, native ${lang}`);
      table.add(key, t.official, lang, `world-countries, native ${lang}`);
    }
  }
  const short = readData<{ forms: Record<string, Record<string, string[]>> }>('country-short-forms.json');
  for (const [lang, byCode] of Object.entries(short.forms)) {
    for (const [code, forms] of Object.entries(byCode)) {
      const key = keyOf(code);
      if (!key) throw new Error(`country-short-forms.json: unknown country code ${code}`);
      for (const form of forms) table.add(key, form, lang, `country short forms, ${lang}`);
    }
  }
  return table;
}

interface CuratedEntry {
  key: string;
  name: string;
  type?: EntityType;
  acronyms?: string[];
  aliases?: Record<string, string[]>;
}

function buildCuratedTable(kind: 'organisation' | 'place', file: string, entries: CuratedEntry[]): AliasTable {
  const table = new AliasTable(kind);
  const prefix = kind === 'organisation' ? 'org' : 'loc';
  const seen = new Set<string>();
  for (const e of entries) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(e.key) || seen.has(e.key)) throw new Error(`${file}: bad or repeated key ${e.key}`);
    seen.add(e.key);
    const key = `${prefix}:${e.key}`;
    table.define({ key, kind, name: e.name, type: e.type ?? (kind === 'organisation' ? 'ORG' : 'LOC') });
    table.add(key, e.name, DEFAULT_LANGUAGE, file);
    for (const a of e.acronyms ?? []) table.add(key, a, '*', `${file}, acronym`);
    for (const [lang, list] of Object.entries(e.aliases ?? {})) for (const a of list) table.add(key, a, lang, `${file}, ${lang}`);
  }
  return table;
}

/**
 * Adds each language folder's names of the curated entries (src/lang/<code>/institutions.json,
 * `organisations` or `places` by key); a key the curated file does not define is an error naming
 * the language file.
 */
function addLanguageNames(table: AliasTable, kind: 'organisation' | 'place'): AliasTable {
  const prefix = kind === 'organisation' ? 'org' : 'loc';
  for (const code of languageFolders()) {
    const file = langData(code, 'institutions');
    const byKey = (kind === 'organisation' ? file?.organisations : file?.places) ?? {};
    for (const [k, names] of Object.entries(byKey)) {
      const key = `${prefix}:${k}`;
      const where = `src/lang/${code}/institutions.json`;
      if (!table.entity(key)) throw new Error(`${where}: ${kind === 'organisation' ? 'organisations' : 'places'}.${k} is not a key of src/corpus/entities/data/${kind === 'organisation' ? 'organisations' : 'places'}.json`);
      for (const name of names) table.add(key, name, code, where);
    }
  }
  return table;
}

export function buildOrganisationTable(): AliasTable {
  const data = readData<{ organisations: CuratedEntry[] }>('organisations.json');
  return addLanguageNames(buildCuratedTable('organisation', 'organisation alias file', data.organisations), 'organisation');
}

export function buildPlaceTable(): AliasTable {
  const data = readData<{ places: CuratedEntry[] }>('places.json');
  return addLanguageNames(buildCuratedTable('place', 'place alias file', data.places), 'place');
}

/**
 * Nationality table: every demonym form of every language with demonym data (demonym-forms.ts),
 * keyed demonym:<alpha-2>, each related to its country. A form that is also a name of a country in
 * its own language or English ("Djibouti", Dutch "Polen", "Zweden") is left out: the place wins
 * (world-countries' alternative spellings "Saudi" and "Thai" do not count: they are the adjectives).
 * Demonyms of dependent territories are secondary ("French" is France's, not the French Southern
 * Lands'). Forms match only in articles of their own language, English ones in every article.
 */
export function buildDemonymTable(countryTable: AliasTable): AliasTable {
  const table = new AliasTable('demonym', { languageBound: true });
  const independent = new Map(worldCountries().map((c) => [c.cca2, c.independent === true]));
  for (const f of demonymForms()) {
    const country = countryTable.entity(`country:${f.code}`);
    if (!country) continue;
    const folded = foldName(f.form);
    if (countryTable.lookup(folded, { language: f.language, allCaps: false, ownLanguage: true }).status !== 'none') continue;
    const key = demonymKey(f.code);
    if (!table.entity(key)) {
      table.define({
        key,
        kind: 'demonym',
        name: demonymName(f.code),
        type: 'MISC',
        of: { key: country.key, name: country.name },
        secondary: !independent.get(f.code),
      });
    }
    table.add(key, f.form, f.language, f.source, f.number);
  }
  return table;
}

/** The alias tables in the order they are consulted. */
export interface AliasTables {
  organisations: AliasTable;
  places: AliasTable;
  countries: AliasTable;
  demonyms: AliasTable;
}

let defaults: AliasTables | undefined;

/** The shipped tables, built once per process (about 17,000 country aliases). */
export function defaultAliasTables(): AliasTables {
  if (!defaults) {
    const countries = buildCountryTable();
    defaults = { organisations: buildOrganisationTable(), places: buildPlaceTable(), countries, demonyms: buildDemonymTable(countries) };
  }
  return defaults;
}

let newsLanguageCache: Set<string> | undefined;
/** The languages Dossier reads (its language folders), by their ISO 639-1 and 639-3 codes. */
function newsLanguages(): Set<string> {
  newsLanguageCache ??= new Set(languageFolders().flatMap((code) => [code, langData(code, 'language')?.iso639_3 ?? code]));
  return newsLanguageCache;
}

export interface AliasLookupOptions extends LookupOptions {
  /** Type of the mention: a MISC mention is never read as a country through another language's name. */
  type?: EntityType;
}

/**
 * Looks a folded name up in the organisation and place tables, then the countries by their names in
 * the article's language or English, then the nationalities ("Israeli", "Israëlische"), then the
 * countries by their other names: alternative spellings and names in other languages (the latter
 * not for MISC mentions: "Israeli" is a Swahili name of Israel, but in a news text it is the
 * nationality). The first table that knows the name decides. An ambiguous answer stops the search
 * (the name is known but names several entities) so it is reported rather than silently matched
 * elsewhere.
 */
export function lookupAlias(tables: AliasTables, folded: string, options: AliasLookupOptions): AliasLookup {
  const steps: [AliasTable, LookupOptions][] = [
    [tables.organisations, options],
    [tables.places, options],
    [tables.countries, { ...options, ownLanguage: true }],
    [tables.demonyms, options],
    // a MISC mention never; a place by its name in a language Dossier reads; an organisation or person
    // never by a name in another language ("Sina", Breton for China, is the Chinese web company)
    [tables.countries, options.type === 'MISC' || options.type === 'ORG' || options.type === 'PER' ? { ...options, neutralOrOwnLanguage: true } : { ...options, languages: newsLanguages() }],
  ];
  for (const [table, o] of steps) {
    const r = table.lookup(folded, o);
    if (r.status !== 'none') return r;
  }
  return { status: 'none' };
}
