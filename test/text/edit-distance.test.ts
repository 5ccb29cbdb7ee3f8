import { describe, expect, it } from 'vitest';
import { editDistance, withinOneEdit } from '../../src/text/edit-distance.ts';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    expect(editDistance('kushner', 'kushner')).toBe(0);
    expect(editDistance('kushner', 'kusher')).toBe(1);
    expect(editDistance('netanyahu', 'netnayahu')).toBe(1);
    expect(editDistance('straße', 'strasse')).toBe(2);
    expect(editDistance('Israël', 'Israel')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('stops past `max` and says max + 1', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('kushner', 'kushnerov', 1)).toBe(2);
    expect(editDistance('kushner', 'kusher', 1)).toBe(1);
  });
});

describe('withinOneEdit', () => {
  it('accepts one insertion, deletion, substitution or swap', () => {
    expect(withinOneEdit('kusher', 'kushner')).toBe(true);
    expect(withinOneEdit('kushner', 'kusher')).toBe(true);
    expect(withinOneEdit('netanyahu', 'netnayahu')).toBe(true);
    expect(withinOneEdit('biden', 'bidan')).toBe(true);
    expect(withinOneEdit('kushner', 'kushnerov')).toBe(false);
    expect(withinOneEdit('netanyahu', 'natenyahu')).toBe(false);
  });

  it('agrees with editDistance on every pair of short strings', () => {
    const words = ['', 'a', 'ab', 'ba', 'abc', 'acb', 'bac', 'abd', 'abcd', 'ijs', 'ĳs', 'ß', 'ss'];
    for (const a of words) for (const b of words) expect(withinOneEdit(a, b)).toBe(editDistance(a, b) <= 1);
  });
});
