// The quotes extractor: direct quotations (every mark style, split quotes, run-on quotes,
// partial quotes, quote-initial dashes), quotations whose marks were lost ("I don’t think …, the
// president responded."), and reported speech ("X said that …", "according to X, …",
// "volgens X …", "…, zei hij."), each with its cue and speaker. Language-neutral: all words come
// from src/lang/<code>/quotes.json. See README.md in this folder for the rules and their limits.
import type { AnalysisInput } from '../step.ts';
import type { Quote, Span } from '../../types.ts';
import { DocContext } from './context.ts';
import { findCues } from './cues.ts';
import { quotesLexicon, type Lexicon } from './lexicon.ts';
import type { Phrase } from './phrases.ts';
import { Referents, type Resolved } from './referents.ts';
import { reportedContent } from './reported.ts';
import { clauseSubjects, Discourse, locateSpeakers, type CueInfo } from './speakers.ts';
import { countWords } from '../../text/tokens.ts';
import { combine, DEFAULT_COMBINE, modelDrafts, type AttributionKind, type CombineOptions } from './attribution.ts';

export interface Draft {
  start: number;
  end: number;
  kind: 'direct' | 'indirect';
  speaker: Resolved | null;
  cue: { start: number; end: number } | null;
  /** How the quote was attributed (kept for debugging and tests; not part of the Quote). */
  via: 'adjacent' | 'sentence' | 'trailing' | 'continuation' | 'echo' | 'reported' | 'none' | 'model';
  /** The finer kind (attribution.ts): direct / indirect / mixed / belief. */
  form?: AttributionKind;
  /** The source span as written, when it differs from the speaker span (model drafts). */
  source?: { start: number; end: number } | null;
  /** 0..1: the model's cue confidence, or a fixed value per rule (see ruleConfidence). */
  confidence?: number;
  /** The attribution this quote is part of (groupAttributions). */
  group?: number;
}

interface Prev {
  unit: number;
  speaker: Resolved | null;
  cue: Draft['cue'];
  /** The quotation had lost its marks (a continuation must then speak in the first person). */
  unmarked: boolean;
}

/** Minimum words of an in-sentence quotation without any cue to be kept (speaker unknown). */
const MIN_UNATTRIBUTED_WORDS = 4;
/** Scare quotes of up to this many words need a cue in their sentence. */
const MAX_SCARE_WORDS = 2;
/** Word overlap (Jaccard) at which a cue-less quotation repeats an attributed one (pull quotes). */
const ECHO_SIMILARITY = 0.8;

/** All quotes of the article: its text with the sentences and entities layers (what the quotes step needs). */
export function extractQuotes(doc: AnalysisInput, opts: { model?: boolean; combine?: CombineOptions } = {}): Quote[] {
  const lex = quotesLexicon(doc.language);
  return extractDrafts(doc, opts).map((d) => toQuote(doc.text, d, lex));
}

/** Like extractQuotes, with how each was attributed. `combine` (benches): how rules and model merge;
 *  `model: false` runs the rules alone. */
