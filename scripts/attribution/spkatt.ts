// SpkAtt-2023 Task 1 (GePaDe: German Bundestag speeches, Rehbein et al., KONVENS 2023) as training
// documents for the attribution model, and the shared task's own scoring.
//
// Format (../shared/data/spkatt2023/doc/Dataformat_Task1_a.pdf): one JSON file per speech,
// `{Sentences: [{SentenceId, Tokens[]}], Annotations: [{Cue, Source, Message, Addr, Topic, Medium,
// Evidence, PTC}]}`, each role a list of "sentence:token" ids. The speech is rebuilt as text (tokens
// joined the way German is written: no space before a comma, inside „…“ or brackets), segmented
// and tokenised by the quotes layer like any article; each annotation becomes token sets of that
// tokenisation (Cue, Source, Message = the model's cue, source and content).
//
// Scoring (the overview paper, Rehbein et al. 2023, §5.2): system and gold cues are aligned one to
// one where their tokens overlap; every token of an aligned cue or of one of its roles counts as a
// true positive (in both), false positive (system only) or false negative (gold only); an unaligned
// system cue makes all its tokens and its roles' tokens false positives, an unaligned gold cue all
// of its tokens false negatives. Precision, recall and F1 over the summed counts, for cues, for
// roles (all seven role types), jointly, and here also per role type (Source, Message).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocContext } from '../../src/analysis/quotes/context.ts';
import { quotesLexicon } from '../../src/analysis/quotes/lexicon.ts';
import { segmentSentences } from '../../src/analysis/sentences/segment.ts';
import { DocFeatures, roleFeatures, roleWindow } from '../../src/analysis/quotes/model/features.ts';
import { FeatureBuffer, viterbi } from '../../src/analysis/quotes/model/linear.ts';
import type { AttributionModel } from '../../src/analysis/quotes/model/model.ts';
import { predictCues } from '../../src/analysis/quotes/model/predict.ts';
import type { TokenAttribution, TrainingDoc } from './data.ts';
import type { ModelScores } from './evaluate.ts';

export const SPKATT_ROLES = ['Source', 'Message', 'Addr', 'Topic', 'Medium', 'Evidence', 'PTC'] as const;
export type SpkAttRole = (typeof SPKATT_ROLES)[number];

/** One annotation as sets of SpkAtt token ids ("sentence:token"). */
export interface SpkAttAnnotation {
  Cue: string[];
  roles: Partial<Record<SpkAttRole, string[]>>;
}

export interface SpkAttDoc extends TrainingDoc {
  /** Character span of each SpkAtt token id in ctx.text. */
  spans: Map<string, [number, number]>;
  /** The gold annotations as the task gives them (every cue, with or without a message). */
  annotations: SpkAttAnnotation[];
  /** The annotation each entry of `gold` comes from. */
  goldAnnotation: number[];
}

interface RawFile {
  Sentences: { SentenceId: number; Tokens: string[] }[];
  Annotations: Record<string, string[]>[];
}

