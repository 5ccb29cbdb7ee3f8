// English patterns on text written for the tests, including the tricky negatives.
import { describe, expect, it } from 'vitest';
import { entity, expectExactSlices, noQuote, quote, quotesOf } from './helpers.ts';

const who = (text: string) => {
  const qs = quotesOf(text, 'en');
  expectExactSlices(text, qs);
  return qs;
};

describe('direct quotes (en)', () => {
  it('reads every quotation mark style', () => {
    const styles = ['“We will not give up,”', '‘We will not give up,’', '"We will not give up,"', "'We will not give up,'", '„We will not give up,“', '«We will not give up,»'];
    for (const s of styles) {
      const text = `${s} said Maria Lopez, the mayor of Springfield.`;
      const q = quote(who(text), 'We will not give up', 'direct');
      expect([q.text, q.speaker?.name, q.cue], s).toEqual(['We will not give up', 'Maria Lopez', 'said']);
    }
  });

  it('keeps apostrophes inside single quotation marks', () => {
    const q = quote(who("'We don't know what Hamas' leaders want,' Ms. Reed said."), 'We don', 'direct');
    expect(q.text).toBe("We don't know what Hamas' leaders want");
    expect(q.speaker?.name).toBe('Reed');
  });

  it('joins the halves of a split quote to one speaker', () => {
    const qs = who('“We will talk to them,” Senator Paul Grant said on Tuesday, “but not before the vote.”');
    for (const w of ['We will talk to them', 'but not before the vote']) expect(quote(qs, w).speaker?.name).toBe('Paul Grant');
  });

  it('continues a quotation into the next sentence and paragraph, but not past narration', () => {
    const text = [
      '“The plan is dead,” said Oliver Stone, the party chairman. “We start again on Monday.”',
      '“Nobody wanted this outcome.”',
      'The meeting ended an hour later.',
      '“It was a long night for everyone here.”',
    ].join('\n');
    const qs = who(text);
    expect(quote(qs, 'We start again on Monday').speaker?.name).toBe('Oliver Stone');
    expect(quote(qs, 'Nobody wanted this outcome').speaker?.name).toBe('Oliver Stone');
    expect(quote(qs, 'It was a long night for everyone here').speaker).toBeNull();
  });

  it('gives a partial quote the speaker of its sentence', () => {
    const qs = who('Defense Minister Anna Berg praised the agreement as “a bold step toward peace” during a visit to Oslo.');
    const q = quote(qs, 'a bold step toward peace', 'direct');
    expect([q.speaker?.name, q.cue]).toEqual(['Anna Berg', 'praised']);
  });

  it('recognises a quotation whose marks were lost by its trailing cue', () => {
    const text = 'Defense Minister Anna Berg visited the border on Monday.\nWe are not going anywhere, the minister said. We will stay until the job is done.';
    const qs = who(text);
    const q = quote(qs, 'We are not going anywhere', 'direct');
    expect([q.speaker?.name, text.slice(q.speaker!.start!, q.speaker!.end!), q.cue]).toEqual(['Anna Berg', 'the minister', 'said']);
    expect(quote(qs, 'We will stay until the job is done', 'direct').speaker?.name).toBe('Anna Berg');
  });

  it('an unmarked trailing clause without a first person is reported speech', () => {
    const q = quote(who('The talks will resume next week in Doha, a diplomat said.'), 'The talks will resume', 'indirect');
    expect(q.speaker).toMatchObject({ name: 'a diplomat', entity: null });
  });

  it('attributes a quotation followed by a dash and a name', () => {
    const q = quote(who('“He never answers a question.” ― Carla Sanchez'), 'He never answers', 'direct');
    expect(q.speaker?.name).toBe('Carla Sanchez');
  });
});

