// Source comparison on the examples: figures side by side by what they count (across languages),
// the voice of claims and loaded terms, who each source quotes, and what each leaves out.
import { beforeAll, describe, expect, it } from 'vitest';
import { compareArticles, quotedSpeakers } from '../../../src/corpus/stories/compare.ts';
import { figureRows, type FigureRowView } from '../../../src/corpus/stories/figures.ts';
import { loadedTermUses, voiceOf } from '../../../src/corpus/stories/voice.ts';
import { segmentSentences } from '../../../src/analysis/sentences/segment.ts';
import type { AnalyzedArticle } from '../../../src/types.ts';
import { exampleDocs } from './examples.ts';

let docs: AnalyzedArticle[];
let rows: FigureRowView[];
const row = (key: string) => rows.find((r) => r.key === key);

beforeAll(async () => {
  docs = await exampleDocs();
  rows = figureRows(docs);
});

describe('figures compared across sources and languages', () => {
  it('puts the Palestinian death tolls side by side: 57,500 (nl, attributed) and 66,000 (en, asserted, September 2025)', () => {
    const r = row('palestinians killed')!;
    expect(r.label).toBe('Palestinians killed');
    const nl = r.claims.find((c) => c.value === 57_500)!;
    const en = r.claims.find((c) => c.value === 66_000)!;
    expect(nl).toMatchObject({ language: 'nl', qualifier: 'more-than', countsKey: 'palestinians killed', asOf: null, articleId: docs[2].id });
    expect(nl.voice).toMatchObject({ voice: 'attributed', cue: 'geregistreerd' });
    expect(nl.evidence.text).toBe('meer dan 57.500');
    // "killing more than 66,000 people" in Gaza: people in Gaza are counted with the Palestinians.
    expect(en).toMatchObject({ language: 'en', qualifier: 'more-than', counts: 'people killed', asOf: '2025-09-29', articleId: docs[3].id });
    expect(en.place).toEqual({ key: 'loc:gaza-strip', name: 'Gaza Strip' });
    expect(en.voice.voice).toBe('asserted');
    // The experts' estimate of the real toll is in the row; the 17 killed in one strike in Deir al Balah is not.
    expect(r.claims.map((c) => c.value).sort((a, b) => a - b)).toEqual([57_500, 66_000, 200_000]);
    expect(rows.some((x) => x.claims.some((c) => c.value === 17) && x.key.startsWith('people killed @'))).toBe(true);
    // 1,200 killed in Israel on October 7 is a row of its own.
    expect(row('israelis killed')!.claims.map((c) => c.value)).toEqual([1200]);
  });

  it('dates the claims by their article and orders the chart series by date', () => {
    const dated = docs.map((d, i) => (i === 2 ? { ...d, publishedAt: '2025-07-09' } : d));
    const r = figureRows(dated).find((x) => x.key === 'palestinians killed')!;
    expect(r.series.map((p) => [p.asOf, p.value, p.language])).toEqual([
      ['2025-07-09', 57_500, 'nl'],
      ['2025-07-09', 200_000, 'nl'],
      ['2025-09-29', 66_000, 'en'],
    ]);
  });

  it('gives the truce length of 000 (en) and 002 (nl) in one row: 60 days in both', () => {
    const r = row('truce (day)')!;
    expect(r.label).toBe('Truce (days)');
    expect(r.claims.map((c) => [c.value, c.language, c.articleId])).toEqual([
      [60, 'en', docs[0].id],
      [60, 'nl', docs[2].id],
    ]);
    expect(r.sources).toBe(2);
  });

  it('matches hostages released with hostages returned, and the bodies of 18 hostages in both languages', () => {
    expect(row('bodies of hostages released/returned')!.claims.map((c) => [c.value, c.language])).toEqual([
      [18, 'en'],
      [18, 'nl'],
    ]);
    const released = row('hostages released/returned')!.claims;
    expect(released.map((c) => c.value)).toEqual([10, 8, 2]);
    expect(released.find((c) => c.value === 8)!.voice).toMatchObject({ voice: 'quoted', by: 'Gideon Saar' });
  });
});

