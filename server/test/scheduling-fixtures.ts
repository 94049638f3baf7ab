import type { SessionMode } from '@coachhub/shared/booking';
import {
  DEFAULT_BOOKING_SETTINGS,
  WEEKDAYS,
  type AvailabilityDTO,
  type BookingSettings,
} from '@coachhub/shared/scheduling';
import { DateTime } from 'luxon';
import { Availability } from '../src/modules/scheduling/availability/availability.model.js';
import { SessionType } from '../src/modules/scheduling/session-types/session-type.model.js';
import { createTestCoach, type TestCoachOptions } from './coach-fixtures.js';
import type { TestUser } from './fixtures.js';

/** Open all day, every day, bookable right away: tests pick any future time they like. */
export const OPEN_SETTINGS: BookingSettings = {
  ...DEFAULT_BOOKING_SETTINGS,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minNoticeHours: 0,
  maxDaysAhead: 60,
  dailyLimit: 0,
  requiresApproval: false,
};

export function openAvailability(
  timeZone = 'UTC',
  settings: Partial<BookingSettings> = {},
): AvailabilityDTO {
  return {
    timeZone,
    weekly: WEEKDAYS.map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
    overrides: [],
    settings: { ...OPEN_SETTINGS, ...settings },
  };
}

export interface BookableCoach {
  user: TestUser;
  /** Session type ids by duration in minutes. */
  types: Record<number, string>;
}

/**
 * An approved coach with an availability and session types written straight to the database
 * (no lifecycle hook, so no price configuration: prices use the defaults, 80.00 EUR an hour).
 */
export async function createBookableCoach(
  options: {
    availability?: AvailabilityDTO;
    durations?: number[];
    mode?: SessionMode;
    coach?: TestCoachOptions;
  } = {},
): Promise<BookableCoach> {
  const availability = options.availability ?? openAvailability();
  const user = await createTestCoach({
    ...options.coach,
    profile: { timeZone: availability.timeZone, ...options.coach?.profile },
  });
  await Availability.create({ coach: user.id, ...availability });
  const types: Record<number, string> = {};
  for (const minutes of options.durations ?? [30, 60]) {
    const type = await SessionType.create({
      coach: user.id,
      title: `${minutes}-minute session`,
      slug: `session-${minutes}`,
      durationMinutes: minutes,
      mode: options.mode ?? 'video',
    });
    types[minutes] = type.id as string;
  }
  return { user, types };
}

/** `days` days from now at `time` (HH:mm) in `zone`, as an ISO instant. */
export function futureAt(days: number, time: string, zone = 'UTC'): string {
  const [hour, minute] = time.split(':').map(Number);
  return DateTime.now()
    .setZone(zone)
    .plus({ days })
    .set({ hour: hour ?? 0, minute: minute ?? 0, second: 0, millisecond: 0 })
    .toUTC()
    .toISO({ suppressMilliseconds: true }) as string;
}

/**
 * The first half-hour boundary at least `hours` from now where a session of `durationMinutes`
 * can start with the open availability: slots lie within one calendar day's window, so a start
 * whose session would run past midnight (UTC) moves to that midnight. As an ISO instant.
 */
export function halfHourAfter(hours: number, durationMinutes = 60): string {
  const step = 30 * 60_000;
  const at = Math.ceil((Date.now() + hours * 3_600_000) / step) * step;
  const nextMidnight = Math.ceil((at + 1) / 86_400_000) * 86_400_000;
  const start = at + durationMinutes * 60_000 > nextMidnight ? nextMidnight : at;
  return new Date(start).toISOString();
}

export const addMinutes = (iso: string, minutes: number): string =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();
