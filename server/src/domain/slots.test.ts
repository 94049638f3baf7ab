import type { Slot, WeeklyInterval, Weekday } from '@coachhub/shared/scheduling';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  bufferedRange,
  computeSlots,
  conflictsWithBookings,
  defaultSlotStepMinutes,
  isSlotOffered,
  type BookedTime,
  type SlotQuery,
} from './slots.js';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const EVERY_DAY: Weekday[] = [0, 1, 2, 3, 4, 5, 6];

const at = (iso: string) => new Date(iso);
const everyDay = (start: string, end: string): WeeklyInterval[] =>
  EVERY_DAY.map((weekday) => ({ weekday, start, end }));
const weekdays = (start: string, end: string): WeeklyInterval[] =>
  ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start, end }));

/** A coach in `zone`; the range is one or more whole local days, `now` long before them. */
function query(overrides: Partial<SlotQuery> & { zone?: string } = {}): SlotQuery {
  const { zone = BERLIN, ...rest } = overrides;
  return {
    availability: { timeZone: zone, weekly: weekdays('09:00', '17:00'), overrides: [] },
    settings: {
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      minNoticeHours: 0,
      maxDaysAhead: 365,
      dailyLimit: 0,
    },
    bookings: [],
    durationMinutes: 60,
    range: localDays(zone, '2026-06-15', 1),
    now: at('2026-01-01T00:00:00Z'),
    ...rest,
  };
}

/** `count` local days from `date` in `zone`, as a UTC range. */
function localDays(zone: string, date: string, count: number) {
  const start = DateTime.fromISO(date, { zone });
  return { from: start.toJSDate(), to: start.plus({ days: count }).toJSDate() };
}

/** A booking given in local wall-clock time. */
function booking(zone: string, localStart: string, minutes: number): BookedTime {
  const start = DateTime.fromISO(localStart, { zone });
  return { start: start.toJSDate(), end: start.plus({ minutes }).toJSDate() };
}

const localStarts = (slots: Slot[], zone: string, format = 'HH:mm') =>
  slots.map((slot) => DateTime.fromISO(slot.start, { zone }).toFormat(format));

const halfHours = (from: string, to: string): string[] => {
  const times: string[] = [];
  for (
    let time = DateTime.fromISO(`2026-01-01T${from}`);
    time <= DateTime.fromISO(`2026-01-01T${to}`);
    time = time.plus({ minutes: 30 })
  ) {
    times.push(time.toFormat('HH:mm'));
  }
  return times;
};

