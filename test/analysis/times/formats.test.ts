// Date formats of issue 13 (numeric and month-name dates, bare days, weekday + day, decades, spans with
// the amount first, a year after a year-less date), on the Recognizers-Text cases they come from
// (../shared/data/recognizers-text, looked up by their input and anchored on their reference date), and
// the BBC News counter-cases that keep them from inventing dates (betting odds, durations, film titles).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractTimes } from '../../../src/analysis/times/extract.ts';
import { segmentSentences } from '../../../src/analysis/sentences/segment.ts';

const DATA = new URL('../../../../shared/data/', import.meta.url);
const RT = new URL('recognizers-text/', DATA);
const BBC = new URL('bbc/', DATA);

interface Case {
  Input: string;
  Context?: { ReferenceDateTime?: string };
}

const files = new Map<string, Case[]>();
/** The case of a Recognizers-Text file with this input (the data set's own text and reference date). */
function rtCase(file: string, input: string): Case {
  let cases = files.get(file);
  if (!cases) {
    cases = JSON.parse(readFileSync(new URL(file, RT), 'utf8').replace(/^\uFEFF/, '')) as Case[];
    files.set(file, cases);
  }
  const c = cases.find((x) => x.Input === input);
  if (!c) throw new Error(`${file}: no case "${input}"`);
  return c;
}

/** [text, value, valueEnd] of the times of a case. */
function timesOf(file: string, lang: string, input: string): [string, string | null, string | null | undefined][] {
  const c = rtCase(file, input);
  return extractTimes(c.Input, lang, c.Context?.ReferenceDateTime ?? null, segmentSentences(c.Input, lang)).map((t) => [t.text, t.value, t.valueEnd]);
}

describe.skipIf(!existsSync(RT))('date formats (Recognizers-Text cases)', () => {
  it('numeric dates with other separators and orders: "2016/12/01", "15.05.99", "02 04 2009", "23/Sep/2020", "2019-sep-1"', () => {
    expect(timesOf('Swedish-DateTime-DateParser.json', 'sv', 'jag åker tillbaka 2016/12/01')).toEqual([['2016/12/01', '2016-12-01', undefined]]);
    expect(timesOf('French-DateTime-DateTimeModel.json', 'fr', 'Je retournerai 02 04 2009 à la maison.')).toEqual([['02 04 2009', '2009-04-02', undefined]]);
    expect(timesOf('Portuguese-DateTime-DateTimeModel.json', 'pt', 'Eu voltarei 23/set/2020')).toEqual([['23/set/2020', '2020-09-23', undefined]]);
    expect(timesOf('Swedish-DateTime-DateParser.json', 'sv', 'jag åker tillbaka 2019-sep-1')).toEqual([['2019-sep-1', '2019-09-01', undefined]]);
  });

  it('a slash day-month after a day cue, and a range of two ("dia 17/11", "28/2-1/3")', () => {
    const [t] = timesOf('Portuguese-DateTime-DateTimeModel.json', 'pt', 'Me envie um comprovante da minha compra feita no dia 17/11');
    expect(t[0]).toBe('17/11');
    expect(t[1]).toMatch(/^\d{4}-11-17$/);
    expect(timesOf('German-DateTime-DateTimeModel.json', 'de', '28/2-1/3')[0][0]).toBe('28/2-1/3');
  });

  it('a bare day after a cue is in the month of the reference date; with a weekday, in the nearest month it fits', () => {
    const c = rtCase('Swedish-DateTime-DateParser.json', 'jag åkte tillbaka den 27');
    const [t] = extractTimes(c.Input, 'sv', c.Context!.ReferenceDateTime!);
    expect(t.value!.slice(0, 7)).toBe(c.Context!.ReferenceDateTime!.slice(0, 7));
    expect(t.value!.slice(8)).toBe('27');
    expect(timesOf('Portuguese-DateTime-DateTimeModel.json', 'pt', 'meu próximo salário será terça-feira dia 25')).toEqual([['terça-feira dia 25', '2018-09-25', undefined]]);
    expect(timesOf('English-DateTime-DateTimeModel.json', 'en', "Let's go for coffee on tuesday the eleventh.")).toEqual([['tuesday the eleventh', '2019-06-11', undefined]]);
  });

  it('a weekday next to a shifted week is that week\'s day ("next week Wednesday", "söndag i nästa vecka")', () => {
    expect(timesOf('English-DateTime-DateTimeModel.json', 'en', "What's your plan for next week Wednesday?")).toEqual([['next week Wednesday', '2018-12-05', undefined]]);
    expect(timesOf('Swedish-DateTime-DateParser.json', 'sv', 'jag åker tillbaka söndag i nästa vecka')).toEqual([['söndag i nästa vecka', '2016-11-20', undefined]]);
  });

  it('decades are ranges of years; spans may give the amount first; a year after a year-less date completes it', () => {
    expect(timesOf('French-DateTime-DateTimeModel.json', 'fr', 'Qui était notre président dans les années 1990 ?')).toEqual([['les années 1990', '1990', '1999']]);
    expect(timesOf('Portuguese-DateTime-DateTimeModel.json', 'pt', 'Nós será ido apenas para 3 próximas semanas.')[0][0]).toBe('3 próximas semanas');
    expect(timesOf('English-DateTime-DateTimeModel.json', 'en', 'I will go back to China on 28 june in 2020.')).toEqual([['28 june in 2020', '2020-06-28', undefined]]);
    expect(timesOf('Portuguese-DateTime-DateTimeModel.json', 'pt', 'O Massacre do Carandiru ocorreu em 2 de outubro de 92.')[0][1]).toBe('1992-10-02');
  });
});

function bbcTimes(name: string) {
  const text = readFileSync(new URL(name, BBC), 'utf8');
  return { text, times: extractTimes(text, 'en', '2005-01-01', segmentSentences(text, 'en')) };
}

describe.skipIf(!existsSync(BBC))('date formats do not invent dates on BBC News', () => {
  it('entertainment/328: betting odds ("odds of 25/1", "from 4/1 to 5/2") are no dates', () => {
    const { text, times } = bbcTimes('entertainment/328.txt');
    expect(text).toContain('25/1');
    expect(times.filter((t) => /\d\/\d/.test(t.text))).toEqual([]);
  });

  it('business/490: "its lowest level in three years" is a duration, not a date three years ahead', () => {
    const { text, times } = bbcTimes('business/490.txt');
    expect(text).toContain('in three years');
    expect(times.some((t) => t.text.includes('three years'))).toBe(false);
  });

  it('business/110: "throughout the 1990s" is the decade, as background', () => {
    const { times } = bbcTimes('business/110.txt');
    expect(times.find((t) => t.text === '1990s')).toMatchObject({ value: '1990', valueEnd: '1999', granularity: 'year', background: true });
  });

  it('politics/207: "held in February in 1974" is February 1974, not last February', () => {
    const { times } = bbcTimes('politics/207.txt');
    expect(times.find((t) => t.text === 'February in 1974')).toMatchObject({ value: '1974-02', granularity: 'month' });
  });

  it('politics/018: "Holocaust Memorial Day" is not the US Memorial Day in May', () => {
    const { text, times } = bbcTimes('politics/018.txt');
    expect(text).toContain('Holocaust Memorial Day');
    expect(times.some((t) => t.value?.endsWith('-05-30') || t.value?.endsWith('-05-31'))).toBe(false);
  });
});
