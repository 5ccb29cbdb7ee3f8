// Accuracy is gated like tests: every metric pinned in bench/baseline.json is measured on the
// development data and fails when it falls below its pin (beyond float noise), or rises well above
// it (the pin must follow improvements: npm run bench:baseline -- --update).
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCURACY_GROUPS } from '../../support/measure/accuracy.ts';
import { hasData } from '../helpers/needs.ts';
import { pinOf, pinVerdict, readBaseline, UPDATE_COMMAND, type Pin } from '../../support/measure/baseline-file.ts';

const pins = readBaseline().metrics;

describe('the gate', () => {
  const pin = (value: number): Pin => ({ pin: value, what: 'a metric', command: 'npm run bench:x' });
  it('passes within the tolerances, names metric, pin, value and command when it fails', () => {
    expect(pinVerdict('m', 80.005, pin(80.01))).toBeNull();
    expect(pinVerdict('m', 80.5, pin(80.01))).toBeNull();
    expect(pinVerdict('m', 79.99, pin(80.01))).toBe('m fell: pin 80.01, measured 79.99 (a metric). Investigate: npm run bench:x');
    expect(pinVerdict('m', 80.6, pin(80.01))).toContain(`raise the pin: ${UPDATE_COMMAND}`);
    expect(pinVerdict('m', 80, undefined)).toContain('no pin');
  });
  it('pins round down to 2 decimals', () => {
    expect([pinOf(93.5149), pinOf(93.51), pinOf(100), pinOf(28.5099)]).toEqual([93.51, 93.51, 100, 28.5]);
  });
  it('every pin belongs to a measured metric', () => {
    const measured = new Set(ACCURACY_GROUPS.flatMap((g) => Object.keys(g.metrics)));
    expect(Object.keys(pins).filter((id) => !measured.has(id))).toEqual([]);
  });
});

for (const group of ACCURACY_GROUPS) {
  describe.runIf(hasData(...group.needs))(`${group.name} (${group.command})`, () => {
    let values: Record<string, number> = {};
    beforeAll(async () => {
      values = await group.measure();
    }, 600_000); // a hang guard: measuring a group takes seconds to a minute, more on a busy machine
    for (const id of Object.keys(group.metrics)) {
      it(id, () => {
        expect(values[id], `${id} was not measured`).toBeTypeOf('number');
        const verdict = pinVerdict(id, values[id], pins[id]);
        if (verdict) expect.fail(verdict);
      });
    }
  });
}