export function extractDrafts(doc: AnalysisInput, opts: { model?: boolean; combine?: CombineOptions } = {}): Draft[] {
  const lex = quotesLexicon(doc.language);
  if (!lex || !doc.text) return [];
  const ctx = new DocContext(doc.text, doc.sentences, lex);
  const refs = new Referents(ctx, doc.entities ?? []);
  const disc = new Discourse(ctx, refs);
  const headings: readonly Span[] = doc.headings ?? [];
  const inHeading = (s: number, e: number) => headings.some((h) => s >= h.start && e <= h.end);

  const drafts: Draft[] = [];
  /** The rules' cues with a speaker, by their first token (a model draft of the same cue with no source of its own takes it). */
  const cueSpeakers = new Map<number, CueInfo>();
  /** The last unit that ended with an attributed quotation (for continuations). */
  let prev = null as Prev | null;

  // Quotation spans by where they open, searched by bisection: scanning every span for every unit
  // made an article with thousands of quotations quadratic.
  const byOpen = ctx.spans.map((_, i) => i).sort((a, b) => ctx.spans[a].open - ctx.spans[b].open || a - b);
  const opens = byOpen.map((i) => ctx.spans[i].open);
  const firstOpenAtOrAfter = (pos: number) => {
    let lo = 0;
    let hi = opens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (opens[mid] < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** Indices of the spans that open in [start, end), in index order. */
  const spansOpeningIn = (start: number, end: number) => {
    const out: number[] = [];
    for (let k = firstOpenAtOrAfter(start); k < opens.length && opens[k] < end; k++) out.push(byOpen[k]);
    return out.sort((a, b) => a - b);
  };

  for (let ui = 0; ui < ctx.units.length; ui++) {
    const unit = ctx.units[ui];
    const { first, last } = ctx.unitToks[ui];
    if (first >= last || inHeading(unit.start, unit.end)) continue;
    const para = ctx.paragraphs[unit.para];
    const k = firstOpenAtOrAfter(para.start);
    const unquotedPara = !(k < opens.length && opens[k] < para.end);
    const dashPara =
      unquotedPara && lex.quoteDashes.has(ctx.text[para.start]) && (/\s/.test(ctx.text[para.start + 1] ?? '') || lex.incisoDashes.has(ctx.text[para.start]));
    // a transcript line "PENCE: Well, look, …" (its first unit)
    const label = unquotedPara && unit.start === para.start ? speakerLabel(ctx, refs, para.start) : null;
    if (label) {
      const [s, e] = trimContent(ctx.text, label.contentStart, unit.end);
      if (e > s) {
        drafts.push({ start: s, end: e, kind: 'direct', speaker: label.speaker, cue: null, via: 'adjacent' });
        prev = { unit: ui, speaker: label.speaker, cue: null, unmarked: false };
        continue;
      }
    }

    const cues = locateSpeakers(ctx, findCues(ctx, first, last), first, last);
    resolveUnit(ctx, disc, cues, first, last);
    const live = cues.filter((c) => !c.hit.negated && c.side !== 'none');
    for (const c of live) if (c.speaker) cueSpeakers.set(c.hit.i0, c);

    const unitDrafts: Draft[] = [];
    // 1. direct quotations
    const spanIdx = spansOpeningIn(unit.start, unit.end);
    for (const qi of spanIdx) {
      const q = ctx.spans[qi];
      const qLabel = speakerLabel(ctx, refs, q.start);
      const [cs, ce] = trimContent(ctx.text, qLabel ? qLabel.contentStart : q.start, q.end);
      if (ce <= cs || inHeading(cs, ce)) continue;
      if (qLabel) {
        unitDrafts.push({ start: cs, end: ce, kind: 'direct', speaker: qLabel.speaker, cue: null, via: 'adjacent' });
        continue;
      }
      const words = countWords(ctx.text, cs, ce);
      if (isWorkTitle(ctx, q.open, first)) continue;
      const titleCase = looksLikeTitle(ctx, ctx.text.slice(cs, ce));
      const att = attributeDirect(ctx, q.open, q.close, live, first, last);
      if (att && (att.via === 'adjacent' || !titleCase)) {
        unitDrafts.push({ start: cs, end: ce, kind: 'direct', speaker: att.cue.speaker, cue: cueSpan(ctx, att.cue), via: att.via });
        continue;
      }
      if (att || titleCase || words <= MAX_SCARE_WORDS) continue;
      const opensUnit = !ctx.toks.slice(first, last).some((t) => t.kind !== 'punct' && t.end <= q.open);
      if (prev && !prev.unmarked && prev.unit === ui - 1 && opensUnit && live.length === 0) {
        unitDrafts.push({ start: cs, end: ce, kind: 'direct', speaker: prev.speaker, cue: prev.cue, via: 'continuation' });
        continue;
      }
      if (words >= MIN_UNATTRIBUTED_WORDS) unitDrafts.push({ start: cs, end: ce, kind: 'direct', speaker: null, cue: null, via: 'none' });
    }

    // 2. reported speech and quotations whose marks were lost
    for (const c of live) {
      const r = reportedContent(ctx, c, live, first, last);
      if (!r) continue;
      const [s, e] = trimContent(ctx.text, ctx.toks[r.s].start, ctx.toks[r.e - 1].end);
      if (e <= s) continue;
      const total = countWords(ctx.text, s, e);
      const marked = markedWords(ctx, s, e);
      if (total - marked < 3 || total - marked <= marked) continue;
      const lostMarks = r.trailing && marked === 0 && (dashPara || hasFirstPerson(ctx, r.s, r.e));
      unitDrafts.push({ start: s, end: e, kind: lostMarks ? 'direct' : 'indirect', speaker: c.speaker, cue: cueSpan(ctx, c), via: lostMarks ? 'trailing' : 'reported' });
    }

    // 3. a dash paragraph, or a sentence continuing a quotation whose marks were lost
    if (!unitDrafts.length && live.length === 0 && !spanIdx.length) {
      const fc = firstContentToken(ctx, first, last);
      const continuesUnmarked = prev?.unmarked && prev.unit === ui - 1 && ctx.units[ui - 1].para === unit.para && hasFirstPerson(ctx, first, last);
      const continuesDash = dashPara && prev && prev.unit === ui - 1;
      if (fc >= 0 && (continuesUnmarked || continuesDash || dashPara)) {
        const [s, e] = trimContent(ctx.text, ctx.toks[fc].start, ctx.toks[last - 1].end);
        const words = countWords(ctx.text, s, e);
        if (continuesUnmarked || continuesDash) {
          unitDrafts.push({ start: s, end: e, kind: 'direct', speaker: prev!.speaker, cue: prev!.cue, via: 'continuation' });
        } else if (words >= MIN_UNATTRIBUTED_WORDS) {
          unitDrafts.push({ start: s, end: e, kind: 'direct', speaker: null, cue: null, via: 'none' });
        }
      }
    }

    const lastDirect = unitDrafts.filter((d) => d.kind === 'direct' && d.via !== 'none').pop();
    const wasUnmarked = prev !== null && prev.unmarked;
    prev = lastDirect ? { unit: ui, speaker: lastDirect.speaker, cue: lastDirect.cue, unmarked: lastDirect.via === 'trailing' || (lastDirect.via === 'continuation' && wasUnmarked) } : null;
    // "He said:" at the end of a paragraph introduces the quotation that opens the next one
    const colonCue = ctx.toks[last - 1].text === ':' ? live.find((c) => c.hit.i1 === last - 1 || (c.side === 'right' && c.phrase!.end === last - 1)) : undefined;
    if (!lastDirect && colonCue) prev = { unit: ui, speaker: colonCue.speaker, cue: cueSpan(ctx, colonCue), unmarked: false };
    drafts.push(...unitDrafts);
  }

  echoPullQuotes(ctx.text, drafts);
  const learned = opts.model === false ? null : modelDrafts(ctx, disc, inHeading, cueSpeakers);
  const how = opts.combine ?? DEFAULT_COMBINE;
  return groupAttributions(ctx, dedupe(learned ? combine(ctx, drafts, learned, how) : drafts), how.groupContinuations, how.joinPartial);
}

/**
 * Numbers the attributions: quotes that are one attribution (one cue, one source, a content that
 * may be discontinuous) share a number. Always: a partial quotation inside the reported clause of
 * its cue (said the deal was “a disaster”). With `continuations`: also a direct quotation right
 * after a direct quotation of the same cue, in its sentence or the next one of its paragraph —
 * the parts of a split quotation (“A,” he said, “B.”) and the quotation continuing it. With
 * `joinPartial`: a quotation inside a rules' attribution's content with no cue or the same speaker.
 * Any other quote is an attribution of its own.
 */
function groupAttributions(ctx: DocContext, drafts: Draft[], continuations: boolean, joinPartial: boolean): Draft[] {
  const unitAt = (pos: number) => ctx.units.findIndex((u) => pos >= u.start && pos < u.end);
  const lastOfCue = new Map<string, Draft>();
  const heads: Draft[] = [];
  let prev: Draft | null = null;
  for (const d of drafts) {
    const key = d.cue ? `${d.cue.start}:${d.cue.end}` : null;
    const a = key === null ? undefined : lastOfCue.get(key);
    let group = -1;
    if (a) {
      const nested = (d.start >= a.start && d.end <= a.end) || (a.start >= d.start && a.end <= d.end);
      let continued = false;
      if (continuations && a === prev && a.kind === 'direct' && d.kind === 'direct' && heads[a.group!].kind === 'direct') {
        const ua = unitAt(a.end - 1);
        const ud = unitAt(d.start);
        continued = ud === ua || (ud === ua + 1 && ctx.units[ua].para === ctx.units[ud].para);
      }
      if (nested || continued) group = a.group!;
    }
    if (group < 0 && joinPartial && d.kind === 'direct') {
      // a quotation inside the content of a rules' attribution, with no cue of its own or the same
      // speaker: a partial quotation within it ("that voting fraud is “a big, big problem”",
      // “A,” he said in the speech, “B” inside his reported clause), not an attribution of its own
      const host = drafts.find(
        (h) =>
          h !== d &&
          h.via !== 'model' &&
          h.group !== undefined &&
          h.start <= d.start &&
          d.end <= h.end &&
          h.end - h.start > d.end - d.start &&
          (!d.cue || (!!d.speaker && !!h.speaker && d.speaker.ref.key === h.speaker.ref.key)),
      );
      if (host) group = host.group!;
    }
    if (group < 0) {
      group = heads.length;
      heads.push(d);
    }
    d.group = group;
    if (key !== null) lastOfCue.set(key, d);
    prev = d;
  }
  return drafts;
}

/** Resolves the speakers of a unit's cues and remembers its clause subjects, in text order. */
function resolveUnit(ctx: DocContext, disc: Discourse, cues: CueInfo[], first: number, last: number): void {
  const subjects = clauseSubjects(ctx, first, last, cues);
  const events: { phrase: Phrase; cue?: CueInfo }[] = [];
  for (const c of cues) if (c.phrase) events.push({ phrase: c.phrase, cue: c });
  for (const p of subjects) if (!events.some((e) => e.phrase.start === p.start)) events.push({ phrase: p });
  events.sort((a, b) => a.phrase.start - b.phrase.start);
  const resolved: { tok: number; res: Resolved }[] = [];
  for (const ev of events) {
    const r = disc.resolve(ev.phrase);
    if (ev.cue) {
      const rel = ev.cue.relative;
      ev.cue.speaker = r && rel !== undefined ? { ...r, start: ctx.toks[rel].start, end: ctx.toks[rel].end, via: 'pronoun', antecedent: { start: r.start, end: r.end } } : r;
    }
    if (r) {
      disc.note(r.start, r.ref, r.end);
      resolved.push({ tok: ev.phrase.start, res: r });
    }
  }
  // participles and coordinated verbs take the subject of their clause
  for (const c of cues) {
    if (c.side !== 'inherit') continue;
    const before = resolved.filter((r) => r.tok < c.hit.i0).pop();
    c.speaker = (before ?? resolved.find((r) => r.tok >= c.hit.i1))?.res ?? null;
  }
}

const LABEL_RE = /^(\p{Lu}[\p{Lu}'’.-]+(?:[ \t]+\p{Lu}[\p{Lu}'’.-]+){0,2}):[ \t]+(?=\S)/u;

/** A transcript speaker label at `pos` ("PENCE: …", "WALLACE: …"): upper-case name, colon. */
function speakerLabel(ctx: DocContext, refs: Referents, pos: number): { speaker: Resolved; contentStart: number } | null {
  const m = LABEL_RE.exec(ctx.text.slice(pos, pos + 60));
  if (!m) return null;
  const words = m[1].split(/\s+/);
  if (words.some((w) => ctx.lex.functionWords.has(w.toLowerCase()) || ctx.lex.nonNames.has(w.toLowerCase()))) return null;
  const ref = refs.byName(words);
  return { speaker: { ref, start: pos, end: pos + m[1].length, via: 'label' }, contentStart: pos + m[0].length };
}

/** The cue that attributes the quotation whose marks are at [open, close). */
function attributeDirect(ctx: DocContext, open: number, close: number, cues: CueInfo[], first: number, last: number): { cue: CueInfo; via: 'adjacent' | 'sentence' } | null {
  const toks = ctx.toks;
  let a = first;
  while (a < last && toks[a].start < close) a++;
  let b = last - 1;
  while (b >= first && toks[b].end > open) b--;
  // a. right after the quotation: “…,” he said / “…,” said Mr. X / “…,” according to X / “…” ― Name
  let x = a;
  while (x < last && /^[,:;]$/.test(toks[x].text)) x++;
  if (x < last && /^[—–―-]$/.test(toks[x].text) && !cues.some((c) => c.hit.i0 === x)) x++;
  for (const c of cues) {
    if ((c.side === 'left' && c.phrase!.start === x) || c.hit.i0 === x) return { cue: c, via: 'adjacent' };
  }
  // b. right before it: X said: “…” / antwoordde Saar: "…"
  let y = b;
  while (y >= first && /^[,:]$/.test(toks[y].text)) y--;
  for (const c of cues) {
    if (c.hit.i1 - 1 === y || (c.side === 'right' && c.phrase!.end - 1 === y)) return { cue: c, via: 'adjacent' };
  }
  // c. a cue elsewhere in the sentence: the nearest one before, else the nearest one after
  const before = cues.filter((c) => c.hit.i1 <= b + 1).pop();
  if (before) return { cue: before, via: 'sentence' };
  const after = cues.find((c) => c.hit.i0 >= a);
  return after ? { cue: after, via: 'sentence' } : null;
}

function cueSpan(ctx: DocContext, c: CueInfo): { start: number; end: number } {
  return { start: ctx.toks[c.hit.i0].start, end: ctx.toks[c.hit.i1 - 1].end };
}

/** Content offsets without surrounding blanks, a split-off comma/colon or a final period. */
function trimContent(text: string, s: number, e: number): [number, number] {
  while (s < e && /[\s,;:—–―-]/.test(text[s])) s++;
  while (e > s && /[\s,;:—–―-]/.test(text[e - 1])) e--;
  if (e > s && text[e - 1] === '.' && text[e - 2] !== '.') e--;
  return [s, e];
}

function firstContentToken(ctx: DocContext, first: number, last: number): number {
  for (let i = first; i < last; i++) if (ctx.toks[i].kind !== 'punct') return i;
  return -1;
}

/** “A Promised Land” after "book", "film", "titled" …: a title, not a quotation. */
function isWorkTitle(ctx: DocContext, open: number, first: number): boolean {
  let i = first;
  while (i < ctx.toks.length && ctx.toks[i].end <= open) i++;
  for (let k = i - 1, n = 0; k >= first && n < 3; k--, n++) {
    if (ctx.lex.workNouns.has(ctx.toks[k].lower)) return true;
  }
  return false;
}

/** "Defeating Hamas", "Contract with America": two or more words, every word but function words
 *  capitalised, no sentence punctuation at the end. */
function looksLikeTitle(ctx: DocContext, s: string): boolean {
  if (/[.!?…]$/.test(s)) return false;
  const words = s.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  if (words.length < 2) return false;
  const content = words.filter((w) => !ctx.lex.functionWords.has(w.toLowerCase()) || /^\p{Lu}/u.test(w));
  return content.length >= 2 && content.every((w) => /^[\p{Lu}\p{N}]/u.test(w));
}

function markedWords(ctx: DocContext, s: number, e: number): number {
  let n = 0;
  for (const q of ctx.spans) {
    const a = Math.max(s, q.start);
    const b = Math.min(e, q.end);
    if (b > a) n += countWords(ctx.text, a, b);
  }
  return n;
}

function hasFirstPerson(ctx: DocContext, first: number, last: number): boolean {
  for (let i = first; i < last; i++) {
    const t = ctx.toks[i];
    if (t.inQuote >= 0 || !ctx.lex.firstPerson.has(t.lower)) continue;
    // a roman numeral after a name is not "I": "Level I", "World War I"
    if (t.text === 'I' && i > first && ctx.toks[i - 1].cap && !ctx.initial[i - 1]) continue;
    return true;
  }
  return false;
}

function wordSet(text: string, d: Draft): Set<string> {
  return new Set((text.slice(d.start, d.end).toLowerCase().replace(/[-‐‑]/g, '').match(/[\p{L}\p{N}]+/gu) ?? []));
}

/** A cue-less quotation that repeats an attributed one (a pull quote or dek) gets its speaker. */
function echoPullQuotes(text: string, drafts: Draft[]): void {
  const known = drafts.filter((d) => d.kind === 'direct' && d.speaker);
  for (const d of drafts) {
    if (d.via !== 'none') continue;
    const a = wordSet(text, d);
    for (const k of known) {
      const b = wordSet(text, k);
      let inter = 0;
      for (const w of a) if (b.has(w)) inter++;
      if (inter / (a.size + b.size - inter) >= ECHO_SIMILARITY) {
        d.speaker = k.speaker;
        d.via = 'echo';
        break;
      }
    }
  }
}

function dedupe(drafts: Draft[]): Draft[] {
  drafts.sort((a, b) => a.start - b.start || a.end - b.end || (a.kind === 'direct' ? -1 : 1));
  const out: Draft[] = [];
  for (const d of drafts) {
    const dup = out.find((o) => o.start === d.start && o.end === d.end);
    if (!dup) out.push(d);
  }
  return out;
}

/** How sure each rule is: the share of its attributions that match an annotated one on PolNeAR
 *  dev (\`npm run bench:quotes\` prints the reliability table). A direct quotation next to its cue
 *  scores only 0.72 there because PolNeAR annotates a split quotation as one attribution and a
 *  partial quotation inside reported speech not on its own; echo and trailing do not occur on dev
 *  (prior values). The model's drafts carry their own calibrated confidence. */
const RULE_CONFIDENCE: Record<Draft['via'], number> = { adjacent: 0.72, sentence: 0.68, continuation: 0.62, echo: 0.6, trailing: 0.7, reported: 0.81, none: 0.74, model: 0.5 };

function toQuote(text: string, d: Draft, lex: Lexicon | null): Quote {
  const sp = d.speaker;
  const q: Quote = {
    start: d.start,
    end: d.end,
    text: text.slice(d.start, d.end),
    kind: d.kind,
    speaker: sp ? { name: sp.ref.name, entity: sp.ref.entity, start: sp.start, end: sp.end } : null,
    cue: d.cue ? text.slice(d.cue.start, d.cue.end) : null,
  };
  if (sp?.via) q.speaker!.via = sp.via;
  if (sp?.antecedent) {
    q.speaker!.antecedentStart = sp.antecedent.start;
    q.speaker!.antecedentEnd = sp.antecedent.end;
  }
  if (d.cue) {
    q.cueStart = d.cue.start;
    q.cueEnd = d.cue.end;
  }
  const belief = !!q.cue && !!lex && q.cue.toLowerCase().split(/\s+/).some((w) => lex.beliefCues.has(w));
  q.attributionKind = d.form ?? (d.kind === 'direct' ? 'direct' : belief ? 'belief' : 'indirect');
  const source = d.source !== undefined ? d.source : sp ? { start: sp.start, end: sp.end } : null;
  q.source = source ? text.slice(source.start, source.end) : null;
  if (source) {
    q.sourceStart = source.start;
    q.sourceEnd = source.end;
  }
  q.confidence = d.confidence ?? RULE_CONFIDENCE[d.via];
  q.by = d.via === 'model' ? 'model' : 'rules';
  if (d.group !== undefined) q.attribution = d.group;
  return q;
}