describe('computeSlots: the grid', () => {
  it('offers 60-minute sessions every 30 minutes from the start of the interval, in UTC', () => {
    const slots = computeSlots(query());
    expect(localStarts(slots, BERLIN)).toEqual(halfHours('09:00', '16:00'));
    expect(slots[0]).toEqual({
      start: '2026-06-15T07:00:00.000Z',
      end: '2026-06-15T08:00:00.000Z',
    });
    expect(slots.at(-1)).toEqual({
      start: '2026-06-15T14:00:00.000Z',
      end: '2026-06-15T15:00:00.000Z',
    });
  });

  it.each([
    [15, 15],
    [20, 20],
    [30, 30],
    [45, 30],
    [60, 30],
    [90, 30],
  ])('steps a %i-minute session by %i minutes by default', (duration, step) => {
    expect(defaultSlotStepMinutes(duration)).toBe(step);
    const slots = computeSlots(query({ durationMinutes: duration }));
    const gaps = slots
      .slice(1)
      .map((slot, index) => Date.parse(slot.start) - Date.parse(slots[index]?.start ?? ''));
    expect(new Set(gaps)).toEqual(new Set([step * 60_000]));
    expect(Date.parse(slots.at(-1)?.end ?? '')).toBeLessThanOrEqual(
      Date.parse('2026-06-15T15:00:00Z'),
    );
  });

  it('follows an explicit step, anchored at each interval start', () => {
    const availability = {
      timeZone: BERLIN,
      weekly: [
        { weekday: 1 as const, start: '09:15', end: '11:15' },
        { weekday: 1 as const, start: '14:00', end: '15:30' },
      ],
      overrides: [],
    };
    const slots = computeSlots(query({ availability, durationMinutes: 45, slotStepMinutes: 45 }));
    expect(localStarts(slots, BERLIN)).toEqual(['09:15', '10:00', '14:00', '14:45']);
  });

  it('offers nothing on a day without intervals', () => {
    expect(computeSlots(query({ range: localDays(BERLIN, '2026-06-13', 2) }))).toEqual([]);
  });

  it('returns the slots of several days sorted, starts inside [from, to)', () => {
    const range = { from: at('2026-06-15T08:00:00Z'), to: at('2026-06-17T08:00:00Z') };
    const slots = computeSlots(query({ range }));
    const starts = slots.map((slot) => Date.parse(slot.start));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(slots[0]?.start).toBe('2026-06-15T08:00:00.000Z');
    expect(slots.at(-1)?.start).toBe('2026-06-17T07:30:00.000Z');
  });

  it('joins touching intervals, so a session may run across the join', () => {
    const availability = {
      timeZone: BERLIN,
      weekly: [
        { weekday: 1 as const, start: '09:00', end: '10:00' },
        { weekday: 1 as const, start: '10:00', end: '11:00' },
      ],
      overrides: [],
    };
    expect(localStarts(computeSlots(query({ availability })), BERLIN)).toEqual([
      '09:00',
      '09:30',
      '10:00',
    ]);
  });

  it('accepts an interval that ends at 24:00', () => {
    const availability = {
      timeZone: BERLIN,
      weekly: [{ weekday: 1 as const, start: '22:00', end: '24:00' }],
      overrides: [],
    };
    const slots = computeSlots(query({ availability, range: localDays(BERLIN, '2026-06-15', 2) }));
    expect(localStarts(slots, BERLIN, 'EEE HH:mm')).toEqual([
      'Mon 22:00',
      'Mon 22:30',
      'Mon 23:00',
    ]);
  });

  it('ignores malformed or midnight-crossing intervals that escaped validation', () => {
    const availability = {
      timeZone: BERLIN,
      weekly: [
        { weekday: 1 as const, start: '22:00', end: '02:00' },
        { weekday: 1 as const, start: '9:00', end: '10:00' },
      ],
      overrides: [],
    };
    expect(computeSlots(query({ availability }))).toEqual([]);
  });
});

describe('computeSlots: daylight saving time', () => {
  const nineOClock = (zone: string) => ({
    timeZone: zone,
    weekly: everyDay('09:00', '10:00'),
    overrides: [],
  });

  it.each([
    [
      'Berlin, last Sunday of March',
      BERLIN,
      '2026-03-27',
      ['2026-03-27T08:00', '2026-03-28T08:00', '2026-03-29T07:00', '2026-03-30T07:00'],
    ],
    [
      'Berlin, last Sunday of October',
      BERLIN,
      '2026-10-23',
      ['2026-10-23T07:00', '2026-10-24T07:00', '2026-10-25T08:00', '2026-10-26T08:00'],
    ],
    [
      'New York, second Sunday of March',
      NEW_YORK,
      '2026-03-06',
      ['2026-03-06T14:00', '2026-03-07T14:00', '2026-03-08T13:00', '2026-03-09T13:00'],
    ],
    [
      'New York, first Sunday of November',
      NEW_YORK,
      '2026-10-30',
      ['2026-10-30T13:00', '2026-10-31T13:00', '2026-11-01T14:00', '2026-11-02T14:00'],
    ],
  ])('keeps 09:00 at 09:00 local across the change (%s)', (_name, zone, firstDate, utcStarts) => {
    const slots = computeSlots(
      query({
        zone,
        availability: nineOClock(zone),
        durationMinutes: 60,
        range: localDays(zone, firstDate, 4),
      }),
    );
    expect(localStarts(slots, zone)).toEqual(['09:00', '09:00', '09:00', '09:00']);
    expect(slots.map((slot) => slot.start.slice(0, 16))).toEqual(utcStarts);
    expect(slots.map((slot) => Date.parse(slot.end) - Date.parse(slot.start))).toEqual(
      Array(4).fill(3_600_000),
    );
  });

  it('skips the missing hour when clocks spring forward', () => {
    const availability = {
      timeZone: BERLIN,
      weekly: [{ weekday: 0 as const, start: '01:00', end: '04:00' }],
      overrides: [],
    };
    const slots = computeSlots(query({ availability, range: localDays(BERLIN, '2026-03-29', 1) }));
    // 01:00-04:00 lasts two real hours that day.
    expect(localStarts(slots, BERLIN)).toEqual(['01:00', '01:30', '03:00']);
  });

  it('offers nothing in an interval that lies inside the missing hour', () => {
    const availability = {
      timeZone: BERLIN,
      weekly: [{ weekday: 0 as const, start: '02:00', end: '03:00' }],
      overrides: [],
    };
    expect(
      computeSlots(query({ availability, range: localDays(BERLIN, '2026-03-29', 1) })),
    ).toEqual([]);
  });

  it('offers the repeated hour twice when clocks fall back', () => {
    const availability = {
      timeZone: BERLIN,
      weekly: [{ weekday: 0 as const, start: '01:00', end: '04:00' }],
      overrides: [],
    };
    const slots = computeSlots(query({ availability, range: localDays(BERLIN, '2026-10-25', 1) }));
    // 01:00-04:00 lasts four real hours that day; 02:00 and 02:30 happen in CEST, then in CET.
    expect(localStarts(slots, BERLIN, 'HH:mm ZZ')).toEqual([
      '01:00 +02:00',
      '01:30 +02:00',
      '02:00 +02:00',
      '02:30 +02:00',
      '02:00 +01:00',
      '02:30 +01:00',
      '03:00 +01:00',
    ]);
  });
});

