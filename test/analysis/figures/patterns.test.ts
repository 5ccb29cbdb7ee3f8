// The figures layer on sentences written for each pattern, English and Dutch, including what must
// not be taken for a figure.
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../src/analysis/figures/extract.ts';
import { findNumbers } from '../../../src/analysis/figures/numbers.ts';
import { extractTimes } from '../../../src/analysis/times/extract.ts';
import { segmentSentences } from '../../../src/analysis/sentences/segment.ts';

function run(text: string, lang: string) {
  const sentences = segmentSentences(text, lang);
  const q = extractFigures(text, lang, sentences, extractTimes(text, lang, null, sentences));
  for (const x of q) expect(text.slice(x.start, x.end)).toBe(x.text);
  return q;
}
const one = (text: string, lang: string) => {
  const q = run(text, lang);
  expect(q.length, JSON.stringify(q)).toBe(1);
  return q[0];
};

describe('locale-aware numbers', () => {
  it.each([
    ['en', 'More than 66,000 people died.', 66000],
    ['nl', 'Meer dan 57.500 mensen stierven.', 57500],
    ['en', 'Growth was 3.8 percent.', 3.8],
    ['nl', 'De groei was 3,8 procent.', 3.8],
    ['en', 'Exactly 1,234,567 votes were cast.', 1234567],
    ['nl', 'Er werden 1.234.567 stemmen uitgebracht.', 1234567],
    ['en', 'Inflation fell to -0.5 percent.', -0.5],
  ])('%s: %s', (lang, text, value) => {
    expect(one(text, lang).value).toBe(value);
  });

  it('English "1.200" is a decimal and Dutch "1,200" too', () => {
    expect(one('The index rose 1.200 points.', 'en').value).toBe(1.2);
    expect(one('De index steeg 1,200 punten.', 'nl').value).toBe(1.2);
  });
});

describe('number words and scales', () => {
  it.each([
    ['en', 'Ten soldiers were wounded.', 10],
    ['en', 'Israeli forces killed seven aid workers.', 7],
    ['en', 'A million people fled.', 1e6],
    ['en', 'Two hostages were freed.', 2],
    ['en', 'Officials counted one hundred and sixteen bodies.', 116],
    ['en', 'About twenty-one trucks entered.', 21],
    ['nl', 'Acht gijzelaars worden vrijgelaten.', 8],
    ['nl', 'Twee soldaten raakten gewond.', 2],
    ['nl', 'Eenentwintig vrachtwagens reden Gaza binnen.', 21],
    ['nl', 'Er kwamen tweehonderd mensen om het leven.', 200],
    ['nl', 'Een miljoen mensen sloegen op de vlucht.', 1e6],
    ['en', 'The fund holds 3.8 billion dollars.', 3.8e9],
    ['nl', 'Het fonds bevat 2,5 miljoen euro.', 2.5e6],
  ])('%s: %s', (lang, text, value) => {
    expect(one(text, lang).value).toBe(value);
  });
});

describe('currencies', () => {
  it.each([
    ['nl', 'Washington geeft jaarlijks $ 3,8 miljard aan militaire steun.', '$ 3,8 miljard', 3.8e9, 'USD'],
    ['en', 'Washington gives US$3.8 billion in military aid.', 'US$3.8 billion', 3.8e9, 'USD'],
    ['en', 'The EU pledged €50 million in aid.', '€50 million', 5e7, 'EUR'],
    ['nl', 'De EU zegde € 2,5 miljoen toe.', '€ 2,5 miljoen', 2.5e6, 'EUR'],
    ['en', 'A ticket costs £20 now.', '£20', 20, 'GBP'],
    ['en', 'The deal is worth USD 200 million.', 'USD 200 million', 2e8, 'USD'],
    ['en', 'They paid 300 dollars each.', '300 dollars', 300, 'USD'],
    ['nl', 'Het kost 40 EUR per persoon.', '40 EUR', 40, 'EUR'],
    ['en', 'Gaza needs $3bn for rebuilding.', '$3bn', 3e9, 'USD'],
  ])('%s: %s', (lang, text, span, value, unit) => {
    expect(one(text, lang)).toMatchObject({ text: span, value, unit });
  });

  it('says what the money is for when the text does', () => {
    expect(one('Washington gives $3.8 billion in military aid to Israel.', 'en')).toMatchObject({ counts: 'military aid', countsKey: 'military aid' });
    expect(one('Washington kent jaarlijks $ 3,8 miljard aan militaire financiering toe.', 'nl')).toMatchObject({ counts: 'militaire financiering', countsKey: 'military funding' });
  });
});

