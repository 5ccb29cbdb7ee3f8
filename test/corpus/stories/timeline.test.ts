// Timelines of the examples: dated happenings and statements in date order, each happening once with
// every source that reports it.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTimeline } from '../../../src/corpus/stories/timeline.ts';
import { entityKeysFor } from '../../../src/corpus/stories/api.ts';
import type { AnalyzedArticle } from '../../../src/types.ts';
import { exampleDocs } from './examples.ts';

let docs: AnalyzedArticle[];
beforeAll(async () => {
  docs = await exampleDocs();
});

describe('story timeline', () => {
  it('orders happenings and statements by date, each with its evidence', () => {
    const { items } = buildTimeline(docs);
    const dates = items.map((i) => i.date);
    expect(dates).toEqual([...dates].sort());
    for (const i of items) {
      for (const e of i.evidence) {
        const doc = docs.find((d) => d.id === e.articleId)!;
        expect(doc.text.slice(e.start, e.end)).toBe(e.text);
        expect(doc.text.slice(e.sentence.start, e.sentence.end).trim()).toBe(e.sentence.text);
      }
    }
    const blinken = items.find((i) => i.kind === 'happening' && i.date === '2024-05-01')!;
    expect(blinken.text).toMatch(/^Secretary of State Antony Blinken met with Israeli Prime Minister Benjamin Netanyahu/);
    const statement = items.find((i) => i.kind === 'statement' && i.date === '2024-04-29' && /Rafah/.test(i.text))!;
    expect(statement.speaker).toMatchObject({ name: 'Antony Blinken', key: 'per:antony-blinken' });
  });

  it('shows the October 7, 2023 attack once, with both sources that report it', () => {
    const { items } = buildTimeline(docs);
    const oct7 = items.filter((i) => i.date === '2023-10-07' && i.kind === 'happening');
    expect(oct7).toHaveLength(1);
    expect(oct7[0].sources.map((s) => s.id).sort()).toEqual([`article:${docs[3].id}`, `article:${docs[4].id}`].sort());
    expect(oct7[0].evidence.map((e) => e.dateText).sort()).toEqual(['Oct. 7, 2023', 'October 7, 2023']);
  });

  it('leaves out statements of undated articles unless their event has a date', () => {
    const undated = buildTimeline([docs[0]]);
    expect(undated.items.filter((i) => i.kind === 'statement')).toEqual([]);
    expect(undated.undatedStatements).toBe(docs[0].quotes.length);
    const dated = buildTimeline([docs[0]], { eventDay: () => '2025-07-07' });
    expect(dated.items.filter((i) => i.kind === 'statement').length).toBeGreaterThan(0);
    expect(dated.items.every((i) => i.date === '2025-07-07' || i.kind === 'happening')).toBe(true);
  });
});

describe('entity timeline', () => {
  it('finds the entity a name stands for in every language and keeps only items about it', () => {
    const { keys } = entityKeysFor('Israël', docs);
    expect([...keys]).toEqual(['country:IL']);
    const blinken = entityKeysFor('Blinken', docs);
    expect([...blinken.keys]).toEqual(['per:antony-blinken']);
    const { items } = buildTimeline(docs, { entityKeys: blinken.keys });
    expect(items.length).toBeGreaterThan(3);
    for (const i of items) {
      const about = i.entities.some((e) => e.key === 'per:antony-blinken') || i.speaker?.key === 'per:antony-blinken';
      expect(about).toBe(true);
    }
    expect(items.every((i) => i.date.startsWith('2024'))).toBe(true);
  });

  it('matches the name as text in articles without an entity layer', () => {
    const bare = docs.map((d) => ({ ...d, entities: [] }));
    const { items } = buildTimeline(bare, { entityText: 'Blinken' });
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.evidence.some((e) => e.sentence.text.includes('Blinken')) || /Blinken/.test(i.text))).toBe(true);
  });
});
