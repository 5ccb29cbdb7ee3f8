// Keys for the entities of an article, usable across articles and languages.
// The global key the entity resolver wrote into the layer (EntityLayer.key) wins. Without one, the key
// is found the way the resolver's first rules find it — the alias tables for countries, organisations
// and regions ("Israël" -> country:IL, "Internationaal Strafhof" -> org:icc), else the normalised name
// ("per:benjamin-netanyahu") — which needs no state. Clustering compares people by surname
// ("e:sur:netanyahu"), so "Netanyahu" in one article meets "Benjamin Netanyahu" in another whether or
// not either was resolved.
import { defaultAliasTables, lookupAlias } from '../entities/aliases.ts';
import { cleanName, genitiveVariants, isAllCaps, personName, foldedTokens, slug, stripPossessive } from '../entities/normalise.ts';
import { foldName } from '../../text/fold.ts';
import type { AnalyzedArticle, EntityLayer, EntityType } from '../../types.ts';
import { isContentWord, stopWords } from './function-words.ts';
import { segmentWords } from '../../text/tokens.ts';

export interface EntityRef {
  /** Global key ("per:benjamin-netanyahu", "country:IL"). */
  key: string;
  /** Clustering feature ("e:sur:netanyahu", "e:country:IL"). */
  feature: string;
  /** Display name. */
  name: string;
  type: EntityType;
  layer: EntityLayer;
}

const PREFIX: Record<EntityType, string> = { PER: 'per', ORG: 'org', LOC: 'loc', MISC: 'misc' };

/** The global key of one entity of an article in `language`. */
export function entityKey(e: EntityLayer, language: string): { key: string; display: string; folded: string } {
  let clean = cleanName(e.name, { language, type: e.type });
  if (!clean.folded) {
    const m = e.mentions.find((x) => cleanName(x.text, { language, type: e.type }).folded);
    clean = m ? cleanName(m.text, { language, type: e.type }) : { display: e.name, folded: foldName(e.name) };
  }
  if (e.key) return { key: e.key, display: clean.display || e.name, folded: clean.folded };
  if (e.type !== 'PER' && clean.folded) {
    for (const folded of [clean.folded, ...genitiveVariants(clean.folded, language)]) {
      const r = lookupAlias(defaultAliasTables(), folded, { language, allCaps: isAllCaps(e.name) });
      if (r.status === 'found') return { key: r.hit.entity.key, display: r.hit.entity.name, folded: clean.folded };
    }
  }
  const tokens = foldedTokens(clean.folded);
  const core = e.type === 'PER' ? personName(tokens).core : tokens;
  return { key: `${PREFIX[e.type]}:${slug(core.join(' ')) || 'unnamed'}`, display: clean.display || e.name, folded: clean.folded };
}

/** Surname of a folded person name (last word of its core), or the name itself. */
function surname(folded: string): string {
  const core = personName(foldedTokens(folded)).core;
  return core[core.length - 1] ?? folded;
}

/** Keys and clustering features of every entity of the article (entities without a usable name are left out). */
export function entityRefs(doc: Pick<AnalyzedArticle, 'entities' | 'language'>): EntityRef[] {
  const out: EntityRef[] = [];
  for (const layer of doc.entities) {
    const { key, display, folded } = entityKey(layer, doc.language);
    if (!folded && !layer.key) continue;
    const feature = layer.type === 'PER' && folded ? `e:sur:${surname(folded)}` : `e:${key}`;
    out.push({ key, feature, name: display, type: layer.type, layer });
  }
  return out;
}

/**
 * Stand-in for an entity layer when an article has none (no model for its language, or the layer not
 * computed): capitalised words that do not start a sentence and that the article never writes in lower
 * case ("Netanyahu", "Doha"), as spans. Names are the same in most languages, so these still meet across
 * languages; the words are matched as they are, without alias tables.
 */