describe('computeSlots: date overrides', () => {
  it('takes a day off when the override has no intervals', () => {
    const availability = {
      timeZone: BERLIN,
      weekly: weekdays('09:00', '17:00'),
      overrides: [{ date: '2026-06-15', intervals: [] }],
    };
    const slots = computeSlots(query({ availability, range: localDays(BERLIN, '2026-06-15', 2) }));
    expect(new Set(localStarts(slots, BERLIN, 'yyyy-MM-dd'))).toEqual(new Set(['2026-06-16']));
  });

  it("replaces the weekday's hours on that date only", () => {
    const availability = {
      timeZone: BERLIN,
      weekly: weekdays('09:00', '17:00'),
      overrides: [{ date: '2026-06-16', intervals: [{ start: '13:00', end: '15:00' }] }],
    };
    const slots = computeSlots(query({ availability, range: localDays(BERLIN, '2026-06-15', 3) }));
    const byDay = (date: string) =>
      localStarts(slots, BERLIN, 'yyyy-MM-dd HH:mm')
        .filter((time) => time.startsWith(date))
        .map((time) => time.slice(11));
    expect(byDay('2026-06-15')).toEqual(halfHours('09:00', '16:00'));
    expect(byDay('2026-06-16')).toEqual(['13:00', '13:30', '14:00']);
    expect(byDay('2026-06-17')).toEqual(halfHours('09:00', '16:00'));
  });

  it('opens a day the weekly hours leave free', () => {
    const availability = {
      timeZone: BERLIN,
      weekly: weekdays('09:00', '17:00'),
      overrides: [
        {
          date: '2026-06-13',
          intervals: [
            { start: '10:00', end: '11:00' },
            { start: '15:00', end: '16:00' },
          ],
        },
      ],
    };
    const slots = computeSlots(query({ availability, range: localDays(BERLIN, '2026-06-13', 2) }));
    expect(localStarts(slots, BERLIN, 'EEE HH:mm')).toEqual(['Sat 10:00', 'Sat 15:00']);
  });
});

