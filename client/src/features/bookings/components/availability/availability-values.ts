import {
  BOOKING_SETTINGS_LIMITS,
  MAX_DATE_OVERRIDES,
  MAX_INTERVALS_PER_DAY,
  WEEKDAYS,
} from '@coachhub/shared/scheduling';
import type {
  AvailabilityDTO,
  BookingSettings,
  TimeInterval,
  Weekday,
} from '@coachhub/shared/scheduling';

import type { FieldProblem } from '@/lib/field-problem';
import { isValidTimeZone } from '@/lib/format';

/**
 * The availability editor's values, checks and the way back to the API's shape. Problems are
 * keyed by the same paths the server uses in a 400's `details` (`weekly[2].end`,
 * `overrides[0].date`, `settings.minNoticeHours`), so the client's checks and the server's
 * answer land on the same fields.
 */
export interface IntervalRow {
  /** Stable across edits, for React keys and labels; never sent. */
  id: string;
  start: string;
  end: string;
}

export interface OverrideRow {
  id: string;
  date: string;
  dayOff: boolean;
  intervals: IntervalRow[];
}

/** Numbers are kept as typed, and checked on submit. */
export interface SettingsValues {
  bufferBeforeMinutes: string;
  bufferAfterMinutes: string;
  minNoticeHours: string;
  maxDaysAhead: string;
  dailyLimit: string;
  requiresApproval: boolean;
  freeUntilHours: string;
  feePercent: string;
}

export type NumberSetting = Exclude<keyof SettingsValues, 'requiresApproval'>;

export interface AvailabilityValues {
  timeZone: string;
  weekly: Record<Weekday, IntervalRow[]>;
  overrides: OverrideRow[];
  settings: SettingsValues;
}

export type AvailabilityProblems = Record<string, FieldProblem>;

let nextRowId = 0;
export const newRowId = (): string => `row-${(nextRowId += 1)}`;

const toRow = ({ start, end }: TimeInterval): IntervalRow => ({ id: newRowId(), start, end });

export const toAvailabilityValues = (dto: AvailabilityDTO): AvailabilityValues => {
  const weekly = Object.fromEntries(WEEKDAYS.map((day) => [day, [] as IntervalRow[]])) as Record<
    Weekday,
    IntervalRow[]
  >;
  for (const interval of [...dto.weekly].sort((a, b) => a.start.localeCompare(b.start))) {
    weekly[interval.weekday].push(toRow(interval));
  }
  const { settings } = dto;
  return {
    timeZone: dto.timeZone,
    weekly,
    overrides: [...dto.overrides]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((override) => ({
        id: newRowId(),
        date: override.date,
        dayOff: override.intervals.length === 0,
        intervals: override.intervals.map(toRow),
      })),
    settings: {
      bufferBeforeMinutes: String(settings.bufferBeforeMinutes),
      bufferAfterMinutes: String(settings.bufferAfterMinutes),
      minNoticeHours: String(settings.minNoticeHours),
      maxDaysAhead: String(settings.maxDaysAhead),
      dailyLimit: String(settings.dailyLimit),
      requiresApproval: settings.requiresApproval,
      freeUntilHours: String(settings.cancellationPolicy.freeUntilHours),
      feePercent: String(settings.cancellationPolicy.feePercent),
    },
  };
};

/** "9:00", "9.00" and "9" all mean 09:00; anything else is left for the check to refuse. */
export const normaliseTime = (text: string): string => {
  const trimmed = text.trim().replace('.', ':');
  const withMinutes = /^(\d{1,2}):(\d{2})$/.exec(trimmed);
  if (withMinutes) return `${withMinutes[1]?.padStart(2, '0')}:${withMinutes[2]}`;
  if (/^\d{1,2}$/.test(trimmed)) return `${trimmed.padStart(2, '0')}:00`;
  return trimmed;
};

