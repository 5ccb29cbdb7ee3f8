// Feature extraction for the sequence tagger. Every feature is a 32-bit key: a template id mixed
// with a hashed value. Word-level features are computed once per word form (cached); contextual and
// document-level features combine cached hashes with integer mixing, so no strings are built per
// token.
//  - stage 1: the word (form, lower case, prefixes, suffixes, shapes, capitalisation, lower-case
//    evidence, word clusters, hyphen parts), the words around it (±2), their shapes, clusters and
//    compound heads, word bigrams, headline mode, gazetteer matches, and what the document says
//    about the word elsewhere (written in lower case, capitalised mid-sentence, part of a longer
//    capitalised name, the words around its other occurrences);
//  - stage 2: what stage 1 predicted for the document (tags around the word, the labels given to
//    the same word and the same name elsewhere, the type of an adjacent name and the words between).
import { hashString, mix, mix3 } from './hash.ts';
import type { Gazetteer } from './gazetteer.ts';
import { Cap, capClass, normLower, wordShape } from './wordform.ts';
import { foldTypography } from '../../../text/fold.ts';
import { ENTITY_TYPES, N_TAGS, spansFromBilou, tagType } from './tags.ts';
import type { EntityType } from '../../../types.ts';

/** Word-level resources shipped inside a model. */
export interface Lexicon {
  /** Cluster ids of a word form (case kept, digits as 0), one id per clustering granularity. */
  clusters: Map<string, Int32Array>;
  /** Lower-case evidence bucket of a lowercased word (from unlabelled text); absent = unseen. */
  lcBucket: Map<string, number>;
  gazetteer: Gazetteer;
}

/** Per-form information, cached. */
interface TypeInfo {
  /** Features of the word at the current position. */
  base: Uint32Array;
  lower: number;
  shape: number;
  cap: Cap;
  /** Cluster hashes per granularity (0 when unclustered). */
  cls: Uint32Array;
  lc: number;
  lowerStr: string;
  /** Hashes of the last 4, 5 and 6 letters of lowercase words (heads of compounds), else 0. */
  tails: Uint32Array;
  /** First character is a letter/digit and upper case (a name-like form). */
  upper: boolean;
}

// Feature template ids (mixed into every key; changing one invalidates trained models).
const T = {
  BIAS: 1, W: 2, LW: 3, PRE: 4, SUF: 5, SHAPE: 6, SSHAPE: 7, CAP: 8, CL: 9, LC: 10, PART: 11, LEN: 12, NOCL: 13,
  CW: 20, CSH: 30, CCL: 40, CCAP: 50, CTAIL: 200,
  BIGL: 60, BIGR: 61, SH3: 62, CAP3: 63, FIRST: 64, HEAD: 65, WSHL: 66, WSHR: 67, SKIPB: 68,
  GAZ: 80, GAZL: 81, GAZR: 82,
  DOCLOW: 90, DOCRUN: 92, DOCFIRST: 93, DOCCTX: 94,
  S2P: 100, S2AGG: 110, S2ENT: 113, S2COORD: 114,
} as const;

export class FeatureExtractor {
  private cache = new Map<string, TypeInfo>();
  private buf = new Uint32Array(1 << 16);
  private len = 0;
  private readonly nGaz: number;

  constructor(private lex: Lexicon) {
    this.nGaz = lex.gazetteer.names.length;
  }

  /** Word-level information for a raw token, cached by form. */
  info(raw: string): TypeInfo {
    let ti = this.cache.get(raw);
    if (ti) return ti;
    if (this.cache.size > 500_000) this.cache.clear();
    ti = this.computeInfo(raw);
    this.cache.set(raw, ti);
    return ti;
  }

