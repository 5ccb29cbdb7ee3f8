// Fractions, mixed numbers, spoken decimals, minus words, exponents and money with its minor part, in
// the eight languages with figures data; and the ordinary words and odds that must stay no figure.
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../src/analysis/figures/extract.ts';
import { findNumbers } from '../../../src/analysis/figures/numbers.ts';
import { extractTimes } from '../../../src/analysis/times/extract.ts';

/** The numbers of `text` as [span, value] (rounded to 6 places), without the weak ones. */
const numbers = (text: string, lang: string) =>
  findNumbers(text, lang)
    .filter((n) => !n.weak && !n.ordinal)
    .map((n) => [text.slice(n.start, n.end), Math.round(n.value * 1e6) / 1e6]);
const figures = (text: string, lang: string) =>
  extractFigures(text, lang, undefined, extractTimes(text, lang, null)).map((f) => [f.text, f.value, f.unit]);

describe('fractions and mixed numbers', () => {
  it.each([
    ['en', 'Two thirds of the staff left.', 'Two thirds', 0.666667],
    ['en', 'Prices rose by five and a half percent.', 'five and a half', 5.5],
    ['en', 'It cost two and a half million dollars.', 'two and a half million', 2.5e6],
    ['en', 'There are one million and a half possibilities.', 'one million and a half', 1.5e6],
    ['en', 'A half million people marched.', 'A half million', 5e5],
    ['nl', 'Ruim twee derde van de leden stemde voor.', 'twee derde', 0.666667],
    ['nl', 'Het duurde anderhalf uur.', 'anderhalf', 1.5],
    ['nl', 'Er kwamen tweeënhalf duizend mensen.', 'tweeënhalf duizend', 2500],
    ['de', 'Drei Viertel der Befragten stimmten zu.', 'Drei Viertel', 0.75],
    ['de', 'Ein Zwanzigstel der Summe fehlt.', 'Ein Zwanzigstel', 0.05],
    ['fr', 'Le projet coûte un milliard et demi.', 'un milliard et demi', 1.5e9],
    ['es', 'La población es de dos millones y medio.', 'dos millones y medio', 2.5e6],
    ['es', 'Tres veintiunavos del total.', 'Tres veintiunavos', 0.142857],
    ['pt', 'Recebeu três vinte e um avos da herança.', 'três vinte e um avos', 0.142857],
    ['it', 'Ha speso tre milioni e mezzo.', 'tre milioni e mezzo', 3.5e6],
    ['sv', 'Tre fjärdedelar väljer att stanna.', 'Tre fjärdedelar', 0.75],
    ['sv', 'Det tog fyra och en halv timme.', 'fyra och en halv', 4.5],
  ])('%s: %s', (lang, text, span, value) => {
    expect(numbers(text, lang)).toContainEqual([span, value]);
  });

  it('digit and vulgar fractions, exponents, read-out fractions', () => {
    expect(numbers('The ratio is 3/4.', 'en')).toEqual([['3/4', 0.75]]);
    expect(numbers('The ratio is 2 1/4.', 'en')).toEqual([['2 1/4', 2.25]]);
    expect(numbers('It rose ½ a point.', 'en')).toEqual([['½', 0.5]]);
    expect(numbers('The value is 1.3e6 and 12.32e+14.', 'en')).toEqual([['1.3e6', 1.3e6], ['12.32e+14', 1.232e15]]);
    expect(numbers('one over three', 'en')).toEqual([['one over three', 0.333333]]);
    expect(numbers('uno sobre tres', 'es')).toEqual([['uno sobre tres', 0.333333]]);
    expect(numbers('un sur trois', 'fr')).toEqual([['un sur trois', 0.333333]]);
  });
});