export function nameLikeWords(
  doc: Pick<AnalyzedArticle, 'text' | 'language' | 'sentences'> & { headings?: AnalyzedArticle['headings'] },
): { folded: string; text: string; start: number; end: number }[] {
  const ws = segmentWords(doc.text, doc.language);
  const stop = stopWords(doc.language);
  const lower = new Set(ws.filter((w) => /^\p{Ll}/u.test(w.text)).map((w) => w.folded));
  // The first word of a sentence, a line or a clause after a colon may be capitalised for grammar only.
  const initial = new Set<number>();
  const bounds = [...doc.sentences.map((s) => s.start), 0];
  for (let i = doc.text.indexOf('\n'); i >= 0; i = doc.text.indexOf('\n', i + 1)) bounds.push(i + 1);
  for (let i = doc.text.indexOf(':'); i >= 0; i = doc.text.indexOf(':', i + 1)) bounds.push(i + 1);
  bounds.sort((a, b) => a - b);
  let w = 0;
  for (const b of bounds) {
    while (w < ws.length && ws[w].start < b) w++;
    if (w < ws.length) initial.add(ws[w].start);
  }
  // Headings are often in title case: every word capitalised.
  const inHeading = (x: { start: number }) => (doc.headings ?? []).some((h) => x.start >= h.start && x.start < h.end);
  return ws.filter((x) => /^\p{Lu}/u.test(x.text) && isContentWord(x.folded, stop) && !lower.has(x.folded) && !initial.has(x.start) && !inHeading(x));
}

export interface NameLikeRef {
  feature: string;
  name: string;
  start: number;
  end: number;
  /** Folded words of the name. */
  words: string[];
}

/**
 * The name-like words of an article without an entity layer, as entity features. A run of adjacent
 * capitalised words is looked up in the alias tables as a whole ("Gaza Strip", "Verenigde Staten" ->
 * country:US); else, with titles in front removed ("Israeli Prime Minister Benjamin Netanyahu" ->
 * "Benjamin Netanyahu"), it is taken for a person and keyed by its last word, as people are in entity
 * layers ("e:sur:netanyahu"). Single words are looked up alone ("Israël" -> country:IL) or keyed the
 * same way ("Netanyahu’s" -> "e:sur:netanyahu").
 */
export function nameLikeRefs(doc: Pick<AnalyzedArticle, 'text' | 'language' | 'sentences'> & { headings?: AnalyzedArticle['headings'] }): NameLikeRef[] {
  const ws = nameLikeWords(doc);
  const out: NameLikeRef[] = [];
  const alias = (text: string): { key: string; name: string } | null => {
    const folded = foldName(stripPossessive(text));
    for (const f of [folded, ...genitiveVariants(folded, doc.language)]) {
      const r = lookupAlias(defaultAliasTables(), f, { language: doc.language, allCaps: isAllCaps(text) });
      if (r.status === 'found') return { key: r.hit.entity.key, name: r.hit.entity.name };
    }
    return null;
  };
  const person = (text: string, start: number, end: number, words: string[]): NameLikeRef | null => {
    const clean = cleanName(text, { language: doc.language, type: 'PER' });
    const core = personName(foldedTokens(clean.folded)).core;
    const last = core[core.length - 1];
    return last ? { feature: `e:sur:${last}`, name: clean.display, start, end, words } : null;
  };
  let i = 0;
  while (i < ws.length) {
    let j = i + 1;
    while (j < ws.length && doc.text.slice(ws[j - 1].end, ws[j].start) === ' ') j++;
    const run = ws.slice(i, j);
    const start = run[0].start;
    const end = run[run.length - 1].end;
    const text = doc.text.slice(start, end);
    const whole = run.length > 1 ? alias(text) : null;
    const words = run.map((w) => w.folded);
    if (whole) out.push({ feature: `e:${whole.key}`, name: whole.name, start, end, words });
    else if (run.length > 1) {
      const p = person(text, start, end, words);
      if (p) out.push(p);
    } else {
      const a = alias(run[0].text);
      const p = a ? { feature: `e:${a.key}`, name: a.name, start, end, words } : person(run[0].text, start, end, words);
      if (p) out.push(p);
    }
    i = j;
  }
  return out;
}
