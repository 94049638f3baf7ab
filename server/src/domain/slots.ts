import type {
  AvailabilityDTO,
  BookingSettings,
  Slot,
  TimeInterval,
} from '@coachhub/shared/scheduling';
import { isoInstant } from './instant.js';
import { localDaysBetween, sameTimeDaysLater, type LocalDay } from './local-days.js';
import { minutesOfDay } from './local-time.js';
import {
  mergeRanges,
  padRange,
  rangesOverlap,
  subtractRanges,
  type TimeRange,
} from './time-ranges.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** A coach's existing active booking (pending or confirmed): it holds its time plus the buffers. */
const DAY_MS = 24 * 3_600_000;

/**
 * How far around a range bookings still matter: buffers (at most a few hours) and the daily
 * limit, which counts every booking of a coach's local day (a day reaches up to 14 hours past
 * a UTC midnight). Two days covers both with room to spare.
 */
export const BOOKING_MARGIN_MS = 2 * DAY_MS;

export interface BookedTime {
  start: Date;
  end: Date;
}

export type SlotAvailability = Pick<AvailabilityDTO, 'timeZone' | 'weekly' | 'overrides'>;
export type SlotSettings = Pick<
  BookingSettings,
  'bufferBeforeMinutes' | 'bufferAfterMinutes' | 'minNoticeHours' | 'maxDaysAhead' | 'dailyLimit'
>;
export type BufferSettings = Pick<BookingSettings, 'bufferBeforeMinutes' | 'bufferAfterMinutes'>;

export interface SlotQuery {
  availability: SlotAvailability;
  settings: SlotSettings;
  bookings: readonly BookedTime[];
  durationMinutes: number;
  /** Slots that start in [from, to). */
  range: { from: Date; to: Date };
  /** The moment of the request: minimum notice and horizon count from it. */
  now: Date;
  /** Minutes between two offered starts; defaults to {@link defaultSlotStepMinutes}. */
  slotStepMinutes?: number;
}

/**
 * Starts are offered every 30 minutes, or every session length when the session is shorter:
 * long sessions get half-hour choices (09:00, 09:30, ...) rather than only back-to-back ones,
 * and short ones pack without gaps.
 */
export function defaultSlotStepMinutes(durationMinutes: number): number {
  return Math.min(durationMinutes, 30);
}

/**
 * The bookable slots of a coach, as UTC instants sorted by start.
 *
 * - Days are the coach's calendar days; each day's intervals are the date override's when there
 *   is one (none = day off), else the weekly intervals of its weekday. Wall-clock times are read
 *   on that day, so 09:00 stays 09:00 local across DST changes.
 * - Starts lie on a grid of `slotStepMinutes` from the start of each (merged) interval, and the
 *   whole session fits in the interval; buffers may reach outside availability.
 * - A slot with its buffers must not overlap a booking with its buffers: between two sessions
 *   there is at least bufferAfter + bufferBefore.
 * - A start is at least `minNoticeHours` after `now` and at most `maxDaysAhead` calendar days
 *   (in the coach's zone) after it.
 * - A day holding `dailyLimit` or more bookings (by their start, in the coach's zone) offers none.
 */
export function computeSlots(query: SlotQuery): Slot[] {
  const durationMs = positiveMinutes(query.durationMinutes, 'durationMinutes') * MINUTE_MS;
  const stepMs =
    positiveMinutes(
      query.slotStepMinutes ?? defaultSlotStepMinutes(query.durationMinutes),
      'slotStepMinutes',
    ) * MINUTE_MS;
  const { earliest, latest } = startBounds(query);
  if (earliest > latest) return [];

  const schedule = wallClockSchedule(query.availability);
  const blocked = blockedRanges(query.bookings, query.settings);
  const bookingStarts = query.bookings.map((booking) => booking.start.getTime()).sort(ascending);
  const slots: Slot[] = [];
  let firstRelevantBlock = 0;

  for (const day of localDaysBetween(query.availability.timeZone, earliest, latest)) {
    if (isDayFull(day, bookingStarts, query.settings.dailyLimit)) continue;
    for (const window of dayWindows(day, schedule)) {
      // Windows come in time order, so blocks ending before this one never matter again.
      while ((blocked[firstRelevantBlock]?.end ?? Infinity) <= window.start) firstRelevantBlock++;
      const blocksInWindow = overlapping(blocked, firstRelevantBlock, window);
      for (const free of subtractRanges([window], blocksInWindow)) {
        const grid = { anchor: window.start, stepMs };
        pushSlots(slots, free, grid, durationMs, { earliest, latest });
      }
    }
  }
  return slots;
}

/** True when a slot starting at `start` is among those {@link computeSlots} offers. */
export function isSlotOffered(query: Omit<SlotQuery, 'range'>, start: Date): boolean {
  const range = { from: start, to: new Date(start.getTime() + 1) };
  return computeSlots({ ...query, range }).some(
    (slot) => Date.parse(slot.start) === start.getTime(),
  );
}

