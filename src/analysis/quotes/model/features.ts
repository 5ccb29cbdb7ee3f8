// Features of the attribution model, shared by the trainer (scripts/attribution) and the runtime.
// Two kinds of templates: lexical ones (the word itself, its suffix, the cue word) and
// language-neutral ones (word classes from the language's quotes.json — cue verb forms and their
// frames, complementizers, pronouns, source nouns, names, determiners — punctuation, quotation
// marks, distances, clause boundaries). A model trained with `lexical: false` uses only the
// neutral ones, so it carries over to languages without training data through their quotes.json.
import { hashString, mix, mix3 } from '../../mentions/ner/hash.ts';
import type { DocContext } from '../context.ts';
import type { FeatureBuffer } from './linear.ts';

/** Bumped whenever feature extraction changes in a way that invalidates trained weights. */
export const FEATURE_VERSION = 1;

const h = hashString;
// template ids (hashed once)
const T = Object.fromEntries(
  [
    'bias', 'cls', 'clsP', 'clsN', 'clsPN', 'clsCN', 'clsN2', 'clsPP', 'inq', 'form', 'formIn', 'noun', 'neg', 'capInit',
    'w', 'wP', 'wN', 'wPw', 'wwN', 'suf', 'wClsN', 'wP2', 'wN2', 'lemma', 'clsPw',
    'r.pos', 'r.cls', 'r.posCls', 'r.inq', 'r.unit', 'r.commas', 'r.after', 'r.before', 'r.cls2', 'r.cls3', 'r.frame', 'r.cueBetween',
    'r.compBetween', 'r.w', 'r.wSide', 'r.cue', 'r.cueCls', 'r.cueAfter', 'r.wP', 'r.wN', 'r.cuePos', 'r.markSide', 'r.para', 'r.cueInq',
    'r.sentEnd', 'r.wCue',
  ].map((n) => [n, h(n)]),
) as Record<string, number>;

const LEFT = h('L');
const RIGHT = h('R');
const IN = h('C');

/** Per-document token facts the templates read (computed once per article). */
export class DocFeatures {
  /** Hashed word class of each token (language-neutral). */
  readonly cls: Uint32Array;
  /** Hashed lower-case form. */
  readonly word: Uint32Array;
  readonly suffix: Uint32Array;
  /** Hashed cue-form description of a lexicon cue starting at the token (frames + tense), or 0. */
  readonly form: Uint32Array;
  /** Hashed lemma of that cue form, or 0. */
  readonly lemma: Uint32Array;
  /** The token is inside a multi-token lexicon cue form (not its first token). */
  readonly formIn: Uint8Array;
  /** Unit (sentence) of each token. */
  readonly unit: Int32Array;
  /** Paragraph of each token's unit. */
  readonly para: Int32Array;
  /** Token is a lexicon complementizer ("that", "dat"). */
  readonly comp: Uint8Array;
  /** Token is a clause comma or other clause punctuation. */
  readonly comma: Uint8Array;
  /** Token is a quotation mark. */
  readonly mark: Uint8Array;

  constructor(readonly ctx: DocContext) {
    const { toks, lex } = ctx;
    const n = toks.length;
    this.cls = new Uint32Array(n);
    this.word = new Uint32Array(n);
    this.suffix = new Uint32Array(n);
    this.form = new Uint32Array(n);
    this.lemma = new Uint32Array(n);
    this.formIn = new Uint8Array(n);
    this.unit = new Int32Array(n);
    this.para = new Int32Array(n);
    this.comp = new Uint8Array(n);
    this.comma = new Uint8Array(n);
    this.mark = new Uint8Array(n);
    let u = 0;
    for (let i = 0; i < n; i++) {
      const t = toks[i];
      while (u + 1 < ctx.unitToks.length && ctx.unitToks[u + 1].first <= i) u++;
      this.unit[i] = u;
      this.para[i] = ctx.units[u]?.para ?? 0;
      this.word[i] = h(t.lower);
      this.suffix[i] = h(t.lower.slice(-3));
      this.cls[i] = h(wordClass(ctx, i));
      this.comp[i] = t.kind === 'word' && lex.complementizers.has(t.lower) ? 1 : 0;
      this.comma[i] = t.kind === 'punct' && /^[,;:()—–―-]$/.test(t.text) ? 1 : 0;
      this.mark[i] = t.kind === 'punct' && lex.markChars.has(t.text) ? 1 : 0;
    }
    for (let i = 0; i < n; i++) {
      if (toks[i].kind !== 'word') continue;
      for (const f of lex.cues.get(toks[i].lower) ?? []) {
        if (i + f.tokens.length > n || !f.tokens.every((w, k) => toks[i + k].lower === w)) continue;
        this.form[i] = h(`${[...f.frames].sort().join('+')}|${f.tense ?? (f.prep ? 'prep' : '')}`);
        this.lemma[i] = h(f.lemma);
        for (let k = 1; k < f.tokens.length; k++) this.formIn[i + k] = 1;
        break;
      }
      if (!this.form[i] && lex.nounCues.has(toks[i].lower)) {
        this.form[i] = h('noun');
        this.lemma[i] = h(lex.nounCues.get(toks[i].lower)!.lemma);
      }
    }
  }
}

