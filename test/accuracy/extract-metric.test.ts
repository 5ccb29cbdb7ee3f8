// The two extraction metrics as their benchmarks define them (Zyte evaluate.py, trafilatura
// eval_common.py), on hand-made texts: the numbers here are worked out by hand.
import { describe, expect, it } from 'vitest';
import { segmentCounts, segmentScore, shingleCounts, shingleScore, tokens } from '../../support/measure/extract.ts';

describe('Zyte shingle metric', () => {
  it('tokenises like Python \\w+ (letters, digits, _; punctuation splits)', () => {
    expect(tokens("Don't stop-me_now 3.5 naïve")).toEqual(['Don', 't', 'stop', 'me_now', '3', '5', 'naïve']);
  });
  it('counts 4-gram shingles as multisets, normalised per page', () => {
    // truth: a b c d e -> [abcd, bcde]; pred: a b c d x -> [abcd, bcdx]: tp 1, fp 1, fn 1
    expect(shingleCounts('a b c d e', 'a b c d x')).toEqual([1 / 3, 1 / 3, 1 / 3]);
    // texts shorter than 4 tokens give one shingle of all of them
    expect(shingleCounts('a b', 'a b')).toEqual([1, 0, 0]);
    expect(shingleCounts('', '')).toEqual([0, 0, 0]);
  });
  it('averages precision over pages with output, recall over all, and takes F1 of the averages', () => {
    const s = shingleScore([
      { truth: 'a b c d e', pred: 'a b c d e' }, // P 1, R 1
      { truth: 'a b c d e', pred: '' }, // no output: out of precision, recall 0
    ]);
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(0.5);
    expect(s.f1).toBeCloseTo(2 / 3, 10);
  });
});

describe('trafilatura-eval segment metric', () => {
  it('matches segments after whitespace normalisation and sums counts over pages', () => {
    const page = { with: ['first  para', 'lost one'], without: ['Share this', 'Menu'] };
    const c = segmentCounts(page, 'first\npara and more.\n\nShare this');
    expect(c).toEqual({ tp: 1, fn: 1, fp: 1, tn: 1 });
    const s = segmentScore([c, { tp: 3, fn: 0, fp: 0, tn: 2 }]);
    expect([s.precision, s.recall, s.f1]).toEqual([4 / 5, 4 / 5, 8 / 10]);
  });
});