/** The time a booking holds in the coach's calendar: the session plus its buffers. */
export function bufferedRange(booking: BookedTime, settings: BufferSettings): BookedTime {
  const held = padRange(
    { start: booking.start.getTime(), end: booking.end.getTime() },
    settings.bufferBeforeMinutes * MINUTE_MS,
    settings.bufferAfterMinutes * MINUTE_MS,
  );
  return { start: new Date(held.start), end: new Date(held.end) };
}

/** True when `candidate` and one of `bookings` overlap once both carry their buffers. */
export function conflictsWithBookings(
  candidate: BookedTime,
  bookings: readonly BookedTime[],
  settings: BufferSettings,
): boolean {
  const held = toRange(bufferedRange(candidate, settings));
  return bookings.some((booking) => rangesOverlap(held, toRange(bufferedRange(booking, settings))));
}

interface MinuteInterval {
  start: number;
  end: number;
}

interface WallClockSchedule {
  byWeekday: MinuteInterval[][];
  byDate: Map<string, MinuteInterval[]>;
}

function wallClockSchedule(availability: SlotAvailability): WallClockSchedule {
  const byWeekday: MinuteInterval[][] = [[], [], [], [], [], [], []];
  for (const interval of availability.weekly) {
    const minutes = toMinuteInterval(interval);
    if (minutes !== null) byWeekday[interval.weekday]?.push(minutes);
  }
  const byDate = new Map<string, MinuteInterval[]>();
  for (const override of availability.overrides) {
    const intervals = override.intervals.map(toMinuteInterval);
    byDate.set(
      override.date,
      intervals.filter((interval): interval is MinuteInterval => interval !== null),
    );
  }
  return { byWeekday, byDate };
}

// Validation refuses malformed or midnight-crossing intervals; should one slip through, it
// offers nothing rather than a wrong time.
function toMinuteInterval(interval: TimeInterval): MinuteInterval | null {
  const start = minutesOfDay(interval.start);
  const end = minutesOfDay(interval.end);
  if (start === null || end === null || start >= end) return null;
  return { start, end };
}

function dayWindows(day: LocalDay, schedule: WallClockSchedule): TimeRange[] {
  const intervals = schedule.byDate.get(day.date) ?? schedule.byWeekday[day.weekday] ?? [];
  return mergeRanges(
    intervals.map((interval) => ({
      start: day.instantAt(interval.start),
      end: day.instantAt(interval.end),
    })),
  );
}

function startBounds(query: SlotQuery): { earliest: number; latest: number } {
  const { now, range, settings } = query;
  const horizon = sameTimeDaysLater(
    query.availability.timeZone,
    now.getTime(),
    settings.maxDaysAhead,
  );
  return {
    earliest: Math.max(range.from.getTime(), now.getTime() + settings.minNoticeHours * HOUR_MS),
    // `range.to` is exclusive; Date has millisecond precision.
    latest: Math.min(range.to.getTime() - 1, horizon),
  };
}

/**
 * Each booking widened by both buffers on both sides: a slot overlapping this span would, with
 * its own buffers, overlap the booking with its buffers.
 */
function blockedRanges(bookings: readonly BookedTime[], settings: BufferSettings): TimeRange[] {
  const padding = (settings.bufferBeforeMinutes + settings.bufferAfterMinutes) * MINUTE_MS;
  return mergeRanges(
    bookings.map((booking) =>
      padRange({ start: booking.start.getTime(), end: booking.end.getTime() }, padding, padding),
    ),
  );
}

function overlapping(blocked: readonly TimeRange[], from: number, window: TimeRange): TimeRange[] {
  const found: TimeRange[] = [];
  for (let index = from; index < blocked.length; index++) {
    const block = blocked[index];
    if (block === undefined || block.start >= window.end) break;
    found.push(block);
  }
  return found;
}

function isDayFull(
  day: LocalDay,
  sortedBookingStarts: readonly number[],
  dailyLimit: number,
): boolean {
  if (dailyLimit <= 0) return false;
  const onDay =
    firstIndexAtOrAfter(sortedBookingStarts, day.end) -
    firstIndexAtOrAfter(sortedBookingStarts, day.start);
  return onDay >= dailyLimit;
}

function firstIndexAtOrAfter(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? Infinity) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function pushSlots(
  slots: Slot[],
  free: TimeRange,
  grid: { anchor: number; stepMs: number },
  durationMs: number,
  bounds: { earliest: number; latest: number },
): void {
  const lowest = Math.max(free.start, bounds.earliest);
  const stepsToLowest = Math.ceil(Math.max(0, lowest - grid.anchor) / grid.stepMs);
  for (
    let start = grid.anchor + stepsToLowest * grid.stepMs;
    start + durationMs <= free.end && start <= bounds.latest;
    start += grid.stepMs
  ) {
    slots.push({
      start: isoInstant(start),
      end: isoInstant(start + durationMs),
    });
  }
}

function positiveMinutes(value: number, name: string): number {
  if (!Number.isInteger(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive whole number of minutes, got ${value}`);
  }
  return value;
}

function toRange(booking: BookedTime): TimeRange {
  return { start: booking.start.getTime(), end: booking.end.getTime() };
}

function ascending(a: number, b: number): number {
  return a - b;
}
