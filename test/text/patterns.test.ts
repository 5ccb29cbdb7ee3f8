import { describe, expect, it } from 'vitest';
import { alternation, escapeRegex, phraseKey } from '../../src/text/patterns.ts';

describe('patterns', () => {
  it('escapes literals and puts longer phrases first, spaces matching any whitespace', () => {
    expect(escapeRegex('Mr. (Jr.)')).toBe('Mr\\. \\(Jr\\.\\)');
    const re = new RegExp(`^(?:${alternation(['more', 'more than', 'St.'])})`, 'i');
    expect(re.exec('More  than 3')?.[0]).toBe('More  than');
    expect(re.exec('St. Maarten')?.[0]).toBe('St.');
    expect(re.exec('Sta')).toBeNull();
  });

  it('never matches for an empty list', () => {
    expect(new RegExp(alternation([])).test('')).toBe(false);
  });

  it('keys a phrase by lower case and single spaces', () => {
    expect(phraseKey('Vorige\n  Week')).toBe('vorige week');
    expect(phraseKey('IJsselmeer')).toBe('ijsselmeer');
  });
});