describe('spoken decimals and minus words', () => {
  it.each([
    ['en', 'The answer is minus five point five.', 'minus five point five', -5.5],
    ['en', 'It was cooled to minus 160 degrees.', 'minus 160', -160],
    ['nl', 'Het antwoord is min vijf komma vijf.', 'min vijf komma vijf', -5.5],
    ['de', 'Das sind zwei Komma drei Prozent.', 'zwei Komma drei', 2.3],
    ['es', 'Son cuarenta y siete coma veintiocho.', 'cuarenta y siete coma veintiocho', 47.28],
    ['pt', 'São sete vírgula cinco.', 'sete vírgula cinco', 7.5],
    ['it', 'Fa meno 5 gradi.', 'meno 5', -5],
  ])('%s: %s', (lang, text, span, value) => {
    expect(numbers(text, lang)).toContainEqual([span, value]);
  });

  it('a qualifier that ends in a minus word is no minus ("al menos", "au moins", "più o meno")', () => {
    expect(numbers('Murieron al menos 3 personas.', 'es')).toEqual([['3', 3]]);
    expect(numbers('Il y a eu au moins 12 morts.', 'fr')).toEqual([['12', 12]]);
    expect(numbers('Erano più o meno 20 persone.', 'it')).toEqual([['20', 20]]);
    expect(figures('Erano più o meno 20 persone.', 'it')[0]).toEqual(['più o meno 20', 20, null]);
  });
});

describe('money', () => {
  it.each([
    ['en', 'It only cost 15 dollars and 50 cents.', ['15 dollars and 50 cents', 15.5, 'USD']],
    ['en', 'It only cost thirteen dollars forty-five.', ['thirteen dollars forty-five', 13.45, 'USD']],
    ['nl', 'Het bedrag is 5 euro 50.', ['5 euro 50', 5.5, 'EUR']],
    ['de', 'Es kostet dreizehn Euro und fünfundvierzig Cent.', ['dreizehn Euro und fünfundvierzig Cent', 13.45, 'EUR']],
    ['sv', 'Det kostar tretton euro och fyrtiofem cent.', ['tretton euro och fyrtiofem cent', 13.45, 'EUR']],
    ['en', 'They lost 75 USD million in three years.', ['75 USD million', 75e6, 'USD']],
    ['en', 'Shares closed at 274.5 pence.', ['274.5 pence', 274.5, 'GBX']],
  ])('%s: %s', (lang, text, figure) => {
    expect(figures(text, lang)).toContainEqual(figure);
  });

  it('French "34 cents" is 34, not 3 400 ("cents" after digits is the minor unit, not hundreds)', () => {
    expect(figures('Le titre a perdu 34 cents.', 'fr')).toEqual([['34', 34, null]]);
  });

  it('keeps the next amount apart when it has a unit or currency of its own', () => {
    expect(figures('He paid 200 euros 10 days ago.', 'en')[0]).toEqual(['200 euros', 200, 'EUR']);
    expect(figures('50 dollar 40 rmb', 'en')).toEqual([['50 dollar', 50, 'USD'], ['40 rmb', 40, 'CNY']]);
  });
});

describe('still no figures', () => {
  it.each([
    ['en', 'He is the 5/1 favourite, and 9/11 changed everything.'],
    ['en', 'She won a third term and came second half an hour later.'],
    ['nl', 'Een studie over negentiende-eeuwse kunstenaars.'],
    ['es', 'Mañana sale la undécima etapa.'],
    ['es', 'Es un medio de comunicación.'],
  ])('%s: %s', (lang, text) => {
    expect(figures(text, lang)).toEqual([]);
  });

  it('ordinals are no fractions ("the fifth billion-dollar deal", "the preceding three quarters")', () => {
    expect(figures('It would be the fifth billion-dollar telecoms deal.', 'en')).toEqual([['billion', 1e9, null]]);
    expect(figures('The preceding three quarters were weak.', 'en')).toEqual([['three', 3, null]]);
    // Portuguese "quartos" are rooms.
    expect(figures('Quatro quartos, simples.', 'pt')).toEqual([['Quatro', 4, null]]);
  });

  it('"los tres con cuatro tantos" are two counts, not 3.4', () => {
    expect(numbers('Los tres con cuatro tantos.', 'es')).toEqual([['tres', 3], ['cuatro', 4]]);
  });
});
