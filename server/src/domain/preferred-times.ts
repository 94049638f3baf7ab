import type { WeeklyInterval } from '@coachhub/shared/scheduling';
import { localDaysBetween } from './local-days.js';
import { minutesOfDay } from './local-time.js';

/** An interval of time as epoch milliseconds, end exclusive. */
export interface InstantRange {
  start: number;
  end: number;
}

/**
 * The client's weekly preferred times (wall-clock, in `timeZone`) as instants between `from`
 * and `to`: one range per matching weekday, placed by the zone's own calendar, so 18:00 stays
 * 18:00 local across a DST change. Sorted by start.
 */
export function preferredRanges(
  preferred: readonly WeeklyInterval[],
  timeZone: string,
  from: number,
  to: number,
): InstantRange[] {
  const ranges: InstantRange[] = [];
  for (const day of localDaysBetween(timeZone, from, to)) {
    for (const interval of preferred) {
      if (interval.weekday !== day.weekday) continue;
      const start = minutesOfDay(interval.start);
      const end = minutesOfDay(interval.end);
      if (start === null || end === null || end <= start) continue;
      ranges.push({ start: day.instantAt(start), end: day.instantAt(end) });
    }
  }
  return ranges.sort((a, b) => a.start - b.start);
}

/**
 * The share (0-1) of `slots` that lie wholly inside one of `preferred`: how much of what the coach
 * has free suits the client. No free slot at all is 0.
 */
export function shareInPreferredTimes(
  slots: readonly InstantRange[],
  preferred: readonly InstantRange[],
): number {
  if (slots.length === 0) return 0;
  const inside = slots.filter((slot) =>
    preferred.some((range) => range.start <= slot.start && slot.end <= range.end),
  ).length;
  return inside / slots.length;
}
