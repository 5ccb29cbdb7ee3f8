// The times layer on sentences written for each pattern, English and Dutch, with and without a
// publication date, including the expressions that must not be taken for dates.
import { describe, expect, it } from 'vitest';
import { extractTimes } from '../../../src/analysis/times/extract.ts';
import { inferPublishedAt } from '../../../src/analysis/times/published-at.ts';
import { segmentSentences } from '../../../src/analysis/sentences/segment.ts';

// 2024-05-01 is a Wednesday (ISO week 18).
const PUB = '2024-05-01';

function run(text: string, lang: string, pub: string | null = PUB) {
  const t = extractTimes(text, lang, pub, segmentSentences(text, lang));
  for (const x of t) expect(text.slice(x.start, x.end)).toBe(x.text);
  return t;
}
const one = (text: string, lang: string, pub: string | null = PUB) => {
  const t = run(text, lang, pub);
  expect(t.length, JSON.stringify(t)).toBe(1);
  return t[0];
};

describe('absolute dates', () => {
  it.each([
    ['It happened on May 1, 2024.', 'May 1, 2024', '2024-05-01'],
    ['The attack of Oct. 7, 2023 changed everything.', 'Oct. 7, 2023', '2023-10-07'],
    ['The war began on October 7, 2023, in the south.', 'October 7, 2023', '2023-10-07'],
    ['The file is dated 2024-05-01 in the archive.', '2024-05-01', '2024-05-01'],
    ['He was born on Tuesday, March 7, 1950.', 'Tuesday, March 7, 1950', '1950-03-07'],
    ['The deadline was 12/31/2023 at the latest.', '12/31/2023', '2023-12-31'],
  ])('en: %s', (text, span, value) => {
    const t = one(text, 'en', null);
    expect(t).toMatchObject({ text: span, value, granularity: 'day' });
    expect(t.relative).toBeUndefined();
  });

  it.each([
    ['Het gebeurde op 1 mei 2024 in Gaza.', '1 mei 2024', '2024-05-01'],
    ['De aanval van 7 oktober 2023 veranderde alles.', '7 oktober 2023', '2023-10-07'],
    ['Het rapport van 31-12-2023 bleef liggen.', '31-12-2023', '2023-12-31'],
  ])('nl: %s', (text, span, value) => {
    expect(one(text, 'nl', null)).toMatchObject({ text: span, value, granularity: 'day' });
  });

  it('month with year and year alone keep their granularity', () => {
    expect(one('Israël voert sinds oktober 2023 oorlog.', 'nl', null)).toMatchObject({ text: 'oktober 2023', value: '2023-10', granularity: 'month' });
    expect(one('Sales fell in March 2022.', 'en', null)).toMatchObject({ text: 'March 2022', value: '2022-03', granularity: 'month' });
    expect(one('Hamas instigated the conflict in 2023.', 'en', null)).toMatchObject({ text: '2023', value: '2023', granularity: 'year' });
    expect(one('De oorlog begon in 2023.', 'nl', null)).toMatchObject({ text: '2023', value: '2023', granularity: 'year' });
    expect(one('the 2023 terrorist incident', 'en', null)).toMatchObject({ text: '2023', value: '2023' });
  });

  it('a date without year keeps a partial value when the publication date is unknown', () => {
    expect(one('They met on Feb. 4 at the White House.', 'en', null)).toMatchObject({ text: 'Feb. 4', value: '--02-04', granularity: 'day' });
    expect(one('Ze spraken elkaar op 7 oktober.', 'nl', null)).toMatchObject({ text: '7 oktober', value: '--10-07' });
    expect(one('The talks resume in November.', 'en', null)).toMatchObject({ text: 'November', value: '--11', granularity: 'month' });
  });

  it('a date without year takes the year the tense implies when the publication date is known', () => {
    expect(one('Mr. Blinken spoke in Riyadh on April 29.', 'en')).toMatchObject({ value: '2024-04-29', relative: true });
    expect(one('The vote will be held on Feb. 4.', 'en')).toMatchObject({ value: '2025-02-04' });
    expect(one('Ze spraken elkaar op 7 oktober.', 'nl')).toMatchObject({ value: '2023-10-07' });
    // A weekday named with the date picks the year where it fits: March 7, 2023 was a Tuesday.
    expect(one('They met on Tuesday, March 7.', 'en')).toMatchObject({ value: '2023-03-07' });
  });
});

