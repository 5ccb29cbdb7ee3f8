// The learned side of the quotes layer: the attribution model's cues, sources and contents
// (model/predict.ts) turned into drafts with resolved speakers, and merged with the rules' drafts.
// The rules stay for direct quotations (where they are near perfect); the model adds reported
// speech, beliefs and intentions, noun cues and "according to" that the rules miss. See README.md.
import type { DocContext } from './context.ts';
import type { Draft } from './extract.ts';
import { attributionModel } from './model/model.ts';
import { predictAttributions, type ModelAttribution } from './model/predict.ts';
import { classify, phraseEndingAt, phraseStartingAt, type Phrase } from './phrases.ts';
import type { Resolved } from './referents.ts';
import { clauseSubjects, locateSpeakers, type CueInfo, type Discourse } from './speakers.ts';
import type { CueForm } from './lexicon.ts';

export type AttributionKind = 'direct' | 'indirect' | 'mixed' | 'belief';

/** How the merge treats the rules' drafts (the defaults are what bench/quotes.ts measured best). */
export interface CombineOptions {
  /** Keep the rules' reported-speech drafts the model did not find. */
  ruleIndirect: boolean;
  /** A rules' quote with no speaker takes the speaker of the model's same quote. */
  fillSpeakers: boolean;
  /** When rules and model find the same reported speech, keep the rules' draft (its cue and clause end). */
  preferRules: boolean;
  /** Keep a rule quotation that lies inside the model's content of the same cue (a partial quote in reported speech). */
  nested: boolean;
  /** Quotations of one cue with no other quote between them (a split quotation, its continuation
   *  in the next sentences) are one attribution; else only a quote inside another of its cue is. */
  groupContinuations: boolean;
  /** Keep the model's attributions whose cue lies inside another attribution's content. */
  embeddedModelCues: boolean;
  /** A quotation inside a rules' attribution's content, with no cue of its own or the same speaker,
   *  is part of that attribution (PolNeAR dev: F1 +0.3, direct recall unchanged). */
  joinPartial: boolean;
}
export const DEFAULT_COMBINE: CombineOptions = { ruleIndirect: true, nested: true, preferRules: true, fillSpeakers: true, groupContinuations: false, embeddedModelCues: false, joinPartial: true };

/** Share of the content's words inside quotation marks at which it is direct. */
const DIRECT_SHARE = 0.9;

/** The model's attributions as drafts, or null when the language has no model. */
export function modelDrafts(ctx: DocContext, disc: Discourse, inHeading: (s: number, e: number) => boolean, cueSpeakers: ReadonlyMap<number, CueInfo> = new Map()): Draft[] | null {
  const model = attributionModel(ctx.lex.lang);
  if (!model) return null;
  const out: Draft[] = [];
  // the language-neutral model knows no words: its cues must be cues of the language's quotes.json
  const strict = model.meta.lang !== ctx.lex.lang || model.meta.lexiconCues === true;
  for (const a of predictAttributions(model, ctx)) {
    if (strict && !lexiconCueFits(ctx, a)) continue;
    const d = toDraft(ctx, disc, a, cueSpeakers);
    if (d && !inHeading(d.start, d.end)) out.push(d);
  }
  return out;
}

