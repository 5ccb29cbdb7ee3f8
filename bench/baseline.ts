// Every pinned accuracy metric (bench/baseline.json) measured now, next to its pin.
//   npm run bench:baseline              print, exit 1 when a metric falls below or rises well above its pin
//   npm run bench:baseline -- --update  rewrite bench/baseline.json with the current values (rounded down)
//   npm run bench:baseline -- --group extraction [--update]  only the groups whose name contains the word
import { ACCURACY_GROUPS } from '../support/measure/accuracy.ts';
import { BASELINE_FILE, pinOf, pinVerdict, readBaseline, writeBaseline, type Pin } from '../support/measure/baseline-file.ts';
import { requireData } from '../support/data.ts';

const at = process.argv.indexOf('--group');
const only = at > 0 ? process.argv[at + 1] : undefined;
if (at > 0 && !only) throw new Error('--group needs a word of a group name (e.g. --group extraction)');
const groups = ACCURACY_GROUPS.filter((g) => !only || g.name.includes(only));
if (!groups.length) throw new Error(`no metric group's name contains "${only}" (groups: ${ACCURACY_GROUPS.map((g) => g.name).join('; ')})`);
requireData(...groups.flatMap((g) => g.needs));

const update = process.argv.includes('--update');
const pins = readBaseline().metrics;
// with --group, the other groups' pins are kept as they are
const next: Record<string, Pin> = only ? { ...pins } : {};
let failures = 0;
for (const group of groups) {
  const t0 = performance.now();
  const values = await group.measure();
  console.log(`== ${group.name}  (${((performance.now() - t0) / 1000).toFixed(1)} s; ${group.command})`);
  for (const [id, what] of Object.entries(group.metrics)) {
    const value = values[id];
    next[id] = { pin: pinOf(value), what, command: group.command };
    if (update) {
      console.log(`  ${id.padEnd(36)} ${value.toFixed(2).padStart(6)}  pinned ${next[id].pin}`);
      continue;
    }
    const verdict = pinVerdict(id, value, pins[id]);
    if (verdict) failures++;
    console.log(`  ${id.padEnd(36)} ${value.toFixed(2).padStart(6)}  pin ${String(pins[id]?.pin ?? '-').padStart(6)}  ${verdict ? `FAIL ${verdict}` : 'ok'}`);
  }
}
if (update) {
  writeBaseline(next);
  console.log(`wrote ${BASELINE_FILE}`);
} else {
  if (!only) for (const id of Object.keys(pins)) if (!(id in next)) console.log(`pinned but no longer measured: ${id}`);
  if (failures) process.exitCode = 1;
}
