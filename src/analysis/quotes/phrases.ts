// Speaker phrases: the noun phrase next to a cue ("State Department spokesman Matthew Miller",
// "the president", "a senior administration official", "hij"), parsed over tokens leftwards
// (SPEAKER said) or rightwards (said SPEAKER, according to SPEAKER), and classified.
import type { DocContext, TitleMatch } from './context.ts';
import type { GramNumber } from './lexicon.ts';
import type { Gender } from '../../text/gender.ts';

export type PhraseKind = 'pronoun' | 'named' | 'role' | 'source';

export interface Phrase {
  /** Token range [start, end). */
  start: number;
  end: number;
  kind: PhraseKind;
  det: 'def' | 'indef' | null;
  /** Named: token range of the proper name ending the phrase (titles and honorifics stripped). */
  nameStart: number;
  nameEnd: number;
  /** The title in the phrase, if any ("prime minister"). */
  title: TitleMatch | null;
  /** Lower-cased, alias-normalised words before the title ("israeli", "us"). */
  qualifiers: string[];
  former: boolean;
  gender?: Gender;
  number: GramNumber;
}

const MAX_PHRASE = 10;

function isAdverb(ctx: DocContext, w: string): boolean {
  return w.length > 4 && ctx.lex.adverbSuffixes.some((s) => w.endsWith(s)) && !ctx.lex.cues.has(w);
}

/** Skips filler words (adverbs, auxiliaries) leftwards from token j-1; returns the new end (exclusive). */
export function skipFillersLeft(ctx: DocContext, j: number, floor: number): number {
  let k = j - 1;
  while (k >= floor && ctx.word(k) && !ctx.toks[k].cap && (ctx.lex.fillers.has(ctx.lower(k)) || isAdverb(ctx, ctx.lower(k)))) k--;
  return k + 1;
}

/** The speaker phrase that ends right before token `end` (exclusive), not reaching below `floor`. */
export function phraseEndingAt(ctx: DocContext, end: number, floor: number): Phrase | null {
  const k = end - 1;
  if (k < floor || !ctx.word(k)) return null;
  if (ctx.isPronoun(k)) return classify(ctx, k, end);
  let i = k;
  let headSeen = false;
  while (i >= floor && end - i <= MAX_PHRASE) {
    const title = ctx.titleEndingAt(i, floor);
    if (title) {
      i = title.start - 1;
      headSeen = true;
      continue;
    }
    if (ctx.isName(i)) {
      i--;
      headSeen = true;
      continue;
    }
    if (ctx.isParticle(i) && ctx.isName(i - 1) && ctx.isName(i + 1)) {
      i--;
      continue;
    }
    if (ctx.sourceNumber(i) || (headSeen && ctx.lex.sourceModifiers.has(ctx.lower(i)))) {
      i--;
      headSeen = true;
      continue;
    }
    if (ctx.honorificAt(i, end)) {
      i--;
      continue;
    }
    if (headSeen && ctx.isDeterminer(i)) {
      i--;
      break;
    }
    // an unlisted lower-case adjective, when a determiner follows within two words: "a well-placed source"
    // (or a possessive: "Connecticut’s tax commissioner", "The Democratic presidential nominee")
    if (headSeen && ctx.word(i) && !ctx.toks[i].cap && !ctx.isFunctionWord(i) && !ctx.lex.cues.has(ctx.lower(i))) {
      let d = i - 1;
      while (d >= floor && d >= i - 3 && ctx.word(d) && !ctx.isDeterminer(d) && !ctx.isPossessive(d) && !ctx.isFunctionWord(d)) d--;
      if (d >= floor && (ctx.isDeterminer(d) || ctx.isPossessive(d))) {
        i = d - 1;
        break;
      }
    }
    break;
  }
  const start = i + 1;
  if (start >= end) return null;
  return classify(ctx, start, end);
}

/** The speaker phrase that starts at token `start`, not reaching `ceil` (exclusive). */
export function phraseStartingAt(ctx: DocContext, start: number, ceil: number): Phrase | null {
  if (start >= ceil || !ctx.word(start)) return null;
  if (ctx.isPronoun(start)) {
    // Dutch "het" is a pronoun and an article: "meldde het Palestijnse agentschap"
    const np = ctx.isDeterminer(start) && start + 1 < ceil ? nounPhraseFrom(ctx, start, ceil) : null;
    return np ?? classify(ctx, start, start + 1);
  }
  return nounPhraseFrom(ctx, start, ceil);
}

