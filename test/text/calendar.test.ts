import { describe, expect, it } from 'vitest';
import { addMonths, anchorDay, epochDay, fromEpochDay, isoDate, isoDay, isoWeekString, isoWeekday, isValidDate } from '../../src/text/calendar.ts';

describe('calendar', () => {
  it('counts days from 1970-01-01 and back', () => {
    expect(epochDay(1970, 1, 1)).toBe(0);
    expect(fromEpochDay(epochDay(2024, 2, 29))).toEqual({ y: 2024, m: 2, d: 29 });
    expect(isoDay(epochDay(2023, 10, 7))).toBe('2023-10-07');
  });

  it('knows month lengths and leap years', () => {
    expect(isValidDate(2024, 2, 29)).toBe(true);
    expect(isValidDate(2023, 2, 29)).toBe(false);
    expect(isValidDate(2024, 13, 1)).toBe(false);
    expect(isValidDate(2024, 4, 31)).toBe(false);
  });

  it('writes ISO dates and weeks, and clamps a month added to the 31st', () => {
    expect(isoDate(2024, 5, 1)).toBe('2024-05-01');
    expect(isoWeekday(epochDay(2024, 5, 1))).toBe(3);
    expect(isoWeekString(epochDay(2021, 1, 3))).toBe('2020-W53');
    expect(isoDay(addMonths(epochDay(2024, 1, 31), 1))).toBe('2024-02-29');
  });

  it('reads the calendar date of an anchor as written, ignoring its offset', () => {
    expect(anchorDay('2024-05-01T23:30:00-04:00')).toBe(epochDay(2024, 5, 1));
    expect(anchorDay('2024-02-30')).toBeNull();
    expect(anchorDay(null)).toBeNull();
  });
});