const TIME_PATTERN = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;
const minutesOf = (time: string): number | null => {
  const match = TIME_PATTERN.exec(normaliseTime(time));
  if (!match) return null;
  return match[1] === undefined ? 24 * 60 : Number(match[1]) * 60 + Number(match[2]);
};

const wholeNumber = (text: string): number | null =>
  /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;

/** Each row's path in the request, in the order `toAvailabilityRequest` sends them. */
export interface RowPaths {
  weekly: Map<string, string>;
  overrides: Map<string, string>;
  overrideIntervals: Map<string, string>;
}

export const rowPaths = (values: AvailabilityValues): RowPaths => {
  const paths: RowPaths = { weekly: new Map(), overrides: new Map(), overrideIntervals: new Map() };
  let index = 0;
  for (const day of WEEKDAYS) {
    for (const row of values.weekly[day]) paths.weekly.set(row.id, `weekly[${(index += 1) - 1}]`);
  }
  values.overrides.forEach((override, position) => {
    const path = `overrides[${position}]`;
    paths.overrides.set(override.id, path);
    if (override.dayOff) return;
    override.intervals.forEach((row, rowIndex) =>
      paths.overrideIntervals.set(row.id, `${path}.intervals[${rowIndex}]`),
    );
  });
  return paths;
};

const NUMBER_LIMITS: Record<NumberSetting, { path: string; min: number; max: number }> = {
  bufferBeforeMinutes: {
    path: 'settings.bufferBeforeMinutes',
    min: 0,
    max: BOOKING_SETTINGS_LIMITS.maxBufferMinutes,
  },
  bufferAfterMinutes: {
    path: 'settings.bufferAfterMinutes',
    min: 0,
    max: BOOKING_SETTINGS_LIMITS.maxBufferMinutes,
  },
  minNoticeHours: {
    path: 'settings.minNoticeHours',
    min: 0,
    max: BOOKING_SETTINGS_LIMITS.maxMinNoticeHours,
  },
  maxDaysAhead: {
    path: 'settings.maxDaysAhead',
    min: 1,
    max: BOOKING_SETTINGS_LIMITS.maxDaysAhead,
  },
  dailyLimit: { path: 'settings.dailyLimit', min: 0, max: BOOKING_SETTINGS_LIMITS.maxDailyLimit },
  freeUntilHours: {
    path: 'settings.cancellationPolicy.freeUntilHours',
    min: 0,
    max: BOOKING_SETTINGS_LIMITS.maxFreeUntilHours,
  },
  feePercent: { path: 'settings.cancellationPolicy.feePercent', min: 0, max: 100 },
};

export const settingPath = (setting: NumberSetting): string => NUMBER_LIMITS[setting].path;

/** The intervals of one day: each well-formed, none overlapping another (touching is fine). */
const checkDay = (
  rows: readonly IntervalRow[],
  pathOf: (row: IntervalRow) => string,
  listPath: string,
  problems: AvailabilityProblems,
) => {
  if (rows.length > MAX_INTERVALS_PER_DAY) {
    problems[listPath] = {
      key: 'practice.availability.problems.tooManyIntervals',
      values: { max: MAX_INTERVALS_PER_DAY },
    };
  }
  const placed: { start: number; end: number; path: string }[] = [];
  for (const row of rows) {
    const path = pathOf(row);
    const startMinutes = minutesOf(row.start);
    const start = startMinutes === 24 * 60 ? null : startMinutes;
    const end = minutesOf(row.end);
    if (start === null) problems[`${path}.start`] = { key: 'practice.availability.problems.start' };
    if (end === null || end === 0) {
      problems[`${path}.end`] = { key: 'practice.availability.problems.end' };
    }
    if (start === null || end === null || end === 0) continue;
    if (start >= end) {
      problems[`${path}.end`] = { key: 'practice.availability.problems.endBeforeStart' };
      continue;
    }
    placed.push({ start, end, path });
  }
  placed.sort((a, b) => a.start - b.start);
  placed.slice(1).forEach((interval, index) => {
    const previous = placed[index];
    if (previous && interval.start < previous.end) {
      problems[interval.path] = { key: 'practice.availability.problems.overlap' };
    }
  });
};

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const isCalendarDate = (text: string) => {
  if (!DATE_PATTERN.test(text)) return false;
  const [year = 0, month = 0, day = 0] = text.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
};

