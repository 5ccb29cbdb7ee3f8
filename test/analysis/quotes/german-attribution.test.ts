// German attribution (issue 12): the SpkAtt-2023 and REDEWIEDERGABE readers, the shared task's
// scoring worked out by hand, the shipped German model, and German beliefs and noun cues in text.
import { describe, expect, it } from 'vitest';
import { attributionModel } from '../../../src/analysis/quotes/model/model.ts';
import { dataPath } from '../../../support/data.ts';
import { detokenize, emptyCounts, prf, readSpkAttFile, scoreSpkAtt } from '../../../scripts/attribution/spkatt.ts';
import { parseRedewiedergabe, readRedewiedergabeFile } from '../../../scripts/attribution/redewiedergabe.ts';
import { hasData } from '../../helpers/needs.ts';
import { quote, quotesOf } from './helpers.ts';

describe('SpkAtt-2023 scoring (Rehbein et al. 2023, §5.2)', () => {
  it('counts the tokens of aligned cues and their roles; unaligned cues bring their roles as errors', () => {
    const gold = [
      { Cue: ['1:2'], roles: { Source: ['1:0', '1:1'], Message: ['1:4', '1:5', '1:6'] } },
      { Cue: ['2:0'], roles: { Source: ['2:1'] } },
    ];
    const sys = [
      // cue right, Source one of two tokens, Message two right and one extra
      { Cue: ['1:2'], roles: { Source: ['1:1'], Message: ['1:5', '1:6', '1:7'] } },
      // a cue gold does not have: its cue and Message tokens are false positives
      { Cue: ['3:4'], roles: { Message: ['3:5', '3:6'] } },
    ];
    const c = emptyCounts();
    scoreSpkAtt(gold, sys, c);
    expect(c.cue).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(c.byRole.Source).toEqual({ tp: 1, fp: 0, fn: 2 });
    expect(c.byRole.Message).toEqual({ tp: 2, fp: 3, fn: 1 });
    expect(c.joint).toEqual({ tp: 4, fp: 4, fn: 4 });
    expect(prf(c.joint).f1).toBeCloseTo(50);
  });

  it('aligns one system cue to one gold cue, the larger overlap first', () => {
    const c = emptyCounts();
    scoreSpkAtt([{ Cue: ['0:1', '0:2'], roles: {} }, { Cue: ['0:2'], roles: {} }], [{ Cue: ['0:1', '0:2'], roles: {} }], c);
    expect(c.cue).toEqual({ tp: 2, fp: 0, fn: 1 });
  });
});

describe('rebuilding tokenised German text', () => {
  it('writes commas, „…“ and brackets the way German is written, and keeps every token span', () => {
    const { text, spans } = detokenize([{ SentenceId: 0, Tokens: ['Er', 'sagte', ',', '„', 'das', 'geht', '“', '(', 'nicht', ')', '.'] }], 'x.json');
    expect(text).toBe('Er sagte, „das geht“ (nicht).');
    expect(text.slice(...spans.get('0:4')!)).toBe('das');
  });
  it('opens and closes guillemets and straight quotes by turn', () => {
    expect(detokenize([{ SentenceId: 0, Tokens: ['»', 'Eier', '!', '«', 'schrie', 'er', '.', '"', 'Ja', '"', ',', 'sagte', 'sie'] }], 'x').text).toBe('»Eier!« schrie er. "Ja", sagte sie');
    // a sample that begins inside a quotation: its first mark, after "!", closes
    expect(detokenize([{ SentenceId: 0, Tokens: ['marsch', '!', '«', 'schrie', 'er', '.', '»', 'Halt', '!', '«'] }], 'x').text).toBe('marsch!« schrie er. »Halt!«');
  });
});