function toDraft(ctx: DocContext, disc: Discourse, a: ModelAttribution, cueSpeakers: ReadonlyMap<number, CueInfo>): Draft | null {
  const toks = ctx.toks;
  let [s, e] = a.content;
  while (s < e && toks[s].kind === 'punct' && !ctx.lex.markChars.has(toks[s].text)) s++;
  while (e > s && toks[e - 1].kind === 'punct' && !ctx.lex.markChars.has(toks[e - 1].text)) e--;
  // a quotation mark opening or closing the content belongs outside it (the quotes layer's spans exclude marks)
  if (s < e && ctx.lex.markChars.has(toks[s].text)) s++;
  if (e > s && ctx.lex.markChars.has(toks[e - 1].text)) e--;
  while (e > s && toks[e - 1].kind === 'punct' && /^[,;:.]$/.test(toks[e - 1].text)) e--;
  // the reported clause starts after its complementizer ("said that the deal …": "the deal …")
  if (e - s > 1 && ctx.word(s) && ctx.lex.complementizers.has(ctx.lower(s)) && toks[s].inQuote < 0) s++;
  // a negated cue reports nothing ("did not say that …")
  for (let i = Math.max(0, a.cue[0] - 3); i < a.cue[1]; i++) if (ctx.word(i) && ctx.lex.negations.has(ctx.lower(i))) return null;
  // the clause ends at a semicolon outside quotation marks (as the rules' reported clauses do)
  for (let i = s; i < e; i++) if (toks[i].text === ';' && toks[i].inQuote < 0) e = i;
  if (e <= s || !toks.slice(s, e).some((t) => t.kind !== 'punct')) return null;
  // markup glued to the text ends the content ("angered,<a rel=…>")
  const markup = /<\/?[A-Za-z][^<>]*>?/.exec(ctx.text.slice(toks[s].start, toks[e - 1].end));
  if (markup) {
    const cut = toks[s].start + markup.index;
    while (e > s && toks[e - 1].end > cut) e--;
    while (e > s && toks[e - 1].kind === 'punct') e--;
    if (e <= s) return null;
  }
  // a noun cue ("claim", "assertion") needs its source, and not to open its clause ("His claim
  // that … was rejected": where the that-clause ends is unknown)
  const nounCue = a.cue[1] - a.cue[0] === 1 && ctx.lex.nounCues.has(ctx.lower(a.cue[0]));
  if (nounCue && (!a.source || a.cue[0] - ctx.unitToks[ctx.unitOfToken(a.cue[0])].first <= 2)) return null;
  let source = a.source ? trimSource(ctx, a.source[0], a.source[1]) : null;
  let resolved = source ? resolveSource(ctx, disc, source[0], source[1]) : null;
  if (!resolved) {
    // no source of its own (or none that resolves): the speaker the rules found for the same cue
    let rule: CueInfo | undefined;
    for (let i = a.cue[0]; i < a.cue[1] && !rule; i++) rule = cueSpeakers.get(i);
    if (rule?.speaker) {
      resolved = rule.speaker;
      if (rule.phrase) source = [rule.phrase.start, rule.phrase.end];
    } else if (!nounCue) {
      // a cue the rules do not know: its subject as the rules find one (the phrase before it,
      // inverted after it, or the subject of its clause for participles and coordinated verbs)
      const subj = cueSubject(ctx, disc, a.cue[0], a.cue[1]);
      if (subj) {
        resolved = subj.resolved;
        source = subj.span;
      }
    }
  }
  const kind = kindOf(ctx, s, e, a.cue[0], a.cue[1]);
  return {
    start: toks[s].start,
    end: toks[e - 1].end,
    kind: kind === 'direct' ? 'direct' : 'indirect',
    form: kind,
    speaker: resolved,
    cue: { start: toks[a.cue[0]].start, end: toks[a.cue[1] - 1].end },
    source: source ? { start: toks[source[0]].start, end: toks[source[1] - 1].end } : null,
    confidence: Math.round(a.confidence * 100) / 100,
    via: 'model',
  };
}

/** The speaker of a model cue the rules have no cue for, found as the rules find a cue verb's
 *  subject (speakers.ts): the phrase before it, an inverted one after it, or for a participle or a
 *  coordinated verb the latest subject of its clause before it; null when none resolves. */
