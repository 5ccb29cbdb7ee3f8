// Quotes measured on PolNeAR dev (attribution relations in US political news, brat standoff): the
// counts behind precision/recall of quote content spans (overlap match: the shared word tokens cover
// at least half of the predicted span AND half of the annotated content; exact match: the same word
// tokens), recall by kind of gold content (direct = mostly inside quotation marks), and speaker
// accuracy on overlap-matched quotes (the predicted speaker span overlaps the annotated Source, or the
// predicted speaker's name shares a word with it). Files annotated twice are scored once per
// annotation file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractQuotes } from '../../src/analysis/quotes/extract.ts';
import type { CombineOptions } from '../../src/analysis/quotes/attribution.ts';
import type { AnalysisStep } from '../../src/analysis/step.ts';
import type { Quote } from '../../src/types.ts';
import { analyzedDoc } from '../analyzed-doc.ts';
import { DATA } from './data-sets.ts';
import { corpusLanguage } from '../../src/lang/registry.ts';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

export interface QuoteCounts {
  annotationFiles: number;
  texts: number;
  /** Quotes predicted; nPred counts attributions (quotes of one attribution together). */
  quotes: number;
  /** Whether the entities step ran before quote extraction (else speakers get fallback names). */
  entitiesLayer: boolean;
  /** Time spent in the entities step and quote extraction. */
  ms: number;
  /** Up to `errors` misses, spurious quotes and wrong speakers, described. */
  errors: string[];
  nPred: number;
  nGold: number;
  /** Overlap-matched pairs (one to one). */
  matched: number;
  /** Matched pairs with the same word tokens. */
  exact: number;
  goldDirect: number;
  goldDirectFound: number;
  goldIndirect: number;
  goldIndirectFound: number;
  predDirect: number;
  predDirectMatched: number;
  predIndirect: number;
  predIndirectMatched: number;
  /** Unmatched predictions inside annotated content, and of those with the right speaker. */
  nested: number;
  nestedSpeakerOk: number;
  /** Matched quotes with a gold Source, of those right, of those with no speaker. */
  speakerScored: number;
  speakerRight: number;
  speakerNull: number;
  /** Of speakerScored: the quote's source span (sourceStart/End) overlaps the annotated Source. */
  sourceRight: number;
  /** Every scored prediction: its confidence, who found it, and whether it matched (for the reliability table). */
  confidence: { confidence: number; by: 'rules' | 'model'; ok: boolean }[];
}

export interface ReliabilityBin {
  lo: number;
  hi: number;
  n: number;
  /** Mean confidence of the predictions in the bin. */
  predicted: number;
  /** Share of them that matched an annotated attribution (precision). */
  observed: number;
}

/** Predictions binned by confidence ([0, 0.1), …, [0.9, 1]): mean confidence against observed
 *  precision, and the expected calibration error (the bins' |predicted - observed| weighted by size). */
export function reliabilityTable(points: readonly { confidence: number; ok: boolean }[], bins = 10): { bins: ReliabilityBin[]; ece: number } {
  const out: ReliabilityBin[] = Array.from({ length: bins }, (_, i) => ({ lo: i / bins, hi: (i + 1) / bins, n: 0, predicted: 0, observed: 0 }));
  for (const p of points) {
    const b = out[Math.min(bins - 1, Math.max(0, Math.floor(p.confidence * bins)))];
    b.n++;
    b.predicted += p.confidence;
    b.observed += p.ok ? 1 : 0;
  }
  let ece = 0;
  for (const b of out) {
    if (!b.n) continue;
    b.predicted /= b.n;
    b.observed /= b.n;
    ece += (b.n / points.length) * Math.abs(b.predicted - b.observed);
  }
  return { bins: out, ece };
}

interface Fragment {
  start: number;
  end: number;
}
interface GoldAttribution {
  content: Fragment[];
  source: Fragment[];
  cue: Fragment[];
}