function nounPhraseFrom(ctx: DocContext, start: number, ceil: number): Phrase | null {
  let i = start;
  if (ctx.isDeterminer(i)) i++;
  let lastHead = -1;
  let tentative = 0;
  while (i < ceil && i - start < MAX_PHRASE) {
    const hon = ctx.honorificAt(i, ceil);
    if (hon) {
      i = hon.end;
      continue;
    }
    const title = ctx.titleStartingAt(i, ceil);
    if (title) {
      i = title.end;
      lastHead = i - 1;
      tentative = 0;
      // "le président américain Donald Trump" (quotes.json qualifiersAfterTitle)
      if (ctx.lex.qualifiersAfterTitle) while (i < ceil && ctx.word(i) && !ctx.toks[i].cap && ctx.lex.qualifierAliases.has(ctx.lower(i)) && ctx.isName(i + 1)) i++;
      continue;
    }
    if (ctx.isName(i)) {
      lastHead = i;
      tentative = 0;
      const poss = ctx.isPossessive(i);
      i++;
      if (poss) lastHead = -1; // "the State Department’s readout": the head comes later
      continue;
    }
    if (ctx.isParticle(i) && lastHead === i - 1 && ctx.isName(i + 1)) {
      i++;
      continue;
    }
    if (ctx.sourceNumber(i)) {
      lastHead = i;
      tentative = 0;
      i++;
      continue;
    }
    // unlisted lower-case adjectives, only before the head: "het officiële Palestijnse persbureau"
    if (lastHead < 0 && ctx.word(i) && !ctx.toks[i].cap && !ctx.isFunctionWord(i) && !ctx.lex.cues.has(ctx.lower(i)) && tentative < 2) {
      tentative++;
      i++;
      continue;
    }
    break;
  }
  if (lastHead < 0) return null;
  return classify(ctx, start, lastHead + 1);
}

function canonQualifier(ctx: DocContext, w: string): string {
  return ctx.lex.qualifierAliases.get(w) ?? w;
}

/** Classifies the token range [start, end) as a speaker phrase, or null when it has no head. */
export function classify(ctx: DocContext, start: number, end: number): Phrase | null {
  const lex = ctx.lex;
  const head = end - 1;
  const base: Phrase = {
    start,
    end,
    kind: 'source',
    det: null,
    nameStart: -1,
    nameEnd: -1,
    title: null,
    qualifiers: [],
    former: false,
    number: 'sg',
  };
  if (end - start === 1 && ctx.isPronoun(start)) {
    const info = lex.pronouns.get(ctx.lower(start))!;
    return { ...base, kind: 'pronoun', gender: info.gender, number: info.number.includes('sg') ? 'sg' : 'pl' };
  }
  let s = start;
  if (ctx.isDeterminer(s)) {
    base.det = lex.definite.has(ctx.lower(s)) ? 'def' : 'indef';
    s++;
  }
  // the last title inside the phrase, and the name run after it
  let title: TitleMatch | null = null;
  for (let i = head; i >= s; i--) {
    const t = ctx.titleEndingAt(i, s);
    // a surname that is also a title word, after an honorific: "Mr. King"
    if (t && t.end - t.start === 1 && ctx.toks[t.start].cap && t.start > s && ctx.honorificAt(t.start - 1, t.start)) continue;
    if (t) {
      title = t;
      break;
    }
  }
  let honorGender: Gender | undefined;
  for (let i = s; i < end; i++) {
    const h = ctx.honorificAt(i, end);
    if (h) honorGender = h.gender;
  }
  base.title = title;
  base.gender = honorGender ?? title?.gender;
  const qualEnd = title ? title.start : s;
  for (let i = s; i < qualEnd; i++) {
    if (!ctx.word(i)) continue;
    const w = ctx.lower(i);
    if (lex.formerMarkers.some((f) => w === f || (f.endsWith('-') && w.startsWith(f)))) base.former = true;
    // nationality and place words qualify a role ("the Israeli leader", "de Amerikaanse president")
    else if (ctx.toks[i].cap || lex.qualifierAliases.has(w)) base.qualifiers.push(canonQualifier(ctx, w));
  }
  const headIsTitle = title !== null && title.end === end;
  const headSource = ctx.sourceNumber(head);
  if (!headIsTitle && ctx.isName(head) && !headSource) {
    // a proper name ends the phrase
    let n = head;
    while (n - 1 >= s && (ctx.isName(n - 1) || (ctx.isParticle(n - 1) && ctx.isName(n - 2))) && !(title && n - 1 < title.end) && !ctx.honorificAt(n - 1, end) && !ctx.isPossessive(n - 1)) n--;
    return { ...base, kind: 'named', nameStart: n, nameEnd: end };
  }
  if (headSource && !(headIsTitle && base.det === 'def')) {
    return { ...base, kind: 'source', number: headSource };
  }
  if (headIsTitle) return { ...base, kind: base.det === 'indef' ? 'source' : 'role' };
  return null;
}
