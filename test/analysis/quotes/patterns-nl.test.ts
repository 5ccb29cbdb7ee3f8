// Nederlandse patronen op zelfgeschreven tekst, met lastige negatieven.
import { describe, expect, it } from 'vitest';
import { entity, expectExactSlices, noQuote, quote, quotesOf } from './helpers.ts';

const who = (text: string) => {
  const qs = quotesOf(text, 'nl');
  expectExactSlices(text, qs);
  return qs;
};

describe('directe citaten (nl)', () => {
  it('leest „…“, "…", ‘…’ en «…»', () => {
    for (const s of ['„We geven niet op,“', '"We geven niet op,"', '‘We geven niet op,’', '«We geven niet op,»']) {
      const q = quote(who(`${s} zei burgemeester Anne de Vries in Utrecht.`), 'We geven niet op', 'direct');
      expect([q.text, q.speaker?.name, q.cue], s).toEqual(['We geven niet op', 'Anne de Vries', 'zei']);
    }
  });

  it('koppelt een gesplitst citaat en een vervolg zonder nieuwe aanhaling aan dezelfde spreker', () => {
    const qs = who('"We praten met iedereen," zei minister Karel Jansen, "maar niet vandaag."\n"Dat is ons standpunt."');
    for (const w of ['We praten met iedereen', 'maar niet vandaag', 'Dat is ons standpunt']) expect(quote(qs, w).speaker?.name).toBe('Karel Jansen');
  });

  it('leest een citaat dat met een gedachtestreepje begint', () => {
    const q = quote(who('– Ik kom morgen terug, zei Pieter Bakker.'), 'Ik kom morgen terug', 'direct');
    expect([q.speaker?.name, q.cue]).toEqual(['Pieter Bakker', 'zei']);
  });

  it('geeft een deelcitaat de spreker van de zin', () => {
    const q = quote(who('Premier Mark Visser noemde het plan "een historische stap" tijdens zijn bezoek.'), 'een historische stap', 'direct');
    expect([q.speaker?.name, q.cue]).toEqual(['Mark Visser', 'noemde']);
  });
});

describe('indirecte rede (nl)', () => {
  const cases: [string, string, string, string][] = [
    ['Minister Sanne Smit zei dat de begroting in 2027 sluitend is.', 'de begroting in 2027 sluitend is', 'Sanne Smit', 'zei'],
    ['Het ministerie verklaarde dat twee militairen gewond zijn geraakt.', 'twee militairen gewond zijn geraakt', 'Het ministerie', 'verklaarde'],
    ['Artsen waarschuwden dat de ziekte zich verder kan verspreiden.', 'de ziekte zich verder kan verspreiden', 'Artsen', 'waarschuwden'],
    ['Volgens woordvoerder Ali Yilmaz is de brand in de keuken begonnen.', 'is de brand in de keuken begonnen', 'Ali Yilmaz', 'Volgens'],
    ['Senior functionaris Tom Peters vertelde aan persbureau ANP dat de grens dichtgaat.', 'de grens dichtgaat', 'Tom Peters', 'vertelde'],
    ['De brand is in de keuken begonnen, aldus de brandweer.', 'De brand is in de keuken begonnen', 'de brandweer', 'aldus'],
  ];
  for (const [text, content, speaker, cue] of cases) {
    it(`${cue}: ${text.slice(0, 40)}…`, () => {
      const q = quote(who(text), content, 'indirect');
      expect([q.text, q.speaker?.name, q.cue]).toEqual([content, speaker, cue]);
    });
  }

  it('leest "zei X dat" met de spreker na het werkwoord', () => {
    const q = quote(who('In een interview met de krant zei Jansen dat de onderhandelingen vastzitten.'), 'de onderhandelingen vastzitten', 'indirect');
    expect(q.speaker?.name).toBe('Jansen');
  });

  it('rapporteert geen ontkende uitspraak', () => {
    noQuote(who('Minister Sanne Smit heeft niet verklaard dat het akkoord van tafel is.'), 'het akkoord van tafel is');
  });
});

describe('sprekers (nl)', () => {
  it('verwijst "hij" naar het laatste passende onderwerp, niet naar de dichtstbijzijnde naam', () => {
    const text = 'Volgens minister Gideon Saar is er vooruitgang. In een interview met de krant Die Presse zei Saar dat er nog verschillen zijn.\n"Er komen acht gijzelaars vrij," zei hij.';
    const q = quote(who(text), 'Er komen acht gijzelaars vrij', 'direct');
    expect(q.speaker?.name).toBe('Gideon Saar');
    expect(text.slice(q.speaker!.start!, q.speaker!.end!)).toBe('hij');
  });

  it('verwijst "de premier" naar wie die rol in het artikel heeft', () => {
    const text = 'De Israëlische premier Benjamin Netanyahu sprak in Washington. "We willen een akkoord," zei de premier.';
    const e = entity(text, 'n1', 'Benjamin Netanyahu', 'PER', ['Benjamin Netanyahu'], ['Israëlische premier']);
    expect(quote(quotesOf(text, 'nl', [e]), 'We willen een akkoord').speaker).toMatchObject({ name: 'Benjamin Netanyahu', entity: 'n1' });
    expect(quote(who(text), 'We willen een akkoord').speaker).toMatchObject({ name: 'Benjamin Netanyahu', entity: null });
  });

  it('houdt ongenoemde bronnen ongenoemd maar getypeerd', () => {
    const qs = who('"Dit gaat niet lang duren," zei een hoge functionaris. Ingewijden zeggen dat het akkoord deze week komt.');
    expect(quote(qs, 'Dit gaat niet lang duren').speaker).toMatchObject({ name: 'een hoge functionaris', entity: null });
    expect(quote(qs, 'het akkoord deze week komt').speaker).toMatchObject({ name: 'Ingewijden', entity: null });
  });
});

describe('geen citaten (nl)', () => {
  it('slaat titels van boeken en films over', () => {
    const qs = who('Zijn boek "De Lange Weg Terug" verscheen vorig jaar, net als de film "Het Stille Water".');
    noQuote(qs, 'Lange Weg');
    noQuote(qs, 'Stille Water');
  });

  it('slaat losse woorden tussen aanhalingstekens zonder spreekwerkwoord over', () => {
    noQuote(who('Het zogenaamde "vredesplan" werd zondag gepubliceerd.'), 'vredesplan');
  });
});
