// The quotes layer on Dutch text labelled by hand (test/fixtures/quotes-nl-attributions.json): the
// passages written for issue 12 and the Dutch seed (examples/002). No Dutch training data exists;
// Dutch gets the rules plus the language-neutral attribution model. An attribution is found when a
// quote's text starts with its labelled content (or holds it); its speaker is right when the
// quote's speaker name is the labelled one (case-insensitive).
import { readFileSync } from 'node:fs';
import { extractQuotes } from '../../src/analysis/quotes/extract.ts';
import type { Quote } from '../../src/types.ts';
import { analyzedDoc } from '../analyzed-doc.ts';

export interface LabelledAttribution {
  content: string;
  cue: string | null;
  speaker: string | null;
  kind: 'direct' | 'indirect' | 'mixed' | 'belief';
}
interface Fixture {
  passages: { text: string; attributions: LabelledAttribution[] }[];
  seed002: { file: string; attributions: LabelledAttribution[] };
}

export const NL_FIXTURE = new URL('../../test/fixtures/quotes-nl-attributions.json', import.meta.url);

export function nlFixture(): Fixture {
  return JSON.parse(readFileSync(NL_FIXTURE, 'utf8')) as Fixture;
}

export interface NlScore {
  gold: number;
  found: number;
  speakerRight: number;
  kindRight: number;
  predicted: number;
  /** Predicted quotes matching no labelled attribution (passages only: the seed is not labelled exhaustively). */
  spurious: number;
}

function matchOf(qs: Quote[], a: LabelledAttribution): Quote | undefined {
  return qs.find((q) => q.text.startsWith(a.content)) ?? qs.find((q) => q.text.includes(a.content));
}

function score(s: NlScore, qs: Quote[], gold: LabelledAttribution[], exhaustive: boolean): void {
  s.gold += gold.length;
  s.predicted += qs.length;
  const used = new Set<Quote>();
  for (const a of gold) {
    const q = matchOf(qs, a);
    if (!q) continue;
    used.add(q);
    s.found++;
    if ((q.speaker?.name.toLowerCase() ?? null) === (a.speaker?.toLowerCase() ?? null)) s.speakerRight++;
    if ((q.attributionKind ?? q.kind) === a.kind) s.kindRight++;
  }
  if (exhaustive) s.spurious += qs.filter((q) => !used.has(q)).length;
}

/** Scores on the hand-written passages and on seed 002, with the model (default) or the rules alone. */
export function measureQuotesNl(opts: { model?: boolean } = {}): { passages: NlScore; seed: NlScore } {
  const fx = nlFixture();
  const empty = (): NlScore => ({ gold: 0, found: 0, speakerRight: 0, kindRight: 0, predicted: 0, spurious: 0 });
  const passages = empty();
  for (const p of fx.passages) score(passages, extractQuotes(analyzedDoc(p.text, 'nl'), { model: opts.model }), p.attributions, true);
  const seed = empty();
  const text = readFileSync(new URL(`../../examples/${fx.seed002.file}`, import.meta.url), 'utf8');
  // a first line without sentence punctuation is the headline (as test/analysis/quotes/helpers.ts reads the seeds)
  const nl = text.indexOf('\n');
  const headings = /[.!?”"]\s*$/.test(text.slice(0, nl)) ? [] : [{ start: 0, end: nl, text: text.slice(0, nl) }];
  score(seed, extractQuotes(analyzedDoc(text, 'nl', { headings }), { model: opts.model }), fx.seed002.attributions, false);
  return { passages, seed };
}
