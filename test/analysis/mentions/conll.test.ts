// `dossier tag`: CoNLL lines in, the same lines with the predicted BIO tag appended out.
import { describe, expect, it } from 'vitest';
import { PassThrough, Readable } from 'node:stream';
import { readFileSync } from 'node:fs';
import { tagConll, parseConll } from '../../../src/analysis/mentions/ner/conll.ts';
import { dataPath } from '../../../support/data.ts';
import { hasData } from '../../helpers/needs.ts';
import { spansFromBio } from '../../../src/analysis/mentions/ner/tags.ts';

async function run(input: string, lang: string): Promise<string> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (c: Buffer) => (text += c.toString('utf8')));
  await tagConll(Readable.from([input]), out, lang);
  return text;
}

describe('tagConll', () => {
  it('appends a BIO tag to each token line and keeps -DOCSTART- and sentence breaks', async () => {
    const input = [
      '-DOCSTART- -X- -X- O',
      '',
      'EU NNP B-NP B-ORG',
      'rejects VBZ B-VP O',
      'German JJ B-NP B-MISC',
      'call NN I-NP O',
      '. . O O',
      '',
      'Peter NNP B-NP B-PER',
      'Blackburn NNP I-NP I-PER',
      '',
      '-DOCSTART- -X- -X- O',
      '',
      'Antony',
      'Blinken',
      'met',
      'Benjamin',
      'Netanyahu',
      'in',
      'Jerusalem',
      '.',
      '',
    ].join('\n');
    const out = await run(input, 'en');
    const inLines = input.split('\n').filter((l) => l.trim() && !l.startsWith('-DOCSTART-'));
    const outLines = out.split('\n').filter((l) => l.trim() && !l.startsWith('-DOCSTART-'));
    expect(outLines.length).toBe(inLines.length);
    outLines.forEach((l, i) => {
      expect(l.startsWith(`${inLines[i]} `)).toBe(true);
      expect(l.split(' ').pop()).toMatch(/^(O|[BI]-(PER|ORG|LOC|MISC))$/);
    });
    expect(out.split('\n').filter((l) => l.startsWith('-DOCSTART-')).length).toBe(2);
    const docs = parseConll(out);
    expect(docs.length).toBe(2);
    expect(docs[0].sentences.length).toBe(2);
    const lastCol = (s: { lines: string[] }) => s.lines.map((l) => l.split(' ').pop()!);
    expect(lastCol(docs[0].sentences[1])).toEqual(['B-PER', 'I-PER']);
    expect(spansFromBio(lastCol(docs[1].sentences[0]))).toEqual([
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 5, type: 'PER' },
      { start: 6, end: 7, type: 'LOC' },
    ]);
  });

  it('tags Dutch CoNLL-2002 input (DOCSTART without a blank line after it)', async () => {
    const input = ['-DOCSTART- -DOCSTART- O', 'De Art O', 'Belgische Adj B-MISC', 'premier N O', 'Guy N B-PER', 'Verhofstadt N I-PER', 'bezocht V O', 'Parijs N B-LOC', '. Punc O', ''].join('\n');
    const out = await run(input, 'nl');
    const lines = out.split('\n').filter((l) => l.trim() && !l.startsWith('-DOCSTART-'));
    expect(lines.map((l) => l.split(' ').pop())).toEqual(['O', 'B-MISC', 'O', 'B-PER', 'I-PER', 'O', 'B-LOC', 'O']);
  });

  it.runIf(hasData('conll2003'))('round-trips the first documents of the English development set unchanged apart from the tag', async () => {
    const dev = readFileSync(dataPath('conll2003', 'eng.testa'), 'utf8');
    const docs = dev.split(/^(?=-DOCSTART-)/m).slice(0, 3).join('');
    const out = await run(docs, 'en');
    const tokenLines = (s: string) => s.split('\n').filter((l) => l.trim() && !l.startsWith('-DOCSTART-'));
    const a = tokenLines(docs);
    const b = tokenLines(out);
    expect(b.length).toBe(a.length);
    let agree = 0;
    b.forEach((l, i) => {
      const cols = l.split(' ');
      expect(cols.slice(0, -1).join(' ')).toBe(a[i].trim());
      const gold = cols[cols.length - 2];
      const pred = cols[cols.length - 1];
      if (gold.slice(2) === pred.slice(2)) agree++;
    });
    expect(agree / b.length).toBeGreaterThan(0.95);
  });
});