function cueSubject(ctx: DocContext, disc: Discourse, c0: number, c1: number): { resolved: Resolved; span: [number, number] } | null {
  const u = ctx.unitOfToken(c0);
  const { first, last } = ctx.unitToks[u];
  if (c0 < first || c1 > last) return null;
  const words = [];
  for (let i = c0; i < c1; i++) words.push(ctx.lower(i));
  const gerund = words[0].endsWith('ing');
  const form: CueForm = { tokens: words, lemma: words.join(' '), tense: gerund ? 'gerund' : 'past', frames: new Set() };
  const [info] = locateSpeakers(ctx, [{ i0: c0, i1: c1, form, negated: false }], first, last);
  if (info.phrase) {
    const r = disc.resolve(info.phrase);
    return r ? { resolved: r, span: [info.phrase.start, info.phrase.end] } : null;
  }
  if (info.side !== 'inherit') return null;
  const subjects = clauseSubjects(ctx, first, last, [info]).filter((p) => p.end <= c0);
  for (let k = subjects.length - 1; k >= 0; k--) {
    const r = disc.resolve(subjects[k]);
    if (r) return { resolved: r, span: [subjects[k].start, subjects[k].end] };
  }
  return null;
}

/** The cue is a cue form of the lexicon whose frames allow the content where the model put it: a
 *  clause after it ("that", bare clause, a source preposition, a noun cue), or before it (trailing). */
function lexiconCueFits(ctx: DocContext, a: ModelAttribution): boolean {
  const right = a.content[0] >= a.cue[1];
  for (let i = a.cue[0]; i < a.cue[1]; i++) {
    const w = ctx.lower(i);
    if (ctx.lex.nounCues.has(w)) return right;
    for (const f of ctx.lex.cues.get(w) ?? []) {
      if (!f.tokens.every((t, k) => ctx.lower(i + k) === t)) continue;
      // a source preposition stands where the lexicon allows it: opening its clause ("Para o
      // ministro, …", content after it) or after the content ("…, segundo o ministro")
      if (f.prep) return right ? f.prep.leading && opensClause(ctx, i) : f.prep.trailing;
      if (right && (f.frames.has('that') || f.frames.has('bare'))) return true;
      if (!right && f.frames.has('trailing')) return true;
    }
  }
  return false;
}

function trimSource(ctx: DocContext, s: number, e: number): [number, number] | null {
  while (s < e && ctx.toks[s].kind === 'punct') s++;
  while (e > s && ctx.toks[e - 1].kind === 'punct') e--;
  return e > s ? [s, e] : null;
}

/** The speaker of a source span: its head phrase resolved like a rule speaker (pronouns to the
 *  latest fitting subject, roles to their holder, names to the entity); null when nothing fits. */
