// The fuzz harness shares its inputs out over worker processes, each taking every k-th input from
// the same seeded generator (scripts/fuzz.ts): input i must be the same whichever inputs are taken.
import { describe, expect, it } from 'vitest';
import { BIG_EVERY, fuzzInputs, seedFiles } from '../../support/fuzz/inputs.ts';

describe('fuzz inputs', () => {
  const seeds = seedFiles(20);
  const n = BIG_EVERY + 10;
  const all = [...fuzzInputs(7, n, seeds)];

  it('gives input i the same bytes, kind and file when the others are skipped', () => {
    expect(all.map((x) => x.index)).toEqual(Array.from({ length: n }, (_, i) => i));
    for (const [w, k] of [[0, 2], [1, 2], [2, 3]]) {
      const part = [...fuzzInputs(7, n, seeds, (i) => i % k === w)];
      expect(part.map((x) => x.index)).toEqual(all.filter((x) => x.index % k === w).map((x) => x.index));
      for (const x of part) {
        const same = all[x.index];
        expect([x.kind, x.file]).toEqual([same.kind, same.file]);
        expect(x.bytes.equals(same.bytes)).toBe(true);
      }
    }
  });

  it('makes one input in BIG_EVERY a pathological one of 100 kB or more, and keeps the rest small', () => {
    const big = all.filter((x) => x.bytes.length >= 100_000);
    expect(big.map((x) => x.index)).toEqual([BIG_EVERY / 2 - 1]);
  });
});
