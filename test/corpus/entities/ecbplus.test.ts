// Cross-article entity resolution on ECB+ (../shared/data/ecbplus, all 35 topics): the name variants
// that were split before (issue 11) are one entity now, and what must stay apart does. Each case is
// read off the bench's error listing (`node bin/run-ts.js bench/global-entities-ecbplus.ts --errors`):
// a gold entity split over several predicted ones, or a predicted one merging several gold ones.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measureEntityResolution } from '../../../support/measure/global-entities-ecbplus.ts';
import { ECBPLUS_DIR } from '../../../support/measure/ecbplus.ts';

describe.skipIf(!existsSync(ECBPLUS_DIR))('corpus entities on ECB+', () => {
  const s = measureEntityResolution();
  /** The predicted part, within its split gold entity, of the mentions written `name`; 'whole' when that gold entity is not split. */
  const partOf = (name: string): string => {
    for (const c of s.errors.split) for (const p of c.parts) if (p.names.has(name)) return `${c.id}/${p.id}`;
    return 'whole';
  };
  const together = (...names: string[]) => {
    const parts = new Set(names.map(partOf));
    expect(parts.size, `${names.join(' / ')}: ${[...parts].join(', ')}`).toBe(1);
  };

  it('keeps precision at 0.97 or more', () => {
    expect(s.resolver.p).toBeGreaterThanOrEqual(0.97);
    expect(s.resolver.f).toBeGreaterThan(0.93);
  });

  it('joins short and variant first names with the same surname: Katie / Kathryn Jenkin, Mo / Maurice Cheeks, Fred / Frederick Cheney LaRue', () => {
    together('Katie Jenkin', 'Kathryn Jenkin');
    together('Mo Cheeks', 'Maurice Cheeks');
    together('Fred LaRue', 'Frederick Cheney LaRue');
  });

  it('joins transliterations: Heidar Alishvandi / Heydar Alishbandi / Heydar Alishvandi', () => {
    together('Heidar Alishvandi', 'Heydar Alishbandi', 'Heydar Alishvandi');
  });

  it('tells the Jenkins apart by the gender titles and given names tell: Mr Jenkin is John, Miss Jenkin is Katie', () => {
    together('Mr Jenkin', 'John Jenkin');
    together('Miss Jenkin', 'Kathryn Jenkin');
    expect(partOf('Mr Jenkin')).not.toBe(partOf('Miss Jenkin'));
  });

  it('joins an organisation named by part of its name before the whole: Chargers / San Diego Chargers, Creighton / Bluejays / Creighton Bluejays', () => {
    together('Chargers', 'San Diego Chargers');
    together('Creighton', 'Bluejays', 'Creighton Bluejays');
  });

  it('joins acronyms to their expansions across articles: AMPAS / Academy of Motion Picture Arts and Sciences / Academy', () => {
    together('AMPAS', 'Academy of Motion Picture Arts and Sciences', 'Academy');
  });

  it('joins British and American spellings: Betty Ford Centre / Betty Ford Center', () => {
    together('Betty Ford Centre', 'Betty Ford Center');
  });

  it('does not join "New York Police" to "Oregon State Police" through their shared last word', () => {
    const merged = s.errors.merged.filter((c) => c.parts.some((p) => p.names.has('Oregon State Police')) && c.parts.some((p) => p.names.has('New York Police')));
    expect(merged).toEqual([]);
  });
});