export function resolveSource(ctx: DocContext, disc: Discourse, s: number, e: number): Resolved | null {
  let p: Phrase | null = null;
  if (e - s === 1 && ctx.word(s) && ctx.lex.possessivePronouns.has(ctx.lower(s)) && !ctx.isPronoun(s)) {
    const info = ctx.lex.possessivePronouns.get(ctx.lower(s))!;
    p = { start: s, end: e, kind: 'pronoun', det: null, nameStart: -1, nameEnd: -1, title: null, qualifiers: [], former: false, gender: info.gender, number: info.number.includes('sg') ? 'sg' : 'pl' };
  }
  // a relative pronoun ("Donald Trump, who said", "the report, which found"): the noun phrase before it
  if (!p && e - s === 1 && ctx.word(s) && ctx.lex.relativePronouns.has(ctx.lower(s))) {
    let j = s;
    if (j > 0 && ctx.toks[j - 1].text === ',') j--;
    const floor = ctx.unitToks[ctx.unitOfToken(s)].first;
    const np = j > floor ? phraseEndingAt(ctx, j, floor) : null;
    const r = np ? disc.resolve(np) : null;
    if (!r) {
      // a noun phrase the lexicon does not know ("the documentary, which explored"): as written
      const a = antecedentPhrase(ctx, j, floor);
      if (!a) return null;
      const name = ctx.text.slice(ctx.toks[a[0]].start, ctx.toks[a[1] - 1].end);
      return { ref: { key: `src:${name.toLowerCase()}`, name, entity: null, type: null }, start: ctx.toks[s].start, end: ctx.toks[s].end, via: 'phrase', antecedent: { start: ctx.toks[a[0]].start, end: ctx.toks[a[1] - 1].end } };
    }
    return { ref: r.ref, start: ctx.toks[s].start, end: ctx.toks[s].end, via: 'pronoun', antecedent: { start: ctx.toks[np!.start].start, end: ctx.toks[np!.end - 1].end } };
  }
  if (!p) {
    // the head is the phrase the span starts with when that is a source or a role followed by more
    // ("a spokesman for the State Department", "een woordvoerder van het ministerie"), else the
    // phrase it ends with ("the State Department's spokesman")
    const lead = phraseStartingAt(ctx, s, e);
    p = (lead && lead.end < e && (lead.kind === 'source' || lead.kind === 'role') ? lead : null) ?? classify(ctx, s, e) ?? phraseEndingAt(ctx, e, s) ?? lead;
  }
  if (!p) {
    // no head the lexicon knows ("the campaign", "critics of the plan"): the phrase as written,
    // unless it ends in a word that heads no noun phrase ("that", "perhaps", "a controversial")
    const last = e - 1;
    const w = ctx.lower(last);
    const adverb = w.length > 4 && ctx.lex.adverbSuffixes.some((x) => w.endsWith(x));
    if (!ctx.word(last) || ctx.isFunctionWord(last) || ctx.isDeterminer(last) || ctx.lex.complementizers.has(w) || adverb) return null;
    const start = ctx.toks[s].start;
    const end = ctx.toks[e - 1].end;
    const name = ctx.text.slice(start, end);
    if (e - s > 8) return null;
    return { ref: { key: `src:${name.toLowerCase()}`, name, entity: null, type: null }, start, end, via: 'phrase' };
  }
  const r = disc.resolve(p);
  if (!r) return null;
  if (r.via === 'unnamed' && p.end < e) {
    // an unnamed source keeps all its words as its name: "a spokesman for the State Department"
    const name = ctx.text.slice(ctx.toks[s].start, ctx.toks[e - 1].end);
    return { ...r, ref: { ...r.ref, key: `src:${name.toLowerCase()}`, name }, start: ctx.toks[s].start, end: ctx.toks[e - 1].end };
  }
  // the speaker span is the source as the text gives it, the referent who that is
  return { ...r, start: Math.min(r.start, ctx.toks[s].start), end: Math.max(r.end, ctx.toks[e - 1].end) };
}

/** direct (the content is a quotation), mixed (partly quoted), belief (a cue of belief or
 *  intention), else indirect. */
export function kindOf(ctx: DocContext, s: number, e: number, c0: number, c1: number): AttributionKind {
  let words = 0;
  let quoted = 0;
  for (let i = s; i < e; i++) {
    const t = ctx.toks[i];
    if (t.kind === 'punct') continue;
    words++;
    if (t.inQuote >= 0) quoted++;
  }
  if (words && quoted / words >= DIRECT_SHARE) return 'direct';
  if (quoted > 0) return 'mixed';
  for (let i = c0; i < c1; i++) if (ctx.lex.beliefCues.has(ctx.lower(i))) return 'belief';
  return 'indirect';
}

/** The start offsets of the words inside `d` (tokens are in text order: a binary search finds the
 *  first, so the sets of all drafts cost their own sizes, not drafts × tokens). */
function wordSet(ctx: DocContext, d: Draft): Set<number> {
  const out = new Set<number>();
  const toks = ctx.toks;
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].start < d.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < toks.length; i++) {
    const t = toks[i];
    if (t.start >= d.end) break;
    if (t.kind !== 'punct' && t.end <= d.end) out.add(t.start);
  }
  return out;
}

/** Spans in start order, to list those that overlap or touch a range without scanning them all: one
 *  that meets [s, e] starts in [s - longest, e]. Returns their indices in ascending order, so a
 *  caller that wants the first match in list order keeps it; each caller re-checks its own condition
 *  on these candidates (a superset of the spans that can meet it), so the answers are unchanged and
 *  the cost follows the overlaps, not the product of the two lists. */
