// The entities step on the example articles: mentions merged into entities, roles with spans,
// role nouns resolved to the role holder, typo-tolerant surnames, offsets exact.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { entitiesStep, findEntities } from '../../../src/analysis/mentions/index.ts';
import { segmentSentences } from '../../../src/analysis/sentences/segment.ts';
import type { AnalyzedArticle, EntityLayer } from '../../../src/types.ts';

const example = (name: string) => readFileSync(new URL(`../../../examples/${name}`, import.meta.url), 'utf8');

function entities(text: string, lang: string): EntityLayer[] {
  return findEntities(text, lang, segmentSentences(text, lang));
}
const byName = (ents: EntityLayer[], name: string) => {
  const found = ents.filter((e) => e.name === name);
  expect(found.length, `one entity named ${name}`).toBe(1);
  return found[0];
};
const texts = (e: EntityLayer) => e.mentions.map((m) => m.text);

function checkOffsets(text: string, ents: EntityLayer[]) {
  for (const e of ents) {
    for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    for (const r of e.roles ?? []) expect(text.slice(r.start, r.end)).toBe(r.text);
  }
}

describe('entities of seed 000 (English)', () => {
  const text = example('000_3a9e140460d11d4b.txt');
  const ents = entities(text, 'en');

  it('merges full name, surname, "the president" and "he" into Donald Trump with his role', () => {
    const trump = byName(ents, 'Donald Trump');
    expect(trump.type).toBe('PER');
    expect(texts(trump)).toContain('Trump');
    expect(texts(trump)).toContain('the president');
    expect(texts(trump)).toContain('he');
    expect(trump.roles?.map((r) => r.role)).toContain('US President');
    const role = trump.roles!.find((r) => r.role === 'US President')!;
    expect(text.slice(role.start, role.end)).toBe('US President');
    expect(role.end).toBeLessThan(text.indexOf('Donald Trump') + 1);
  });

  it('resolves "The Israeli leader" to Netanyahu, not Trump', () => {
    const bibi = byName(ents, 'Benjamin Netanyahu');
    expect(texts(bibi)).toContain('The Israeli leader');
    expect(bibi.roles?.map((r) => r.role)).toEqual(expect.arrayContaining(['Israeli Prime Minister', 'Prime Minister']));
    expect(texts(byName(ents, 'Donald Trump'))).not.toContain('The Israeli leader');
  });

  it('gives roles to the other people and keeps them apart', () => {
    expect(byName(ents, 'Yoav Gallant').roles?.map((r) => r.role)).toEqual(['former defense minister']);
    expect(byName(ents, 'Mohammed Deif').roles?.map((r) => r.role)).toEqual(['Hamas commander']);
    expect(byName(ents, 'Steve Witkoff').roles?.map((r) => r.role)).toEqual(['US envoy']);
    expect(byName(ents, 'Mike Huckabee').roles?.map((r) => r.role)).toEqual(['US Ambassador to Israel']);
    expect(byName(ents, 'Hamas').type).toBe('ORG');
    checkOffsets(text, ents);
  });

  it('runs as a pipeline step', () => {
    const doc = { text, language: 'en', sentences: segmentSentences(text, 'en') } as unknown as AnalyzedArticle;
    const out = entitiesStep.run(doc);
    expect(out.entities?.map((e) => e.name)).toEqual(ents.map((e) => e.name));
    expect(entitiesStep.run({ ...doc, language: 'xx' }).entities).toEqual([]);
  });
});

