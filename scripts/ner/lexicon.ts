// Word-level resources induced from text for the lexicon shipped in a model: lower-case evidence
// buckets and gazetteers (entity names seen in the training data, country names and demonyms from
// the installed i18n-iso-countries and world-countries packages).
import { createRequire } from 'node:module';
import { Gazetteer } from '../../src/analysis/mentions/ner/gazetteer.ts';
import { tokenize } from '../../src/analysis/mentions/ner/tokenize.ts';
import { Cap, capClass, normLower } from '../../src/analysis/mentions/ner/wordform.ts';
import { foldTypography } from '../../src/text/fold.ts';
import { DEFAULT_LANGUAGE, langData } from '../../src/lang/registry.ts';
import type { LabelledDoc } from './data.ts';

/**
 * Lower-case evidence per lowercased form, from unlabelled sentences: how often the word is written
 * in lower case when not sentence-initial. Buckets: 1 never lower case, 2 < 10 %, 3 < 50 %,
 * 4 < 90 %, 5 >= 90 %. Forms seen fewer than `minCount` times are left out.
 */
export function lowerCaseBuckets(corpus: Iterable<readonly string[]>, minCount = 2): Map<string, number> {
  const low = new Map<string, number>();
  const cap = new Map<string, number>();
  for (const sent of corpus) {
    // skip headline-like sentences (mostly upper case)
    let upper = 0;
    for (const w of sent) if (capClass(w) === Cap.AllCaps) upper++;
    if (upper > sent.length / 2) continue;
    for (let i = 1; i < sent.length; i++) {
      const w = foldTypography(sent[i]);
      const c = capClass(w);
      if (c === Cap.Punct || c === Cap.Digit) continue;
      const key = normLower(w);
      if (c === Cap.Lower) low.set(key, (low.get(key) ?? 0) + 1);
      else if (c === Cap.Initial) cap.set(key, (cap.get(key) ?? 0) + 1);
    }
  }
  const out = new Map<string, number>();
  for (const key of new Set([...low.keys(), ...cap.keys()])) {
    const l = low.get(key) ?? 0;
    const total = l + (cap.get(key) ?? 0);
    if (total < minCount) continue;
    const frac = l / total;
    out.set(key, frac === 0 ? 1 : frac < 0.1 ? 2 : frac < 0.5 ? 3 : frac < 0.9 ? 4 : 5);
  }
  return out;
}

/** Adds the entity names of labelled documents to lists "train-<TYPE>" (names with >= 1 capital). */
export function addTrainingEntities(g: Gazetteer, docs: readonly LabelledDoc[], prefix = 'train'): void {
  for (const d of docs) {
    d.sentences.forEach((s, i) => {
      for (const sp of d.spans[i]) {
        const toks = s.slice(sp.start, sp.end).map(foldTypography);
        if (!toks.some((t) => /\p{Lu}/u.test(t))) continue;
        g.add(`${prefix}-${sp.type}`, toks);

      }
    });
  }
}

const require = createRequire(import.meta.url);

/** Country names (common and official, in the model's language and English), capitals and
 *  demonyms, as lists "country", "capital", "demonym". */
export function addCountryLists(g: Gazetteer, lang: string): void {
  const countries = require('world-countries/countries.json') as {
    name: { common: string; official: string };
    capital?: string[];
    altSpellings?: string[];
    translations: Record<string, { common: string; official: string }>;
    demonyms?: Record<string, { f: string; m: string }>;
  }[];
  const iso = require('i18n-iso-countries') as { getNames(lang: string, opts?: { select: string }): Record<string, string | string[]> };
  // world-countries keys its translations and demonyms by ISO 639-3 code (language.json iso639_3)
  const iso3 = langData(lang, 'language')?.iso639_3 ?? '';
  const add = (list: string, name: string) => {
    const toks = tokenize(name, lang).map((t) => foldTypography(t.text));
    if (toks.length && toks.length <= 6) g.add(list, toks);
  };
  for (const c of countries) {
    add('country', c.name.common);
    add('country', c.name.official);
    const tr = c.translations[iso3];
    if (tr) {
      add('country', tr.common);
      add('country', tr.official);
    }
    for (const alt of c.altSpellings ?? []) if (alt.length > 3) add('country', alt);
    for (const cap of c.capital ?? []) add('capital', cap);
    const dem = c.demonyms?.[iso3];
    if (dem) {
      add('demonym', dem.m);
      add('demonym', dem.f);
    }
  }
  // English names too: international news writes them in every language
  for (const l of new Set([lang, DEFAULT_LANGUAGE])) {
    try {
      for (const names of Object.values(iso.getNames(l, { select: 'all' }))) for (const n of [names].flat()) add('country', n);
    } catch {
      // language not in the package
    }
  }
}
