import type { Weekday } from '@coachhub/shared/scheduling';
import { DateTime } from 'luxon';
import { MINUTES_PER_DAY } from './local-time.js';

const MINUTE_MS = 60_000;
const DAY_MS = MINUTES_PER_DAY * MINUTE_MS;

/** One calendar day in a time zone, with the instants that bound it. */
export interface LocalDay {
  /** 'YYYY-MM-DD' in the zone. */
  date: string;
  weekday: Weekday;
  /** Epoch ms of the day's first instant (local midnight, or later when midnight is skipped). */
  start: number;
  /** Epoch ms of the next day's first instant: 23 or 25 hours after `start` on DST days. */
  end: number;
  /** Epoch ms of a wall-clock time on this day, in minutes since midnight (0 .. 1440). */
  instantAt(minutes: number): number;
}

/** The zone's calendar days that contain at least one instant of [from, to] (epoch ms). */
export function localDaysBetween(timeZone: string, from: number, to: number): LocalDay[] {
  const days: LocalDay[] = [];
  let known = knownDayAt(timeZone, from);
  while (known.day.start <= to) {
    days.push(known.day);
    known = dayStartingAt(known.next);
  }
  return days;
}

/**
 * The instant `days` calendar days after `ms` in the zone at the same wall-clock time, as Luxon's
 * `plus({ days })` gives it (a time that the clocks skip on that day moves forward).
 */
export function sameTimeDaysLater(timeZone: string, ms: number, days: number): number {
  if (!Number.isInteger(days) || days < 0) {
    return DateTime.fromMillis(ms, { zone: timeZone }).plus({ days }).toMillis();
  }
  const first = knownDayAt(timeZone, ms);
  const later = dayAfter(first, days);
  // Both days with one offset throughout and `days` dates apart (a zone may skip a whole date):
  // the wall-clock time is the time elapsed since midnight on each.
  if (first.oneOffset && later.oneOffset && later.day.date === datePlusDays(first.day.date, days)) {
    return later.day.start + (ms - first.day.start);
  }
  return DateTime.fromMillis(ms, { zone: timeZone }).plus({ days }).toMillis();
}

/** The day `days` days after `first`, kept: a horizon of a year would walk 365 days per read. */
const laterDays = new Map<string, KnownDay>();

function dayAfter(first: KnownDay, days: number): KnownDay {
  const key = `${first.next.zoneName ?? ''} ${first.day.start} ${days}`;
  const kept = laterDays.get(key);
  if (kept) return kept;
  let later = first;
  for (let step = 0; step < days; step++) later = dayStartingAt(later.next);
  if (laterDays.size >= MAX_KNOWN_DAYS) laterDays.clear();
  laterDays.set(key, later);
  return later;
}

function datePlusDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

interface KnownDay {
  day: LocalDay;
  next: DateTime;
  /** Starts at local midnight and lasts 24 hours: one offset throughout. */
  oneOffset: boolean;
}

/**
 * Days already found, by zone and first instant. A day's bounds never change, and finding them
 * costs Luxon zone lookups (Intl, several microseconds each) that every slots read of 30 days
 * would otherwise repeat about a hundred times. Bounded: forgotten all at once when full.
 */
const MAX_KNOWN_DAYS = 20_000;
const knownDays = new Map<string, KnownDay>();

function dayStartingAt(dayStart: DateTime): KnownDay {
  const key = `${dayStart.zoneName ?? ''} ${dayStart.toMillis()}`;
  const known = knownDays.get(key);
  if (known) return known;
  const next = startOfNextDay(dayStart);
  const found = {
    day: Object.freeze(localDay(dayStart, next)),
    next,
    oneOffset: hasOneOffset(dayStart, next),
  };
  if (knownDays.size >= MAX_KNOWN_DAYS) knownDays.clear();
  knownDays.set(key, found);
  return found;
}

/**
 * Which day holds an instant, by zone and quarter hour (every zone's offset today is a whole
 * number of quarter hours, so a day boundary rarely falls inside one): a quarter hour is kept
 * only when the whole of it lies inside the day Luxon found, so any other is asked again.
 */
const QUARTER_HOUR_MS = 15 * MINUTE_MS;
const dayOfQuarterHour = new Map<string, KnownDay>();

function knownDayAt(timeZone: string, ms: number): KnownDay {
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  const key = `${timeZone} ${quarter}`;
  const kept = dayOfQuarterHour.get(key);
  if (kept && kept.day.start <= ms && ms < kept.day.end) return kept;
  const at = DateTime.fromMillis(ms, { zone: timeZone });
  if (!at.isValid) throw new RangeError(`Unknown time zone: ${timeZone}`);
  const found = dayStartingAt(at.startOf('day'));
  const quarterStart = quarter * QUARTER_HOUR_MS;
  if (found.day.start <= quarterStart && quarterStart + QUARTER_HOUR_MS <= found.day.end) {
    if (dayOfQuarterHour.size >= MAX_KNOWN_DAYS) dayOfQuarterHour.clear();
    dayOfQuarterHour.set(key, found);
  }
  return found;
}

/**
 * Luxon resolves the next local midnight. The common case costs one zone lookup: if the instant
 * 24 hours later reads 00:00 locally, the offset did not change. Otherwise (a DST change, or a
 * zone skipping midnight) Luxon's calendar arithmetic finds it.
 */
function startOfNextDay(dayStart: DateTime): DateTime {
  const dayLater = DateTime.fromMillis(dayStart.toMillis() + DAY_MS, { zone: dayStart.zone });
  if (isLocalMidnight(dayLater)) return dayLater;
  return dayStart.plus({ days: 1 }).startOf('day');
}

function isLocalMidnight(dateTime: DateTime): boolean {
  return (
    dateTime.hour === 0 &&
    dateTime.minute === 0 &&
    dateTime.second === 0 &&
    dateTime.millisecond === 0
  );
}

function hasOneOffset(dayStart: DateTime, nextDayStart: DateTime): boolean {
  return isLocalMidnight(dayStart) && nextDayStart.toMillis() - dayStart.toMillis() === DAY_MS;
}

function localDay(dayStart: DateTime, nextDayStart: DateTime): LocalDay {
  const start = dayStart.toMillis();
  const end = nextDayStart.toMillis();
  // A day that starts at midnight and lasts 24 hours has one offset throughout, so wall-clock
  // minutes after midnight are elapsed minutes. On any other day Luxon places each time, which
  // keeps 09:00 at 09:00 local and moves times inside a skipped hour forward, as clocks do.
  const oneOffset = hasOneOffset(dayStart, nextDayStart);
  return {
    date: dayStart.toISODate() ?? '',
    weekday: (dayStart.weekday % 7) as Weekday,
    start,
    end,
    instantAt(minutes: number): number {
      if (minutes >= MINUTES_PER_DAY) return end;
      if (oneOffset) return start + minutes * MINUTE_MS;
      const dateTime = dayStart.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 });
      return Math.max(start, Math.min(end, dateTime.toMillis()));
    },
  };
}