describe('year-less months in TempEval-3 news sentences (AQUAINT XIE19981203.0008, NYT19981025.0188)', () => {
  it('a month followed by "this year" / "last year" takes that year (AQUAINT, written 1998-12-03)', () => {
    const t = run('The ratification process began in February this year with Canada being the first NATO member state starting the ratification process.', 'en', '1998-12-03');
    expect(t.find((x) => x.text === 'February')).toMatchObject({ value: '1998-02', relative: true });
    expect(t.find((x) => x.text === 'this year')).toMatchObject({ value: '1998' });
  });

  it('a bare month with no tense cue near it is the most recent one (AQUAINT, written 1998-10-25)', () => {
    const t = run('In January, a week after the 25th anniversary of the Roe vs. Wade Supreme Court decision, a clinic bombing in Birmingham, Ala., killed a security guard and severely wounded a nurse.', 'en', '1998-10-25');
    expect(t.find((x) => x.text === 'January')).toMatchObject({ value: '1998-01' });
  });
});

describe('relative expressions anchored on the publication date (2024-05-01, a Wednesday)', () => {
  it.each([
    ['Netanyahu arrived on Monday.', 'Monday', '2024-04-29', 'day'],
    ['Blinken will travel to Cairo on Monday.', 'Monday', '2024-05-06', 'day'],
    ['The cabinet met on Sunday.', 'Sunday', '2024-04-28', 'day'],
    ['Officials met last week.', 'last week', '2024-W17', 'week'],
    ['Talks are expected to resume this week.', 'this week', '2024-W18', 'week'],
    ['Witkoff joins the talks later this week.', 'later this week', '2024-W18', 'week'],
    ['The strike happened yesterday.', 'yesterday', '2024-04-30', 'day'],
    ['Since taking office in January, he has changed course.', 'January', '2024-01', 'month'],
    ['Biden spoke with him in early April.', 'early April', '2024-04', 'month'],
    ['The ICC issued warrants last November.', 'last November', '2023-11', 'month'],
    ['Prices rose two weeks ago.', 'two weeks ago', '2024-04-17', 'day'],
    ['Sales fell last year.', 'last year', '2023', 'year'],
    ['We met last Monday.', 'last Monday', '2024-04-22', 'day'],
    ['Results for the third quarter of 2023 were weak.', 'the third quarter of 2023', '2023-Q3', 'quarter'],
  ])('en: %s', (text, span, value, granularity) => {
    const t = one(text, 'en');
    expect(t).toMatchObject({ text: span, value, granularity });
    // Only the fully written quarter does not depend on the publication date.
    expect(t.relative).toBe(span.includes('2023') ? undefined : true);
  });

  it.each([
    ['De aanval was gisteren.', 'gisteren', '2024-04-30', 'day'],
    ['Vorige week sprak de minister.', 'Vorige week', '2024-W17', 'week'],
    ['De gesprekken gaan deze week verder.', 'deze week', '2024-W18', 'week'],
    ['In november vaardigde het Strafhof arrestatiebevelen uit.', 'november', '2023-11', 'month'],
    ['De verkiezingen zullen in november plaatsvinden.', 'november', '2024-11', 'month'],
    ['Hij vertrok op maandag.', 'maandag', '2024-04-29', 'day'],
    ['Het kabinet komt zondagavond bijeen en zal dan besluiten.', 'zondagavond', '2024-05-05', 'day'],
    ['Drie dagen geleden viel het besluit.', 'Drie dagen geleden', '2024-04-28', 'day'],
    ['Eind vorig jaar stegen de prijzen.', 'Eind vorig jaar', '2023', 'year'],
    ['Het besluit valt over twee weken.', 'over twee weken', '2024-05-15', 'day'],
  ])('nl: %s', (text, span, value, granularity) => {
    expect(one(text, 'nl')).toMatchObject({ text: span, value, granularity, relative: true });
  });

  it('without a publication date relative expressions are kept with a null value, never guessed', () => {
    for (const [text, lang] of [
      ['The strike happened yesterday.', 'en'],
      ['Netanyahu arrived on Monday.', 'en'],
      ['Officials met last week.', 'en'],
      ['De aanval was gisteren.', 'nl'],
      ['Vorige week sprak de minister.', 'nl'],
    ]) {
      const t = one(text, lang, null);
      expect(t.value).toBeNull();
      expect(t.relative).toBeUndefined();
    }
  });
});

