// Quotes benchmark on PolNeAR dev (attribution relations in US political news, brat standoff).
//   npm run bench:quotes [-- --data DIR] [-- --no-entities] [-- --errors N]
//   choices of the quotes layer, measured against its default: --rules-only (no attribution model),
//   --no-rule-indirect (drop the rules' reported speech the model did not find), --no-nested (drop
//   partial quotations inside the model's content of the same cue), --prefer-model (the model's draft
//   where both found the same reported speech), --ungrouped (score every quote on its own instead of
//   the quotes of one attribution together), --group-continuations (the parts of a split quotation
//   and its continuations as one attribution), --embedded-model-cues (keep the model's attributions
//   whose cue lies inside another attribution's content), --no-join-partial (a quotation inside a rules'
//   attribution's content with no cue or the same speaker stays an attribution of its own)
// Prints precision/recall of quote content spans (overlap and exact match), recall by kind of gold
// content, and speaker accuracy on matched quotes, as support/measure/quotes.ts defines them.
import { measureAttributionSpeed, measureQuotes, reliabilityTable } from '../support/measure/quotes.ts';
import { requireData } from '../support/data.ts';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
if (!opt('--data')) requireData('polnear');
const combine = { ruleIndirect: !args.includes('--no-rule-indirect'), nested: !args.includes('--no-nested'), preferRules: !args.includes('--prefer-model'), fillSpeakers: !args.includes('--no-fill-speakers'), groupContinuations: args.includes('--group-continuations'), embeddedModelCues: args.includes('--embedded-model-cues'), joinPartial: !args.includes('--no-join-partial') };
const c = await measureQuotes({ data: opt('--data'), entities: !args.includes('--no-entities'), errors: Number(opt('--errors') ?? 0), model: !args.includes('--rules-only'), combine, grouped: !args.includes('--ungrouped') });
const { annotationFiles, texts, entitiesLayer, ms, errors, nPred, nGold, matched, exact, goldDirect, goldDirectFound, goldIndirect, goldIndirectFound } = c;
const { predDirect, predDirectMatched, predIndirect, predIndirectMatched, nested, nestedSpeakerOk, speakerScored, speakerRight, speakerNull, sourceRight } = c;

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : 'n/a');
const f1 = (p: number, r: number) => (p + r ? ((2 * p * r) / (p + r)).toFixed(1) : 'n/a');
const P = matched / nPred;
const R = matched / nGold;
const EP = exact / nPred;
const ER = exact / nGold;
console.log(`PolNeAR dev: ${annotationFiles} annotation files, ${texts} texts; entities layer: ${entitiesLayer ? 'yes' : 'no (fallback names)'}`);
console.log(`gold attributions ${nGold} (direct ${goldDirect}, indirect ${goldIndirect}); predicted attributions ${nPred} (direct ${predDirect}, indirect ${predIndirect}) from ${c.quotes} quotes`);
console.log(`overlap match (>=50% tokens both ways): P ${pct(matched, nPred)}  R ${pct(matched, nGold)}  F1 ${f1(100 * P, 100 * R)}`);
console.log(`lenient precision (also counting ${nested} predictions inside annotated content): ${pct(matched + nested, nPred)}; their speaker right: ${pct(nestedSpeakerOk, nested)}`);
console.log(`exact match (same word tokens):          P ${pct(exact, nPred)}  R ${pct(exact, nGold)}  F1 ${f1(100 * EP, 100 * ER)}`);
console.log(`recall by gold kind: direct ${pct(goldDirectFound, goldDirect)}  indirect ${pct(goldIndirectFound, goldIndirect)}`);
console.log(`precision by predicted kind: direct ${pct(predDirectMatched, predDirect)}  indirect ${pct(predIndirectMatched, predIndirect)}`);
console.log(`speaker accuracy on matched quotes with a gold Source: ${pct(speakerRight, speakerScored)} (${speakerRight}/${speakerScored}; speaker null ${speakerNull})`);
console.log(`source span accuracy (the source as written overlaps the gold Source): ${pct(sourceRight, speakerScored)}`);
console.log(`time: ${ms.toFixed(0)} ms for ${texts} texts (${(ms / texts).toFixed(1)} ms/text)`);
// reliability of Quote.confidence: per confidence bin, the mean confidence against the share of
// those attributions that match an annotated one (their longest quote's confidence)
const rel = reliabilityTable(c.confidence);
const byFinder = (by: string, b: { lo: number; hi: number }) => c.confidence.filter((x) => x.by === by && Math.min(9, Math.floor(x.confidence * 10)) === Math.round(b.lo * 10)).length;
console.log(`confidence reliability (attributions by confidence bin: mean confidence vs observed precision); expected calibration error ${(100 * rel.ece).toFixed(1)} points`);
console.log('  bin        n  (rules/model)  confidence  precision');
for (const b of rel.bins) if (b.n) console.log(`  ${b.lo.toFixed(1)}-${b.hi.toFixed(1)}  ${String(b.n).padStart(5)}  (${byFinder('rules', b)}/${byFinder('model', b)})`.padEnd(30) + `  ${(100 * b.predicted).toFixed(1).padStart(8)}  ${(100 * b.observed).toFixed(1).padStart(9)}`);
if (errors.length) console.log('\n' + errors.join('\n'));
if (!args.includes('--rules-only')) {
  const sp = await measureAttributionSpeed({ data: opt('--data') });
  console.log(`attribution model: loaded in ${sp.loadMs.toFixed(0)} ms; ${Math.round(sp.tokensPerSecond)} tokens/s on one core (CPU time, best of 3 passes over ${sp.tokens} tokens; goal >= 50000)`);
}