describe('entities of seed 003 and 004 (English)', () => {
  it('joins the misspelt "Kusher" to Jared Kushner and "the Israeli Prime Minister" to Netanyahu', () => {
    const text = example('003_1d174a4085385254.txt');
    const ents = entities(text, 'en');
    const kushner = byName(ents, 'Jared Kushner');
    expect(texts(kushner)).toEqual(['Jared Kushner', 'Kusher']);
    // every merge says why
    expect(kushner.mentions.map((m) => m.how)).toEqual(['first mention', 'misspelling of Jared Kushner, the only person with a name this close']);
    const bibi = byName(ents, 'Benjamin Netanyahu');
    const how = (t: string) => bibi.mentions.findLast((m) => m.text === t)?.how;
    expect(how('Netanyahu')).toBe('surname of Benjamin Netanyahu, the last person of that name mentioned');
    expect(how('the Israeli leader')).toBe('refers to the Israeli Prime Minister, Benjamin Netanyahu');
    expect(how('he')).toBe('pronoun: Benjamin Netanyahu is the one matching person named just before');
    expect(texts(byName(ents, 'Benjamin Netanyahu'))).toContain('the Israeli Prime Minister');
    expect(texts(byName(ents, 'Donald Trump'))).toContain('The U.S. president');
    expect(byName(ents, 'Tony Blair').roles?.map((r) => r.role)).toEqual(['former U.K. Prime Minister']);
    expect(byName(ents, 'Steve Witkoff').roles?.map((r) => r.role)).toEqual(['White House envoy']);
    checkOffsets(text, ents);
  });

  it('merges "Mr. Blinken", "the Secretary" and "the secretary of state" into Antony Blinken', () => {
    const text = example('004_ed9a467948e1cb24.txt');
    const ents = entities(text, 'en');
    const blinken = byName(ents, 'Antony Blinken');
    expect(texts(blinken)).toEqual(expect.arrayContaining(['Antony Blinken', 'Blinken', 'The Secretary', 'the secretary of state']));
    expect(blinken.mentions.some((m) => text.slice(m.start - 4, m.end) === 'Mr. Blinken')).toBe(true);
    expect(blinken.roles?.map((r) => r.role)).toEqual(expect.arrayContaining(['U.S. Secretary of State', 'Secretary of State']));
    const miller = byName(ents, 'Matthew Miller');
    expect(texts(miller)).toContain('Miller');
    expect(miller.roles?.map((r) => r.role)).toEqual(['State Department spokesman']);
    expect(byName(ents, 'Isaac Herzog').mentions.length).toBeGreaterThanOrEqual(2);
    expect(byName(ents, 'Benny Gantz').roles?.map((r) => r.role)).toEqual(['War Cabinet member']);
    expect(byName(ents, 'Israel Katz').roles?.map((r) => r.role)).toEqual(['Israeli Foreign Minister']);
    const biden = byName(ents, 'Joe Biden');
    expect(texts(biden).filter((t) => t === 'Biden').length).toBeGreaterThanOrEqual(2);
    checkOffsets(text, ents);
  });
});

describe('entities of seed 002 (Dutch)', () => {
  const text = example('002_74f363901181367a.txt');
  const ents = entities(text, 'nl');

  it('finds Dutch roles and merges surnames', () => {
    const saar = byName(ents, 'Gideon Saar');
    expect(texts(saar).filter((t) => t === 'Saar').length).toBeGreaterThanOrEqual(2);
    expect(saar.roles?.map((r) => r.role)).toEqual(['Israëlische minister van Buitenlandse Zaken']);
    const bibi = byName(ents, 'Benjamin Netanyahu');
    expect(bibi.roles?.map((r) => r.role)).toEqual(expect.arrayContaining(['Israëlische premier']));
    expect(texts(bibi)).toContain('Netanyahu');
    expect(byName(ents, 'Donald Trump').roles?.map((r) => r.role)).toEqual(['Amerikaanse president']);
    expect(byName(ents, 'Bassem Naim').roles?.map((r) => r.role)).toEqual(['Senior Hamas-functionaris']);
    checkOffsets(text, ents);
  });

  it('types a name after a noun for an organisation as ORG ("De hulporganisatie Project Hope")', () => {
    expect(text).toContain('De hulporganisatie Project Hope');
    expect(byName(ents, 'Project Hope').type).toBe('ORG');
  });

  it('counts "Hamas-leiders" and "Hamas-functionaris" as mentions of Hamas, not as entities of their own', () => {
    const hamas = byName(ents, 'Hamas');
    expect(hamas.type).toBe('ORG');
    expect(texts(hamas)).toEqual(expect.arrayContaining(['Hamas-leiders', 'Hamas-functionaris']));
    expect(ents.some((e) => e.name.startsWith('Hamas-'))).toBe(false);
  });

  it('takes no span without a capital letter as a name ("een 60-daagse wapenstilstand")', () => {
    expect(text).toContain('een 60-daagse wapenstilstand');
    const all = ents.flatMap((e) => texts(e));
    expect(all.filter((t) => !/\p{Lu}/u.test(t) && !/^(hij|hem|zijn|haar|ze|zij)$/i.test(t))).toEqual([]);
  });

  it('splits a title the tagger joined to a name: "minister van [Defensie Yoav Gallant]"', () => {
    // the tagger reads "Defensie Yoav Gallant" as one organisation; the role phrase
    // "minister van Defensie" ends inside that span, so what follows it is a person
    const gallant = byName(ents, 'Yoav Gallant');
    expect(gallant.type).toBe('PER');
    expect(gallant.roles?.map((r) => r.role)).toEqual(['voormalig minister van Defensie']);
    expect(ents.some((e) => e.name.includes('Defensie'))).toBe(false);
  });

  it('resolves "de Israëlische premier" to the premier named in the article', () => {
    const variant = `${text}\n\nDe Israëlische premier wil de oorlog voortzetten, zei een woordvoerder.`;
    const bibi = byName(entities(variant, 'nl'), 'Benjamin Netanyahu');
    expect(texts(bibi)).toContain('De Israëlische premier');
  });
});

