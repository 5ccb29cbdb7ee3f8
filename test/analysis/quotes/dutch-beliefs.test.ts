// Dutch beliefs, intentions and fears (issue 12): no Dutch training data exists, so they come from
// the cues of src/lang/nl/quotes.json (denkt, meent, hoopt, verwacht, vreest, wil dat, gaat ervan
// uit, is bang …) read by the rules and the language-neutral model. Passages written for the test.
import { describe, expect, it } from 'vitest';
import { measureQuotesNl } from '../../../support/measure/quotes-nl.ts';
import { quote, quotesOf } from './helpers.ts';

describe('Dutch cues of belief and intention', () => {
  it('reads "vrezen dat", "hoopt dat", "meent dat" and "gaat ervan uit dat" as beliefs of their subject', () => {
    const qs = quotesOf(
      'Zorgverzekeraars vrezen dat de premie volgend jaar flink stijgt. Het kabinet hoopt dat de nieuwe wet op 1 januari ingaat. ' +
        'Wethouder Said Kasmi meent dat de brug in 2027 klaar is. De politie gaat ervan uit dat de brand is aangestoken.',
      'nl',
    );
    expect(quote(qs, 'de premie volgend jaar')).toMatchObject({ attributionKind: 'belief', cue: 'vrezen', speaker: { name: 'Zorgverzekeraars' } });
    expect(quote(qs, 'de nieuwe wet')).toMatchObject({ attributionKind: 'belief', cue: 'hoopt', speaker: { name: 'Het kabinet' } });
    // "wethouder" is a title: the speaker is the person, not "Wethouder Said Kasmi"
    expect(quote(qs, 'de brug in 2027')).toMatchObject({ attributionKind: 'belief', cue: 'meent', speaker: { name: 'Said Kasmi' } });
    expect(quote(qs, 'de brand is aangestoken')).toMatchObject({ attributionKind: 'belief', cue: 'gaat ervan uit', speaker: { name: 'De politie' } });
  });

  it('an intention ("wil dat") is a belief; "liet weten" is speech, not knowledge', () => {
    const qs = quotesOf('Vakbondsleider Tuur Elzinga wil dat het minimumloon stijgt. Ajax-directeur Alex Kroes liet weten dat de club geen spelers meer verkoopt.', 'nl');
    expect(quote(qs, 'het minimumloon stijgt')).toMatchObject({ attributionKind: 'belief', speaker: { name: 'Tuur Elzinga' } });
    expect(quote(qs, 'de club geen spelers')).toMatchObject({ attributionKind: 'indirect', cue: 'liet weten', speaker: { name: 'Alex Kroes' } });
  });

  it('"wil" as an auxiliary is no cue: no quote without "dat"', () => {
    expect(quotesOf('De minister wil volgend jaar een nieuwe wet indienen.', 'nl')).toEqual([]);
  });
});

describe('the hand-labelled Dutch set (test/fixtures/quotes-nl-attributions.json)', () => {
  it('holds at least 50 attributions, of which the rules and the neutral model find 50 and name 44 speakers right', () => {
    const { passages } = measureQuotesNl();
    expect(passages.gold).toBeGreaterThanOrEqual(50);
    expect(passages.found).toBeGreaterThanOrEqual(50);
    expect(passages.speakerRight).toBeGreaterThanOrEqual(44);
  });
});