describe('REDEWIEDERGABE columns', () => {
  it('reads nested STWR levels, alternative types, speakers and cues of several ids', () => {
    const head = 'tok\tnormtok\tlemma\tpos\trfpos\tsentstart\tstwr\tframe\tspeaker\tintexpr\tnote';
    const row = (tok: string, stwr: string, speaker = '-', intexpr = '-') => [tok, tok, tok, 'X', 'X', 'no', stwr, '-', speaker, intexpr, '-'].join('\t');
    const tsv = [head, row('Er', '-', 'speaker.1_2'), row('sagte', '-', '-', 'intexpr.1'), row(',', '-'), row('daß', 'indirect.speech.1'), row('sie', 'indirect.speech.1|reported.thought.2'), row('dachte', 'indirect.speech.1|reported.thought.2', '-', 'intexpr.2'), row('ja', 'indirect_freeIndirect.speech.3')].join('\n');
    const { tokens, stwr } = parseRedewiedergabe(tsv, 'x.tsv');
    expect(tokens).toEqual(['Er', 'sagte', ',', 'daß', 'sie', 'dachte', 'ja']);
    expect(stwr.map((s) => [s.id, s.types, s.tokens, s.cue, s.speaker])).toEqual([
      [1, ['indirect'], [3, 4, 5], [1], [0]],
      [2, ['reported'], [4, 5], [5], [0]],
      [3, ['indirect', 'freeIndirect'], [6], [], []],
    ]);
  });
  it('names the file and line of a bad value', () => {
    const head = 'tok\tnormtok\tlemma\tpos\trfpos\tsentstart\tstwr\tframe\tspeaker\tintexpr\tnote';
    expect(() => parseRedewiedergabe(`${head}\nEr\tEr\ter\tX\tX\tno\tspoken.3\t-\t-\t-\t-`, 'bad.tsv')).toThrow('bad.tsv:2: bad stwr value "spoken.3"');
  });
});

describe.runIf(hasData('spkatt2023', 'redewiedergabe'))('the German data sets, read', () => {
  it('a SpkAtt-2023 speech: cue, Source and Message as tokens of the quotes layer', () => {
    const d = readSpkAttFile(dataPath('spkatt2023', 'dev', '19002_Zusatzpunkt_3_AfD_Hilse_ID19209500_21.11.2017.json'));
    expect(d.ctx.text).toContain('Ich möchte an Helmut Schmidt erinnern, der äußerte: Wer Visionen hat, sollte zum Arzt gehen.');
    const words = (ix: number[]) => ix.map((i) => d.ctx.toks[i].text).join(' ');
    const g = d.gold.find((x) => words(x.cue) === 'äußerte')!;
    expect([words(g.source), words(g.content)]).toEqual(['der', 'Wer Visionen hat , sollte zum Arzt gehen']);
    expect(d.annotations.length).toBe(d.gold.length);
  });
  it('a REDEWIEDERGABE sample: direct speech in guillemets with its cue and speaker', () => {
    const d = readRedewiedergabeFile(dataPath('redewiedergabe', 'tsv', 'rwk_digbib_1014-1.tsv'));
    expect(d.ctx.text.startsWith('Eier! Schinken! Franzwein! Flink, marsch!« schrie ihn gebieterisch der Nazi an')).toBe(true);
    const s = d.stwr.find((x) => x.id === 1)!;
    expect(s.types).toEqual(['direct']);
    const words = (ix: number[]) => ix.map((i) => d.ctx.toks[i].text).join(' ');
    const g = d.gold.find((x) => words(x.source) === 'Nazi')!;
    expect(words(g.cue)).toBe('schrie an');
  });
});

describe('the German attribution model in the quotes layer', () => {
  it('is its own model, trained on SpkAtt-2023, and keeps to the cues of the German lexicon', () => {
    const m = attributionModel('de')!;
    expect(m.meta.lang).toBe('de');
    expect(m.meta.lexiconCues).toBe(true);
    expect(String(m.meta.training.data)).toMatch(/^SpkAtt-2023/);
  });
  it('reads beliefs, demands and admissions with their speakers', () => {
    const qs = quotesOf('Der Verband befürchtet, dass viele Bäckereien schließen müssen. Die Gewerkschaft Verdi verlangt, dass die Löhne um acht Prozent steigen. Der Wirtschaftsminister räumte ein, dass die Konjunktur schwächer ist.', 'de');
    expect(quote(qs, 'viele Bäckereien schließen müssen')).toMatchObject({ attributionKind: 'belief', cue: 'befürchtet' });
    expect(quote(qs, 'die Löhne um acht Prozent steigen')).toMatchObject({ attributionKind: 'indirect', speaker: { name: 'Gewerkschaft Verdi' } });
    expect(quote(qs, 'die Konjunktur schwächer ist').cue).toBe('räumte ein');
  });
  it('a cue the rules already read gives the model no second content: "sagte Trump vor Journalisten über die Hamas"', () => {
    const qs = quotesOf('„Sie wollen sich treffen“, sagte Trump vor Journalisten über die Hamas.', 'de');
    expect(qs.map((q) => q.text)).toEqual(['Sie wollen sich treffen']);
  });
});