/** The server's rules (`availabilityIssues`), checked before sending. */
export const validateAvailability = (values: AvailabilityValues): AvailabilityProblems => {
  const problems: AvailabilityProblems = {};
  const paths = rowPaths(values);
  if (!isValidTimeZone(values.timeZone)) {
    problems.timeZone = { key: 'practice.availability.problems.timeZone' };
  }
  for (const day of WEEKDAYS) {
    checkDay(values.weekly[day], (row) => paths.weekly.get(row.id) ?? '', 'weekly', problems);
  }
  if (values.overrides.length > MAX_DATE_OVERRIDES) {
    problems.overrides = {
      key: 'practice.availability.problems.tooManyOverrides',
      values: { max: MAX_DATE_OVERRIDES },
    };
  }
  const seen = new Set<string>();
  for (const override of values.overrides) {
    const path = paths.overrides.get(override.id) ?? '';
    if (!isCalendarDate(override.date)) {
      problems[`${path}.date`] = { key: 'practice.availability.problems.date' };
    } else if (seen.has(override.date)) {
      problems[`${path}.date`] = { key: 'practice.availability.problems.duplicateDate' };
    }
    seen.add(override.date);
    if (override.dayOff) continue;
    if (override.intervals.length === 0) {
      problems[`${path}.intervals`] = { key: 'practice.availability.problems.noHours' };
    }
    checkDay(
      override.intervals,
      (row) => paths.overrideIntervals.get(row.id) ?? '',
      `${path}.intervals`,
      problems,
    );
  }
  let settingsValid = true;
  for (const [setting, { path, min, max }] of Object.entries(NUMBER_LIMITS)) {
    const value = wholeNumber(values.settings[setting as NumberSetting]);
    if (value === null || value < min || value > max) {
      problems[path] = { key: 'validation.wholeNumber', values: { min, max } };
      settingsValid = false;
    }
  }
  // Only worth saying once both numbers are sane: a notice beyond the horizon leaves no slot.
  const notice = wholeNumber(values.settings.minNoticeHours) ?? 0;
  const horizonHours = (wholeNumber(values.settings.maxDaysAhead) ?? 0) * 24;
  if (settingsValid && notice >= horizonHours) {
    problems['settings.minNoticeHours'] = {
      key: 'practice.availability.problems.noticeBeyondHorizon',
      values: { hours: horizonHours },
    };
  }
  return problems;
};

const toInterval = (row: IntervalRow): TimeInterval => ({
  start: normaliseTime(row.start),
  end: normaliseTime(row.end),
});

/** The `PUT /availability/:userId` body, in the order `rowPaths` numbers it. */
export const toAvailabilityRequest = (values: AvailabilityValues): AvailabilityDTO => {
  const number = (setting: NumberSetting) => wholeNumber(values.settings[setting]) ?? 0;
  const settings: BookingSettings = {
    bufferBeforeMinutes: number('bufferBeforeMinutes'),
    bufferAfterMinutes: number('bufferAfterMinutes'),
    minNoticeHours: number('minNoticeHours'),
    maxDaysAhead: number('maxDaysAhead'),
    dailyLimit: number('dailyLimit'),
    requiresApproval: values.settings.requiresApproval,
    cancellationPolicy: {
      freeUntilHours: number('freeUntilHours'),
      feePercent: number('feePercent'),
    },
  };
  return {
    timeZone: values.timeZone,
    weekly: WEEKDAYS.flatMap((weekday) =>
      values.weekly[weekday].map((row) => ({ weekday, ...toInterval(row) })),
    ),
    overrides: values.overrides.map((override) => ({
      date: override.date,
      intervals: override.dayOff ? [] : override.intervals.map(toInterval),
    })),
    settings,
  };
};
