// The written forms of nationality words (demonyms) per language and country: "Israeli",
// "Israelis", "israélienne", "Israëlische", "Palestijnen". One source for both uses: the resolver
// links a mention written as one of them to the nationality entity (demonym:IL), and name cleaning
// strips the adjectives in front of titles ("Israeli Prime Minister ..."). Base forms come from
// world-countries (demonyms.eng, demonyms.fra) where a language's data names that key, and from the
// language's own src/lang/<code>/demonyms.json; inflections (plural, adjective + e) are rules in that
// file. No language is named here: a language has demonyms when its folder has demonyms.json.
import { worldCountries } from './countries.ts';
import { DEFAULT_LANGUAGE, langData, languageFolders } from '../../lang/registry.ts';
import type { DemonymsFile } from '../../lang/schema.ts';

/** [ending, replacement]: the form's ending (case ignored) is replaced; null means no form. */
type Rule = NonNullable<DemonymsFile['inflections']>[string]['rules'][number];

/** One written form of the demonym of one country in one language. */
export interface DemonymForm {
  /** ISO 3166-1 alpha-2 code of the country. */
  code: string;
  form: string;
  /** ISO 639-1 code of the language whose data gives the form. */
  language: string;
  /** Base class ("adjective", "noun") or the inflection that made it ("plural", "inflected"). */
  class: string;
  /** "plural" when the form names several people. */
  number: 'singular' | 'plural';
  /** Counts as a country adjective in front of a title. */
  modifier: boolean;
  /** Where it comes from, for explanations: "world-countries, eng", "src/lang/nl/demonyms.json, plural". */
  source: string;
}

/** Applies the first matching rule; null when the form does not inflect. */
export function inflect(form: string, rules: Rule[]): string | null {
  const lower = form.toLowerCase();
  for (const [ending, replacement] of rules) {
    if (!lower.endsWith(ending.toLowerCase())) continue;
    return replacement === null ? null : form.slice(0, form.length - ending.length) + replacement;
  }
  return null;
}

function split(text: string, separators: string[]): string[] {
  let parts = [text];
  for (const sep of separators) parts = parts.flatMap((p) => p.split(sep));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Every demonym form of one language's data (empty when it has no demonyms.json). */
export function demonymFormsOf(language: string, file: DemonymsFile | undefined = langData(language, 'demonyms')): DemonymForm[] {
  if (!file) return [];
  const path = `src/lang/${language}/demonyms.json`;
  const known = new Set(worldCountries().map((c) => c.cca2));
  // code -> class -> [form, source]
  const base = new Map<string, Map<string, [string, string][]>>();
  const excluded = new Set((file.exclude ?? []).map((f) => f.toLowerCase()));
  const put = (code: string, cls: string, form: string, source: string): void => {
    if (excluded.has(form.toLowerCase())) return;
    let byClass = base.get(code);
    if (!byClass) base.set(code, (byClass = new Map()));
    const list = byClass.get(cls) ?? [];
    if (!list.some(([f]) => f === form)) list.push([form, source]);
    byClass.set(cls, list);
  };
  const separators = file.alternatives ?? [];
  if (file.worldCountries) {
    const { key, class: cls } = file.worldCountries;
    for (const c of worldCountries()) {
      const d = c.demonyms?.[key];
      if (!d) continue;
      for (const raw of [d.m, d.f]) for (const form of raw ? split(raw, separators) : []) put(c.cca2, cls, form, `world-countries, ${key}`);
    }
  }
  const inflections = file.inflections ?? {};
  const explicit = new Map<string, Map<string, string[]>>();
  for (const [code, byClass] of Object.entries(file.countries ?? {})) {
    if (!known.has(code)) throw new Error(`${path}: unknown country code ${code}`);
    for (const [cls, forms] of Object.entries(byClass)) {
      if (cls in inflections) {
        const m = explicit.get(code) ?? new Map<string, string[]>();
        m.set(cls, forms);
        explicit.set(code, m);
      } else {
        for (const form of forms) put(code, cls, form, path);
      }
    }
  }
  const modifiers = new Set(file.modifiers ?? []);
  const out: DemonymForm[] = [];
  const number = (n: string | undefined): 'singular' | 'plural' => (n === 'plural' ? 'plural' : 'singular');
  for (const [code, byClass] of base) {
    for (const [cls, forms] of byClass) {
      for (const [form, source] of forms) out.push({ code, form, language, class: cls, number: 'singular', modifier: modifiers.has(cls), source });
    }
    for (const [name, inf] of Object.entries(inflections)) {
      const given = explicit.get(code)?.get(name);
      if (given) {
        for (const form of given) out.push({ code, form, language, class: name, number: number(inf.number), modifier: modifiers.has(name), source: `${path}, ${name}` });
        continue;
      }
      for (const cls of inf.of) {
        for (const [form, source] of byClass.get(cls) ?? []) {
          const made = inflect(form, inf.rules);
          if (!made || made === form) continue;
          const how = source === path ? `${path}, ${name}` : `${source}, ${name} by ${path}`;
          out.push({ code, form: made, language, class: name, number: number(inf.number), modifier: modifiers.has(name), source: how });
        }
      }
    }
  }
  return out;
}

let all: DemonymForm[] | undefined;

/** Every demonym form of every language that has demonym data, built once. */
export function demonymForms(): DemonymForm[] {
  all ??= languageFolders().flatMap((code) => demonymFormsOf(code));
  return all;
}

let names: Map<string, { country: string; demonym: string | null }> | undefined;

function countryNames(): Map<string, { country: string; demonym: string | null }> {
  names ??= new Map(worldCountries().map((c) => [c.cca2, { country: c.name.common, demonym: c.demonyms?.eng?.m || null }]));
  return names;
}

/** Key of the nationality entity of a country: "demonym:IL". */
export function demonymKey(code: string): string {
  return `demonym:${code}`;
}

/**
 * Canonical name of a nationality: the English demonym of world-countries ("Israeli"), else the
 * first English form the language data gives, else "<country> nationality".
 */
export function demonymName(code: string): string {
  const n = countryNames().get(code);
  if (n?.demonym) return n.demonym;
  const en = demonymForms().find((f) => f.code === code && f.language === DEFAULT_LANGUAGE && f.number === 'singular');
  return en?.form ?? `${n?.country ?? code} nationality`;
}

/** The country a nationality key stands for ("demonym:IL" -> country:IL, Israel); undefined for other keys. */
export function nationalityOf(key: string): { key: string; name: string } | undefined {
  const m = /^demonym:([A-Z]{2})$/.exec(key);
  const n = m ? countryNames().get(m[1]) : undefined;
  return m && n ? { key: `country:${m[1]}`, name: n.country } : undefined;
}