const NO_SPACE_BEFORE = /^(?:[,.;:!?%)\]}…“”]|'s|n't)$/;
const NO_SPACE_AFTER = /^[(\[{„‚]$/;
/** Marks that open or close depending on their turn: straight quotes and guillemets (»…« or «…»). */
const TOGGLES: Record<string, string> = { '"': '"', '»': '«»', '«': '«»', '›': '‹›', '‹': '‹›' };

/** The text of a tokenised document with the character span of every token id ("sentence:token"). */
export function detokenize(sentences: RawFile['Sentences'], file: string): { text: string; spans: Map<string, [number, number]> } {
  let text = '';
  const spans = new Map<string, [number, number]>();
  let glue = true;
  let prev = '';
  const open = new Set<string>();
  const seen = new Set<string>();
  for (const s of sentences) {
    if (!Array.isArray(s.Tokens) || typeof s.SentenceId !== 'number') throw new Error(`${file}: a sentence without SentenceId or Tokens`);
    s.Tokens.forEach((tok, i) => {
      if (typeof tok !== 'string' || !tok) throw new Error(`${file}: sentence ${s.SentenceId} token ${i} is empty`);
      const after = glue;
      let space = !after && !NO_SPACE_BEFORE.test(tok);
      glue = NO_SPACE_AFTER.test(tok);
      const toggle = TOGGLES[tok];
      if (toggle) {
        // an opening mark keeps the space before it and takes none after it; a closing one the reverse
        // German »…«: a first « right after sentence punctuation closes a quotation opened before
        // the text began (an excerpt that starts inside one)
        const first = !seen.has(toggle);
        seen.add(toggle);
        if (open.has(toggle) || (first && tok === '«' && /^[!?.,;…]$/.test(prev))) {
          open.delete(toggle);
          space = false;
        } else {
          open.add(toggle);
          space = !after;
          glue = true;
        }
      }
      if (space) text += ' ';
      spans.set(`${s.SentenceId}:${i}`, [text.length, text.length + tok.length]);
      text += tok;
      prev = tok;
    });
  }
  return { text, spans };
}

/** Indices of the quotes-layer tokens overlapping the SpkAtt tokens `ids` (word tokens only unless punct). */
function tokensOf(ctx: DocContext, spans: Map<string, [number, number]>, ids: string[], punct: boolean, file: string): number[] {
  const out = new Set<number>();
  for (const id of ids) {
    const sp = spans.get(id);
    if (!sp) throw new Error(`${file}: annotation names token ${id}, which the file does not have`);
    let lo = 0;
    let hi = ctx.toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ctx.toks[mid].end <= sp[0]) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < ctx.toks.length && ctx.toks[i].start < sp[1]; i++) if (punct || ctx.toks[i].kind !== 'punct') out.add(i);
  }
  return [...out].sort((a, b) => a - b);
}

/** One speech file. */
export function readSpkAttFile(path: string, lang = 'de'): SpkAttDoc {
  const lex = quotesLexicon(lang);
  if (!lex) throw new Error(`no quotes.json for language ${lang}`);
  let raw: RawFile;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as RawFile;
  } catch (e) {
    throw new Error(`${path}: not JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(raw.Sentences) || !Array.isArray(raw.Annotations)) throw new Error(`${path}: needs the fields Sentences and Annotations`);
  const { text, spans } = detokenize(raw.Sentences, path);
  const ctx = new DocContext(text, segmentSentences(text, lang), lex);
  const annotations: SpkAttAnnotation[] = [];
  const gold: TokenAttribution[] = [];
  const goldAnnotation: number[] = [];
  for (const a of raw.Annotations) {
    if (!Array.isArray(a.Cue)) throw new Error(`${path}: an annotation without a Cue list`);
    if (!a.Cue.length) continue; // the task's format check drops cue-less annotations too
    const roles: SpkAttAnnotation['roles'] = {};
    for (const r of SPKATT_ROLES) if (Array.isArray(a[r]) && a[r].length) roles[r] = a[r];
    annotations.push({ Cue: a.Cue, roles });
    const cue = tokensOf(ctx, spans, a.Cue, false, path);
    if (!cue.length) continue;
    goldAnnotation.push(annotations.length - 1);
    gold.push({ cue, source: tokensOf(ctx, spans, roles.Source ?? [], false, path), content: tokensOf(ctx, spans, roles.Message ?? [], true, path) });
  }
  return { file: path, ctx, gold, spans, annotations, goldAnnotation };
}

/** Every speech of a split folder (…/spkatt2023/train or …/dev), sorted by file name. */
export function loadSpkAtt(dir: string, lang = 'de'): SpkAttDoc[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (!files.length) throw new Error(`${dir}: no SpkAtt-2023 .json files`);
  return files.map((f) => readSpkAttFile(join(dir, f), lang));
}

/** Quotes-layer token ranges [start, end) turned into the SpkAtt token ids they cover. */
export function idsOf(doc: SpkAttDoc, start: number, end: number): string[] {
  if (end <= start) return [];
  const a = doc.ctx.toks[start].start;
  const b = doc.ctx.toks[end - 1].end;
  const out: string[] = [];
  for (const [id, [s, e]] of doc.spans) if (s < b && e > a) out.push(id);
  return out;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface SpkAttCounts {
  cue: Counts;
  roles: Counts;
  joint: Counts;
  byRole: Record<SpkAttRole, Counts>;
}

export const emptyCounts = (): SpkAttCounts => ({
  cue: { tp: 0, fp: 0, fn: 0 },
  roles: { tp: 0, fp: 0, fn: 0 },
  joint: { tp: 0, fp: 0, fn: 0 },
  byRole: Object.fromEntries(SPKATT_ROLES.map((r) => [r, { tp: 0, fp: 0, fn: 0 }])) as Record<SpkAttRole, Counts>,
});

export const prf = (c: Counts) => {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p: 100 * p, r: 100 * r, f1: p + r ? (200 * p * r) / (p + r) : 0 };
};

/** Adds one document's system annotations against its gold ones to `into` (the task's scoring, above). */
export function scoreSpkAtt(gold: SpkAttAnnotation[], sys: SpkAttAnnotation[], into: SpkAttCounts): void {
  const add = (c: Counts, g: string[], s: string[]) => {
    const gs = new Set(g);
    const ss = new Set(s);
    for (const x of ss) if (gs.has(x)) c.tp++;
    else c.fp++;
    for (const x of gs) if (!ss.has(x)) c.fn++;
  };
  const both = (c: Counts[], g: string[], s: string[]) => c.forEach((x) => add(x, g, s));
  // one-to-one cue alignment on token overlap, largest overlap first
  const pairs: { g: number; s: number; n: number }[] = [];
  gold.forEach((g, gi) => {
    const gs = new Set(g.Cue);
    sys.forEach((s, si) => {
      const n = s.Cue.filter((x) => gs.has(x)).length;
      if (n) pairs.push({ g: gi, s: si, n });
    });
  });
  pairs.sort((a, b) => b.n - a.n || a.g - b.g || a.s - b.s);
  const gOf = new Map<number, number>();
  const usedS = new Set<number>();
  for (const p of pairs) {
    if (gOf.has(p.g) || usedS.has(p.s)) continue;
    gOf.set(p.g, p.s);
    usedS.add(p.s);
  }
  const sysOf = (gi: number) => (gOf.has(gi) ? sys[gOf.get(gi)!] : null);
  gold.forEach((g, gi) => {
    const s = sysOf(gi);
    both([into.cue, into.joint], g.Cue, s?.Cue ?? []);
    for (const r of SPKATT_ROLES) both([into.roles, into.joint, into.byRole[r]], g.roles[r] ?? [], s?.roles[r] ?? []);
  });
  sys.forEach((s, si) => {
    if (usedS.has(si)) return;
    both([into.cue, into.joint], [], s.Cue);
    for (const r of SPKATT_ROLES) both([into.roles, into.joint, into.byRole[r]], [], s.roles[r] ?? []);
  });
}

/** The model's source and message around one cue, as its role stage labels them: the source span
 *  nearest the cue, the message tokens on the side of the cue with more of them (as predict.ts
 *  reads them), and a source also when no message is labelled (the task scores sources alone). */
function labelRoles(model: AttributionModel, df: DocFeatures, c0: number, c1: number): { source: [number, number] | null; content: [number, number] | null } {
  const [first, last] = roleWindow(df, c0);
  const n = last - first;
  const K = model.role.tags.K;
  roleFeatures(df, first, last, c0, c1, model.meta.features, buf);
  const em = new Float32Array(n * K);
  const tags = new Uint8Array(n);
  model.role.emissions(buf.feats, buf.offs, n, em);
  viterbi(em, n, K, model.role.masked, tags);
  const left: number[] = [];
  const right: number[] = [];
  let source: [number, number] | null = null;
  let best = Infinity;
  for (let i = 0; i < n; i++) {
    const tok = first + i;
    if (tags[i] === 3 || tags[i] === 4) {
      if (tok < c0) left.push(tok);
      else if (tok >= c1) right.push(tok);
    } else if (tags[i] === 1) {
      let j = i + 1;
      while (j < n && tags[j] === 2) j++;
      const e = first + j;
      const dist = e <= c0 ? c0 - e : tok - c1;
      if (dist < best) {
        best = dist;
        source = [tok, e];
      }
    }
  }
  const side = right.length >= left.length ? right : left;
  return { source, content: side.length ? [side[0], side[side.length - 1] + 1] : null };
}
const buf = new FeatureBuffer();

/** The model's annotations of one speech in the task's format: its own cues, or the gold cues
 *  given (the task's subtask 2, roles only). Only Source and Message are predicted. */
export function predictSpkAtt(model: AttributionModel, doc: SpkAttDoc, goldCues = false): SpkAttAnnotation[] {
  const df = new DocFeatures(doc.ctx);
  const cues = goldCues
    ? doc.gold.map((g, i) => ({ c0: g.cue[0], c1: g.cue[g.cue.length - 1] + 1, ids: doc.annotations[doc.goldAnnotation[i]].Cue }))
    : predictCues(model, df).map((c) => ({ ...c, ids: null }));
  const out: SpkAttAnnotation[] = [];
  for (const c of cues) {
    const r = labelRoles(model, df, c.c0, c.c1);
    const roles: SpkAttAnnotation['roles'] = {};
    if (r.source) roles.Source = idsOf(doc, r.source[0], r.source[1]);
    if (r.content) roles.Message = idsOf(doc, r.content[0], r.content[1]);
    out.push({ Cue: c.ids ?? idsOf(doc, c.c0, c.c1), roles });
  }
  return out;
}

/** Scores a model on speeches: the full task (its own cues) or with the gold cues given. */
export function evaluateSpkAtt(model: AttributionModel, docs: SpkAttDoc[], goldCues = false): SpkAttCounts {
  const counts = emptyCounts();
  for (const d of docs) scoreSpkAtt(d.annotations, predictSpkAtt(model, d, goldCues), counts);
  return counts;
}

/** F1 of each measure on SpkAtt-2023 (full task), rounded to 0.01 for the model card. */
export function spkAttSummary(c: SpkAttCounts): Record<'cueF1' | 'sourceF1' | 'messageF1' | 'rolesF1' | 'jointF1', number> {
  const f = (x: Counts) => Math.round(prf(x).f1 * 100) / 100;
  return { cueF1: f(c.cue), sourceF1: f(c.byRole.Source), messageF1: f(c.byRole.Message), rolesF1: f(c.roles), jointF1: f(c.joint) };
}

/** The trainer's dev scores for a German model. The epoch and the cue bias are chosen by
 *  `contentF1`, here the mean of cue, Source and Message F1 of the full task (the three things the
 *  model labels; one of them alone swings by a point or two between epochs on 515 dev cues);
 *  `contentP`/`contentR` are Message precision and recall, `sourceAcc` holds Source F1 and
 *  `exactF1` the joint F1 (all roles). */
export function spkAttDevScores(model: AttributionModel, dev: SpkAttDoc[]): ModelScores & { spkatt: ReturnType<typeof spkAttSummary> } {
  const c = evaluateSpkAtt(model, dev);
  const m = prf(c.byRole.Message);
  return { cueF1: prf(c.cue).f1, contentP: m.p, contentR: m.r, contentF1: (prf(c.cue).f1 + prf(c.byRole.Source).f1 + m.f1) / 3, exactF1: prf(c.joint).f1, sourceAcc: prf(c.byRole.Source).f1, spkatt: spkAttSummary(c) };
}
