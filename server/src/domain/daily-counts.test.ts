import { describe, expect, it } from 'vitest';
import { utcDate, windowStart, zeroFilledDays } from './daily-counts.js';

describe('daily counts', () => {
  const now = new Date('2026-03-29T23:30:00+01:00'); // 22:30 UTC on the 29th

  it('starts the window at midnight UTC, today included', () => {
    expect(windowStart(now, 1).toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(windowStart(now, 30).toISOString()).toBe('2026-02-28T00:00:00.000Z');
  });

  it('names days by their UTC date', () => {
    expect(utcDate(new Date('2026-03-30T00:30:00+02:00'))).toBe('2026-03-29');
  });

  it('gives every day of the window, oldest first, zero where nothing happened', () => {
    const days = zeroFilledDays(now, 3, [
      { date: '2026-03-29', count: 4 },
      { date: '2026-03-27', count: 1 },
      // Outside the window: left out.
      { date: '2026-03-20', count: 9 },
    ]);
    expect(days).toEqual([
      { date: '2026-03-27', count: 1 },
      { date: '2026-03-28', count: 0 },
      { date: '2026-03-29', count: 4 },
    ]);
  });

  it('crosses month and leap-day boundaries', () => {
    const days = zeroFilledDays(new Date('2028-03-01T12:00:00Z'), 3, []);
    expect(days.map((day) => day.date)).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
  });
});