describe('computeSlots: existing bookings and buffers', () => {
  const withBuffers = (before: number, after: number) => ({
    bufferBeforeMinutes: before,
    bufferAfterMinutes: after,
    minNoticeHours: 0,
    maxDaysAhead: 365,
    dailyLimit: 0,
  });

  it('offers the times right before and after a booking when there are no buffers', () => {
    const slots = computeSlots(
      query({
        durationMinutes: 60,
        slotStepMinutes: 60,
        bookings: [booking(BERLIN, '2026-06-15T11:00', 60)],
      }),
    );
    expect(localStarts(slots, BERLIN)).toEqual([
      '09:00',
      '10:00',
      '12:00',
      '13:00',
      '14:00',
      '15:00',
      '16:00',
    ]);
  });

  it('keeps bufferAfter + bufferBefore free between a booking and a slot, on both sides', () => {
    const slots = computeSlots(
      query({
        settings: withBuffers(10, 20),
        durationMinutes: 30,
        slotStepMinutes: 10,
        bookings: [booking(BERLIN, '2026-06-15T11:00', 60)],
      }),
    );
    const starts = localStarts(slots, BERLIN);
    // A slot ends by 10:30 (its 20 after + the booking's 10 before); the next starts at 12:30.
    expect(starts).toContain('10:00');
    expect(starts).not.toContain('10:10');
    expect(starts).not.toContain('12:20');
    expect(starts).toContain('12:30');
  });

  it('stays on the grid after a booking at an odd time', () => {
    const slots = computeSlots(query({ bookings: [booking(BERLIN, '2026-06-15T10:10', 30)] }));
    expect(localStarts(slots, BERLIN).slice(0, 3)).toEqual(['09:00', '11:00', '11:30']);
  });

  it("respects a booking's buffer that reaches into the interval from outside it", () => {
    const slots = computeSlots(
      query({ settings: withBuffers(0, 30), bookings: [booking(BERLIN, '2026-06-15T08:00', 60)] }),
    );
    expect(localStarts(slots, BERLIN)[0]).toBe('09:30');
  });

  it('lets buffers of a slot reach outside availability', () => {
    const slots = computeSlots(query({ settings: withBuffers(30, 30) }));
    expect(localStarts(slots, BERLIN)[0]).toBe('09:00');
    expect(localStarts(slots, BERLIN).at(-1)).toBe('16:00');
  });

  it('offers nothing when bookings fill the day, in whatever order they come', () => {
    const bookings = [
      booking(BERLIN, '2026-06-15T13:00', 240),
      booking(BERLIN, '2026-06-15T09:00', 240),
    ];
    const input = [...bookings];
    expect(computeSlots(query({ bookings }))).toEqual([]);
    expect(bookings).toEqual(input);
  });
});

describe('computeSlots: notice and horizon', () => {
  it('starts no earlier than the minimum notice after now, on the grid', () => {
    const now = DateTime.fromISO('2026-06-15T09:10', { zone: BERLIN }).toJSDate();
    const settings = {
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      minNoticeHours: 2,
      maxDaysAhead: 365,
      dailyLimit: 0,
    };
    expect(localStarts(computeSlots(query({ now, settings })), BERLIN)[0]).toBe('11:30');
  });

  it('never offers a start in the past, even without notice', () => {
    const now = DateTime.fromISO('2026-06-15T09:10', { zone: BERLIN }).toJSDate();
    expect(localStarts(computeSlots(query({ now })), BERLIN)[0]).toBe('09:30');
  });

  it('offers a start exactly at the notice boundary', () => {
    const now = DateTime.fromISO('2026-06-15T08:00', { zone: BERLIN }).toJSDate();
    const settings = {
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      minNoticeHours: 1,
      maxDaysAhead: 365,
      dailyLimit: 0,
    };
    expect(localStarts(computeSlots(query({ now, settings })), BERLIN)[0]).toBe('09:00');
  });

  it('ends at maxDaysAhead days after now, that start included', () => {
    const now = DateTime.fromISO('2026-06-15T10:00', { zone: BERLIN }).toJSDate();
    const settings = {
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      minNoticeHours: 0,
      maxDaysAhead: 2,
      dailyLimit: 0,
    };
    const slots = computeSlots(query({ now, settings, range: localDays(BERLIN, '2026-06-15', 5) }));
    expect(localStarts(slots, BERLIN, 'EEE HH:mm').at(-1)).toBe('Wed 10:00');
  });

  it('counts the horizon in calendar days of the coach, across a DST change', () => {
    // From Saturday 10:00 to Sunday 10:00 is 23 hours when Berlin springs forward.
    const now = DateTime.fromISO('2026-03-28T10:00', { zone: BERLIN }).toJSDate();
    const settings = {
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      minNoticeHours: 0,
      maxDaysAhead: 1,
      dailyLimit: 0,
    };
    const availability = { timeZone: BERLIN, weekly: everyDay('09:00', '12:00'), overrides: [] };
    const slots = computeSlots(
      query({ now, settings, availability, range: localDays(BERLIN, '2026-03-28', 3) }),
    );
    expect(localStarts(slots, BERLIN, 'EEE HH:mm')).toEqual([
      'Sat 10:00',
      'Sat 10:30',
      'Sat 11:00',
      'Sun 09:00',
      'Sun 09:30',
      'Sun 10:00',
    ]);
  });

  it('returns nothing when notice or horizon leave no room in the range', () => {
    const settings = {
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      minNoticeHours: 24 * 30,
      maxDaysAhead: 365,
      dailyLimit: 0,
    };
    const now = at('2026-06-01T00:00:00Z');
    expect(computeSlots(query({ now, settings }))).toEqual([]);
    const shortHorizon = { ...settings, minNoticeHours: 0, maxDaysAhead: 13 };
    expect(computeSlots(query({ now, settings: shortHorizon }))).toEqual([]);
  });

  it('returns nothing for an empty range', () => {
    const range = { from: at('2026-06-15T10:00:00Z'), to: at('2026-06-15T10:00:00Z') };
    expect(computeSlots(query({ range }))).toEqual([]);
  });
});

