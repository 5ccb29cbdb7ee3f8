// PolNeAR (Newell, Margolin & Ruths, LREC 2018) as training documents for the attribution model:
// each brat annotation file (`<split>/attributions/<text>_<annotator>.ann`) with its text, its
// attributions as token ranges of the quotes layer's tokenisation (src/analysis/quotes/context.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocContext } from '../../src/analysis/quotes/context.ts';
import { quotesLexicon } from '../../src/analysis/quotes/lexicon.ts';
import { segmentSentences } from '../../src/analysis/sentences/segment.ts';

export interface Fragment {
  start: number;
  end: number;
}
export interface GoldAttribution {
  cue: Fragment[];
  source: Fragment[];
  content: Fragment[];
}
/** Token sets of one attribution (indices into ctx.toks). */
export interface TokenAttribution {
  cue: number[];
  source: number[];
  content: number[];
}
export interface TrainingDoc {
  file: string;
  ctx: DocContext;
  gold: TokenAttribution[];
}

/** Parses a brat .ann file into attributions (an E line ties Cue, Source and Content spans). */
export function parseAnn(ann: string, file: string): GoldAttribution[] {
  const spans = new Map<string, Fragment[]>();
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (/^T\d+$/.test(cols[0]) && cols[1]) {
      const sp = cols[1].indexOf(' ');
      const frags = cols[1]
        .slice(sp + 1)
        .split(';')
        .map((f) => f.trim().split(/\s+/).map(Number))
        .map(([start, end]) => ({ start, end }));
      if (frags.some((f) => !Number.isFinite(f.start) || !Number.isFinite(f.end))) throw new Error(`${file}: bad offsets in "${line}"`);
      spans.set(cols[0], frags);
    } else if (/^E\d+$/.test(cols[0]) && cols[1]) events.push(cols[1]);
  }
  const out: GoldAttribution[] = [];
  for (const ev of events) {
    const g: GoldAttribution = { cue: [], source: [], content: [] };
    for (const arg of ev.split(/\s+/)) {
      const [role, id] = arg.split(':');
      const frags = spans.get(id);
      if (!frags) continue;
      if (role.startsWith('Content')) g.content.push(...frags);
      else if (role === 'Source') g.source.push(...frags);
      else if (role === 'Cue') g.cue.push(...frags);
    }
    if (g.content.length && g.cue.length) out.push(g);
  }
  return out;
}

/** Indices of the tokens inside the fragments (word and number tokens only unless `punct`). */
function tokensIn(ctx: DocContext, frags: Fragment[], punct: boolean): number[] {
  const out: number[] = [];
  for (const f of frags) {
    // first token ending after the fragment's start (binary search)
    let lo = 0;
    let hi = ctx.toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ctx.toks[mid].end <= f.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < ctx.toks.length && ctx.toks[i].start < f.end; i++) {
      const t = ctx.toks[i];
      if (t.start >= f.start && t.end <= f.end && (punct || t.kind !== 'punct')) out.push(i);
    }
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

/** Token view of one attribution (content with its punctuation, cue and source without). */
export function toTokens(ctx: DocContext, g: GoldAttribution): TokenAttribution {
  return { cue: tokensIn(ctx, g.cue, false), source: tokensIn(ctx, g.source, false), content: tokensIn(ctx, g.content, true) };
}

/** Every annotation file of a PolNeAR split folder (…/polnear/train or …/dev), sorted by name. */
export function loadSplit(dir: string, lang = 'en'): TrainingDoc[] {
  const lex = quotesLexicon(lang);
  if (!lex) throw new Error(`no quotes.json for language ${lang}`);
  const annDir = join(dir, 'attributions');
  const textDir = join(dir, 'text');
  const ctxCache = new Map<string, DocContext>();
  const out: TrainingDoc[] = [];
  for (const f of readdirSync(annDir).filter((x) => x.endsWith('.ann')).sort()) {
    const textFile = f.replace(/_[0-9a-f]+\.ann$/, '.txt');
    let ctx = ctxCache.get(textFile);
    if (!ctx) {
      const text = readFileSync(join(textDir, textFile), 'utf8');
      ctx = new DocContext(text, segmentSentences(text, lang), lex);
      ctxCache.set(textFile, ctx);
    }
    const gold = parseAnn(readFileSync(join(annDir, f), 'utf8'), join(annDir, f))
      .map((g) => toTokens(ctx, g))
      .filter((g) => g.cue.length && g.content.length);
    out.push({ file: f, ctx, gold });
  }
  return out;
}
