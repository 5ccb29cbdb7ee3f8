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
export const FEATURE_VERSION = 2;

const h = hashString;
// template ids (hashed once; plain constants, looked up millions of times)
const T_BIAS = h('bias');
const T_STEM = h('stem');
const T_STEMN = h('stemN');
const T_STEMWN = h('stemWN');
const T_COMPAHEAD = h('compAhead');
const T_UNITQ = h('unitQ');
const T_WWNCLS = h('wwNcls');
const T_R_CUESTEM = h('r.cueStem');
const T_CLS = h('cls');
const T_CLSP = h('clsP');
const T_CLSN = h('clsN');
const T_CLSPN = h('clsPN');
const T_CLSCN = h('clsCN');
const T_CLSN2 = h('clsN2');
const T_CLSPP = h('clsPP');
const T_INQ = h('inq');
const T_FORM = h('form');
const T_FORMIN = h('formIn');
const T_NOUN = h('noun');
const T_NEG = h('neg');
const T_CAPINIT = h('capInit');
const T_W = h('w');
const T_WP = h('wP');
const T_WN = h('wN');
const T_WPW = h('wPw');
const T_WWN = h('wwN');
const T_SUF = h('suf');
const T_WCLSN = h('wClsN');
const T_WP2 = h('wP2');
const T_WN2 = h('wN2');
const T_LEMMA = h('lemma');
const T_CLSPW = h('clsPw');
const T_R_POS = h('r.pos');
const T_R_CLS = h('r.cls');
const T_R_POSCLS = h('r.posCls');
const T_R_INQ = h('r.inq');
const T_R_UNIT = h('r.unit');
const T_R_COMMAS = h('r.commas');
const T_R_AFTER = h('r.after');
const T_R_BEFORE = h('r.before');
const T_R_CLS2 = h('r.cls2');
const T_R_CLS3 = h('r.cls3');
const T_R_FRAME = h('r.frame');
const T_R_CUEBETWEEN = h('r.cueBetween');
const T_R_COMPBETWEEN = h('r.compBetween');
const T_R_W = h('r.w');
const T_R_WSIDE = h('r.wSide');
const T_R_CUE = h('r.cue');
const T_R_CUECLS = h('r.cueCls');
const T_R_CUEAFTER = h('r.cueAfter');
const T_R_WP = h('r.wP');
const T_R_WN = h('r.wN');
const T_R_CUEPOS = h('r.cuePos');
const T_R_MARKSIDE = h('r.markSide');
const T_R_PARA = h('r.para');
const T_R_CUEINQ = h('r.cueInq');
const T_R_SENTEND = h('r.sentEnd');
const T_R_WCUE = h('r.wCue');

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
  /** Hashed crude stem (lower-case form without -s/-es/-ed/-ing/-d): "pledged" ~ "pledges". */
  readonly stem: Uint32Array;
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
    this.stem = new Uint32Array(n);
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
      this.stem[i] = h(stemOf(t.lower));
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

