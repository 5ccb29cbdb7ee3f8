// Quotes benchmark on PolNeAR dev (attribution relations in US political news, brat standoff).
//   npm run bench:quotes [-- --data DIR] [-- --no-entities] [-- --errors N]
// Prints precision/recall of quote content spans (overlap match: the shared word tokens cover
// at least half of the predicted span AND half of the annotated content; exact match: the same
// word tokens), recall by kind of gold content (direct = mostly inside quotation marks), and
// speaker accuracy on overlap-matched quotes (the predicted speaker span overlaps the annotated
// Source, or the predicted speaker's name shares a word with it). Files annotated twice are
// scored once per annotation file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractQuotes } from '../src/analysis/quotes/extract.ts';
import type { AnalysisStep } from '../src/analysis/step.ts';
import type { Quote } from '../src/types.ts';
import { analyzedDoc } from '../test/helpers/doc.ts';

interface Fragment {
  start: number;
  end: number;
}
interface GoldAttribution {
  content: Fragment[];
  source: Fragment[];
  cue: Fragment[];
}

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const here = fileURLToPath(new URL('.', import.meta.url));
const dataDir = opt('--data') ?? join(here, '..', '..', 'shared', 'data', 'polnear', 'dev');
const showErrors = Number(opt('--errors') ?? 0);

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