  private computeInfo(raw: string): TypeInfo {
    const w = foldTypography(raw);
    const lowerStr = normLower(w);
    const lower = hashString(lowerStr);
    const cap = capClass(w);
    const shapeStr = wordShape(w, true);
    const shape = hashString(shapeStr);
    const clIds = this.lex.clusters.get(w.replace(/[0-9]/g, '0'));
    const cls = new Uint32Array(4);
    if (clIds) for (let l = 0; l < clIds.length && l < 4; l++) cls[l] = mix(l + 1, clIds[l] + 1);
    const lc = this.lex.lcBucket.get(lowerStr) ?? 0;
    const f: number[] = [];
    f.push(mix(T.W, hashString(w)), mix(T.LW, lower), mix(T.SHAPE, hashString(wordShape(w, false))), mix(T.SSHAPE, shape));
    f.push(mix(T.CAP, cap), mix(T.LC, lc * 8 + cap), mix(T.LEN, Math.min(w.length, 12)));
    const chars = [...w];
    for (let k = 1; k <= 4 && k < chars.length; k++) f.push(mix(T.PRE * 16 + k, hashString(chars.slice(0, k).join(''))));
    for (let k = 1; k <= 5 && k < chars.length; k++) f.push(mix(T.SUF * 16 + k, hashString(chars.slice(-k).join('').toLowerCase())));
    if (clIds) {
      for (let l = 0; l < 4; l++) if (cls[l]) f.push(mix(T.CL, cls[l]));
    } else f.push(mix(T.NOCL, cap));
    const parts = lowerStr.split('-');
    if (parts.length > 1 && parts[0] && parts[parts.length - 1]) {
      f.push(mix(T.PART, hashString(parts[0])), mix(T.PART + 1000, hashString(parts[parts.length - 1])));
      const firstPart = w.split('-')[0];
      const pc = this.lex.clusters.get(firstPart.replace(/[0-9]/g, '0'));
      if (pc) f.push(mix(T.PART + 2000, pc[Math.min(1, pc.length - 1)] + 1));
    }
    const upper = cap === Cap.Initial || cap === Cap.AllCaps || cap === Cap.SingleUpper || cap === Cap.Mixed;
    const tails = new Uint32Array(3);
    if (cap === Cap.Lower) for (let k = 4; k <= 6; k++) if (lowerStr.length > k + 1) tails[k - 4] = hashString(lowerStr.slice(-k));
    return { base: Uint32Array.from(f), lower, shape, cap, cls, lc, lowerStr, upper, tails };
  }

  private push(k: number): void {
    if (this.len === this.buf.length) {
      const nb = new Uint32Array(this.buf.length * 2);
      nb.set(this.buf);
      this.buf = nb;
    }
    this.buf[this.len++] = k;
  }

  /** Pushes `k` unless already pushed since position `from`. */
  private pushUnique(k: number, from: number): void {
    for (let i = from; i < this.len; i++) if (this.buf[i] === k) return;
    this.push(k);
  }

  /** Features of the word right before (d = 1) or after (d = 3) the current one. */
  private near(c: TypeInfo | null, d: number): void {
    this.push(mix(T.CW + d, c ? c.lower : 0x5eed + d));
    this.push(mix(T.CSH + d, c ? c.shape : 0x5eed));
    this.push(mix(T.CCAP + d, c ? c.cap : 99));
    if (!c) return;
    for (let l = 0; l < 3; l++) if (c.tails[l]) this.push(mix(T.CTAIL + d * 4 + l, c.tails[l]));
    for (let l = 0; l < 4; l++) if (c.cls[l]) this.push(mix(T.CCL + d * 4 + l, c.cls[l]));
  }