function spanIndex(spans: readonly ({ start: number; end: number } | null | undefined)[]): (s: number, e: number) => number[] {
  const order: number[] = [];
  let longest = 0;
  spans.forEach((sp, i) => {
    if (!sp) return;
    order.push(i);
    longest = Math.max(longest, sp.end - sp.start);
  });
  order.sort((a, b) => spans[a]!.start - spans[b]!.start || a - b);
  const starts = order.map((i) => spans[i]!.start);
  return (s, e) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < s - longest) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let k = lo; k < starts.length && starts[k] <= e; k++) {
      const sp = spans[order[k]]!;
      if (sp.start <= e && s <= sp.end) out.push(order[k]);
    }
    return out.sort((a, b) => a - b);
  };
}

/** Rules' drafts and the model's, merged (see CombineOptions). */
export function combine(ctx: DocContext, rules: Draft[], model: Draft[], opts: CombineOptions = DEFAULT_COMBINE): Draft[] {
  const ruleSets = rules.map((d) => wordSet(ctx, d));
  const modelSets = model.map((d) => wordSet(ctx, d));
  const out: Draft[] = [];
  const kept = new Set<Draft>();
  const replaced = new Set<number>();
  const own = attributionModel(ctx.lex.lang);
  const neutral = own?.meta.lang !== ctx.lex.lang || own?.meta.lexiconCues === true;
  // candidates by overlap (a long text can have thousands of drafts of each kind)
  const rulesAt = spanIndex(rules);
  const ruleCuesAt = spanIndex(rules.map((r) => r.cue));
  const modelAt = spanIndex(model);
  model.forEach((m, mi) => {
    const ms = modelSets[mi];
    if (!ms.size) return;
    // the same quote as a rule draft (half of the words both ways): the rules' one stays
    const same =
      rulesAt(m.start, m.end).find((ri) => {
        const rs = ruleSets[ri];
        let inter = 0;
        for (const w of rs) if (ms.has(w)) inter++;
        return inter >= rs.size / 2 && inter >= ms.size / 2;
      }) ?? -1;
    if (same >= 0 && (rules[same].kind === 'direct' || opts.preferRules)) {
      const r = rules[same];
      if (opts.fillSpeakers && !r.speaker && m.speaker) {
        r.speaker = m.speaker;
        r.source = m.source;
      }
      return;
    }
    if (same >= 0) replaced.add(same);
    const cueMates = m.cue ? ruleCuesAt(m.cue.start, m.cue.end).map((ri) => rules[ri]) : [];
    // the cue of a rule's direct quotation reports that quotation: content the model gives the
    // same cue elsewhere, without a source ("—É uma visita histórica —afirmou o embaixador …"), is misread
    if (m.cue && !m.source && cueMates.some((r) => r.kind === 'direct' && r.cue && r.cue.start < m.cue!.end && m.cue!.start < r.cue.end && (r.end <= m.start || m.end <= r.start))) return;
    // the language-neutral model (a language without its own) knows no word order: where the
    // rules, which know the language's cue frames, read the same cue, theirs is the reading
    if (neutral && m.cue && cueMates.some((r) => r.cue && r.cue.start < m.cue!.end && m.cue!.start < r.cue.end)) return;
    // a first-person source inside a quotation ("I know that …" in a quoted speech) is its speaker
    if (!m.speaker && m.source && firstPersonAt(ctx, m.source)) {
      const hostAt = rulesAt(m.source.start, m.source.end).find((ri) => {
        const r = rules[ri];
        return r.kind === 'direct' && r.speaker && r.start <= m.source!.start && m.source!.end <= r.end;
      });
      const host = hostAt === undefined ? undefined : rules[hostAt];
      if (host) m.speaker = { ...host.speaker!, start: m.source.start, end: m.source.end, via: 'pronoun', antecedent: { start: host.speaker!.start, end: host.speaker!.end } };
    }
    out.push(m);
    kept.add(m);
  });
  rules.forEach((r, ri) => {
    const rs = ruleSets[ri];
    if (r.kind === 'indirect' && !opts.ruleIndirect) return;
    if (r.kind === 'indirect' && replaced.has(ri)) return;
    const around = rs.size ? modelAt(r.start, r.end) : [];
    // a quotation the rules found no speaker for, inside the content of a model attribution with
    // one, is part of that attribution ("X argued that … “…”"): its speaker and cue
    if (opts.fillSpeakers && !r.speaker && rs.size) {
      const host =
        around.find((mi) => {
          const m = model[mi];
          if (!m.speaker || !kept.has(m)) return false;
          let inter = 0;
          for (const w of rs) if (modelSets[mi].has(w)) inter++;
          return inter / rs.size >= 0.8;
        }) ?? -1;
      if (host >= 0) {
        r.speaker = model[host].speaker;
        r.source = model[host].source;
        r.cue = model[host].cue;
      }
    }
    // a partial quotation inside the model's content of the same cue is part of that (mixed) attribution
    if (!opts.nested && r.kind === 'direct' && rs.size && r.cue) {
      const host = around.some((mi) => {
        const m = model[mi];
        if (!m.cue || m.cue.start >= r.cue!.end || r.cue!.start >= m.cue.end || !kept.has(m)) return false;
        const ms = modelSets[mi];
        let inter = 0;
        for (const w of rs) if (ms.has(w)) inter++;
        return inter / rs.size >= 0.8 && ms.size > rs.size;
      });
      if (host) return;
    }
    out.push(r);
  });
  if (opts.embeddedModelCues) return out;
  // a cue the model finds inside the content of another attribution ("… reported that a campaign
  // operative decided to change course …") is mostly a verb of the reported clause, not a nested
  // attribution (PolNeAR dev: precision +2.4, recall -0.9)
  const outAt = spanIndex(out);
  return out.filter(
    (m) =>
      m.via !== 'model' ||
      !m.cue ||
      !outAt(m.cue.start, m.cue.end).some((hi) => {
        const h = out[hi];
        return h !== m && h.cue && h.cue.start !== m.cue!.start && h.start <= m.cue!.start && m.cue!.end <= h.end;
      }),
  );
}

