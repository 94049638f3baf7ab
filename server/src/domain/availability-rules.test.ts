import {
  DEFAULT_BOOKING_SETTINGS,
  DEFAULT_WEEKLY_AVAILABILITY,
  MAX_DATE_OVERRIDES,
  MAX_INTERVALS_PER_DAY,
  type AvailabilityDTO,
  type BookingSettings,
  type DateOverride,
  type WeeklyInterval,
} from '@coachhub/shared/scheduling';
import { describe, expect, it } from 'vitest';
import {
  availabilityIssues,
  overrideIssues,
  settingsIssues,
  timeZoneIssues,
  weeklyIssues,
} from './availability-rules.js';

const valid: AvailabilityDTO = {
  timeZone: 'Europe/Berlin',
  weekly: DEFAULT_WEEKLY_AVAILABILITY,
  overrides: [{ date: '2026-12-24', intervals: [] }],
  settings: DEFAULT_BOOKING_SETTINGS,
};

/** Lets a test send what a client might send, whatever the types say. */
const untyped = <T>(value: unknown): T => value as T;
const fields = (issues: { field: string }[]) => issues.map((issue) => issue.field);

describe('availabilityIssues', () => {
  it('accepts the defaults', () => {
    expect(availabilityIssues(valid)).toEqual([]);
  });

  it('collects the issues of every part at once', () => {
    const issues = availabilityIssues({
      timeZone: 'Berlin',
      weekly: [{ weekday: 1, start: '10:00', end: '09:00' }],
      overrides: [{ date: '2026-13-01', intervals: [] }],
      settings: { ...DEFAULT_BOOKING_SETTINGS, dailyLimit: -1 },
    });
    expect(fields(issues)).toEqual([
      'timeZone',
      'weekly[0].end',
      'overrides[0].date',
      'settings.dailyLimit',
    ]);
  });
});

describe('timeZoneIssues', () => {
  it.each(['Europe/Berlin', 'America/New_York', 'UTC'])('accepts %s', (zone) => {
    expect(timeZoneIssues(zone)).toEqual([]);
  });

  it.each(['', 'Mars/Olympus', '+02:00', 'CEST and more'])('refuses %j', (zone) => {
    expect(fields(timeZoneIssues(zone))).toEqual(['timeZone']);
  });

  it('refuses a value that is not a string', () => {
    expect(fields(timeZoneIssues(untyped(42)))).toEqual(['timeZone']);
  });
});

describe('weeklyIssues', () => {
  const interval = (weekday: number, start: string, end: string) =>
    untyped<WeeklyInterval>({ weekday, start, end });

  it('accepts touching intervals, a whole day, and the same hours on different days', () => {
    expect(
      weeklyIssues([
        interval(1, '09:00', '12:00'),
        interval(1, '12:00', '17:00'),
        interval(2, '09:00', '12:00'),
        interval(0, '00:00', '24:00'),
      ]),
    ).toEqual([]);
  });

  it('accepts no intervals at all', () => {
    expect(weeklyIssues([])).toEqual([]);
  });

  it.each([7, -1, 1.5, '1'])('refuses weekday %j', (weekday) => {
    expect(fields(weeklyIssues([untyped({ weekday, start: '09:00', end: '10:00' })]))).toEqual([
      'weekly[0].weekday',
    ]);
  });

  it.each([
    ['9:00', '10:00', 'weekly[0].start'],
    ['24:00', '24:00', 'weekly[0].start'],
    ['09:00', '24:01', 'weekly[0].end'],
    ['09:00', '10:60', 'weekly[0].end'],
    ['10:00', '10:00', 'weekly[0].end'],
    ['22:00', '02:00', 'weekly[0].end'],
  ])('refuses %s-%s', (start, end, field) => {
    expect(fields(weeklyIssues([interval(3, start, end)]))).toEqual([field]);
  });

  it('refuses missing times', () => {
    expect(fields(weeklyIssues([untyped({ weekday: 3 })]))).toEqual([
      'weekly[0].start',
      'weekly[0].end',
    ]);
  });

  it('names the interval that overlaps another on the same weekday', () => {
    const issues = weeklyIssues([
      interval(1, '13:00', '17:00'),
      interval(2, '09:00', '12:00'),
      interval(1, '09:00', '13:30'),
    ]);
    expect(issues).toEqual([{ field: 'weekly[0]', message: 'Overlaps weekly[2]' }]);
  });

  it('refuses an interval contained in another', () => {
    expect(
      fields(weeklyIssues([interval(1, '09:00', '17:00'), interval(1, '10:00', '11:00')])),
    ).toEqual(['weekly[1]']);
  });

  it(`refuses more than ${MAX_INTERVALS_PER_DAY} intervals on a weekday`, () => {
    const many = Array.from({ length: MAX_INTERVALS_PER_DAY + 1 }, (_, hour) =>
      interval(4, `${String(hour).padStart(2, '0')}:00`, `${String(hour).padStart(2, '0')}:30`),
    );
    expect(weeklyIssues(many)).toEqual([
      { field: 'weekly', message: `At most ${MAX_INTERVALS_PER_DAY} intervals on weekday 4` },
    ]);
  });

  it('refuses a value that is not a list', () => {
    expect(fields(weeklyIssues(untyped({})))).toEqual(['weekly']);
  });
});

