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
  const first = DateTime.fromMillis(from, { zone: timeZone });
  if (!first.isValid) throw new RangeError(`Unknown time zone: ${timeZone}`);
  const days: LocalDay[] = [];
  let dayStart: DateTime = first.startOf('day');
  while (dayStart.toMillis() <= to) {
    const known = dayStartingAt(dayStart);
    days.push(known.day);
    dayStart = known.next;
  }
  return days;
}

/**
 * Days already found, by zone and first instant. A day's bounds never change, and finding them
 * costs Luxon zone lookups (Intl, several microseconds each) that every slots read of 30 days
 * would otherwise repeat about a hundred times. Bounded: forgotten all at once when full.
 */
const MAX_KNOWN_DAYS = 20_000;
const knownDays = new Map<string, { day: LocalDay; next: DateTime }>();

function dayStartingAt(dayStart: DateTime): { day: LocalDay; next: DateTime } {
  const key = `${dayStart.zoneName ?? ''} ${dayStart.toMillis()}`;
  const known = knownDays.get(key);
  if (known) return known;
  const next = startOfNextDay(dayStart);
  const found = { day: Object.freeze(localDay(dayStart, next)), next };
  if (knownDays.size >= MAX_KNOWN_DAYS) knownDays.clear();
  knownDays.set(key, found);
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

function localDay(dayStart: DateTime, nextDayStart: DateTime): LocalDay {
  const start = dayStart.toMillis();
  const end = nextDayStart.toMillis();
  // A day that starts at midnight and lasts 24 hours has one offset throughout, so wall-clock
  // minutes after midnight are elapsed minutes. On any other day Luxon places each time, which
  // keeps 09:00 at 09:00 local and moves times inside a skipped hour forward, as clocks do.
  const hasOneOffset = isLocalMidnight(dayStart) && end - start === DAY_MS;
  return {
    date: dayStart.toISODate() ?? '',
    weekday: (dayStart.weekday % 7) as Weekday,
    start,
    end,
    instantAt(minutes: number): number {
      if (minutes >= MINUTES_PER_DAY) return end;
      if (hasOneOffset) return start + minutes * MINUTE_MS;
      const dateTime = dayStart.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 });
      return Math.max(start, Math.min(end, dateTime.toMillis()));
    },
  };
}