describe('hyphenated durations and compounds', () => {
  it.each([
    ['en', 'Both sides agreed to a 60-day truce.', '60-day', 60, 'day', 'truce'],
    ['en', 'The 21-month war goes on.', '21-month', 21, 'month', 'war'],
    ['en', 'Israel launched a brutal two-year-long attack.', 'two-year-long', 2, 'year', 'attack'],
    ['nl', 'Trump wil een 60-daagse wapenstilstand.', '60-daagse', 60, 'day', 'wapenstilstand'],
  ])('%s: %s', (lang, text, span, value, unit, counts) => {
    expect(one(text, lang)).toMatchObject({ text: span, value, unit, counts });
  });

  it('plain durations keep their unit and count nothing', () => {
    expect(one('Israel has spent nearly two years at war.', 'en')).toMatchObject({ text: 'nearly two years', value: 2, unit: 'year', qualifier: 'nearly', counts: null });
    expect(one('Het moet binnen 60 dagen gebeuren.', 'nl')).toMatchObject({ text: '60 dagen', value: 60, unit: 'day', counts: null });
  });
});

describe('qualifiers', () => {
  it.each([
    ['en', 'More than 500 people died.', 'more-than'],
    ['en', 'Over 500 people died.', 'more-than'],
    ['en', 'Nearly 500 people died.', 'nearly'],
    ['en', 'Almost 500 people died.', 'nearly'],
    ['en', 'About 500 people died.', 'approximately'],
    ['en', 'Approximately 500 people died.', 'approximately'],
    ['en', 'At least 500 people died.', 'at-least'],
    ['en', 'Up to 500 people died.', 'up-to'],
    ['en', 'An estimated 500 people died.', 'estimated'],
    ['en', 'Fewer than 500 people died.', 'less-than'],
    ['nl', 'Meer dan 500 mensen stierven.', 'more-than'],
    ['nl', 'Ruim 500 mensen stierven.', 'more-than'],
    ['nl', 'Bijna 500 mensen stierven.', 'nearly'],
    ['nl', 'Ongeveer 500 mensen stierven.', 'approximately'],
    ['nl', 'Naar schatting 500 mensen stierven.', 'estimated'],
    ['nl', 'Het zijn er rond de 500.', 'approximately'],
    ['nl', 'Minstens 500 mensen stierven.', 'at-least'],
  ])('%s: %s', (lang, text, qualifier) => {
    const q = one(text, lang);
    expect(q).toMatchObject({ value: 500, qualifier });
    expect(text.slice(q.qualifierStart, q.qualifierEnd).toLowerCase()).not.toBe('');
  });

  it('"over" before a period is a preposition, not "more than"', () => {
    expect(one('Hostages are freed over five phases.', 'en')).toMatchObject({ value: 5, qualifier: null });
    expect(one('The talks went on over three days.', 'en')).toMatchObject({ value: 3, unit: 'day', qualifier: null });
  });
});

describe('ranges', () => {
  it.each([
    ['en', 'Between 10 and 15 people were hurt.', 10, 15],
    ['en', 'Some 10 to 15 people were hurt.', 10, 15],
    ['en', 'The toll is 2 to 3 million.', 2e6, 3e6],
    ['nl', 'Tussen de 10 en 15 mensen raakten gewond.', 10, 15],
    ['nl', 'De groei is 10-15 procent.', 10, 15],
    ['nl', 'Er kwamen 10 tot 15 mensen om.', 10, 15],
  ])('%s: %s', (lang, text, value, valueMax) => {
    expect(one(text, lang)).toMatchObject({ value, valueMax });
  });
});

