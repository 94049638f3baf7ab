import type { BookingSessionTypeSummary } from '@coachhub/shared/booking';
import type { Money } from '@coachhub/shared/pricing';
import type { Actor } from '../../../core/auth/principal.js';
import { notFound } from '../../../core/errors.js';
import { transition } from '../../../domain/booking-state.js';
import { findVisibleCoachSummary } from '../../coaches/coach-visibility.js';
import { loadAvailability } from '../availability/availability-store.js';
import { quoteSession } from '../pricing/session-quote.js';
import { findBookableSessionType } from '../session-types/session-type-lookup.js';
import { actableBooking, MINUTE_MS, transitionError } from './booking-access.js';
import { assertBookable } from './booking-slot-check.js';
import { clientHistoryWith } from './client-history.js';
import { slotRequest } from './create-booking.js';

/** What a proposed time would be, checked like the booking it would become. */
export interface BookingPreview {
  coachId: string;
  clientId: string;
  sessionType: BookingSessionTypeSummary;
  start: Date;
  end: Date;
}

/**
 * Checks a time before anyone commits to it (a booking proposal in a conversation), on committed
 * data: the same rules and the same 409s as booking or rescheduling it now. It never admits for
 * good: the booking or reschedule made when the proposal is accepted checks again under the locks.
 */
export function createBookingPreview() {
  return {
    /** A new session of `sessionTypeId` for `clientId` with `coachId`, and its price today. */
    async newBooking(input: {
      coachId: string;
      clientId: string;
      clientRole: Actor['role'];
      sessionTypeId: string;
      start: Date;
    }): Promise<BookingPreview & { price: Money }> {
      const client: Actor = { userId: input.clientId, role: input.clientRole };
      const coach = await findVisibleCoachSummary(input.coachId, client);
      const sessionType = await findBookableSessionType(input.coachId, input.sessionTypeId);
      if (!sessionType) throw notFound('Session type');
      const now = new Date();
      const attempt = {
        request: { coachId: input.coachId, sessionTypeId: input.sessionTypeId, start: input.start },
        clientId: input.clientId,
        coachId: input.coachId,
        idempotencyKey: undefined,
        coachTimeZone: coach.timeZone,
      };
      const slot = await slotRequest(attempt, sessionType);
      await assertBookable(slot);
      const quote = await quoteSession({
        coachId: input.coachId,
        sessionType,
        start: input.start,
        now,
        clientHistory: await clientHistoryWith(input.clientId, input.coachId),
      });
      return {
        coachId: input.coachId,
        clientId: input.clientId,
        sessionType: {
          _id: sessionType._id.toString(),
          title: sessionType.title,
          durationMinutes: sessionType.durationMinutes,
          mode: sessionType.mode,
        },
        start: slot.start,
        end: slot.end,
        price: { amount: quote.amount, currency: quote.currency },
      };
    },

    /** Moving the caller's booking to `start`: allowed now, and the new time free. */
    async reschedule(
      caller: Actor,
      bookingId: string,
      start: Date,
    ): Promise<BookingPreview & { bookingId: string; previousStart: Date }> {
      const { booking, party } = await actableBooking(caller, bookingId);
      const now = new Date();
      const allowed = transition(booking, 'reschedule', party, now);
      if (!allowed.ok) throw transitionError(allowed);
      const coachId = booking.coach.toString();
      const clientId = booking.client.toString();
      const { durationMinutes } = booking.sessionTypeSnapshot;
      const end = new Date(start.getTime() + durationMinutes * MINUTE_MS);
      await assertBookable({
        coachId,
        clientId,
        start,
        end,
        durationMinutes,
        availability: await loadAvailability(coachId),
        now,
        exclude: booking._id,
      });
      return {
        coachId,
        clientId,
        bookingId: booking._id.toString(),
        sessionType: {
          _id: booking.sessionType.toString(),
          ...booking.sessionTypeSnapshot,
        },
        start,
        end,
        previousStart: booking.start,
      };
    },
  };
}

export type BookingPreviewService = ReturnType<typeof createBookingPreview>;