describe('computeSlots: daily limit', () => {
  const limit = (dailyLimit: number) => ({
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minNoticeHours: 0,
    maxDaysAhead: 365,
    dailyLimit,
  });
  const twoOnMonday = [
    booking(BERLIN, '2026-06-15T09:00', 60),
    booking(BERLIN, '2026-06-15T15:00', 60),
  ];
  const daysOffered = (slots: Slot[], zone = BERLIN) => [
    ...new Set(localStarts(slots, zone, 'EEE')),
  ];

  it('offers nothing more on a day that holds the limit', () => {
    const slots = computeSlots(
      query({
        settings: limit(2),
        bookings: twoOnMonday,
        range: localDays(BERLIN, '2026-06-15', 2),
      }),
    );
    expect(daysOffered(slots)).toEqual(['Tue']);
  });

  it('still offers slots below the limit, around the bookings', () => {
    const slots = computeSlots(query({ settings: limit(3), bookings: twoOnMonday }));
    expect(localStarts(slots, BERLIN)).toEqual([
      '10:00',
      '10:30',
      '11:00',
      '11:30',
      '12:00',
      '12:30',
      '13:00',
      '13:30',
      '14:00',
      '16:00',
    ]);
  });

  it('has no limit when it is 0', () => {
    const slots = computeSlots(query({ settings: limit(0), bookings: twoOnMonday }));
    expect(slots.length).toBeGreaterThan(0);
  });

  it("counts bookings on the coach's calendar day, not the UTC day", () => {
    // 15:30Z on Monday is 00:30 on Tuesday in Tokyo.
    const zone = 'Asia/Tokyo';
    const bookings = [{ start: at('2026-06-15T15:30:00Z'), end: at('2026-06-15T16:00:00Z') }];
    const slots = computeSlots(
      query({
        zone,
        availability: { timeZone: zone, weekly: weekdays('09:00', '17:00'), overrides: [] },
        settings: limit(1),
        bookings,
        range: localDays(zone, '2026-06-15', 2),
      }),
    );
    expect(daysOffered(slots, zone)).toEqual(['Mon']);
  });
});

describe('computeSlots: zones of coach and viewer', () => {
  it('gives a Tokyo coach the right UTC instants for a Los Angeles viewer', () => {
    const tokyo = 'Asia/Tokyo';
    const losAngeles = 'America/Los_Angeles';
    // Monday in Los Angeles runs from Monday 16:00 to Tuesday 16:00 in Tokyo.
    const slots = computeSlots(
      query({
        zone: tokyo,
        availability: { timeZone: tokyo, weekly: weekdays('09:00', '17:00'), overrides: [] },
        range: localDays(losAngeles, '2026-06-15', 1),
        slotStepMinutes: 60,
      }),
    );
    expect(slots.map((slot) => slot.start)).toEqual([
      '2026-06-15T07:00:00.000Z',
      '2026-06-16T00:00:00.000Z',
      '2026-06-16T01:00:00.000Z',
      '2026-06-16T02:00:00.000Z',
      '2026-06-16T03:00:00.000Z',
      '2026-06-16T04:00:00.000Z',
      '2026-06-16T05:00:00.000Z',
      '2026-06-16T06:00:00.000Z',
    ]);
    expect(localStarts(slots, tokyo, 'EEE HH:mm')[0]).toBe('Mon 16:00');
    expect(localStarts(slots, losAngeles, 'EEE HH:mm')).toEqual([
      'Mon 00:00',
      'Mon 17:00',
      'Mon 18:00',
      'Mon 19:00',
      'Mon 20:00',
      'Mon 21:00',
      'Mon 22:00',
      'Mon 23:00',
    ]);
  });

  it('offers evening hours that cross midnight UTC', () => {
    // 18:00-22:00 in New York is 22:00-02:00 UTC in summer.
    const availability = {
      timeZone: NEW_YORK,
      weekly: [{ weekday: 1 as const, start: '18:00', end: '22:00' }],
      overrides: [],
    };
    const range = { from: at('2026-06-15T20:00:00Z'), to: at('2026-06-16T04:00:00Z') };
    const slots = computeSlots(query({ zone: NEW_YORK, availability, range, slotStepMinutes: 60 }));
    expect(slots.map((slot) => slot.start)).toEqual([
      '2026-06-15T22:00:00.000Z',
      '2026-06-15T23:00:00.000Z',
      '2026-06-16T00:00:00.000Z',
      '2026-06-16T01:00:00.000Z',
    ]);
  });

  it("finds a coach's previous local day when the range starts at midnight UTC", () => {
    const availability = {
      timeZone: NEW_YORK,
      weekly: [{ weekday: 1 as const, start: '18:00', end: '22:00' }],
      overrides: [],
    };
    const range = { from: at('2026-06-16T00:00:00Z'), to: at('2026-06-17T00:00:00Z') };
    const slots = computeSlots(query({ zone: NEW_YORK, availability, range, slotStepMinutes: 60 }));
    expect(localStarts(slots, NEW_YORK, 'EEE HH:mm')).toEqual(['Mon 20:00', 'Mon 21:00']);
  });
});