/** A crude, language-blind stem: strips one common inflection ending from words of 5+ letters. */
function stemOf(w: string): string {
  if (w.length < 5) return w;
  const m = /^(.{3,}?)(?:ies|ied|ing|ed|es|s|d)$/.exec(w);
  return m ? m[1] : w;
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
  let unitQuoted = 0;
  for (let i = first; i < last; i++) if (df.mark[i]) unitQuoted = 1;
  buf.reset();
  for (let i = first; i < last; i++) {
    let compAhead = 0;
    for (let k = i + 1; k < last && k <= i + 4; k++) if (df.comp[k]) compAhead = k - i;
    buf.add(T_BIAS);
    buf.add(mix3(T_COMPAHEAD, compAhead, c(i)));
    buf.add(mix3(T_UNITQ, unitQuoted, c(i)));
    buf.add(mix(T_CLS, c(i)));
    buf.add(mix(T_CLSP, c(i - 1)));
    buf.add(mix(T_CLSN, c(i + 1)));
    buf.add(mix3(T_CLSPN, c(i - 1), c(i + 1)));
    buf.add(mix3(T_CLSCN, c(i), c(i + 1)));
    buf.add(mix3(T_CLSN2, c(i), c(i + 2)));
    buf.add(mix3(T_CLSPP, c(i - 2), c(i - 1)));
    buf.add(mix(T_INQ, toks[i].inQuote >= 0 ? 1 : 0));
    if (df.form[i]) buf.add(mix3(T_FORM, df.form[i], c(i + 1)));
    if (df.formIn[i]) buf.add(T_FORMIN);
    buf.add(mix(T_CAPINIT, (toks[i].cap ? 1 : 0) + (i === first ? 2 : 0)));
    if (opts.lexical) {
      buf.add(mix(T_W, w(i)));
      buf.add(mix(T_WP, w(i - 1)));
      buf.add(mix(T_WN, w(i + 1)));
      buf.add(mix3(T_WPW, w(i - 1), w(i)));
      buf.add(mix3(T_WWN, w(i), w(i + 1)));
      buf.add(mix(T_SUF, df.suffix[i]));
      buf.add(mix3(T_WCLSN, w(i), c(i + 1)));
      buf.add(mix3(T_CLSPW, c(i - 1), w(i)));
      buf.add(mix(T_WP2, w(i - 2)));
      buf.add(mix(T_WN2, w(i + 2)));
      if (df.lemma[i]) buf.add(mix(T_LEMMA, df.lemma[i]));
      buf.add(mix(T_STEM, df.stem[i]));
      buf.add(mix3(T_STEMN, df.stem[i], c(i + 1)));
      buf.add(mix3(T_STEMWN, df.stem[i], w(i + 1)));
      buf.add(mix3(T_WWNCLS, w(i), mix(w(i + 1), c(i + 2))));
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
    buf.add(mix(T_R_POS, mix(side, b)));
    buf.add(mix3(T_R_CLS, side, ci));
    buf.add(mix3(T_R_POSCLS, mix(side, b), ci));
    buf.add(mix3(T_R_INQ, side, (toks[i].inQuote >= 0 ? 1 : 0) + 2 * cueInq));
    buf.add(mix3(T_R_UNIT, side, du + 4));
    buf.add(mix3(T_R_COMMAS, side, mix(cnt(commas[k]), du)));
    buf.add(mix3(T_R_AFTER, side, mix(after, b < 5 ? b : 5)));
    buf.add(mix3(T_R_BEFORE, side, mix(before, b < 5 ? b : 5)));
    buf.add(mix3(T_R_CLS2, side, mix(c(i - 1), ci)));
    buf.add(mix3(T_R_CLS3, side, mix(ci, c(i + 1))));
    buf.add(mix3(T_R_FRAME, side, mix(frame, b < 4 ? b : 4)));
    buf.add(mix3(T_R_CUEBETWEEN, side, mix(cnt(cues[k]), cnt(commas[k]))));
    buf.add(mix3(T_R_COMPBETWEEN, side, mix(cnt(comps[k]), after)));
    buf.add(mix3(T_R_MARKSIDE, side, mix(cnt(marks[k]), (toks[i].inQuote >= 0 ? 1 : 0))));
    buf.add(mix3(T_R_PARA, side, df.para[i] === df.para[c0] ? 1 : 0));
    buf.add(mix3(T_R_SENTEND, side, mix(c(i + 1), du)));
    if (opts.lexical) {
      buf.add(mix3(T_R_WSIDE, side, w(i)));
      buf.add(mix(T_R_W, w(i)));
      buf.add(mix3(T_R_CUE, side, mix(cueW, b < 4 ? b : 4)));
      buf.add(mix3(T_R_CUECLS, side, mix(cueW, ci)));
      buf.add(mix3(T_R_CUEAFTER, side, mix(cueW, after)));
      buf.add(mix3(T_R_WP, side, w(i - 1)));
      buf.add(mix3(T_R_WN, side, w(i + 1)));
      buf.add(mix3(T_R_WCUE, side, mix(w(i), cueW)));
      buf.add(mix3(T_R_CUESTEM, side, mix(df.stem[c1 - 1], mix(ci, b < 4 ? b : 4))));
    }
    buf.next();
  }
}
