// Whose voice a piece of text is in. A loaded term or a figure is
//   quoted     - inside a quote of the quotes layer, or inside quotation marks (scare quotes);
//   attributed - in a sentence with an attribution cue ("according to", "said", "determined to be",
//                "volgens", "geregistreerd") — the reporting verbs and source phrases of the language's
//                quotes.json plus the attributionCues of its voice.json;
//   asserted   - otherwise: the source says it in its own voice.
// "the United Nations recently determined to be a genocide" is attributed (to the United Nations);
// "Israël voert sinds oktober 2023 een genocide uit in Gaza" is asserted.
// Loaded terms are curated per language in src/lang/<code>/voice.json under language-independent ids.
import { worldCountries } from '../entities/countries.ts';
import { langData } from '../../lang/registry.ts';
import type { AnalyzedArticle, EntityLayer, Quote } from '../../types.ts';
import { entityKey } from './entity-keys.ts';
import { evidence, sentenceAt, type Evidence } from './evidence.ts';

export type Voice = 'asserted' | 'attributed' | 'quoted';

export interface VoiceOf {
  voice: Voice;
  /** Who it is put in the mouth of: the quote's speaker or the entity nearest the cue; null when unnamed. */
  by: string | null;
  /** Global key of `by`, when it is an entity. */
  byKey: string | null;
  /** The cue word or phrase, or the quote's cue, when there is one. */
  cue: string | null;
}