describe('merging rules on written variants', () => {
  it('joins a word built on a name to that name even when it comes first, and keeps the name as the entity name', () => {
    const ents = entities('The Hamas-run health ministry said 40 people died. Hamas denied that its fighters were among them.', 'en');
    const hamas = byName(ents, 'Hamas');
    expect(hamas.type).toBe('ORG');
    expect(texts(hamas)).toEqual(['Hamas-run', 'Hamas']);
    expect(ents.some((e) => e.name === 'Hamas-run')).toBe(false);
  });

  it('types a name after "the charity" as an organisation, and a name after a capitalised word as tagged', () => {
    const ents = entities('Doctors at the clinic run by the charity Project Hope said the strike killed five people. Sara Hope, a nurse, was unhurt.', 'en');
    expect(byName(ents, 'Project Hope').type).toBe('ORG');
    expect(byName(ents, 'Sara Hope').type).toBe('PER');
  });


  it('never merges two people who share a surname', () => {
    const text = 'President Joe Biden met his son Hunter Biden in Delaware on Monday. Hunter Biden later told reporters that Joe Biden was tired.';
    const ents = entities(text, 'en');
    const per = ents.filter((e) => e.type === 'PER').map((e) => e.name);
    expect(per).toEqual(expect.arrayContaining(['Joe Biden', 'Hunter Biden']));
    expect(texts(byName(ents, 'Joe Biden'))).not.toContain('Hunter Biden');
  });

  it('joins a bare surname to the person with that surname mentioned last', () => {
    const text = 'Jake Sullivan spoke first. Then Antony Blinken took the floor. Blinken said the talks would resume. Sullivan agreed.';
    const ents = entities(text, 'en');
    expect(texts(byName(ents, 'Antony Blinken'))).toEqual(['Antony Blinken', 'Blinken']);
    expect(texts(byName(ents, 'Jake Sullivan'))).toEqual(['Jake Sullivan', 'Sullivan']);
  });

  it('joins an acronym to the organisation it abbreviates', () => {
    const text = 'The International Criminal Court issued warrants on Thursday. Israel rejected the ICC decision the same day.';
    const icc = byName(entities(text, 'en'), 'International Criminal Court');
    expect(texts(icc)).toEqual(['International Criminal Court', 'ICC']);
  });

  it('does not resolve a role nobody in the article holds', () => {
    const text = 'Benjamin Netanyahu met Antony Blinken in Jerusalem. The king was not present.';
    const ents = entities(text, 'en');
    expect(ents.flatMap((e) => texts(e))).not.toContain('The king');
  });
});