describe('voice', () => {
  it('tells an attributed loaded term from one asserted in the source’s own voice', () => {
    const un = loadedTermUses(docs[3]).find((u) => u.term === 'genocide')!;
    expect(un).toMatchObject({ voice: 'attributed', by: 'United Nations', byKey: 'org:un', cue: 'determined' });
    const nl = loadedTermUses(docs[2]).filter((u) => u.term === 'genocide');
    expect(nl.map((u) => u.voice)).toEqual(['asserted', 'asserted']);
    expect(nl[0].evidence.sentence.text).toBe('Israël voert sinds oktober 2023 een genocide uit in Gaza.');
  });

  it('lists per source the loaded terms it uses itself', () => {
    const { voice } = compareArticles(docs, []);
    const of = (i: number) => voice.find((v) => v.articles.includes(docs[i].id))!;
    expect(of(2).ownVoiceTerms).toEqual(['genocide', 'massacre', 'resistance group']);
    expect(of(3).ownVoiceTerms).toEqual([]);
    expect(of(3).loadedTerms).toMatchObject([{ term: 'genocide', own: 0, attributed: 1 }]);
    expect(of(4).ownVoiceTerms).toEqual(['terrorist']); // "Hamas terrorists"
    expect(of(0).loadedTerms).toEqual([]);
  });

  it('reads quotation marks, quotes and cues in made-up sentences of both languages', () => {
    const doc = (text: string, language: string): AnalyzedArticle => ({
      ...docs[0],
      id: 'test',
      language,
      text,
      sentences: segmentSentences(text, language),
      entities: [],
      quotes: [],
    });
    const at = (d: AnalyzedArticle, word: string) => voiceOf(d, d.text.indexOf(word), d.text.indexOf(word) + word.length).voice;
    expect(at(doc('The army called it a massacre of civilians.', 'en'), 'massacre')).toBe('attributed');
    expect(at(doc('It was a massacre of civilians.', 'en'), 'massacre')).toBe('asserted');
    expect(at(doc('What the group calls a “resistance movement” fired rockets.', 'en'), 'resistance movement')).toBe('quoted');
    expect(at(doc('Volgens de VN is er sprake van genocide.', 'nl'), 'genocide')).toBe('attributed');
    expect(at(doc('Het regime bombardeerde de stad.', 'nl'), 'regime')).toBe('asserted');
  });

  it('says who each source quotes, with their side', () => {
    const speakers = quotedSpeakers(docs[2]);
    const netanyahu = speakers.find((s) => s.key === 'per:benjamin-netanyahu')!;
    expect(netanyahu).toMatchObject({ name: 'Benjamin Netanyahu', side: 'country:IL' });
    expect(netanyahu.quotes).toBeGreaterThanOrEqual(2);
    expect(speakers.find((s) => s.name === 'Bassem Naim')).toMatchObject({ side: 'org:hamas' });
  });
});

describe('coverage', () => {
  it('says which facts each source reports and which it leaves out that others report', () => {
    const events = docs.map((d, i) => ({ id: `e${i}`, label: `event ${i}`, articleIds: [d.id] }));
    const { coverage } = compareArticles(docs, events);
    const truce = coverage.facts.find((f) => f.kind === 'figure' && f.key === 'truce (day)')!;
    expect(truce.sources).toEqual([`article:${docs[0].id}`, `article:${docs[2].id}`].sort());
    const blinken = coverage.bySource.find((s) => s.source.id === `article:${docs[4].id}`)!;
    expect(blinken.omitted.map((i) => coverage.facts[i].key)).toContain('truce (day)');
    expect(blinken.omitted.map((i) => coverage.facts[i].key)).toContain('palestinians killed');
    const nl = coverage.bySource.find((s) => s.source.id === `article:${docs[2].id}`)!;
    expect(nl.omitted.map((i) => coverage.facts[i].key)).not.toContain('truce (day)');
    expect(nl.reports).toBe(coverage.facts.filter((f) => f.sources.includes(nl.source.id)).length);
  });
});
