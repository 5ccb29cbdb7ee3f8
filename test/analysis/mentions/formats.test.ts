// Readers of the annotated NER formats (src/analysis/mentions/ner/formats.ts) on small fixtures
// written in each format as its data set publishes it (../shared/data/README.md).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NerFormatError, parseNer, readNerFile, toConll, type LabelledDoc } from '../../../src/analysis/mentions/ner/formats.ts';
import { parseConll } from '../../../src/analysis/mentions/ner/conll.ts';

/** Each sentence as "word word [TYPE name]" for readable expectations. */
function show(docs: LabelledDoc[]): string[][] {
  return docs.map((d) =>
    d.sentences.map((s, i) => {
      const out = [...s];
      for (const sp of [...d.spans[i]].sort((a, b) => b.start - a.start)) out.splice(sp.start, sp.end - sp.start, `[${sp.type} ${s.slice(sp.start, sp.end).join(' ')}]`);
      return out.join(' ');
    }),
  );
}

describe('NER format readers', () => {
  it('conll: IOB2 in the last of 3 columns, no -DOCSTART-: pseudo-documents of docSentences sentences', () => {
    const text = 'El DA O\nPresidente NC O\nJosé NP B-PER\nMaría NP I-PER\nAznar NP I-PER\nvisitó VMI O\nMadrid NP B-LOC\n. Fp O\n\nLa DA O\nONU NP B-ORG\n\nLa DA O\nEFE NP B-ORG\n';
    expect(show(parseNer(text, 'conll', 'esp', 2))).toEqual([['El Presidente [PER José María Aznar] visitó [LOC Madrid] .', 'La [ORG ONU]'], ['La [ORG EFE]']]);
  });

  it('conll: a docStart expression (CoNLL-2002 Spanish datelines) opens documents instead of pseudo-documents', () => {
    const text = [
      'Madrid NC B-LOC\n, Fc O\n23 Z O\nmay NC O\n( Fpa O\nEFE NC B-ORG\n) Fpt O\n. Fp O\n',
      'El DA O\nPP NC B-ORG\nganó VMI O\n',
      'Lima NC B-LOC\n, Fc O\n23 Z O\nmay NC O\n( Fpa O\nEFECOM NC B-ORG\n) Fpt O\n. Fp O\n',
      'Fujimori NC B-PER\nhabló VMI O\n',
    ].join('\n');
    expect(show(parseNer(text, 'conll', 'esp', 1, /\( EFE(COM)? \)/))).toEqual([
      ['[LOC Madrid] , 23 may ( [ORG EFE] ) .', 'El [ORG PP] ganó'],
      ['[LOC Lima] , 23 may ( [ORG EFECOM] ) .', '[PER Fujimori] habló'],
    ]);
  });

  it('conll: -DOCSTART- lines (with a blank line after them or not) open documents; IOB1 is read too', () => {
    const text = '-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP I-MISC\n\n-DOCSTART- -DOCSTART- O\nDe Art O\nBelgen N B-MISC\n';
    expect(show(parseNer(text, 'conll'))).toEqual([['[ORG EU] rejects [MISC German]'], ['De [MISC Belgen]']]);
  });

  it('wikiann: the language prefix is dropped', () => {
    const text = 'de:als\tO\nde:Teil\tO\nde:der\tO\nde:Savoyer\tB-LOC\nde:Voralpen\tI-LOC\n\nfr:Jean-Pierre\tB-PER\nfr:Raffarin\tI-PER\n';
    expect(show(parseNer(text, 'wikiann', 'wikiann', 1))).toEqual([['als Teil der [LOC Savoyer Voralpen]'], ['[PER Jean-Pierre Raffarin]']]);
  });

  it('wikineural: index, word, tag', () => {
    const text = '0\tDie\tO\n1\tEuropameisterschaften\tO\n2\tin\tO\n3\tDresden\tB-LOC\n4\tgewann\tO\n5\tder\tO\n6\tFC\tB-ORG\n7\tBayern\tI-ORG\n';
    expect(show(parseNer(text, 'wikineural'))).toEqual([['Die Europameisterschaften in [LOC Dresden] gewann der [ORG FC Bayern]']]);
  });

  it('germeval: one document per "#" sentence; OTH is MISC, deriv and part are O', () => {
    const text = [
      '#\thttp://www.heise.de/tp/r4/artikel/32/32883/1.html\t[2010-07-04]\t',
      '1\tGleich\tO\tO',
      '2\tentwirft\tO\tO',
      '3\t"\tO\tO',
      '4\tEcce\tB-OTH\tO',
      '5\thomo\tI-OTH\tO',
      '6\t"\tO\tO',
      '',
      '#\thttp://de.wikipedia.org/wiki/Berlin\t[2009-10-17]\t',
      '1\tDie\tO\tO',
      '2\tdeutschen\tB-LOCderiv\tO',
      '3\tUS-Bürger\tB-LOCpart\tO',
      '4\tin\tO\tO',
      '5\tBerlin\tB-LOC\tO',
      '6\tund\tO\tO',
      '7\tAngela\tB-PER\tO',
      '8\tMerkel\tI-PER\tO',
      '',
    ].join('\n');
    expect(show(parseNer(text, 'germeval'))).toEqual([['Gleich entwirft " [MISC Ecce homo] "'], ['Die deutschen US-Bürger in [LOC Berlin] und [PER Angela Merkel]']]);
  });

  it('uner: "# newdoc" opens a document, other comments are skipped', () => {
    const text = [
      '# newdoc id = batch-0000',
      '# sent_id = batch-0000-0001',
      '# text = O Benfica venceu em Lisboa',
      '1\tO\tO\t-\t-',
      '2\tBenfica\tB-ORG\t-\t-',
      '3\tvenceu\tO\t-\t-',
      '4\tem\tO\t-\t-',
      '5\tLisboa\tB-LOC\t-\t-',
      '',
      '# sent_id = batch-0000-0002',
      '# text = Cavaco Silva',
      '1\tCavaco\tB-PER\t-\t-',
      '2\tSilva\tI-PER\t-\t-',
      '',
      '# newdoc id = batch-0001',
      '# sent_id = batch-0001-0001',
      '1\tBrasília\tB-LOC\t-\t-',
      '',
    ].join('\n');
    expect(show(parseNer(text, 'uner'))).toEqual([['O [ORG Benfica] venceu em [LOC Lisboa]', '[PER Cavaco Silva]'], ['[LOC Brasília]']]);
  });

  it('bare (swedish-ner-corpus): 0 is outside, a run of one type is one name, tabs and spaces mixed, a stray one-field line skipped', () => {
    const text = 'Enligt\t0\nStefan\tPER\nLöfven\tPER\ni   0\nStockholm LOC\nbn\n.\t0\n';
    expect(show(parseNer(text, 'bare'))).toEqual([['Enligt [PER Stefan Löfven] i [LOC Stockholm] .']]);
  });

  it('harem: Portuguese categories; TEMPO and VALOR are not names', () => {
    const text = 'A\tO\nAssociação\tORGANIZACAO\nde\tORGANIZACAO\nFutebol\tORGANIZACAO\nem\tO\n1998\tTEMPO\nJosé\tPESSOA\nSaramago\tPESSOA\nem\tO\nLisboa\tLOCAL\n';
    expect(show(parseNer(text, 'harem'))).toEqual([['A [ORG Associação de Futebol] em 1998 [PER José Saramago] em [LOC Lisboa]']]);
  });

  it('europeana: sentences end at . ! ? before a capitalised word; IOB1 I- runs; malformed tags normalised, unknown types O', () => {
    const lines = [
      'M. I-PER', 'Barthou I-PER', 'arrive', // "M." is not a sentence end; the one-field line is an error below
    ];
    expect(() => parseNer(lines.join('\n'), 'europeana', 'enp.bio')).toThrow('enp.bio:3: expected "word TAG"');
    const text = [
      'M. I-PER', 'Barthou I-PER', 'arrive O', 'à O', 'Paris I-LOC', '. O', 'Le I-ORG', 'Temps I_ORG', 'le O', 'dit O', '. O',
      'trois O', 'jours O', '! O', 'Rennes B-LOc', 'et O', 'Xyz B-BER', '? O', '# file: page2.xml', 'Lyon I-LOC',
    ].join('\n');
    expect(show(parseNer(text, 'europeana'))).toEqual([
      ['[PER M. Barthou] arrive à [LOC Paris] .', '[ORG Le Temps] le dit . trois jours !', '[LOC Rennes] et Xyz ?'],
      ['[LOC Lyon]'],
    ]);
  });

  it('a bad line is an error naming the file and line', () => {
    expect(() => parseNer('Berlin\tB-LOC\nist\tX-FOO\n', 'conll', 'x.tsv')).toThrow(NerFormatError);
    expect(() => parseNer('Berlin\tB-LOC\nist\tX-FOO\n', 'conll', 'x.tsv')).toThrow('x.tsv:2: unknown tag "X-FOO"');
    expect(() => parseNer('1\tBerlin\n', 'germeval', 'g.tsv')).toThrow('g.tsv:1:');
    expect(() => parseNer('Lisboa\tCIDADE\n', 'harem', 'h.txt')).toThrow('h.txt:1: unknown HAREM category "CIDADE"');
  });

  it('split keeps every n-th document out; held-out and rest partition the file; types and domain apply', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-formats-'));
    const sents = Array.from({ length: 7 }, (_, i) => `#\turl${i}\t[2010-01-01]\t\n1\tWort${i}\tO\tO\n2\tBerlin\tB-LOC\tO\n3\tX\tB-OTH\tO\n`);
    writeFileSync(join(dir, 'g.tsv'), sents.join('\n'));
    const words = (docs: LabelledDoc[]) => docs.map((d) => d.sentences[0][0]);
    const held = readNerFile(dir, { file: 'g.tsv', format: 'germeval', split: { every: 3, part: 'held-out' } });
    const rest = readNerFile(dir, { file: 'g.tsv', format: 'germeval', split: { every: 3, part: 'rest' }, types: ['LOC'], domain: 2 });
    expect(words(held)).toEqual(['Wort2', 'Wort5']);
    expect(words(rest)).toEqual(['Wort0', 'Wort1', 'Wort3', 'Wort4', 'Wort6']);
    expect(rest.every((d) => d.domain === 2 && d.spans[0].length === 1 && d.spans[0][0].type === 'LOC')).toBe(true);
    expect(held[0].spans[0].map((s) => s.type)).toEqual(['LOC', 'MISC']);
  });

  it('toConll writes what parseConll and the readers read back', () => {
    const docs = parseNer('0\tDie\tO\n1\tFC\tB-ORG\n2\tBayern\tI-ORG\n\n0\tin\tO\n1\tMünchen\tB-LOC\n', 'wikineural', 'w', 1);
    const text = toConll(docs);
    expect(parseConll(text).map((d) => d.sentences.map((s) => s.words))).toEqual([[['Die', 'FC', 'Bayern']], [['in', 'München']]]);
    expect(show(parseNer(text, 'conll'))).toEqual(show(docs));
  });
});