describe('reported speech (en)', () => {
  const cases: [string, string, string, string][] = [
    ['Prime Minister John Ward said that the budget would be balanced by 2027.', 'the budget would be balanced by 2027', 'John Ward', 'said'],
    ['Ambassador Lisa Chen told reporters on Monday that the embassy would reopen.', 'the embassy would reopen', 'Lisa Chen', 'told'],
    ['The ministry confirmed that two soldiers were wounded in the attack.', 'two soldiers were wounded in the attack', 'The ministry', 'confirmed'],
    ['Governor Tom Hale insisted the state had enough water for the summer.', 'the state had enough water for the summer', 'Tom Hale', 'insisted'],
    ['Health officials warned that the outbreak could spread to the capital.', 'the outbreak could spread to the capital', 'Health officials', 'warned'],
    ['Economist Rosa Klein suggested interest rates would fall again in the spring.', 'interest rates would fall again in the spring', 'Rosa Klein', 'suggested'],
    ['The company maintained that it had followed every safety rule.', 'it had followed every safety rule', 'The company', 'maintained'],
    ['According to Chief Inspector Ravi Patel, the fire started in the kitchen.', 'the fire started in the kitchen', 'Ravi Patel', 'According to'],
    ['The fire started in the kitchen, according to the fire department.', 'The fire started in the kitchen', 'the fire department', 'according to'],
  ];
  for (const [text, content, speaker, cue] of cases) {
    it(`${cue}: ${text.slice(0, 40)}…`, () => {
      const q = quote(who(text), content, 'indirect');
      expect([q.text, q.speaker?.name, q.cue]).toEqual([content, speaker, cue]);
    });
  }

  it('ends the reported clause where the next attribution begins', () => {
    const qs = who('Although Mayor Ines Ortega said that the road would open in May, she warned that the bridge needed more work.');
    expect(quote(qs, 'the road would open in May', 'indirect').text).toBe('the road would open in May');
    const warned = quote(qs, 'the bridge needed more work', 'indirect');
    expect([warned.speaker?.name, warned.cue]).toEqual(['Ines Ortega', 'warned']);
  });

  it('never reports a negated cue', () => {
    noQuote(who('Commissioner Alan Price did not say that the deal was dead.'), 'the deal was dead');
  });
});

describe('speakers (en)', () => {
  it('resolves a pronoun to the most recent compatible subject, not the nearest name', () => {
    const qs = who('Prime Minister Jane Holt met Peter Smith on Monday. She said that the talks had gone well.');
    expect(quote(qs, 'the talks had gone well').speaker?.name).toBe('Jane Holt');
  });

  it('respects gender when choosing the antecedent', () => {
    const text = 'Ms. Ann Cole opened the hearing. Then Mr. John Reed took the floor.\n“We will not sign this,” she said.';
    const q = quote(who(text), 'We will not sign this');
    expect(q.speaker?.name).toBe('Ann Cole');
    expect(text.slice(q.speaker!.start!, q.speaker!.end!)).toBe('she');
  });

  it('resolves titles and surnames to the person named in the article', () => {
    const text = 'Secretary of State Antony Blinken arrived in Cairo. “We want a deal,” Mr. Blinken said.\n“The time is now,” the secretary of state said.';
    const qs = who(text);
    expect(quote(qs, 'We want a deal').speaker?.name).toBe('Antony Blinken');
    expect(quote(qs, 'The time is now').speaker?.name).toBe('Antony Blinken');
  });

  it('uses the entities layer: id and full name of the entity', () => {
    const text = 'US President Donald Trump met the press. “It was a great day,” the president said.';
    const e = entity(text, 'p1', 'Donald Trump', 'PER', ['Donald Trump'], ['US President']);
    const q = quote(quotesOf(text, 'en', [e]), 'It was a great day');
    expect(q.speaker).toMatchObject({ name: 'Donald Trump', entity: 'p1' });
  });

  it('keeps unnamed sources unnamed but typed', () => {
    const qs = who('“This will not last,” a senior administration official said. Two Western diplomats said that the ceasefire was fragile.');
    expect(quote(qs, 'This will not last').speaker).toMatchObject({ name: 'a senior administration official', entity: null });
    expect(quote(qs, 'the ceasefire was fragile').speaker).toMatchObject({ name: 'Two Western diplomats', entity: null });
  });

  it('attributes a label with a naming cue ("referred to … as") to the speaker', () => {
    const q = quote(who('Senator Mia Long referred to the proposal as “unacceptable” on Friday.'), 'unacceptable');
    expect([q.speaker?.name, q.cue]).toEqual(['Mia Long', 'referred']);
  });
});

describe('not quotes (en)', () => {
  it('skips titles of books and films', () => {
    const qs = who('Obama’s memoir “A Promised Land” sold well, and the film “The Long Night Ahead” did not. She said she liked the book “Dreams Of Summer Rain.”');
    noQuote(qs, 'Promised Land');
    noQuote(qs, 'Long Night');
    noQuote(qs, 'Dreams Of Summer');
  });

  it('skips scare quotes without a speech cue in the sentence', () => {
    noQuote(who('The so-called “peace plan” was published on Sunday.'), 'peace plan');
  });

  it('skips a quoted headline', () => {
    const text = '“Trump Wins The Nomination Again”\nThe vote was held in Ohio.';
    noQuote(who(text), 'Trump Wins');
  });

  it('skips quotation marks inside markup', () => {
    const qs = who('He was angered,<a rel="nofollow" target="_blank" href="https://example.com/story-one">Politico reported.');
    for (const w of ['nofollow', '_blank', 'https']) noQuote(qs, w);
  });
});
