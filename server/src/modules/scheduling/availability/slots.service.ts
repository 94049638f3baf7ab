import type { SlotsResponse } from '@coachhub/shared/booking';
import type { Principal } from '../../../core/auth/principal.js';
import { notFound } from '../../../core/errors.js';
import { computeSlots } from '../../../domain/slots.js';
import { activeBookedTimes, BOOKING_MARGIN_MS } from '../bookings/booked-times.js';
import { findVisibleCoachSummary, isOwnCoach } from '../../coaches/coach-visibility.js';
import { SessionType } from '../session-types/session-type.model.js';
import { loadAvailability } from './availability-store.js';

const DAY_MS = 24 * 3_600_000;

export interface SlotsQuery {
  sessionTypeId: string;
  from: Date;
  to: Date;
  /** The viewer's zone, echoed back; times are UTC instants either way. */
  timeZone?: string;
}

/** `GET /api/coaches/:userId/slots`: the pure computeSlots over stored availability and bookings. */
export function createSlotsService() {
  return {
    async slots(coachId: string, viewer: Principal | undefined, query: SlotsQuery) {
      // Four independent reads at once; the visibility check still decides before any answer.
      const [, sessionType, availability, bookings] = await Promise.all([
        findVisibleCoachSummary(coachId, viewer),
        SessionType.findOne({
          _id: query.sessionTypeId,
          coach: coachId,
          // The coach may preview an inactive type; clients only see what they can book.
          ...(isOwnCoach(coachId, viewer) ? {} : { active: true }),
        })
          .select('durationMinutes')
          .lean(),
        loadAvailability(coachId),
        activeBookedTimes({
          as: 'coach',
          userId: coachId,
          from: new Date(query.from.getTime() - BOOKING_MARGIN_MS),
          to: new Date(query.to.getTime() + BOOKING_MARGIN_MS),
        }),
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
      const to = new Date(now.getTime() + withinDays * DAY_MS);
      const [shortest, availability, bookings] = await Promise.all([
        SessionType.findOne({ coach: coachId, active: true })
          .sort({ durationMinutes: 1 })
          .select('durationMinutes')
          .lean(),
        loadAvailability(coachId),
        activeBookedTimes({
          as: 'coach',
          userId: coachId,
          from: now,
          to: new Date(to.getTime() + BOOKING_MARGIN_MS),
        }),
      ]);
      if (!shortest) return null;
      const [first] = computeSlots({
        availability,
        settings: availability.settings,
        bookings,
        durationMinutes: shortest.durationMinutes,
        range: { from: now, to },
        now,
      });
      return first ? new Date(first.start) : null;
    },
  };
}

export type SlotsService = ReturnType<typeof createSlotsService>;
