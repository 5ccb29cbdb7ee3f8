// Re-pins only the quotes metrics of bench/baseline.json (the other groups' pins stay as they are):
//   node bin/run-ts.js scripts/attribution/pin-quotes.ts
// `npm run bench:baseline -- --update` re-pins every group; this one runs the quotes group alone.
import { ACCURACY_GROUPS } from '../../support/measure/accuracy.ts';
import { pinOf, readBaseline, writeBaseline } from '../../support/measure/baseline-file.ts';

const group = ACCURACY_GROUPS.find((g) => g.name === 'quotes');
if (!group) throw new Error('support/measure/accuracy.ts has no quotes group');
const values = await group.measure();
const old = readBaseline().metrics;
const mine = Object.fromEntries(Object.entries(group.metrics).map(([id, what]) => [id, { pin: pinOf(values[id]), what, command: group.command }]));
for (const id of Object.keys(mine)) console.log(`${id.padEnd(28)} ${values[id].toFixed(2)}  (was ${old[id]?.pin ?? '-'})`);
// the file's order stays: the group's metrics where its first one stood
const next: typeof old = {};
let placed = false;
for (const [id, pin] of Object.entries(old)) {
  if (!id.startsWith('quotes.')) next[id] = pin;
  else if (!placed) {
    Object.assign(next, mine);
    placed = true;
  }
}
if (!placed) Object.assign(next, mine);
writeBaseline(next);