describe('computeSlots: refused input', () => {
  it.each([0, -30, 12.5])('refuses a duration of %s minutes', (durationMinutes) => {
    expect(() => computeSlots(query({ durationMinutes }))).toThrow(RangeError);
  });

  it('refuses a step of 0 minutes', () => {
    expect(() => computeSlots(query({ slotStepMinutes: 0 }))).toThrow(RangeError);
  });

  it('refuses an unknown time zone', () => {
    expect(() => computeSlots(query({ zone: 'Mars/Olympus' }))).toThrow(RangeError);
  });
});

describe('isSlotOffered', () => {
  const base = query();
  const { range: _range, ...withoutRange } = base;
  const localStart = (time: string) =>
    DateTime.fromISO(`2026-06-15T${time}`, { zone: BERLIN }).toJSDate();

  it('is true for an offered start', () => {
    expect(isSlotOffered(withoutRange, localStart('10:30'))).toBe(true);
  });

  it('is false off the grid, outside availability, or on a booking', () => {
    expect(isSlotOffered(withoutRange, localStart('10:10'))).toBe(false);
    expect(isSlotOffered(withoutRange, localStart('16:30'))).toBe(false);
    const booked = { ...withoutRange, bookings: [booking(BERLIN, '2026-06-15T10:00', 60)] };
    expect(isSlotOffered(booked, localStart('10:30'))).toBe(false);
  });
});

describe('bufferedRange and conflictsWithBookings', () => {
  const buffers = { bufferBeforeMinutes: 10, bufferAfterMinutes: 20 };
  const existing = [{ start: at('2026-06-15T10:00:00Z'), end: at('2026-06-15T11:00:00Z') }];

  it('widens a booking by its buffers', () => {
    expect(bufferedRange(existing[0] as BookedTime, buffers)).toEqual({
      start: at('2026-06-15T09:50:00Z'),
      end: at('2026-06-15T11:20:00Z'),
    });
  });

  it('conflicts when buffered times overlap, not when they only touch', () => {
    const candidate = (start: string, end: string) => ({ start: at(start), end: at(end) });
    expect(
      conflictsWithBookings(
        candidate('2026-06-15T09:00:00Z', '2026-06-15T09:30:00Z'),
        existing,
        buffers,
      ),
    ).toBe(false);
    expect(
      conflictsWithBookings(
        candidate('2026-06-15T09:00:00Z', '2026-06-15T09:31:00Z'),
        existing,
        buffers,
      ),
    ).toBe(true);
    expect(
      conflictsWithBookings(
        candidate('2026-06-15T11:30:00Z', '2026-06-15T12:00:00Z'),
        existing,
        buffers,
      ),
    ).toBe(false);
    expect(
      conflictsWithBookings(
        candidate('2026-06-15T11:29:00Z', '2026-06-15T12:00:00Z'),
        existing,
        buffers,
      ),
    ).toBe(true);
    expect(
      conflictsWithBookings(
        candidate('2026-06-15T10:15:00Z', '2026-06-15T10:45:00Z'),
        existing,
        buffers,
      ),
    ).toBe(true);
  });
});
