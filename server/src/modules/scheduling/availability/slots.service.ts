import type { SlotsResponse } from '@coachhub/shared/booking';
import type { Slot } from '@coachhub/shared/scheduling';
import type { Principal } from '../../../core/auth/principal.js';
import { notFound } from '../../../core/errors.js';
import { BOOKING_MARGIN_MS, computeSlots, type BookedTime } from '../../../domain/slots.js';
import { findVisibleCoachSummary, isOwnCoach } from '../../coaches/coach-visibility.js';
import {
  findSessionTypeOf,
  shortestActiveSessionType,
} from '../session-types/session-type-lookup.js';
import { loadAvailability } from './availability-store.js';

const DAY_MS = 24 * 3_600_000;

export interface SlotsQuery {
  sessionTypeId: string;
  from: Date;
  to: Date;
  /** The viewer's zone, echoed back; times are UTC instants either way. */
  timeZone?: string;
}

/**
 * The coach's active bookings overlapping [from, to). Bookings sit above availability, so the
 * app injects the bookings module's answer instead of this module importing it.
 */
export type CoachBookedTimes = (coachId: string, from: Date, to: Date) => Promise<BookedTime[]>;

/** `GET /api/coaches/:userId/slots`: the pure computeSlots over stored availability and bookings. */
export function createSlotsService(deps: { coachBookedTimes: CoachBookedTimes }) {
  /**
   * The coach's free slots for their shortest active session type within `withinDays` of
   * `now`, in time order; none without an active session type. What matching weighs against a
   * client's preferred times.
   */
  async function freeSlots(coachId: string, now: Date, withinDays: number): Promise<Slot[]> {
    const to = new Date(now.getTime() + withinDays * DAY_MS);
    const [shortest, availability, bookings] = await Promise.all([
      shortestActiveSessionType(coachId),
      loadAvailability(coachId),
      deps.coachBookedTimes(coachId, now, new Date(to.getTime() + BOOKING_MARGIN_MS)),
    ]);
    if (!shortest) return [];
    return computeSlots({
      availability,
      settings: availability.settings,
      bookings,
      durationMinutes: shortest.durationMinutes,
      range: { from: now, to },
      now,
    });
  }

  return {
    async slots(coachId: string, viewer: Principal | undefined, query: SlotsQuery) {
      // Four independent reads at once; the visibility check still decides before any answer.
      const [, sessionType, availability, bookings] = await Promise.all([
        findVisibleCoachSummary(coachId, viewer),
        // The coach may preview an inactive type; clients only see what they can book.
        findSessionTypeOf(coachId, query.sessionTypeId, {
          includeInactive: isOwnCoach(coachId, viewer),
        }),
        loadAvailability(coachId),
        deps.coachBookedTimes(
          coachId,
          new Date(query.from.getTime() - BOOKING_MARGIN_MS),
          new Date(query.to.getTime() + BOOKING_MARGIN_MS),
        ),
      ]);
      if (!sessionType) throw notFound('Session type');
      const response: SlotsResponse = {
        timeZone: query.timeZone ?? availability.timeZone,
        coachTimeZone: availability.timeZone,
        slots: computeSlots({
          availability,
          settings: availability.settings,
          bookings,
          durationMinutes: sessionType.durationMinutes,
          range: { from: query.from, to: query.to },
          now: new Date(),
        }),
      };
      return response;
    },

    /**
     * The start of the coach's first free slot for their shortest active session type within
     * `withinDays` of `now`, or null: how soon a client could see this coach.
     */
    async firstSlot(coachId: string, now: Date, withinDays: number): Promise<Date | null> {
      const [first] = await freeSlots(coachId, now, withinDays);
      return first ? new Date(first.start) : null;
    },

    freeSlots,
  };
}

export type SlotsService = ReturnType<typeof createSlotsService>;