/** The language-neutral class of token i (from the quotes lexicon and the token's shape). */
function wordClass(ctx: DocContext, i: number): string {
  const t = ctx.toks[i];
  const lex = ctx.lex;
  if (t.kind === 'punct') {
    if (lex.markChars.has(t.text)) return 'MARK';
    if (/^[.!?…]+$/.test(t.text)) return 'END';
    return `P${t.text}`;
  }
  if (t.kind === 'num') return 'NUM';
  const w = t.lower;
  if (lex.complementizers.has(w)) return 'COMP';
  if (lex.possessivePronouns.has(w) && !lex.pronouns.has(w)) return 'POSS';
  if (lex.pronouns.has(w)) return 'PRON';
  if (lex.firstPerson.has(w)) return 'FIRST';
  if (lex.negations.has(w)) return 'NEG';
  if (lex.relativePronouns.has(w)) return 'REL';
  if (lex.auxiliaries.has(w)) return 'AUX';
  if (lex.definite.has(w)) return 'DEF';
  if (lex.indefinite.has(w)) return 'INDEF';
  if (lex.cues.has(w)) return 'CUE';
  if (lex.nounCues.has(w)) return 'NCUE';
  if (ctx.sourceNumber(i)) return 'SRC';
  if (lex.singleWordTitles.has(w)) return 'TITLE';
  if (lex.clauseOpeners.has(w)) return 'OPEN';
  if (lex.functionWords.has(w)) return 'FUNC';
  if (ctx.isName(i)) return ctx.isPossessive(i) ? 'NAMEPOS' : 'NAME';
  if (t.cap) return 'CAP';
  return 'low';
}

export interface FeatureOptions {
  lexical: boolean;
}

const bucket = (d: number) => (d <= 5 ? d : d <= 7 ? 6 : d <= 10 ? 7 : d <= 15 ? 8 : d <= 25 ? 9 : 10);
const cnt = (x: number) => (x > 3 ? 3 : x);

/** Cue-stage features of the tokens [first, last) (one unit) into buf. */
export function cueFeatures(df: DocFeatures, first: number, last: number, opts: FeatureOptions, buf: FeatureBuffer): void {
  const { cls, word } = df;
  const toks = df.ctx.toks;
  const c = (i: number) => (i >= first && i < last ? cls[i] : i < first ? 1 : 2);
  const w = (i: number) => (i >= first && i < last ? word[i] : i < first ? 1 : 2);
  buf.reset();
  for (let i = first; i < last; i++) {
    buf.add(T.bias);
    buf.add(mix(T.cls, c(i)));
    buf.add(mix(T.clsP, c(i - 1)));
    buf.add(mix(T.clsN, c(i + 1)));
    buf.add(mix3(T.clsPN, c(i - 1), c(i + 1)));
    buf.add(mix3(T.clsCN, c(i), c(i + 1)));
    buf.add(mix3(T.clsN2, c(i), c(i + 2)));
    buf.add(mix3(T.clsPP, c(i - 2), c(i - 1)));
    buf.add(mix(T.inq, toks[i].inQuote >= 0 ? 1 : 0));
    if (df.form[i]) buf.add(mix3(T.form, df.form[i], c(i + 1)));
    if (df.formIn[i]) buf.add(T.formIn);
    buf.add(mix(T.capInit, (toks[i].cap ? 1 : 0) + (i === first ? 2 : 0)));
    if (opts.lexical) {
      buf.add(mix(T.w, w(i)));
      buf.add(mix(T.wP, w(i - 1)));
      buf.add(mix(T.wN, w(i + 1)));
      buf.add(mix3(T.wPw, w(i - 1), w(i)));
      buf.add(mix3(T.wwN, w(i), w(i + 1)));
      buf.add(mix(T.suf, df.suffix[i]));
      buf.add(mix3(T.wClsN, w(i), c(i + 1)));
      buf.add(mix3(T.clsPw, c(i - 1), w(i)));
      buf.add(mix(T.wP2, w(i - 2)));
      buf.add(mix(T.wN2, w(i + 2)));
      if (df.lemma[i]) buf.add(mix(T.lemma, df.lemma[i]));
    }
    buf.next();
  }
}