function parseAnn(ann: string): GoldAttribution[] {
  const spans = new Map<string, { type: string; frags: Fragment[] }>();
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (/^T\d+$/.test(cols[0]) && cols[1]) {
      const sp = cols[1].indexOf(' ');
      const type = cols[1].slice(0, sp);
      const frags = cols[1]
        .slice(sp + 1)
        .split(';')
        .map((f) => f.trim().split(/\s+/).map(Number))
        .map(([start, end]) => ({ start, end }));
      spans.set(cols[0], { type, frags });
    } else if (/^E\d+$/.test(cols[0]) && cols[1]) {
      events.push(cols[1]);
    }
  }
  const out: GoldAttribution[] = [];
  for (const ev of events) {
    const g: GoldAttribution = { content: [], source: [], cue: [] };
    for (const arg of ev.split(/\s+/)) {
      const [role, id] = arg.split(':');
      const span = spans.get(id);
      if (!span) continue;
      if (role.startsWith('Content')) g.content.push(...span.frags);
      else if (role === 'Source') g.source.push(...span.frags);
      else if (role === 'Cue') g.cue.push(...span.frags);
    }
    if (g.content.length) out.push(g);
  }
  return out;
}

/** Word-token start offsets inside the given fragments. */
function tokensIn(text: string, frags: Fragment[]): Set<number> {
  const out = new Set<number>();
  for (const f of frags) {
    const re = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
    const slice = text.slice(f.start, f.end);
    let m: RegExpExecArray | null;
    while ((m = re.exec(slice))) out.add(f.start + m.index);
  }
  return out;
}

/** The predictions to score: one per attribution (quotes grouped by `attribution`) unless `grouped` is false. */
function attributionsOf(text: string, quotes: Quote[], grouped: boolean): { preds: Quote[]; predToks: Set<number>[] } {
  const groups = new Map<string | number, Quote[]>();
  quotes.forEach((q, i) => {
    const key = grouped && q.attribution !== undefined ? q.attribution : `q${i}`;
    const g = groups.get(key);
    if (g) g.push(q);
    else groups.set(key, [q]);
  });
  const preds: Quote[] = [];
  const predToks: Set<number>[] = [];
  for (const members of groups.values()) {
    const toks = members.map((q) => tokensIn(text, [q]));
    let best = 0;
    toks.forEach((t, i) => {
      if (t.size > toks[best].size) best = i;
    });
    preds.push(members[best]);
    predToks.push(new Set(toks.flatMap((t) => [...t])));
  }
  return { preds, predToks };
}

