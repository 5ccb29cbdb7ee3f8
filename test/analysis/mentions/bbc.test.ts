// Within-article entities on BBC News 2004–05 (../shared/data/bbc), text nobody tuned for: each
// test is named after what went wrong there (issue 11).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../../src/analysis/mentions/index.ts';
import { segmentSentences } from '../../../src/analysis/sentences/segment.ts';
import type { EntityLayer } from '../../../src/types.ts';

const BBC = new URL('../../../../shared/data/bbc/', import.meta.url);
const entitiesOf = (name: string): EntityLayer[] => {
  const text = readFileSync(new URL(name, BBC), 'utf8');
  return findEntities(text, 'en', segmentSentences(text, 'en'));
};
const named = (ents: EntityLayer[], name: string): EntityLayer => {
  const e = ents.find((x) => x.name === name);
  if (!e) throw new Error(`no entity ${name} among ${ents.map((x) => x.name).join(', ')}`);
  return e;
};
const texts = (e: EntityLayer) => e.mentions.map((m) => m.text);

describe.skipIf(!existsSync(BBC))('entities on BBC News', () => {
  it('"talks with ... the Palestinian leader, Mahmoud Abbas": the apposition is not Tony Blair (politics/149)', () => {
    const ents = entitiesOf('politics/149.txt');
    expect(texts(named(ents, 'Tony Blair'))).not.toContain('the Palestinian leader');
    // "the British prime minister" in the next paragraph is Blair
    expect(texts(named(ents, 'Tony Blair'))).toContain('the British prime minister');
  });

  it('"Deutsche Bank and Gazpromneft" is two organisations when the article names Deutsche Bank alone (business/192)', () => {
    const ents = entitiesOf('business/192.txt');
    expect(ents.map((e) => e.name)).not.toContain('Deutsche Bank and Gazpromneft');
    expect(named(ents, 'Deutsche Bank').type).toBe('ORG');
    expect(named(ents, 'Gazpromneft').type).toBe('ORG');
  });

  it('"the prime minister" never joins Deputy Prime Minister John Prescott (politics/218, 251, 253)', () => {
    for (const f of ['politics/218.txt', 'politics/251.txt', 'politics/253.txt']) {
      expect(texts(named(entitiesOf(f), 'John Prescott')).map((t) => t.toLowerCase()), f).not.toContain('the prime minister');
    }
  });

  it('"the chancellor" is not shadow chancellor Oliver Letwin (politics/095, 361)', () => {
    for (const f of ['politics/095.txt', 'politics/361.txt']) {
      expect(texts(named(entitiesOf(f), 'Oliver Letwin')).map((t) => t.toLowerCase()), f).not.toContain('the chancellor');
    }
  });

  it('a "she" for a woman nobody names does not join "Prophet Muhammad" nor "Princes William" (politics/290, 104)', () => {
    const she = /^(she|her|hers|herself)$/i;
    expect(texts(named(entitiesOf('politics/290.txt'), 'Muhammad')).filter((t) => she.test(t))).toEqual([]);
    const royals = entitiesOf('politics/104.txt');
    expect(royals.filter((e) => /William/.test(e.name)).flatMap(texts).filter((t) => she.test(t))).toEqual([]);
    // while Camilla Parker Bowles, a woman, takes her pronouns
    expect(texts(named(royals, 'Parker Bowles')).filter((t) => she.test(t)).length).toBeGreaterThan(2);
  });

  it('"Mr Howard" never joins the "Mrs Howard" named before him (politics/011)', () => {
    const text = readFileSync(new URL('politics/011.txt', BBC), 'utf8');
    const titleOf = (start: number) => /(Mrs|Mr) $/.exec(text.slice(Math.max(0, start - 4), start))?.[1];
    for (const e of entitiesOf('politics/011.txt')) {
      const titles = new Set(e.mentions.map((m) => titleOf(m.start)).filter(Boolean));
      expect([...titles], e.name).toHaveLength(titles.size > 0 ? 1 : 0);
    }
  });

  it('"Michael Howard", a man by his given name, is not the "Mrs Howard" of the headline nor takes her pronouns (politics/011)', () => {
    const ents = entitiesOf('politics/011.txt');
    const michael = named(ents, 'Michael Howard');
    expect(texts(michael).map((t) => t.toLowerCase()).filter((t) => /^(she|her|hers|herself)$/.test(t))).toEqual([]);
    const text = readFileSync(new URL('politics/011.txt', BBC), 'utf8');
    expect(michael.mentions.map((m) => text.slice(Math.max(0, m.start - 4), m.start))).not.toContain('Mrs ');
  });

  it('"Labour", "Tories", "Gurkhas" take no "he" when the tagger calls them a person once (politics/147, 159, 208, 276)', () => {
    const he = /^(he|him|his|himself)$/i;
    const she = /^(she|her|hers|herself)$/i;
    const bad: string[] = [];
    for (const f of ['politics/147.txt', 'politics/159.txt', 'politics/208.txt', 'politics/276.txt']) {
      for (const e of entitiesOf(f)) {
        const t = texts(e);
        const m = t.some((x) => he.test(x));
        const w = t.some((x) => she.test(x));
        if ((e.type !== 'PER' && (m || w)) || (m && w)) bad.push(`${f}: ${e.type} ${e.name}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
