// Entity layers for the five example articles, built by hand the way per-article NER plus
// within-article merging should produce them: real names, offsets found by searching the text.
// Publication dates are the ones the articles report (000: July 2025 White House visit, 001: Feb
// 2025, 002: July 2025, 003: 29 Sept 2025 per its image URL, 004: 1 May 2024).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityLayer, EntityType, Mention } from '../../../src/types.ts';
import type { ArticleEntities } from '../../../src/corpus/entities/resolve.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples');

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Every occurrence of `surface` in `text` at word boundaries, skipping those inside an `except` phrase. */
export function spans(text: string, surface: string, except: string[] = []): Mention[] {
  const blocked: [number, number][] = [];
  for (const e of except) for (let i = text.indexOf(e); i >= 0; i = text.indexOf(e, i + 1)) blocked.push([i, i + e.length]);
  const out: Mention[] = [];
  for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) {
    const end = i + surface.length;
    if (isWordChar(text[i - 1]) || isWordChar(text[end])) continue;
    if (blocked.some(([s, e]) => i >= s && end <= e && !(i === s && end === e))) continue;
    out.push({ start: i, end, text: surface });
  }
  return out;
}

export interface EntitySpec {
  type: EntityType;
  name: string;
  /** Surface forms whose occurrences are the mentions (the name itself when omitted). */
  forms?: string[];
  /** Phrases whose occurrences of a form are not mentions of this entity ("Israel Katz" for "Israel"). */
  except?: string[];
  /** Role phrases as written in the text: [role, text]. */
  roles?: [string, string][];
}

/** Builds an entity layer over `text`; fails when a form or role does not occur, so the fixture cannot drift. */
export function layer(text: string, specs: EntitySpec[]): EntityLayer[] {
  return specs.map((spec, n) => {
    const forms = spec.forms ?? [spec.name];
    const mentions: Mention[] = [];
    for (const form of forms) {
      // Longer forms of the same entity take precedence ("Benjamin Netanyahu" over "Netanyahu").
      const longer = forms.filter((f) => f !== form && f.includes(form));
      const found = spans(text, form, [...longer, ...(spec.except ?? [])]);
      if (found.length === 0) throw new Error(`fixture: "${form}" not found`);
      mentions.push(...found);
    }
    mentions.sort((a, b) => a.start - b.start);
    for (const m of mentions) if (text.slice(m.start, m.end) !== m.text) throw new Error('fixture: bad span');
    const roles = (spec.roles ?? []).map(([role, phrase]) => {
      const start = text.indexOf(phrase);
      if (start < 0) throw new Error(`fixture: role "${phrase}" not found`);
      return { role, start, end: start + phrase.length, text: phrase };
    });
    const out: EntityLayer = { id: `e${n + 1}`, name: spec.name, type: spec.type, mentions };
    if (roles.length > 0) out.roles = roles;
    return out;
  });
}

export function exampleText(file: string): string {
  return readFileSync(join(EXAMPLES, file), 'utf8');
}

export function article(id: string, language: string, publishedAt: string | null, text: string, specs: EntitySpec[]): ArticleEntities & { text: string } {
  return { id, language, publishedAt, text, entities: layer(text, specs) };
}

const t000 = exampleText('000_3a9e140460d11d4b.txt');
const t001 = exampleText('001_4f95569abf96a48a.txt');
const t002 = exampleText('002_74f363901181367a.txt');
const t003 = exampleText('003_1d174a4085385254.txt');
const t004 = exampleText('004_ed9a467948e1cb24.txt');

