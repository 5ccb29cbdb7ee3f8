// German attribution (issue 12), as support/measure/quotes-de.ts defines it:
//   npm run bench:quotes-de [-- --data DIR]
// 1. SpkAtt-2023 dev (18 Bundestag speeches): cue / Source / Message F1 of the German attribution
//    model with the shared task's scoring (token-level, cues aligned one to one), full task and with
//    the gold cues given, printed beside the published results.
// 2. REDEWIEDERGABE, each tenth sample: recall of direct and indirect speech/thought/writing by the
//    quotes layer (rules + model).
import { prf, SPKATT_ROLES, type Counts } from '../scripts/attribution/spkatt.ts';
import { measureRedewiedergabe, measureSpkAtt } from '../support/measure/quotes-de.ts';
import { requireData } from '../support/data.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--data');
const data = at >= 0 ? args[at + 1] : undefined;
if (!data) requireData('spkatt2023', 'redewiedergabe');

const f = (c: Counts) => {
  const s = prf(c);
  return `${s.p.toFixed(1).padStart(5)} ${s.r.toFixed(1).padStart(5)} ${s.f1.toFixed(1).padStart(5)}`;
};
const s = measureSpkAtt(data);
console.log(`SpkAtt-2023 dev: ${s.speeches} speeches, ${s.cues} gold cues; model ${s.model}.model.gz; ${s.ms.toFixed(0)} ms`);
console.log("scoring: the shared task's (Rehbein et al. 2023, §5.2): tokens of aligned cues and of their roles count as TP/FP/FN; P R F1");
console.log('                         full task (own cues)   gold cues given');
console.log(`  cues                   ${f(s.full.cue)}      ${'-'.padStart(17)}`);
console.log(`  Source                 ${f(s.full.byRole.Source)}      ${f(s.goldCues.byRole.Source)}`);
console.log(`  Message                ${f(s.full.byRole.Message)}      ${f(s.goldCues.byRole.Message)}`);
console.log(`  roles (all ${SPKATT_ROLES.length} types)    ${f(s.full.roles)}      ${f(s.goldCues.roles)}`);
console.log(`  joint (cues + roles)   ${f(s.full.joint)}      ${f(s.goldCues.joint)}`);
console.log('  (the model labels Source and Message only; Addr, Topic, Medium, Evidence and PTC count as misses in "roles")');
console.log(`
Published (blind TEST set, the organisers' scorer; Rehbein et al. 2023, Tables 7 and 8), F1:
  system                                   cues   roles  joint   roles, gold cues
  aehrm (Ehrmanntraut 2023, GBERT-large)   89.28  82.08  82.84   90.67
  nesasio (Bornheim et al. 2023, Llama 2)  88.92  80.38  81.33   89.10
  moiddes                                  66.77  67.78  67.69   65.76
  organisers' baseline (word list + parse) 67.81  43.32  47.56   48.86
Published on DEV (Ehrmanntraut 2023, his matching-based F1, not the task's scorer): cues 91.5, roles 82.0;
  gold cues given: Source 94.8, Message 89.9.`);

const r = measureRedewiedergabe(data);
const pct = (c: { gold: number; found: number }) => `${c.gold ? ((100 * c.found) / c.gold).toFixed(1) : 'n/a'} (${c.found}/${c.gold})`;
console.log(`
REDEWIEDERGABE, each tenth sample (${r.samples} samples, never trained on), quotes layer (rules + model), ${r.quotes} quotes:
  recall, direct:    all ${pct(r.all.direct)}   non-fiction ${pct(r.nonFiction.direct)}
  recall, indirect:  all ${pct(r.all.indirect)}   non-fiction ${pct(r.nonFiction.indirect)}`);
