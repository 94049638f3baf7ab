import type { SlotsResponse } from '@coachhub/shared/booking';
import type { Slot } from '@coachhub/shared/scheduling';
import type { Principal } from '../../../core/auth/principal.js';
import type { AvailabilityDTO } from '@coachhub/shared/scheduling';
import { notFound } from '../../../core/errors.js';
import { createReadCache, type ReadCache } from '../../../core/http/read-cache.js';
import { BOOKING_MARGIN_MS, computeSlots, type BookedTime } from '../../../domain/slots.js';
import {
  findCoachVisibility,
  isOwnCoach,
  visibleOr404,
  type CoachVisibility,
} from '../../coaches/coach-visibility.js';
import {
  sessionTypeLengthsOf,
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

/** What slots are computed from besides the bookings: all of it changes only when the coach edits it. */
interface CoachSlotInputs {
  coach: CoachVisibility | null;
  availability: AvailabilityDTO;
  sessionTypes: { id: string; durationMinutes: number; active: boolean }[];
}

async function readSlotInputs(coachId: string): Promise<CoachSlotInputs> {
  const [coach, availability, sessionTypes] = await Promise.all([
    findCoachVisibility(coachId),
    loadAvailability(coachId),
    sessionTypeLengthsOf(coachId),
  ]);
  return {
    coach,
    availability,
    sessionTypes: sessionTypes.map((type) => ({
      id: type._id.toString(),
      durationMinutes: type.durationMinutes,
      active: type.active,
    })),
  };
}

/**
 * `GET /api/coaches/:userId/slots`: the pure computeSlots over stored availability and bookings.
 * The reads it computes from (the coach's visibility, availability and session types; the
 * coach's bookings in the range) are kept in `reads` until the next change clears it, so a
 * repeated read computes the slots afresh (minimum notice and horizon count from its own `now`)
 * without reading the database; a booking made or cancelled is a write that clears it.
 */
export function createSlotsService(deps: {
  coachBookedTimes: CoachBookedTimes;
  /** Without one every read goes to the database. */
  reads?: ReadCache;
}) {
  const reads = deps.reads ?? createReadCache({ ttlMs: 0 });
  const slotInputs = reads.kept<CoachSlotInputs>('slot inputs');
  const bookedTimes = reads.kept<BookedTime[]>('booked times');

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
      const from = new Date(query.from.getTime() - BOOKING_MARGIN_MS);
      const to = new Date(query.to.getTime() + BOOKING_MARGIN_MS);
      // Both reads at once; the visibility check still decides before any answer.
      const [{ coach, availability, sessionTypes }, bookings] = await Promise.all([
        slotInputs.read(coachId, () => readSlotInputs(coachId)),
        bookedTimes.read(`${coachId} ${from.getTime()} ${to.getTime()}`, () =>
          deps.coachBookedTimes(coachId, from, to),
        ),
      ]);
      visibleOr404(coach, viewer);
      // The coach may preview an inactive type; clients only see what they can book.
      const includeInactive = isOwnCoach(coachId, viewer);
      const wanted = query.sessionTypeId.toLowerCase();
      const sessionType = sessionTypes.find(
        (type) => type.id === wanted && (type.active || includeInactive),
      );
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
