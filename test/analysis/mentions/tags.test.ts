import { describe, expect, it } from 'vitest';
import { BILOU_TAGS, bilouFromSpans, bioFromSpans, spansFromBilou, spansFromBio } from '../../../src/analysis/mentions/ner/tags.ts';
import { EntityScorer } from '../../../src/analysis/mentions/ner/evaluate.ts';

describe('tag schemes', () => {
  it('reads IOB1 (CoNLL-2003) and IOB2 (CoNLL-2002) into the same spans', () => {
    const iob1 = ['I-PER', 'I-PER', 'O', 'I-LOC', 'B-LOC', 'I-LOC', 'O', 'I-MISC'];
    const iob2 = ['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-LOC', 'O', 'B-MISC'];
    const expected = [
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 4, end: 6, type: 'LOC' },
      { start: 7, end: 8, type: 'MISC' },
    ];
    expect(spansFromBio(iob1)).toEqual(expected);
    expect(spansFromBio(iob2)).toEqual(expected);
    expect(bioFromSpans(expected, 8)).toEqual(iob2);
  });

  it('round-trips spans through BILOU', () => {
    const spans = [
      { start: 0, end: 1, type: 'ORG' },
      { start: 2, end: 5, type: 'PER' },
      { start: 5, end: 7, type: 'PER' },
    ];
    const bilou = bilouFromSpans(spans, 8);
    expect([...bilou].map((t) => BILOU_TAGS[t])).toEqual(['U-ORG', 'O', 'B-PER', 'I-PER', 'L-PER', 'B-PER', 'L-PER', 'O']);
    expect(spansFromBilou(bilou)).toEqual(spans);
  });
});

describe('conlleval scoring', () => {
  it('counts an entity only when span and type match exactly', () => {
    const s = new EntityScorer();
    // gold: [Peter Blackburn]PER in [Brussels]LOC ; predicted: [Peter]PER [Blackburn]PER in [Brussels]ORG
    s.add(spansFromBio(['B-PER', 'I-PER', 'O', 'B-LOC']), spansFromBio(['B-PER', 'B-PER', 'O', 'B-ORG']));
    // gold: [EU]ORG ; predicted: [EU]ORG
    s.add(spansFromBio(['I-ORG', 'O']), spansFromBio(['B-ORG', 'O']));
    const { overall, types } = s.scores();
    expect(overall.gold).toBe(3);
    expect(overall.predicted).toBe(4);
    expect(overall.correct).toBe(1);
    expect(overall.precision).toBeCloseTo(0.25);
    expect(overall.recall).toBeCloseTo(1 / 3);
    expect(types.find((t) => t.type === 'PER')!.correct).toBe(0);
    expect(types.find((t) => t.type === 'ORG')!.f1).toBeCloseTo(2 / 3);
  });
});

describe('gazetteer', () => {
  it('marks the longest match of each list with BILOU positions, ignoring case and digits', async () => {
    const { Gazetteer } = await import('../../../src/analysis/mentions/ner/gazetteer.ts');
    const { normLower } = await import('../../../src/analysis/mentions/ner/wordform.ts');
    const g = new Gazetteer();
    g.add('LOC', ['New', 'York']);
    g.add('LOC', ['New', 'York', 'City']);
    g.add('ORG', ['4FM']);
    g.add('ORG', ['New', 'York', 'Times']);
    const words = ['THE', 'NEW', 'YORK', 'TIMES', 'and', '5FM', 'in', 'New', 'York'].map(normLower);
    const m = g.match(words);
    const at = (i: number, list: string) => m[i * g.names.length + g.names.indexOf(list)];
    expect([1, 2, 3].map((i) => at(i, 'ORG'))).toEqual([1, 2, 3]); // B I L
    expect([1, 2, 3].map((i) => at(i, 'LOC'))).toEqual([1, 3, 0]); // "NEW YORK" in LOC
    expect(at(5, 'ORG')).toBe(4); // U: "5FM" matches "4FM" with digits as 0
    expect([7, 8].map((i) => at(i, 'LOC'))).toEqual([1, 3]);
    expect(at(0, 'LOC') + at(4, 'ORG') + at(6, 'LOC')).toBe(0);
    const copy = Gazetteer.fromJSON(g.toJSON());
    expect(copy.match(words)).toEqual(m);
  });
});