/** Token i opens a sentence or a clause (first of its unit, or after a comma, colon, semicolon or dash). */
function opensClause(ctx: DocContext, i: number): boolean {
  if (i === ctx.unitToks[ctx.unitOfToken(i)].first) return true;
  const prev = ctx.toks[i - 1];
  return prev !== undefined && prev.kind === 'punct' && /^[,;:(\u2013\u2014-]$/.test(prev.text);
}

/** The noun phrase ending before token `end` (a relative pronoun's antecedent) when the lexicon has
 *  no head for it: back to the clause punctuation before it, or its last determiner, at most 6 words,
 *  ending in a content word. */
function antecedentPhrase(ctx: DocContext, end: number, floor: number): [number, number] | null {
  let s = end;
  while (s > floor && end - s < 6 && ctx.toks[s - 1].kind !== 'punct') s--;
  if (s === end || (s > floor && ctx.toks[s - 1].kind !== 'punct')) {
    // no clause boundary within reach: from the last determiner
    let d = -1;
    for (let i = end - 1; i >= s; i--) if (ctx.isDeterminer(i)) {
      d = i;
      break;
    }
    if (d < 0) return null;
    s = d;
  }
  const last = end - 1;
  if (!ctx.word(last) || ctx.isFunctionWord(last) || ctx.isDeterminer(last) || ctx.isPronoun(last) || ctx.lex.complementizers.has(ctx.lower(last))) return null;
  // not the preposition or adverb before it ("primarily to wealthy Chinese citizens")
  const lead = (i: number) => ctx.word(i) && (ctx.lex.complementizers.has(ctx.lower(i)) || (ctx.isFunctionWord(i) && !ctx.isDeterminer(i)) || (ctx.lower(i).length > 4 && ctx.lex.adverbSuffixes.some((x) => ctx.lower(i).endsWith(x))));
  while (s < end && lead(s)) s++;
  return s < end ? [s, end] : null;
}

/** The source span is one first-person pronoun (I, we, ik, wij…). */
function firstPersonAt(ctx: DocContext, src: { start: number; end: number }): boolean {
  const text = ctx.text.slice(src.start, src.end).toLowerCase();
  return ctx.lex.firstPerson.has(text);
}