describe('what is counted', () => {
  it('the noun phrase and the event, before or after', () => {
    expect(one('More than 66,000 Palestinians, many children, have been killed.', 'en')).toMatchObject({ counts: 'Palestinians killed', countsKey: 'palestinians killed' });
    expect(one('Israel attacked Gaza, killing more than 66,000 people.', 'en')).toMatchObject({ counts: 'people killed', countsKey: 'people killed' });
    expect(one('Palestijnen registreerden de dood van meer dan 57.500 Palestijnen.', 'nl')).toMatchObject({ counts: 'Palestijnen gedood', countsKey: 'palestinians killed' });
    expect(one('More than a million people have since relocated to Rafah.', 'en')).toMatchObject({ counts: 'people relocated' });
    expect(one('Bij de aanval kwamen 17 mensen om het leven.', 'nl')).toMatchObject({ value: 17, counts: 'mensen gedood', countsKey: 'people killed' });
  });

  it('"18 others" and "nog twee" take the noun of the figure before them', () => {
    const en = run('Hamas would release 10 living hostages and the bodies of 18 others.', 'en');
    expect(en.map((x) => x.countsKey)).toEqual(['living hostages released', 'bodies of hostages released']);
    const nl = run('Eerst worden acht gijzelaars vrijgelaten, gevolgd door nog twee.', 'nl');
    expect(nl.map((x) => x.countsKey)).toEqual(['hostages released', 'hostages released']);
  });

  it('gives English and Dutch reports of the same figure the same key', () => {
    const en = one('Hamas released eight hostages.', 'en').countsKey;
    const nl = one('Hamas liet acht gijzelaars vrij, die werden vrijgelaten.', 'nl').countsKey;
    expect(en).toBe('hostages released');
    expect(nl).toBe(en);
  });
});

describe('not figures', () => {
  it.each([
    ['en', 'The war began on October 7, 2023.'],
    ['en', 'Call +31 20 123 4567 or (555) 123-4567 for details.'],
    ['en', 'See page 4 and section 12 of the report.'],
    ['en', 'The meeting starts at 10:30 sharp.'],
    ['en', 'The second phase starts on the 21st.'],
    ['en', 'COVID-19 and the F-16 deal were discussed.'],
    ['en', 'He made peace in one country after the other.'],
    ['en', 'Hamas instigated the conflict in 2023.'],
    ['en', 'Details at https://example.com/2025/09/29/story-12.html today.'],
    ['nl', 'Anderen volgen op de 50ste dag.'],
    ['nl', 'Bel 020-1234567 voor meer informatie.'],
    ['nl', 'Zie blz. 12 en artikel 5 van de wet.'],
    ['nl', 'De vergadering begint om 15.00 uur.'],
    ['nl', 'Israël voert sinds oktober 2023 oorlog.'],
    // names, scores and slashed pairs
    ['en', 'Microsoft released Internet Explorer 7, it said.'],
    ['en', 'The documentary Fahrenheit 9/11 won the prize.'],
    ['en', 'Clint Eastwood won for Million Dollar Baby.'],
    ['en', 'Egypt won 4-0 and the court ruled in a 2-1 decision.'],
    ['en', 'The duchy was set up in 1337 by the king.'],
    ['en', 'Grants were paid in 2003-4.'],
  ])('%s: %s', (lang, text) => {
    expect(run(text, lang)).toEqual([]);
  });

  it('"2000 people" is a figure even though 2000 looks like a year', () => {
    expect(one('Police arrested 2000 people.', 'en')).toMatchObject({ value: 2000, countsKey: 'people arrested' });
  });
});

describe('findNumbers', () => {
  it('recognises digits and words, marks ordinals and lone "one"', () => {
    const ns = findNumbers('one of 21st, 3.8 billion and twenty-one', 'en');
    expect(ns.map((n) => [n.value, n.weak, n.ordinal])).toEqual([
      [1, true, false],
      [21, false, true],
      [3.8e9, false, false],
      [21, false, false],
    ]);
  });
});

describe('languages without figure data', () => {
  it('yield no figures', () => {
    expect(run('Ponad 66 000 osób zginęło.', 'pl')).toEqual([]);
    expect(findNumbers('66 000', 'pl')).toEqual([]);
  });
});