function isDirectGold(text: string, g: GoldAttribution): boolean {
  const first = text.slice(g.content[0].start, g.content[0].start + 1);
  return /["“‘'«„]/.test(first);
}

async function loadEntitiesStep(): Promise<AnalysisStep | null> {
  const file = join(SRC, 'analysis', 'entities', 'index.ts');
  if (!existsSync(file)) return null;
  const mod = (await import(pathToFileURL(file).href)) as { entitiesStep?: AnalysisStep };
  return mod.entitiesStep ?? null;
}

/**
 * Extracts the quotes of every PolNeAR dev text (after the entities step unless `entities` is false)
 * and counts them against the annotations. `data`: the dev folder; `errors`: how many errors to describe.
 */
export async function measureQuotes(opts: { data?: string; entities?: boolean; errors?: number; model?: boolean; combine?: CombineOptions; grouped?: boolean } = {}): Promise<QuoteCounts> {
  const entitiesStep = opts.entities === false ? null : await loadEntitiesStep();
  const dataDir = opts.data ?? join(DATA, 'polnear', 'dev');
  const showErrors = opts.errors ?? 0;
  const annDir = join(dataDir, 'attributions');
  const textDir = join(dataDir, 'text');
  const annFiles = readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort();

  const c: QuoteCounts = {
    annotationFiles: annFiles.length,
    texts: 0,
    quotes: 0,
    entitiesLayer: !!entitiesStep,
    ms: 0,
    errors: [],
    nPred: 0,
    nGold: 0,
    matched: 0,
    exact: 0,
    goldDirect: 0,
    goldDirectFound: 0,
    goldIndirect: 0,
    goldIndirectFound: 0,
    predDirect: 0,
    predDirectMatched: 0,
    predIndirect: 0,
    predIndirectMatched: 0,
    nested: 0,
    nestedSpeakerOk: 0,
    speakerScored: 0,
    speakerRight: 0,
    speakerNull: 0,
    sourceRight: 0,
    confidence: [],
  };

  const predCache = new Map<string, Quote[]>();
  c.quotes = 0;
  for (const annFile of annFiles) {
    const textFile = basename(annFile).replace(/_[0-9a-f]+\.ann$/, '.txt');
    const text = readFileSync(join(textDir, textFile), 'utf8');
    const gold = parseAnn(readFileSync(join(annDir, annFile), 'utf8'));
    let quotes = predCache.get(textFile);
    if (!quotes) {
      let doc = analyzedDoc(text, corpusLanguage('polnear'), { file: textFile, id: textFile });
      const t0 = performance.now();
      if (entitiesStep) doc = { ...doc, ...entitiesStep.run(doc) };
      quotes = extractQuotes(doc, { model: opts.model, combine: opts.combine });
      c.ms += performance.now() - t0;
      predCache.set(textFile, quotes);
    }
    c.quotes += quotes.length;
    // one prediction per attribution (the quotes sharing `attribution`: a split quotation, its
    // continuation, a partial quotation in its reported clause), its content their words together,
    // its speaker and kind those of its longest quote
    const { preds, predToks } = attributionsOf(text, quotes, opts.grouped !== false);
    c.nPred += preds.length;
    c.nGold += gold.length;
    const goldToks = gold.map((g) => tokensIn(text, g.content));
    // candidate pairs by token F1, greedy one-to-one
    const pairs: { p: number; g: number; f: number; ok: boolean }[] = [];
    preds.forEach((_, pi) => {
      goldToks.forEach((gt, gi) => {
        let inter = 0;
        for (const t of predToks[pi]) if (gt.has(t)) inter++;
        if (!inter) return;
        const pr = inter / predToks[pi].size;
        const rc = inter / gt.size;
        pairs.push({ p: pi, g: gi, f: (2 * pr * rc) / (pr + rc), ok: Math.min(pr, rc) >= 0.5 });
      });
    });
    pairs.sort((a, b) => b.f - a.f);
    const usedP = new Set<number>();
    const usedG = new Set<number>();
    for (const pr of pairs) {
      if (!pr.ok || usedP.has(pr.p) || usedG.has(pr.g)) continue;
      usedP.add(pr.p);
      usedG.add(pr.g);
      c.matched++;
      const p = preds[pr.p];
      const g = gold[pr.g];
      if (predToks[pr.p].size === goldToks[pr.g].size && pr.f === 1) c.exact++;
      if (g.source.length) {
        c.speakerScored++;
        const sp = p.speaker;
        if (!sp) c.speakerNull++;
        if (p.sourceStart !== undefined && p.sourceEnd !== undefined && g.source.some((f) => p.sourceStart! < f.end && f.start < p.sourceEnd!)) c.sourceRight++;
        const srcText = g.source.map((f) => text.slice(f.start, f.end).toLowerCase()).join(' ');
        const overlap = sp?.start !== undefined && g.source.some((f) => sp.start! < f.end && f.start < sp.end!);
        const nameHit = !!sp && sp.name.toLowerCase().split(/\s+/).some((w) => w.length > 2 && srcText.split(/[^\p{L}]+/u).includes(w));
        if (overlap || nameHit) c.speakerRight++;
        else if (c.errors.length < showErrors)
          c.errors.push(`SPEAKER ${textFile}\n  quote: ${p.text.slice(0, 100)}  [${p.by}/${p.cue}]\n  pred: ${sp ? `${sp.name} [${sp.start !== undefined ? text.slice(sp.start, sp.end) : ''}]` : 'null'}  gold: ${srcText}`);
      }
    }
    gold.forEach((g, gi) => {
      const direct = isDirectGold(text, g);
      if (direct) c.goldDirect++;
      else c.goldIndirect++;
      if (usedG.has(gi)) {
        if (direct) c.goldDirectFound++;
        else c.goldIndirectFound++;
      } else if (c.errors.length < showErrors) {
        c.errors.push(`MISSED ${textFile}: ${g.content.map((f) => text.slice(f.start, f.end)).join(' … ').slice(0, 140)}`);
      }
    });
    preds.forEach((p, pi) => {
      c.confidence.push({ confidence: p.confidence ?? 0, by: p.by ?? 'rules', ok: usedP.has(pi) });
      if (p.kind === 'direct') c.predDirect++;
      else c.predIndirect++;
      if (usedP.has(pi)) {
        if (p.kind === 'direct') c.predDirectMatched++;
        else c.predIndirectMatched++;
        return;
      }
      // lenient: a quotation inside annotated content (a partial quote within a reported clause,
      // one part of a split quote annotated as one discontinuous content)
      const host = goldToks.findIndex((gt) => {
        let inside = 0;
        for (const t of predToks[pi]) if (gt.has(t)) inside++;
        return predToks[pi].size > 0 && inside / predToks[pi].size >= 0.8;
      });
      if (host >= 0) {
        c.nested++;
        const g = gold[host];
        const sp = p.speaker;
        const srcText = g.source.map((f) => text.slice(f.start, f.end).toLowerCase()).join(' ');
        if (sp && ((sp.start !== undefined && g.source.some((f) => sp.start! < f.end && f.start < sp.end!)) || sp.name.toLowerCase().split(/\s+/).some((w) => w.length > 2 && srcText.split(/[^\p{L}]+/u).includes(w)))) c.nestedSpeakerOk++;
        if (c.errors.length < showErrors) c.errors.push(`NESTED ${textFile}: [${p.kind}/${p.by}/${p.attribution}] ${p.text.slice(0, 80)}  <- ${p.cue} IN ${g.content.map((f) => text.slice(f.start, f.end)).join(' … ').slice(0, 160)} <- ${text.slice(g.cue[0].start, g.cue[0].end)}`);
      } else if (c.errors.length < showErrors) {
        c.errors.push(`SPURIOUS ${textFile}: [${p.kind}] ${p.text.slice(0, 120)}  <- ${p.speaker?.name ?? 'null'} / ${p.cue}`);
      }
    });
  }
  c.texts = predCache.size;
  return c;
}

/**
 * Throughput of the attribution model (cue tagging + source/content labelling, without the rules)
 * over the PolNeAR dev texts, in CPU time of this process (one core; immune to other load): the
 * model's load time, then the best of `rounds` passes. Tokens are the quotes layer's tokens.
 */
export async function measureAttributionSpeed(opts: { data?: string; rounds?: number } = {}): Promise<{ loadMs: number; tokens: number; tokensPerSecond: number }> {
  const { DocContext } = await import('../../src/analysis/quotes/context.ts');
  const { quotesLexicon } = await import('../../src/analysis/quotes/lexicon.ts');
  const { attributionModel, attributionModelPath, decodeAttributionModel } = await import('../../src/analysis/quotes/model/model.ts');
  const { predictAttributions } = await import('../../src/analysis/quotes/model/predict.ts');
  const { segmentSentences } = await import('../../src/analysis/sentences/segment.ts');
  const cpu = () => process.cpuUsage().user / 1000;
  const dataDir = opts.data ?? join(DATA, 'polnear', 'dev');
  const lang = corpusLanguage('polnear');
  const lex = quotesLexicon(lang);
  if (!lex) throw new Error(`no quotes.json for ${lang}`);
  const model = attributionModel(lang);
  if (!model) throw new Error(`no attribution model for ${lang} (npm run train:attribution)`);
  // load time: reading and decoding the file again (attributionModel caches it)
  const file = attributionModelPath(model.meta.lang);
  let t = cpu();
  decodeAttributionModel(readFileSync(file), file);
  const loadMs = cpu() - t;
  const textDir = join(dataDir, 'text');
  const ctxs = readdirSync(textDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(textDir, f), 'utf8');
      return new DocContext(text, segmentSentences(text, lang), lex);
    });
  const tokens = ctxs.reduce((n, c) => n + c.toks.length, 0);
  let best = Infinity;
  for (let r = 0; r < (opts.rounds ?? 3); r++) {
    t = cpu();
    for (const c of ctxs) predictAttributions(model, c);
    best = Math.min(best, cpu() - t);
  }
  return { loadMs, tokens, tokensPerSecond: (tokens / best) * 1000 };
}