export const seed000 = article('000_3a9e140460d11d4b', 'en', '2025-07-08', t000, [
  { type: 'PER', name: 'Donald Trump', forms: ['Donald Trump', 'Trump’s', 'Trump'], roles: [['US President', 'US President']] },
  { type: 'PER', name: 'Benjamin Netanyahu', forms: ['Benjamin Netanyahu', 'Netanyahu'], roles: [['Israeli Prime Minister', 'Israeli Prime Minister'], ['Prime Minister', 'Prime Minister Netanyahu']] },
  { type: 'LOC', name: 'Gaza', except: ['Gaza Humanitarian Foundation'] },
  { type: 'ORG', name: 'Hamas' },
  { type: 'LOC', name: 'Israel', except: ['Israeli'] },
  { type: 'LOC', name: 'US' },
  { type: 'LOC', name: 'Qatar' },
  { type: 'LOC', name: 'White House' },
  { type: 'ORG', name: 'Palestinian Authority' },
  { type: 'MISC', name: 'Nobel Peace Prize' },
  { type: 'PER', name: 'Yoav Gallant', roles: [['former defense minister', 'former defense minister']] },
  { type: 'PER', name: 'Mohammed Deif', roles: [['Hamas commander', 'Hamas commander']] },
  { type: 'ORG', name: 'International Criminal Court' },
  { type: 'ORG', name: 'Gaza Humanitarian Foundation' },
  { type: 'PER', name: 'Steve Witkoff', roles: [['US envoy', 'US envoy']] },
  { type: 'LOC', name: 'Doha' },
  { type: 'PER', name: 'Mike Huckabee', roles: [['US Ambassador to Israel', 'US Ambassador to Israel']] },
]);

export const seed001 = article('001_4f95569abf96a48a', 'en', '2025-02-03', t001, [
  { type: 'PER', name: 'Benjamin Netanyahu', forms: ['Benjamin Netanyahu', 'Netanyahu'], roles: [['Israeli Prime Minister', 'Israeli Prime Minister']] },
  { type: 'ORG', name: 'Hamas' },
  { type: 'PER', name: 'Donald Trump', forms: ['Donald Trump', 'Trump’s', 'Trump'], roles: [['U.S. President', 'U.S. President']] },
  { type: 'LOC', name: 'US' },
  { type: 'LOC', name: 'United States' },
  { type: 'LOC', name: 'U.S.' },
  { type: 'LOC', name: 'Israel', forms: ['Israel’s', 'Israel'] },
  { type: 'LOC', name: 'Iran' },
  { type: 'LOC', name: 'White House' },
  { type: 'LOC', name: 'Gaza Strip' },
  { type: 'LOC', name: 'Gaza', except: ['Gaza Strip'] },
  { type: 'LOC', name: 'Middle East' },
  { type: 'LOC', name: 'Saudi Arabia' },
  { type: 'ORG', name: 'The Associated Press' },
]);

export const seed002 = article('002_74f363901181367a', 'nl', '2025-07-09', t002, [
  { type: 'PER', name: 'Benjamin Netanyahu', forms: ['Benjamin Netanyahu', 'Netanyahu'], roles: [['premier', 'De Israëlische premier'], ['premier', 'de Israëlische premier']] },
  { type: 'LOC', name: 'Gaza' },
  { type: 'ORG', name: 'Hamas', except: ['Hamas-leiders', 'Hamas-functionaris'] },
  { type: 'LOC', name: 'Washington' },
  { type: 'LOC', name: 'Doha' },
  { type: 'PER', name: 'Donald Trump', roles: [['president', 'Amerikaanse president']] },
  { type: 'LOC', name: 'Qatar' },
  { type: 'PER', name: 'Gideon Saar', forms: ['Gideon Saar', 'Saar'], roles: [['minister van Buitenlandse Zaken', 'minister van Buitenlandse Zaken']] },
  { type: 'ORG', name: 'Die Presse' },
  { type: 'PER', name: 'Bassem Naim', roles: [['Hamas-functionaris', 'Hamas-functionaris']] },
  { type: 'ORG', name: 'AFP' },
  { type: 'LOC', name: 'VS' },
  { type: 'LOC', name: 'Israël' },
  { type: 'LOC', name: 'Israëls' },
  { type: 'LOC', name: 'Deir al Balah' },
  { type: 'PER', name: 'Yousef Al-Aydi' },
  { type: 'ORG', name: 'Project Hope' },
  { type: 'ORG', name: 'WAFA' },
  { type: 'ORG', name: 'Internationaal Strafhof' },
  { type: 'PER', name: 'Yoav Gallant', roles: [['voormalig minister van Defensie', 'voormalig minister van Defensie']] },
  { type: 'LOC', name: 'Zuid-Afrika' },
  { type: 'ORG', name: 'Internationaal Gerechtshof' },
]);

