import {
  DEFAULT_BOOKING_SETTINGS,
  DEFAULT_WEEKLY_AVAILABILITY,
  type AvailabilityDTO,
} from '@coachhub/shared/scheduling';
import { DEFAULT_TIME_ZONE } from '@coachhub/shared/locales';
import type { ClientSession } from 'mongoose';
import { coachTimeZoneOf } from '../../coaches/coach-records.js';
import { toAvailabilityDTO } from './availability.mapper.js';
import { Availability } from './availability.model.js';

/** A new coach's availability: Monday to Friday 09:00-17:00 in their zone, default settings. */
export function defaultAvailability(timeZone: string): AvailabilityDTO {
  return toAvailabilityDTO({
    timeZone,
    weekly: DEFAULT_WEEKLY_AVAILABILITY,
    overrides: [],
    settings: DEFAULT_BOOKING_SETTINGS,
  });
}

/**
 * The availability slots and bookings are computed from: the stored one, or (for a coach made
 * before scheduling existed, which the coach-created hook now prevents) the defaults in the
 * coach's zone, without storing them.
 */
export async function loadAvailability(
  coachId: string,
  options: { session?: ClientSession; coachTimeZone?: string } = {},
): Promise<AvailabilityDTO> {
  const session = options.session ?? null;
  const stored = await Availability.findOne({ coach: coachId }).session(session).lean();
  if (stored) return toAvailabilityDTO(stored);
  const timeZone =
    options.coachTimeZone ?? (await coachTimeZoneOf(coachId, options.session)) ?? DEFAULT_TIME_ZONE;
  return defaultAvailability(timeZone);
}

/** Stores the coach's whole availability inside the caller's transaction (created if missing). */
export async function storeAvailability(
  coachId: string,
  availability: AvailabilityDTO,
  session: ClientSession,
): Promise<void> {
  await Availability.updateOne(
    { coach: coachId },
    { $set: availability },
    { upsert: true, session },
  );
}
