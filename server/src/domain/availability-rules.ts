import {
  BOOKING_SETTINGS_LIMITS,
  MAX_DATE_OVERRIDES,
  MAX_INTERVALS_PER_DAY,
  type AvailabilityDTO,
  type BookingSettings,
  type DateOverride,
  type TimeInterval,
  type WeeklyInterval,
} from '@coachhub/shared/scheduling';
import { DateTime } from 'luxon';
import { MINUTES_PER_DAY, minutesOfDay } from './local-time.js';
import { isIanaTimeZone } from './time-zone.js';

/** One problem of an availability payload; `field` is a path such as `weekly[2].end`. */
export interface AvailabilityIssue {
  field: string;
  message: string;
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Everything wrong with an availability payload, or an empty list when it can be stored. */
export function availabilityIssues(availability: AvailabilityDTO): AvailabilityIssue[] {
  return [
    ...timeZoneIssues(availability.timeZone),
    ...weeklyIssues(availability.weekly),
    ...overrideIssues(availability.overrides),
    ...settingsIssues(availability.settings),
  ];
}

export function timeZoneIssues(timeZone: string, field = 'timeZone'): AvailabilityIssue[] {
  if (typeof timeZone === 'string' && isIanaTimeZone(timeZone)) return [];
  return [{ field, message: 'Must be an IANA time zone such as Europe/Berlin' }];
}

/** Weekly intervals: well-formed, and no two on the same weekday overlap. */
export function weeklyIssues(weekly: WeeklyInterval[], field = 'weekly'): AvailabilityIssue[] {
  if (!Array.isArray(weekly)) return [{ field, message: 'Must be a list of intervals' }];
  const issues: AvailabilityIssue[] = [];
  const byWeekday = new Map<number, IndexedInterval[]>();
  weekly.forEach((interval, index) => {
    const path = `${field}[${index}]`;
    if (!Number.isInteger(interval?.weekday) || interval.weekday < 0 || interval.weekday > 6) {
      issues.push({
        field: `${path}.weekday`,
        message: 'Must be a whole number from 0 (Sunday) to 6 (Saturday)',
      });
      return;
    }
    const sameDay = byWeekday.get(interval.weekday) ?? [];
    sameDay.push({ interval, path });
    byWeekday.set(interval.weekday, sameDay);
  });
  for (const [weekday, intervals] of byWeekday) {
    issues.push(...dayIssues(intervals, field, `weekday ${weekday}`));
  }
  return issues;
}

/** Date overrides: real dates, each at most once, with well-formed, non-overlapping intervals. */
export function overrideIssues(
  overrides: DateOverride[],
  field = 'overrides',
): AvailabilityIssue[] {
  if (!Array.isArray(overrides)) return [{ field, message: 'Must be a list of date overrides' }];
  if (overrides.length > MAX_DATE_OVERRIDES) {
    return [{ field, message: `At most ${MAX_DATE_OVERRIDES} date overrides` }];
  }
  const issues: AvailabilityIssue[] = [];
  const seenDates = new Set<string>();
  overrides.forEach((override, index) => {
    const path = `${field}[${index}]`;
    if (!isCalendarDate(override?.date)) {
      issues.push({ field: `${path}.date`, message: 'Must be a date written YYYY-MM-DD' });
    } else if (seenDates.has(override.date)) {
      issues.push({ field: `${path}.date`, message: `${override.date} already has an override` });
    } else {
      seenDates.add(override.date);
    }
    if (!Array.isArray(override?.intervals)) {
      issues.push({
        field: `${path}.intervals`,
        message: 'Must be a list of intervals (empty for a day off)',
      });
      return;
    }
    const intervals = override.intervals.map((interval, position) => ({
      interval,
      path: `${path}.intervals[${position}]`,
    }));
    issues.push(...dayIssues(intervals, `${path}.intervals`, 'this date'));
  });
  return issues;
}

/** Booking settings: whole numbers within the bounds the client's form shows. */
export function settingsIssues(settings: BookingSettings, field = 'settings'): AvailabilityIssue[] {
  if (typeof settings !== 'object' || settings === null) {
    return [{ field, message: 'Must be an object' }];
  }
  const limits = BOOKING_SETTINGS_LIMITS;
  const policy = settings.cancellationPolicy;
  const issues = [
    wholeNumberIssue(
      `${field}.bufferBeforeMinutes`,
      settings.bufferBeforeMinutes,
      0,
      limits.maxBufferMinutes,
    ),
    wholeNumberIssue(
      `${field}.bufferAfterMinutes`,
      settings.bufferAfterMinutes,
      0,
      limits.maxBufferMinutes,
    ),
    wholeNumberIssue(
      `${field}.minNoticeHours`,
      settings.minNoticeHours,
      0,
      limits.maxMinNoticeHours,
    ),
    wholeNumberIssue(`${field}.maxDaysAhead`, settings.maxDaysAhead, 1, limits.maxDaysAhead),
    wholeNumberIssue(`${field}.dailyLimit`, settings.dailyLimit, 0, limits.maxDailyLimit),
    typeof settings.requiresApproval === 'boolean'
      ? null
      : { field: `${field}.requiresApproval`, message: 'Must be true or false' },
  ];
  if (typeof policy !== 'object' || policy === null) {
    issues.push({ field: `${field}.cancellationPolicy`, message: 'Must be an object' });
  } else {
    issues.push(
      wholeNumberIssue(
        `${field}.cancellationPolicy.freeUntilHours`,
        policy.freeUntilHours,
        0,
        limits.maxFreeUntilHours,
      ),
      wholeNumberIssue(`${field}.cancellationPolicy.feePercent`, policy.feePercent, 0, 100),
    );
  }
  const found = issues.filter((issue): issue is AvailabilityIssue => issue !== null);
  // Only worth saying once both numbers are sane: a notice beyond the horizon leaves no slot at all.
  if (found.length === 0 && settings.minNoticeHours >= settings.maxDaysAhead * 24) {
    found.push({
      field: `${field}.minNoticeHours`,
      message: 'Must be shorter than the booking horizon (maxDaysAhead)',
    });
  }
  return found;
}

interface IndexedInterval {
  interval: TimeInterval;
  path: string;
}

interface PlacedInterval {
  start: number;
  end: number;
  path: string;
}

/** The intervals of one day: each well-formed, and none overlapping another (touching is fine). */
function dayIssues(
  intervals: IndexedInterval[],
  listField: string,
  dayName: string,
): AvailabilityIssue[] {
  const issues: AvailabilityIssue[] = [];
  if (intervals.length > MAX_INTERVALS_PER_DAY) {
    const message = `At most ${MAX_INTERVALS_PER_DAY} intervals on ${dayName}`;
    issues.push({ field: listField, message });
  }
  const wellFormed: PlacedInterval[] = [];
  for (const { interval, path } of intervals) {
    const checked = intervalIssues(interval, path);
    if (Array.isArray(checked)) issues.push(...checked);
    else wellFormed.push(checked);
  }
  wellFormed.sort((a, b) => a.start - b.start);
  wellFormed.slice(1).forEach((interval, index) => {
    const previous = wellFormed[index];
    if (previous !== undefined && interval.start < previous.end) {
      issues.push({ field: interval.path, message: `Overlaps ${previous.path}` });
    }
  });
  return issues;
}

/** The interval in minutes of the day, or what is wrong with it. */
function intervalIssues(
  interval: TimeInterval,
  path: string,
): PlacedInterval | AvailabilityIssue[] {
  const minutesStart = minutesOfDay(interval?.start);
  // '24:00' ends a day; nothing can start there.
  const start = minutesStart === MINUTES_PER_DAY ? null : minutesStart;
  const end = minutesOfDay(interval?.end);
  const issues: AvailabilityIssue[] = [];
  if (start === null) {
    issues.push({
      field: `${path}.start`,
      message: 'Must be a time from 00:00 to 23:59, written HH:mm',
    });
  }
  if (end === null) {
    issues.push({
      field: `${path}.end`,
      message: 'Must be a time from 00:01 to 24:00, written HH:mm',
    });
  }
  if (start === null || end === null) return issues;
  if (start >= end) {
    return [
      {
        field: `${path}.end`,
        message: 'Must be after the start; split an interval that crosses midnight',
      },
    ];
  }
  return { start, end, path };
}

function wholeNumberIssue(
  field: string,
  value: unknown,
  min: number,
  max: number,
): AvailabilityIssue | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max)
    return null;
  return { field, message: `Must be a whole number from ${min} to ${max}` };
}

function isCalendarDate(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    DATE_PATTERN.test(value) &&
    DateTime.fromISO(value, { zone: 'utc' }).isValid
  );
}