describe('overrideIssues', () => {
  const override = (date: string, ...intervals: [string, string][]): DateOverride => ({
    date,
    intervals: intervals.map(([start, end]) => ({ start, end })),
  });

  it('accepts days off and replaced hours on distinct dates', () => {
    expect(
      overrideIssues([
        override('2026-12-24'),
        override('2026-12-31', ['09:00', '12:00'], ['12:00', '13:00']),
      ]),
    ).toEqual([]);
  });

  it('accepts 29 February in a leap year', () => {
    expect(overrideIssues([override('2028-02-29')])).toEqual([]);
  });

  it.each(['2026-02-29', '2026-02-30', '2026-13-01', '2026-2-03', '03.02.2026', 'tomorrow', ''])(
    'refuses the date %j',
    (date) => {
      expect(fields(overrideIssues([override(date)]))).toEqual(['overrides[0].date']);
    },
  );

  it('refuses a second override for the same date', () => {
    expect(
      overrideIssues([override('2026-12-24'), override('2026-12-24', ['09:00', '10:00'])]),
    ).toEqual([{ field: 'overrides[1].date', message: '2026-12-24 already has an override' }]);
  });

  it('checks the intervals of an override like weekly ones', () => {
    const issues = overrideIssues([
      override('2026-12-24', ['09:00', '12:00'], ['11:00', '13:00'], ['14:00', '13:00']),
    ]);
    expect(fields(issues)).toEqual(['overrides[0].intervals[2].end', 'overrides[0].intervals[1]']);
  });

  it('refuses an override without a list of intervals', () => {
    expect(fields(overrideIssues([untyped({ date: '2026-12-24' })]))).toEqual([
      'overrides[0].intervals',
    ]);
  });

  it(`refuses more than ${MAX_DATE_OVERRIDES} overrides`, () => {
    const many = Array.from({ length: MAX_DATE_OVERRIDES + 1 }, () => override('2026-12-24'));
    expect(fields(overrideIssues(many))).toEqual(['overrides']);
  });
});

describe('settingsIssues', () => {
  const withSetting = (change: Partial<BookingSettings>) =>
    settingsIssues({ ...DEFAULT_BOOKING_SETTINGS, ...change });

  it('accepts the defaults and the bounds themselves', () => {
    expect(settingsIssues(DEFAULT_BOOKING_SETTINGS)).toEqual([]);
    expect(
      withSetting({
        bufferBeforeMinutes: 240,
        bufferAfterMinutes: 0,
        minNoticeHours: 0,
        maxDaysAhead: 365,
        dailyLimit: 48,
        cancellationPolicy: { freeUntilHours: 720, feePercent: 100 },
      }),
    ).toEqual([]);
  });

  it.each<[Partial<BookingSettings>, string]>([
    [{ bufferBeforeMinutes: -5 }, 'settings.bufferBeforeMinutes'],
    [{ bufferBeforeMinutes: 241 }, 'settings.bufferBeforeMinutes'],
    [{ bufferAfterMinutes: 7.5 }, 'settings.bufferAfterMinutes'],
    [{ minNoticeHours: -1 }, 'settings.minNoticeHours'],
    [{ maxDaysAhead: 0 }, 'settings.maxDaysAhead'],
    [{ maxDaysAhead: 366 }, 'settings.maxDaysAhead'],
    [{ dailyLimit: 49 }, 'settings.dailyLimit'],
    [{ dailyLimit: untyped('3') }, 'settings.dailyLimit'],
    [{ requiresApproval: untyped('yes') }, 'settings.requiresApproval'],
    [
      { cancellationPolicy: { freeUntilHours: -1, feePercent: 50 } },
      'settings.cancellationPolicy.freeUntilHours',
    ],
    [
      { cancellationPolicy: { freeUntilHours: 24, feePercent: 101 } },
      'settings.cancellationPolicy.feePercent',
    ],
    [{ cancellationPolicy: untyped(null) }, 'settings.cancellationPolicy'],
  ])('refuses %j', (change, field) => {
    expect(fields(withSetting(change))).toEqual([field]);
  });

  it('refuses a notice that reaches beyond the horizon', () => {
    expect(withSetting({ minNoticeHours: 48, maxDaysAhead: 2 })).toEqual([
      {
        field: 'settings.minNoticeHours',
        message: 'Must be shorter than the booking horizon (maxDaysAhead)',
      },
    ]);
    expect(withSetting({ minNoticeHours: 47, maxDaysAhead: 2 })).toEqual([]);
  });

  it('refuses settings that are not an object', () => {
    expect(fields(settingsIssues(untyped(null)))).toEqual(['settings']);
  });
});