describe('ranges', () => {
  it('joins both ends into one expression', () => {
    expect(one('The truce lasts from May 1 to May 5, 2024.', 'en', null)).toMatchObject({ text: 'from May 1 to May 5, 2024', value: '2024-05-01', valueEnd: '2024-05-05' });
    expect(one('De top is op 18-19 november 2023 in Brussel.', 'nl', null)).toMatchObject({ value: '2023-11-18', valueEnd: '2023-11-19' });
    expect(one('Sales grew between 2007 and 2009.', 'en', null)).toMatchObject({ text: 'between 2007 and 2009', value: '2007', valueEnd: '2009' });
    expect(one('Prices fell in the last 3 months.', 'en')).toMatchObject({ text: 'the last 3 months', value: '2024-02', valueEnd: '2024-05' });
  });
});

describe('not dates', () => {
  it.each([
    ['en', 'The meeting starts at 10:30 and ends at noon.'],
    ['en', 'See page 4 for the figures.'],
    ['en', 'The second phase of the deal may take time.'],
    ['en', 'April Ryan asked the question.'],
    ['en', 'They may 1 day agree, she said.'],
    ['en', 'Hamas released 2000 prisoners, the 1500 soldiers stayed.'],
    ['en', 'More than 66,000 Palestinians have been killed.'],
    ['nl', 'Jan Peters was er niet bij.'],
    ['nl', 'Twee gijzelaars worden vrijgelaten op de 50ste dag.'],
    ['nl', "Hij belt 's morgens om 10.30 uur."],
    ['nl', 'Zie blz. 12 voor de cijfers.'],
    ['nl', 'Dat schreef De Financiële Morgen.'],
    ['en', 'She told USA Today about it.'],
  ])('%s: %s', (lang, text) => {
    expect(run(text, lang)).toEqual([]);
  });

  it('the year of "October 7, 2023" belongs to the date, not a separate expression', () => {
    const t = run('The war began on October 7, 2023.', 'en');
    expect(t.map((x) => x.text)).toEqual(['October 7, 2023']);
  });

  it('dates inside URLs are not dates of the text', () => {
    expect(run('Image: https://static.example.com/2025/09/29/12/53/photo.jpg', 'en')).toEqual([]);
  });
});

describe('inferPublishedAt', () => {
  it('takes the latest full date when the text repeats it without the year', () => {
    expect(inferPublishedAt('Blinken arrived on May 1, 2024. On May 1 he met Netanyahu.', 'en')).toBe('2024-05-01');
    expect(inferPublishedAt('De top begon op 1 mei 2024. Op 1 mei sprak hij en op 3 mei vertrok hij.', 'nl')).toBe('2024-05-03');
  });

  it('stays null without an echo, with only relative dates, or with only old dates', () => {
    expect(inferPublishedAt('The war began on October 7, 2023. He spoke on Monday.', 'en')).toBeNull();
    expect(inferPublishedAt('He spoke on Monday, last week and yesterday.', 'en')).toBeNull();
    expect(inferPublishedAt('The attack of Oct. 7, 2023 was followed on April 29 by talks.', 'en')).toBeNull();
    // An echo in the future tense announces the date, it does not date the text.
    expect(inferPublishedAt('The vote is on November 5, 2024. Americans will vote on November 5.', 'en')).toBeNull();
  });
});

describe('languages without time data', () => {
  it('yield no expressions rather than guessing', () => {
    expect(run('W poniedziałek, 1 maja 2024, przyjechał.', 'pl')).toEqual([]);
    expect(inferPublishedAt('1 maja 2024.', 'pl')).toBeNull();
  });
});