export const seed003 = article('003_1d174a4085385254', 'en', '2025-09-29', t003, [
  { type: 'PER', name: 'Donald Trump', forms: ['Donald Trump', 'Trump’s', 'Trump'], roles: [['President', 'President Donald Trump']] },
  { type: 'PER', name: 'Benjamin Netanyahu', forms: ['Benjamin Netanyahu', 'Netanyahu'], roles: [['Israeli Prime Minister', 'Israeli Prime Minister']] },
  { type: 'LOC', name: 'Israel', forms: ['Israel’s', 'Israel'], except: ['Israel-Gaza'] },
  { type: 'LOC', name: 'Gaza', except: ['Israel-Gaza'] },
  { type: 'ORG', name: 'United Nations' },
  { type: 'ORG', name: 'Hamas' },
  { type: 'LOC', name: 'Qatar' },
  { type: 'ORG', name: 'Politico' },
  { type: 'LOC', name: 'U.S.' },
  { type: 'ORG', name: 'Axios' },
  { type: 'LOC', name: 'West Bank' },
  { type: 'PER', name: 'Jared Kushner', roles: [['son-in-law', 'son-in-law']] },
  { type: 'PER', name: 'Steve Witkoff', forms: ['Steve Witkoff', 'Witkoff'], roles: [['White House envoy', 'White House envoy']] },
  { type: 'PER', name: 'Tony Blair', roles: [['former U.K. Prime Minister', 'former U.K. Prime Minister']] },
  { type: 'LOC', name: 'U.K.' },
  { type: 'ORG', name: 'Palestinian Authority' },
  { type: 'ORG', name: 'Fox News Sunday' },
  // The typo of the last paragraph, a separate entity: within-article merging does not fix spelling.
  { type: 'PER', name: 'Kusher' },
]);

export const seed004 = article('004_ed9a467948e1cb24', 'en', '2024-05-01', t004, [
  { type: 'PER', name: 'Antony Blinken', forms: ['Antony Blinken', 'Blinken’s', 'Blinken'], roles: [['Secretary of State', 'Secretary of State Antony Blinken']] },
  { type: 'PER', name: 'Benjamin Netanyahu', forms: ['Benjamin Netanyahu', 'Netanyahu'], roles: [['Israeli Prime Minister', 'Israeli Prime Minister']] },
  { type: 'LOC', name: 'Gaza', forms: ['Gaza’s', 'Gaza'], except: ['Gaza Strip'] },
  { type: 'LOC', name: 'Gaza Strip' },
  { type: 'LOC', name: 'Rafah' },
  { type: 'ORG', name: 'Hamas', forms: ['Hamas’s', 'Hamas’', 'Hamas'] },
  { type: 'LOC', name: 'Israel', except: ['Israel Katz', 'Israeli'] },
  { type: 'LOC', name: 'Ashdod' },
  { type: 'ORG', name: 'AFP' },
  { type: 'PER', name: 'Isaac Herzog', forms: ['Isaac Herzog', 'Herzog'], roles: [['President', 'President Isaac Herzog']] },
  { type: 'PER', name: 'Benny Gantz', roles: [['War Cabinet member', 'War Cabinet member']] },
  { type: 'LOC', name: 'United States', forms: ['United States’', 'United States', 'U.S.'] },
  { type: 'PER', name: 'Matthew Miller', forms: ['Matthew Miller', 'Miller'], roles: [['State Department spokesman', 'State Department spokesman']] },
  { type: 'ORG', name: 'State Department', forms: ['State Department’s', 'State Department'] },
  { type: 'ORG', name: 'World Economic Forum' },
  { type: 'LOC', name: 'Riyadh' },
  { type: 'PER', name: 'Joe Biden', forms: ['Joe Biden', 'Biden'], roles: [['President', 'President Joe Biden']] },
  { type: 'PER', name: 'Israel Katz', roles: [['Israeli Foreign Minister', 'Israeli Foreign Minister']] },
  { type: 'LOC', name: 'Jordan' },
  { type: 'LOC', name: 'Egypt' },
  { type: 'LOC', name: 'Erez' },
]);

export const seeds = [seed000, seed001, seed002, seed003, seed004];