interface LanguageVoice {
  terms: { id: string; re: RegExp }[];
  cues: RegExp | null;
  /** Folded cues that name their source after them ("according to X", "volgens X"). */
  leading: Set<string>;
  marks: { open: string; close: string[] }[];
  sides: { re: RegExp; key: string }[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A whole-word, case-insensitive pattern for a list of phrases (longest first). */
function wordsPattern(phrases: string[]): RegExp | null {
  const list = [...new Set(phrases.map((p) => p.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (list.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

const cache = new Map<string, LanguageVoice>();

function languageVoice(language: string): LanguageVoice {
  let v = cache.get(language);
  if (v) return v;
  const data = langData(language, 'voice') ?? {};
  const quotes = langData(language, 'quotes');
  // Reporting verbs that carry content (a that-clause or a trailing "…, he said"); verbs that only
  // frame quoted words ("expressed optimism", "spoke with") do not make the rest of a sentence theirs.
  const verbForms = (quotes?.verbs ?? [])
    .filter((x) => (x.frames ?? []).some((f) => f === 'that' || f === 'trailing'))
    .flatMap((x) => [...(x.present ?? []), ...(x.past ?? []), ...(x.perfect ?? []), ...(x.gerund ?? [])]);
  const cues = [...(data.attributionCues ?? []), ...verbForms, ...(quotes?.sourcePrepositions ?? []).map((p) => p.phrase)];
  const sides: { re: RegExp; key: string }[] = [];
  for (const [word, key] of Object.entries(data.sideWords ?? {})) sides.push({ re: wordsPattern([word])!, key });
  // Demonyms of every country in the language ("Israeli", "Qatari") from world-countries, when its
  // voice.json names their key (sideDemonyms).
  if (data.sideDemonyms) {
    for (const c of worldCountries()) {
      const d = (c as { demonyms?: Record<string, { m?: string; f?: string }> }).demonyms?.[data.sideDemonyms];
      for (const form of new Set([d?.m, d?.f].filter((x): x is string => !!x && x.length > 3))) {
        sides.push({ re: wordsPattern([form])!, key: `country:${c.cca2}` });
      }
    }
  }
  v = {
    terms: Object.entries(data.loadedTerms ?? {}).flatMap(([id, forms]) => {
      const re = wordsPattern(forms);
      return re ? [{ id, re }] : [];
    }),
    cues: wordsPattern(cues),
    leading: new Set((quotes?.sourcePrepositions ?? []).map((p) => p.phrase.toLowerCase())),
    // Straight single quotes double as apostrophes: not used as quotation marks here.
    marks: (quotes?.quoteMarks ?? [{ open: '“', close: ['”'] }, { open: '"', close: ['"'] }]).filter((m) => m.open !== "'"),
    sides,
  };
  cache.set(language, v);
  return v;
}

/** The quote of the quotes layer containing the span, if any. */
function quoteAround(quotes: Quote[], start: number, end: number): Quote | undefined {
  return quotes.find((q) => q.start <= start && end <= q.end);
}

/** True when the span sits between a pair of quotation marks inside its sentence. */
function inQuotationMarks(text: string, sentence: { start: number; end: number }, start: number, end: number, marks: LanguageVoice['marks']): boolean {
  const before = text.slice(sentence.start, start);
  const after = text.slice(end, sentence.end);
  for (const m of marks) {
    const open = before.lastIndexOf(m.open);
    if (open < 0) continue;
    const between = before.slice(open + m.open.length);
    if (m.close.some((c) => c !== m.open && between.includes(c))) continue;
    if (m.close.some((c) => after.includes(c))) return true;
  }
  return false;
}

/** The person or organisation mentioned nearest to `offset` inside [from, to), on one side of it. */
function nearestEntity(entities: EntityLayer[], from: number, to: number, offset: number, side: 'before' | 'after'): EntityLayer | null {
  let best: EntityLayer | null = null;
  let dist = Infinity;
  for (const e of entities) {
    if (e.type !== 'PER' && e.type !== 'ORG') continue;
    for (const m of e.mentions) {
      if (m.start < from || m.end > to) continue;
      const d = side === 'before' ? offset - m.end : m.start - offset;
      if (d >= 0 && d < dist) {
        dist = d;
        best = e;
      }
    }
  }
  return best;
}

type VoiceDoc = Pick<AnalyzedArticle, 'text' | 'language' | 'sentences' | 'quotes' | 'entities'>;

/** The voice of the span [start, end) of an article. */
export function voiceOf(doc: VoiceDoc, start: number, end: number): VoiceOf {
  const q = quoteAround(doc.quotes, start, end);
  if (q) {
    const key = q.speaker?.entity ? doc.entities.find((e) => e.id === q.speaker!.entity) : undefined;
    return {
      voice: q.kind === 'direct' ? 'quoted' : 'attributed',
      by: q.speaker?.name ?? null,
      byKey: key ? entityKey(key, doc.language).key : null,
      cue: q.cue,
    };
  }
  const lv = languageVoice(doc.language);
  const s = sentenceAt(doc, start);
  if (inQuotationMarks(doc.text, s, start, end, lv.marks)) return { voice: 'quoted', by: null, byKey: null, cue: null };
  if (lv.cues) {
    const sentence = doc.text.slice(s.start, s.end);
    for (const m of sentence.matchAll(lv.cues)) {
      const at = s.start + m.index!;
      if (at >= start && at < end) continue; // the cue is the span itself
      // The source: after "according to"/"volgens", else the subject before the verb (else after it).
      const first = lv.leading.has(m[0].toLowerCase()) ? 'after' : 'before';
      const e =
        nearestEntity(doc.entities, s.start, s.end, first === 'after' ? at + m[0].length : at, first) ??
        nearestEntity(doc.entities, s.start, s.end, first === 'after' ? at : at + m[0].length, first === 'after' ? 'before' : 'after');
      return { voice: 'attributed', by: e ? e.name : null, byKey: e ? entityKey(e, doc.language).key : null, cue: m[0] };
    }
  }
  return { voice: 'asserted', by: null, byKey: null, cue: null };
}

export interface LoadedTermUse extends VoiceOf {
  /** Language-independent id ("genocide", "massacre"). */
  term: string;
  evidence: Evidence;
}

/** Every loaded term of the article's language in its text, with its voice. */
export function loadedTermUses(doc: VoiceDoc & Pick<AnalyzedArticle, 'id'>): LoadedTermUse[] {
  const out: LoadedTermUse[] = [];
  for (const t of languageVoice(doc.language).terms) {
    for (const m of doc.text.matchAll(t.re)) {
      const start = m.index!;
      const end = start + m[0].length;
      out.push({ term: t.id, ...voiceOf(doc, start, end), evidence: evidence(doc, start, end) });
    }
  }
  return out.sort((a, b) => a.evidence.start - b.evidence.start);
}

/** The side a speaker speaks for: their own key when an organisation or a country, else a side word in their role or name. */
export function sideOf(language: string, texts: string[], ownKey: string | null): string | null {
  if (ownKey && /^(org|country):/.test(ownKey)) return ownKey;
  const lv = languageVoice(language);
  for (const text of texts) {
    for (const s of lv.sides) {
      s.re.lastIndex = 0;
      if (s.re.test(text)) return s.key;
    }
  }
  return null;
}