/** The window of tokens a cue's roles are labelled in: its unit and the next one. */
export function roleWindow(df: DocFeatures, c0: number): [number, number] {
  const units = df.ctx.unitToks;
  const u = df.unit[c0];
  const last = u + 1 < units.length ? units[u + 1].last : units[u].last;
  return [Math.min(units[u].first, c0), Math.max(last, c0 + 1)];
}

/** Role-stage features of the tokens [first, last) relative to the cue [c0, c1) into buf. */
export function roleFeatures(df: DocFeatures, first: number, last: number, c0: number, c1: number, opts: FeatureOptions, buf: FeatureBuffer): void {
  const { cls, word } = df;
  const toks = df.ctx.toks;
  const c = (i: number) => (i >= first && i < last ? cls[i] : i < first ? 1 : 2);
  const w = (i: number) => (i >= first && i < last ? word[i] : i < first ? 1 : 2);
  const cueUnit = df.unit[c0];
  const cueInq = toks[c0].inQuote >= 0 ? 1 : 0;
  const after = c(c1);
  const before = c(c0 - 1);
  const frame = df.form[c0] || df.form[c1 - 1] || 3;
  const cueW = mix(word[c0], word[c1 - 1]);
  // running counts from the cue outwards: commas, complementizers, lexicon cues, sentence ends
  const n = last - first;
  const commas = new Int32Array(n);
  const comps = new Int32Array(n);
  const cues = new Int32Array(n);
  const marks = new Int32Array(n);
  for (let i = c0 - 1, a = 0, b = 0, d = 0, m = 0; i >= first; i--) {
    commas[i - first] = a;
    comps[i - first] = b;
    cues[i - first] = d;
    marks[i - first] = m;
    a += df.comma[i];
    b += df.comp[i];
    d += df.form[i] ? 1 : 0;
    m += df.mark[i];
  }
  for (let i = c1, a = 0, b = 0, d = 0, m = 0; i < last; i++) {
    a += df.comma[i];
    b += df.comp[i];
    m += df.mark[i];
    commas[i - first] = a;
    comps[i - first] = b;
    cues[i - first] = d;
    marks[i - first] = m;
    d += df.form[i] ? 1 : 0;
  }
  buf.reset();
  for (let i = first; i < last; i++) {
    const side = i < c0 ? LEFT : i >= c1 ? RIGHT : IN;
    const dist = i < c0 ? c0 - i : i >= c1 ? i - c1 + 1 : 0;
    const b = bucket(dist);
    const ci = cls[i];
    const k = i - first;
    const du = df.unit[i] - cueUnit;
    buf.add(mix(T['r.pos'], mix(side, b)));
    buf.add(mix3(T['r.cls'], side, ci));
    buf.add(mix3(T['r.posCls'], mix(side, b), ci));
    buf.add(mix3(T['r.inq'], side, (toks[i].inQuote >= 0 ? 1 : 0) + 2 * cueInq));
    buf.add(mix3(T['r.unit'], side, du + 4));
    buf.add(mix3(T['r.commas'], side, mix(cnt(commas[k]), du)));
    buf.add(mix3(T['r.after'], side, mix(after, b < 5 ? b : 5)));
    buf.add(mix3(T['r.before'], side, mix(before, b < 5 ? b : 5)));
    buf.add(mix3(T['r.cls2'], side, mix(c(i - 1), ci)));
    buf.add(mix3(T['r.cls3'], side, mix(ci, c(i + 1))));
    buf.add(mix3(T['r.frame'], side, mix(frame, b < 4 ? b : 4)));
    buf.add(mix3(T['r.cueBetween'], side, mix(cnt(cues[k]), cnt(commas[k]))));
    buf.add(mix3(T['r.compBetween'], side, mix(cnt(comps[k]), after)));
    buf.add(mix3(T['r.markSide'], side, mix(cnt(marks[k]), (toks[i].inQuote >= 0 ? 1 : 0))));
    buf.add(mix3(T['r.para'], side, df.para[i] === df.para[c0] ? 1 : 0));
    buf.add(mix3(T['r.sentEnd'], side, mix(c(i + 1), du)));
    if (opts.lexical) {
      buf.add(mix3(T['r.wSide'], side, w(i)));
      buf.add(mix(T['r.w'], w(i)));
      buf.add(mix3(T['r.cue'], side, mix(cueW, b < 4 ? b : 4)));
      buf.add(mix3(T['r.cueCls'], side, mix(cueW, ci)));
      buf.add(mix3(T['r.cueAfter'], side, mix(cueW, after)));
      buf.add(mix3(T['r.wP'], side, w(i - 1)));
      buf.add(mix3(T['r.wN'], side, w(i + 1)));
      buf.add(mix3(T['r.wCue'], side, mix(w(i), cueW)));
    }
    buf.next();
  }
}
