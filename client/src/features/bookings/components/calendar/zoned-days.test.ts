import { describe, expect, it } from 'vitest';

import {
  addDays,
  addMonths,
  dayKeyIn,
  groupByDayIn,
  monthRangeIn,
  monthWeeks,
  startOfDayIn,
  weekdayOf,
} from './zoned-days';

describe('zoned days', () => {
  it('puts an instant on the day it falls on in the zone', () => {
    const instant = '2026-03-10T23:30:00.000Z';
    expect(dayKeyIn(instant, 'UTC')).toBe('2026-03-10');
    expect(dayKeyIn(instant, 'Europe/Berlin')).toBe('2026-03-11');
    expect(dayKeyIn(instant, 'America/New_York')).toBe('2026-03-10');
  });

  it('finds local midnight on both sides of a DST change', () => {
    // Berlin moves from +01:00 to +02:00 on 29 March 2026.
    expect(startOfDayIn('2026-03-29', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    expect(startOfDayIn('2026-03-30', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T22:00:00.000Z',
    );
    expect(startOfDayIn('2026-11-01', 'America/New_York').toISOString()).toBe(
      '2026-11-01T04:00:00.000Z',
    );
    expect(startOfDayIn('2026-11-02', 'America/New_York').toISOString()).toBe(
      '2026-11-02T05:00:00.000Z',
    );
  });

  it('starts a day whose midnight a DST gap skips at the first minute after it', () => {
    // Santiago springs from 00:00 to 01:00 on 6 September 2026.
    const start = startOfDayIn('2026-09-06', 'America/Santiago');
    expect(dayKeyIn(start, 'America/Santiago')).toBe('2026-09-06');
    expect(dayKeyIn(start.getTime() - 1, 'America/Santiago')).toBe('2026-09-05');
  });

  it('spans a month from its first local midnight to the next', () => {
    expect(monthRangeIn({ year: 2026, month: 12 }, 'Asia/Tokyo')).toEqual({
      from: '2026-11-30T15:00:00.000Z',
      to: '2026-12-31T15:00:00.000Z',
    });
  });

  it('counts days and months across year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonths({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
    expect(addMonths({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
    expect(weekdayOf('2026-01-04')).toBe(0);
  });

  it('lays a month out in weeks starting on the locale week start', () => {
    // 1 February 2026 is a Sunday.
    const mondayFirst = monthWeeks({ year: 2026, month: 2 }, 1);
    expect(mondayFirst[0]).toEqual([null, null, null, null, null, null, '2026-02-01']);
    expect(mondayFirst).toHaveLength(5);
    const sundayFirst = monthWeeks({ year: 2026, month: 2 }, 0);
    expect(sundayFirst[0]?.[0]).toBe('2026-02-01');
    expect(sundayFirst).toHaveLength(4);
  });

  it("groups slots by the viewer's day, in time order", () => {
    const slots = [{ start: '2026-05-05T22:30:00.000Z' }, { start: '2026-05-05T08:00:00.000Z' }];
    const days = groupByDayIn(slots, 'Europe/Berlin');
    expect([...days.keys()]).toEqual(['2026-05-05', '2026-05-06']);
  });
});
