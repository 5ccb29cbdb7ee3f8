// The quotes layer on Dutch text labelled by hand (support/measure/quotes-nl.ts): rules alone and
// rules + the language-neutral attribution model.
//   npm run bench:quotes-nl
import { measureQuotesNl, type NlScore } from '../support/measure/quotes-nl.ts';

const line = (name: string, s: NlScore, spurious: boolean) =>
  `  ${name.padEnd(22)} found ${s.found}/${s.gold}, speaker right ${s.speakerRight}/${s.found}, kind right ${s.kindRight}/${s.found}${spurious ? `, spurious ${s.spurious} of ${s.predicted}` : ''}`;
for (const model of [false, true]) {
  const r = measureQuotesNl({ model });
  console.log(model ? 'rules + neutral attribution model:' : 'rules alone:');
  console.log(line('hand-labelled passages', r.passages, true));
  console.log(line('seed 002', r.seed, false));
}