function isDirectGold(text: string, g: GoldAttribution): boolean {
  const first = text.slice(g.content[0].start, g.content[0].start + 1);
  return /["“‘'«„]/.test(first);
}

async function loadEntitiesStep(): Promise<AnalysisStep | null> {
  if (args.includes('--no-entities')) return null;
  const file = join(here, '..', 'src', 'analysis', 'entities', 'index.ts');
  if (!existsSync(file)) return null;
  const mod = (await import(pathToFileURL(file).href)) as { entitiesStep?: AnalysisStep };
  return mod.entitiesStep ?? null;
}

const entitiesStep = await loadEntitiesStep();
const annDir = join(dataDir, 'attributions');
const textDir = join(dataDir, 'text');
const annFiles = readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort();

let nPred = 0;
let nGold = 0;
let matched = 0;
let exact = 0;
let goldDirect = 0;
let goldDirectFound = 0;
let goldIndirect = 0;
let goldIndirectFound = 0;
let predDirect = 0;
let predDirectMatched = 0;
let predIndirect = 0;
let predIndirectMatched = 0;
let nested = 0;
let nestedSpeakerOk = 0;
let speakerScored = 0;
let speakerRight = 0;
let speakerNull = 0;
let ms = 0;
const errors: string[] = [];

const predCache = new Map<string, Quote[]>();
for (const annFile of annFiles) {
  const textFile = basename(annFile).replace(/_[0-9a-f]+\.ann$/, '.txt');
  const text = readFileSync(join(textDir, textFile), 'utf8');
  const gold = parseAnn(readFileSync(join(annDir, annFile), 'utf8'));
  let preds = predCache.get(textFile);
  if (!preds) {
    let doc = analyzedDoc(text, 'en', { file: textFile, id: textFile });
    const t0 = performance.now();
    if (entitiesStep) doc = { ...doc, ...entitiesStep.run(doc) };
    preds = extractQuotes(doc);
    ms += performance.now() - t0;
    predCache.set(textFile, preds);
  }
  nPred += preds.length;
  nGold += gold.length;
  const goldToks = gold.map((g) => tokensIn(text, g.content));
  const predToks = preds.map((p) => tokensIn(text, [p]));
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
    matched++;
    const p = preds[pr.p];
    const g = gold[pr.g];
    if (predToks[pr.p].size === goldToks[pr.g].size && pr.f === 1) exact++;
    if (g.source.length) {
      speakerScored++;
      const sp = p.speaker;
      if (!sp) speakerNull++;
      const srcText = g.source.map((f) => text.slice(f.start, f.end).toLowerCase()).join(' ');
      const overlap = sp?.start !== undefined && g.source.some((f) => sp.start! < f.end && f.start < sp.end!);
      const nameHit = !!sp && sp.name.toLowerCase().split(/\s+/).some((w) => w.length > 2 && srcText.split(/[^\p{L}]+/u).includes(w));
      if (overlap || nameHit) speakerRight++;
      else if (errors.length < showErrors)
        errors.push(`SPEAKER ${textFile}\n  quote: ${p.text.slice(0, 100)}\n  pred: ${sp ? `${sp.name} [${sp.start !== undefined ? text.slice(sp.start, sp.end) : ''}]` : 'null'}  gold: ${srcText}`);
    }
  }
  gold.forEach((g, gi) => {
    const direct = isDirectGold(text, g);
    if (direct) goldDirect++;
    else goldIndirect++;
    if (usedG.has(gi)) {
      if (direct) goldDirectFound++;
      else goldIndirectFound++;
    } else if (errors.length < showErrors) {
      errors.push(`MISSED ${textFile}: ${g.content.map((f) => text.slice(f.start, f.end)).join(' … ').slice(0, 140)}`);
    }
  });
  preds.forEach((p, pi) => {
    if (p.kind === 'direct') predDirect++;
    else predIndirect++;
    if (usedP.has(pi)) {
      if (p.kind === 'direct') predDirectMatched++;
      else predIndirectMatched++;
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
      nested++;
      const g = gold[host];
      const sp = p.speaker;
      const srcText = g.source.map((f) => text.slice(f.start, f.end).toLowerCase()).join(' ');
      if (sp && ((sp.start !== undefined && g.source.some((f) => sp.start! < f.end && f.start < sp.end!)) || sp.name.toLowerCase().split(/\s+/).some((w) => w.length > 2 && srcText.split(/[^\p{L}]+/u).includes(w)))) nestedSpeakerOk++;
    } else if (errors.length < showErrors) {
      errors.push(`SPURIOUS ${textFile}: [${p.kind}] ${p.text.slice(0, 120)}  <- ${p.speaker?.name ?? 'null'} / ${p.cue}`);
    }
  });
}

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : 'n/a');
const f1 = (p: number, r: number) => (p + r ? ((2 * p * r) / (p + r)).toFixed(1) : 'n/a');
const P = matched / nPred;
const R = matched / nGold;
const EP = exact / nPred;
const ER = exact / nGold;
console.log(`PolNeAR dev: ${annFiles.length} annotation files, ${predCache.size} texts; entities layer: ${entitiesStep ? 'yes' : 'no (fallback names)'}`);
console.log(`gold attributions ${nGold} (direct ${goldDirect}, indirect ${goldIndirect}); predicted quotes ${nPred} (direct ${predDirect}, indirect ${predIndirect})`);
console.log(`overlap match (>=50% tokens both ways): P ${pct(matched, nPred)}  R ${pct(matched, nGold)}  F1 ${f1(100 * P, 100 * R)}`);
console.log(`lenient precision (also counting ${nested} predictions inside annotated content): ${pct(matched + nested, nPred)}; their speaker right: ${pct(nestedSpeakerOk, nested)}`);
console.log(`exact match (same word tokens):          P ${pct(exact, nPred)}  R ${pct(exact, nGold)}  F1 ${f1(100 * EP, 100 * ER)}`);
console.log(`recall by gold kind: direct ${pct(goldDirectFound, goldDirect)}  indirect ${pct(goldIndirectFound, goldIndirect)}`);
console.log(`precision by predicted kind: direct ${pct(predDirectMatched, predDirect)}  indirect ${pct(predIndirectMatched, predIndirect)}`);
console.log(`speaker accuracy on matched quotes with a gold Source: ${pct(speakerRight, speakerScored)} (${speakerRight}/${speakerScored}; speaker null ${speakerNull})`);
console.log(`time: ${ms.toFixed(0)} ms for ${predCache.size} texts (${(ms / predCache.size).toFixed(1)} ms/text)`);
if (errors.length) console.log('\n' + errors.join('\n'));