  /** Stage-1 features of a document. Returns the flat keys and per-token offsets (length n + 1). */
  stage1(doc: readonly (readonly string[])[]): DocFeatures {
    this.len = 0;
    const infos: TypeInfo[][] = doc.map((s) => s.map((w) => this.info(w)));
    const stats = docStats(infos);
    const offs: number[] = [0];
    const gz = this.nGaz;
    for (let si = 0; si < doc.length; si++) {
      const sent = infos[si];
      const n = sent.length;
      const gaz = gz ? this.lex.gazetteer.match(sent.map((t) => t.lowerStr)) : null;
      const headline = isHeadline(sent);
      for (let i = 0; i < n; i++) {
        const t = sent[i];
        const p1 = i > 0 ? sent[i - 1] : null;
        const p2 = i > 1 ? sent[i - 2] : null;
        const n1 = i + 1 < n ? sent[i + 1] : null;
        const n2 = i + 2 < n ? sent[i + 2] : null;
        this.push(T.BIAS);
        for (let k = 0; k < t.base.length; k++) this.push(t.base[k]);
        // neighbouring words (d: 0 = two to the left ... 4 = two to the right)
        this.push(mix(T.CW + 0, p2 ? p2.lower : 0x5eed + 0)); // 0x5eed + d marks the sentence boundary
        this.push(mix(T.CW + 4, n2 ? n2.lower : 0x5eed + 4));
        this.near(p1, 1);
        this.near(n1, 3);
        const pl = p1 ? p1.lower : 0x5eed;
        const nl = n1 ? n1.lower : 0x5eed + 1;
        this.push(mix3(T.BIGL, pl, t.lower));
        this.push(mix3(T.BIGR, t.lower, nl));
        this.push(mix3(T.SKIPB, pl, nl));
        this.push(mix3(T.WSHL, t.lower, p1 ? p1.shape : 0));
        this.push(mix3(T.WSHR, t.lower, n1 ? n1.shape : 0));
        this.push(mix(T.SH3, mix3(p1 ? p1.shape : 1, t.shape, n1 ? n1.shape : 2)));
        this.push(mix(T.CAP3, ((p1 ? p1.cap : 9) * 16 + t.cap) * 16 + (n1 ? n1.cap : 9)));
        if (i === 0) this.push(mix(T.FIRST, t.cap * 16 + t.lc));
        if (headline) {
          this.push(mix(T.HEAD, t.lower));
          this.push(mix(T.HEAD + 1000, t.lc));
        }
        // gazetteers
        if (gaz) {
          for (let l = 0; l < gz; l++) {
            const g = gaz[i * gz + l];
            if (g) this.push(mix(T.GAZ, l * 8 + g + (t.upper ? 0 : 64)));
            if (i > 0 && gaz[(i - 1) * gz + l]) this.push(mix(T.GAZL, l * 8 + gaz[(i - 1) * gz + l]));
            if (i + 1 < n && gaz[(i + 1) * gz + l]) this.push(mix(T.GAZR, l * 8 + gaz[(i + 1) * gz + l]));
          }
        }
        // document evidence about this word's other occurrences
        if (t.upper) {
          const st = stats.get(t.lower);
          if (st) {
            const self = i > 0 && !headline && t.cap === Cap.Initial ? 1 : 0;
            const lowElsewhere = st.lower;
            const capElsewhere = st.capMid - self;
            this.push(mix(T.DOCLOW, (lowElsewhere > 0 ? 1 : 0) * 4 + (capElsewhere > 0 ? 1 : 0) * 2 + (i === 0 || headline ? 1 : 0)));
            if (st.run) this.push(mix(T.DOCRUN, st.run));
            if (st.occ.length > 1) {
              // the words around its other occurrences (context aggregation)
              const from = this.len;
              for (const [sj, j] of st.occ) {
                if (sj === si && j === i) continue;
                const os = infos[sj];
                if (j > 0) this.pushUnique(mix(T.DOCCTX, os[j - 1].lower), from);
                if (j > 1) this.pushUnique(mix(T.DOCCTX + 1, os[j - 2].lower), from);
                if (j + 1 < os.length) this.pushUnique(mix(T.DOCCTX + 2, os[j + 1].lower), from);
              }
            }
            if (i === 0 || headline) this.push(mix(T.DOCFIRST, (lowElsewhere > 0 ? 2 : 0) + (capElsewhere > 0 ? 1 : 0)));
          }
        }
        offs.push(this.len);
      }
    }
    return { feats: this.buf.slice(0, this.len), offs: Int32Array.from(offs) };
  }

