// Every pinned accuracy metric (bench/baseline.json) measured now, next to its pin.
//   npm run bench:baseline              print, exit 1 when a metric falls below or rises well above its pin
//   npm run bench:baseline -- --update  rewrite bench/baseline.json with the current values (rounded down)
import { ACCURACY_GROUPS } from '../support/measure/accuracy.ts';
import { BASELINE_FILE, pinOf, pinVerdict, readBaseline, writeBaseline, type Pin } from '../support/measure/baseline-file.ts';
import { requireData } from '../support/data.ts';

requireData(...ACCURACY_GROUPS.flatMap((g) => g.needs));

const update = process.argv.includes('--update');
const pins = update ? {} : readBaseline().metrics;
const next: Record<string, Pin> = {};
let failures = 0;
for (const group of ACCURACY_GROUPS) {
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
  for (const id of Object.keys(pins)) if (!(id in next)) console.log(`pinned but no longer measured: ${id}`);
  if (failures) process.exitCode = 1;
}