describe('never an invented date (issue 11)', () => {
  it.each([
    ['Kick-off is at 1430 on Saturday.'],
    ['The match starts at 1600 GMT.'],
    ['The polls close by 2030 local time.'],
    ['De aftrap is om 1430 uur.'],
  ])('a time of day is never a year: %s', (text) => {
    const lang = /aftrap/.test(text) ? 'nl' : 'en';
    const number = /\d{4}/.exec(text)![0];
    expect(run(text, lang).filter((t) => t.granularity === 'year' || t.text.includes(number) || t.value?.startsWith(number))).toEqual([]);
  });

  it('a date on one line does not take a number from the next as its year', () => {
    expect(run('Saturday, 26 February\n\n1600 GMT', 'en', null).map((t) => [t.text, t.value])).toEqual([['Saturday, 26 February', '--02-26']]);
    expect(run('Saturday, 26 February 2005, 1600 GMT', 'en', null).map((t) => t.value)).toEqual(['2005-02-26']);
  });

  it('years are background, and so is what follows "since"; days and months are happenings', () => {
    const t = run('Labour has ruled since 1997. In 1974 he left. Talks began on April 29 and end in June. Prices have risen since March.', 'en');
    expect(t.map((x) => [x.text, x.background ?? false])).toEqual([
      ['1997', true],
      ['1974', true],
      ['April 29', false],
      ['June', false],
      ['March', true],
    ]);
  });

  it('every resolved relative value names its anchor; a value written out in full has none', () => {
    const t = run('The talks of May 1, 2024 resumed on Monday.', 'en');
    expect(t[0].anchor).toBeUndefined();
    expect(t[1]).toMatchObject({ value: '2024-04-29', anchor: { date: PUB, from: 'published' } });
    // Without a publication date nothing relative resolves, and nothing claims an anchor.
    expect(run('The talks resumed on Monday.', 'en', null)[0]).toMatchObject({ value: null });
    expect(run('The talks resumed on Monday.', 'en', null)[0].anchor).toBeUndefined();
  });

  it('"a week from now" in a quote dated by its reporting clause counts from that day', () => {
    const t = run('“The corridor will be ready about a week from now,” Mr. Blinken said on April 30. It opened next week.', 'en');
    expect(t.map((x) => [x.text, x.value, x.anchor])).toEqual([
      ['a week from now', '2024-05-07', { date: '2024-04-30', from: 'text' }],
      ['April 30', '2024-04-30', { date: PUB, from: 'published' }],
      ['next week', '2024-W19', { date: PUB, from: 'published' }],
    ]);
  });

  it('"the following year" and "that same day" count from the last date the text gave; with none, "that day" is no time', () => {
    const t = run('On May 22, 1995, Farkas was made a general, and the following year he became attaché. On June 3, 1997 he left. That same day he flew home.', 'en');
    expect(t.map((x) => [x.text, x.value, x.anchor?.date ?? null])).toEqual([
      ['May 22, 1995', '1995-05-22', null],
      ['the following year', '1996', '1995-05-22'],
      ['June 3, 1997', '1997-06-03', null],
      ['That same day', '1997-06-03', '1997-06-03'],
    ]);
    expect(run('That same day he flew home.', 'en')).toEqual([]);
  });

  it('the reference quarter of a report resolves "a year earlier" and "the latest quarter"', () => {
    const t = run('Third-quarter profit rose to $87 million from $58 million a year earlier. Sales in the latest quarter rose 9%.', 'en', '1989-10-26');
    expect(t.map((x) => [x.text, x.value])).toEqual([
      ['Third-quarter', '1989-Q3'],
      ['a year earlier', '1988-Q3'],
      ['the latest quarter', '1989-Q3'],
    ]);
    // With no quarter named, "a year earlier" counts from the anchor and "the quarter" is no time.
    expect(run('Profit rose from a year earlier in the quarter.', 'en', '1989-10-26').map((x) => [x.text, x.value])).toEqual([['a year earlier', '1988']]);
  });
});