  /** Stage-2 extra features from stage-1 BILOU predictions (flat over the document). */
  stage2(doc: readonly (readonly string[])[], pred: Uint8Array): DocFeatures {
    this.len = 0;
    const infos: TypeInfo[][] = doc.map((s) => s.map((w) => this.info(w)));
    // label histogram per lower form, and per predicted entity string, over the document
    const hist = new Map<number, Int32Array>();
    const spanHist = new Map<number, Int32Array>();
    const sentSpans: { start: number; end: number; type: number; key: number }[][] = [];
    let k = 0;
    for (const sent of infos) {
      for (const t of sent) {
        if (t.upper) {
          let h = hist.get(t.lower);
          if (!h) hist.set(t.lower, (h = new Int32Array(5)));
          h[tagType(pred[k]) + 1]++;
        }
        k++;
      }
    }
    k = 0;
    for (const sent of infos) {
      const spans = spansFromBilou(pred.subarray(k, k + sent.length)).map((sp) => {
        let key = 0x51;
        for (let j = sp.start; j < sp.end; j++) key = mix(key, sent[j].lower);
        const type = ENTITY_TYPES.indexOf(sp.type as EntityType);
        let h = spanHist.get(key);
        if (!h) spanHist.set(key, (h = new Int32Array(4)));
        h[type]++;
        return { start: sp.start, end: sp.end, type, key };
      });
      sentSpans.push(spans);
      k += sent.length;
    }
    const offs: number[] = [0];
    k = 0;
    infos.forEach((sent, si) => {
      const n = sent.length;
      const spans = sentSpans[si];
      let sp = 0;
      for (let i = 0; i < n; i++, k++) {
        const t = sent[i];
        const pp = i > 0 ? pred[k - 1] : N_TAGS;
        const pn = i + 1 < n ? pred[k + 1] : N_TAGS + 1;
        this.push(mix(T.S2P, pred[k]));
        this.push(mix(T.S2P + 1, pp));
        this.push(mix(T.S2P + 2, pn));
        this.push(mix(T.S2P + 3, pp * 32 + pn));
        this.push(mix(T.S2P + 4, i > 1 ? pred[k - 2] : N_TAGS));
        this.push(mix(T.S2P + 5, i + 2 < n ? pred[k + 2] : N_TAGS + 1));
        if (t.upper) {
          const h = hist.get(t.lower)!;
          const own = tagType(pred[k]) + 1;
          let total = 0;
          for (let c = 0; c < 5; c++) total += h[c] - (c === own ? 1 : 0);
          if (total > 0) {
            for (let c = 0; c < 5; c++) {
              const cnt = h[c] - (c === own ? 1 : 0);
              if (!cnt) continue;
              const frac = cnt / total;
              const b = frac >= 0.999 ? 3 : frac >= 0.5 ? 2 : 1;
              this.push(mix(T.S2AGG, c * 4 + b));
            }
          }
        }
        // the predicted entity this token is in: how the same string was labelled elsewhere
        while (sp < spans.length && spans[sp].end <= i) sp++;
        const cur = sp < spans.length && spans[sp].start <= i ? spans[sp] : null;
        if (cur) {
          const h = spanHist.get(cur.key)!;
          for (let c = 0; c < 4; c++) {
            const cnt = h[c] - (c === cur.type ? 1 : 0);
            if (cnt > 0) this.push(mix(T.S2ENT, c * 2 + (c === cur.type ? 1 : 0)));
          }
        }
        // nearest predicted entity on each side, with the words in between ("Sabena en Swissair")
        if (t.upper) {
          const left = spans.filter((s) => s.end <= i && i - s.end <= 2 && (!cur || s !== cur)).pop();
          if (left) {
            let gap = 0x77;
            for (let j = left.end; j < i; j++) gap = mix(gap, sent[j].lower);
            this.push(mix3(T.S2COORD, gap, left.type));
          }
          const right = spans.find((s) => s.start > i && s.start - i <= 3 && (!cur || s.start >= cur.end));
          if (right) {
            let gap = 0x78;
            for (let j = (cur ? cur.end : i + 1); j < right.start; j++) gap = mix(gap, sent[j].lower);
            this.push(mix3(T.S2COORD + 1, gap, right.type));
          }
        }
        offs.push(this.len);
      }
    });
    return { feats: this.buf.slice(0, this.len), offs: Int32Array.from(offs) };
  }
}

export interface DocFeatures {
  feats: Uint32Array;
  offs: Int32Array;
}

interface FormStats {
  /** Occurrences written all lower case. */
  lower: number;
  /** Occurrences capitalised in mid-sentence (not first, not in a headline). */
  capMid: number;
  /** Bits: seen as first (1), middle (2), last (4) word of a run of 2+ capitalised words. */
  run: number;
  /** Positions [sentence, token] of capitalised occurrences (at most 12). */
  occ: [number, number][];
}

function isHeadline(sent: readonly TypeInfo[]): boolean {
  let letters = 0;
  let caps = 0;
  for (const t of sent) {
    if (t.cap === Cap.Punct || t.cap === Cap.Digit) continue;
    letters++;
    if (t.cap === Cap.AllCaps || t.cap === Cap.SingleUpper) caps++;
  }
  return letters >= 2 && caps / letters > 0.6;
}

function docStats(infos: TypeInfo[][]): Map<number, FormStats> {
  const stats = new Map<number, FormStats>();
  const get = (h: number) => {
    let s = stats.get(h);
    if (!s) stats.set(h, (s = { lower: 0, capMid: 0, run: 0, occ: [] }));
    return s;
  };
  infos.forEach((sent, si) => {
    const headline = isHeadline(sent);
    for (let i = 0; i < sent.length; i++) {
      const t = sent[i];
      if (t.upper) {
        const o = get(t.lower).occ;
        if (o.length < 12) o.push([si, i]);
      }
      if (t.cap === Cap.Lower) get(t.lower).lower++;
      else if (t.cap === Cap.Initial && i > 0 && !headline) get(t.lower).capMid++;
    }
    if (headline) return;
    // runs of capitalised words
    for (let i = 0; i < sent.length; ) {
      if (sent[i].cap !== Cap.Initial) {
        i++;
        continue;
      }
      let j = i;
      while (j < sent.length && sent[j].cap === Cap.Initial) j++;
      if (j - i >= 2) {
        get(sent[i].lower).run |= 1;
        for (let m = i + 1; m < j - 1; m++) get(sent[m].lower).run |= 2;
        get(sent[j - 1].lower).run |= 4;
      }
      i = j;
    }
  });
  return stats;
}
