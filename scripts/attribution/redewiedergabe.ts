// Corpus REDEWIEDERGABE (Brunner et al., LREC 2020: German fiction, the Grenzboten magazine and
// historical newspapers, 1840-1919) as attribution documents: speech, thought and writing
// representation (STWR) of the types direct, indirect, free indirect and reported, each linked by
// its id to its speaker and its introductory expression (the cue).
//
// Format (../shared/data/redewiedergabe/column_based_text_format.md): one tab-separated file per
// sample, a header line, then one token per line with the columns `tok normtok lemma pos rfpos
// sentstart stwr frame speaker intexpr note`. `stwr` holds the annotations of every nesting level,
// separated by `|`, each `type.medium.id[.attributes]` (alternative types joined by `_` or a space);
// `speaker.12_19` and `intexpr.7_8` name the STWR ids they belong to. The sample is rebuilt as text
// (tokens joined as German is written, a new paragraph where a sentence starts after a footnote or
// where the sample has none) and tokenised by the quotes layer like any article.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocContext } from '../../src/analysis/quotes/context.ts';
import { quotesLexicon } from '../../src/analysis/quotes/lexicon.ts';
import { segmentSentences } from '../../src/analysis/sentences/segment.ts';
import type { TokenAttribution, TrainingDoc } from './data.ts';
import { detokenize } from './spkatt.ts';

export type StwrType = 'direct' | 'indirect' | 'freeIndirect' | 'reported';

/** One STWR annotation: its types (more than one when the annotators left it open), medium, tokens. */
export interface Stwr {
  id: number;
  types: StwrType[];
  medium: string;
  /** Sample token indices of the represented speech, thought or writing. */
  tokens: number[];
  cue: number[];
  speaker: number[];
}

export interface RedewiedergabeDoc extends TrainingDoc {
  /** The sample's file name (metadata.tsv's `file`). */
  sample: string;
  stwr: Stwr[];
  /** Character span of each sample token in ctx.text. */
  spans: [number, number][];
  /** Quotes-layer tokens of each STWR's content (word tokens; same order as `stwr`). */
  contentToks: number[][];
}

const TYPES = new Set<string>(['direct', 'indirect', 'freeIndirect', 'reported']);

/** Parses one sample file into its tokens and STWR annotations. */
export function parseRedewiedergabe(tsv: string, file: string): { tokens: string[]; sentStart: boolean[]; stwr: Stwr[] } {
  const lines = tsv.split('\n').filter((l) => l.length);
  const head = lines[0]?.split('\t') ?? [];
  const col = (name: string) => {
    const i = head.indexOf(name);
    if (i < 0) throw new Error(`${file}: no column "${name}" in the header line`);
    return i;
  };
  const [cTok, cStart, cStwr, cSpeaker, cIntexpr] = ['tok', 'sentstart', 'stwr', 'speaker', 'intexpr'].map(col);
  const tokens: string[] = [];
  const sentStart: boolean[] = [];
  const byId = new Map<number, Stwr>();
  const get = (id: number) => {
    let s = byId.get(id);
    if (!s) byId.set(id, (s = { id, types: [], medium: '', tokens: [], cue: [], speaker: [] }));
    return s;
  };
  const ids = (v: string, name: string) =>
    v === '-'
      ? []
      : v
          .split('|')
          .filter((x) => x.startsWith(`${name}.`))
          .flatMap((x) => x.slice(name.length + 1).split('_'))
          .filter((x) => /^\d+$/.test(x))
          .map(Number)
          .filter((x) => x > 0);
  for (let n = 1; n < lines.length; n++) {
    const cols = lines[n].split('\t');
    if (cols.length < head.length) throw new Error(`${file}:${n + 1}: ${cols.length} columns, the header has ${head.length}`);
    const k = tokens.push(cols[cTok]) - 1;
    sentStart.push(cols[cStart] === 'yes');
    if (cols[cStwr] !== '-')
      for (const level of cols[cStwr].split('|')) {
        const [type, medium, id] = level.split('.');
        const types = type.split(/[_ ]/).filter((t) => TYPES.has(t)) as StwrType[];
        if (!types.length || !/^\d+$/.test(id ?? '')) throw new Error(`${file}:${n + 1}: bad stwr value "${level}"`);
        const s = get(Number(id));
        if (!s.types.length) {
          s.types = types;
          s.medium = medium;
        }
        s.tokens.push(k);
      }
    for (const id of ids(cols[cSpeaker], 'speaker')) get(id).speaker.push(k);
    for (const id of ids(cols[cIntexpr], 'intexpr')) get(id).cue.push(k);
  }
  const stwr = [...byId.values()].filter((s) => s.types.length).sort((a, b) => a.id - b.id);
  return { tokens, sentStart, stwr };
}

function quoteTokens(ctx: DocContext, spans: [number, number][], sample: number[], punct: boolean): number[] {
  const out = new Set<number>();
  for (const k of sample) {
    const [a, b] = spans[k];
    let lo = 0;
    let hi = ctx.toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ctx.toks[mid].end <= a) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < ctx.toks.length && ctx.toks[i].start < b; i++) if (punct || ctx.toks[i].kind !== 'punct') out.add(i);
  }
  return [...out].sort((x, y) => x - y);
}

/** One sample as an attribution document: every STWR with a cue is an attribution (cue = its
 *  introductory expression, source = its speaker, content = its words). */
export function readRedewiedergabeFile(path: string, lang = 'de'): RedewiedergabeDoc {
  const lex = quotesLexicon(lang);
  if (!lex) throw new Error(`no quotes.json for language ${lang}`);
  const { tokens, stwr } = parseRedewiedergabe(readFileSync(path, 'utf8'), path);
  const { text, spans: byId } = detokenize([{ SentenceId: 0, Tokens: tokens }], path);
  const spans = tokens.map((_, i) => byId.get(`0:${i}`)!);
  const ctx = new DocContext(text, segmentSentences(text, lang), lex);
  const gold: TokenAttribution[] = [];
  for (const s of stwr) {
    if (!s.cue.length) continue;
    const cue = quoteTokens(ctx, spans, s.cue, false);
    const content = quoteTokens(ctx, spans, s.tokens, true);
    if (cue.length && content.length) gold.push({ cue, source: quoteTokens(ctx, spans, s.speaker, false), content });
  }
  const contentToks = stwr.map((s) => quoteTokens(ctx, spans, s.tokens, false));
  return { file: path, sample: path.split('/').pop()!, ctx, gold, stwr, spans, contentToks };
}

/** The samples of the corpus folder (…/redewiedergabe/tsv), sorted by name; `part` keeps the
 *  training part (every sample but each tenth) or the dev part (each tenth, from the first). */
export function loadRedewiedergabe(dir: string, part: 'train' | 'dev' | 'all' = 'all', lang = 'de'): RedewiedergabeDoc[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .sort();
  if (!files.length) throw new Error(`${dir}: no REDEWIEDERGABE .tsv samples`);
  return files.filter((_, i) => part === 'all' || (part === 'dev') === (i % 10 === 0)).map((f) => readRedewiedergabeFile(join(dir, f), lang));
}
