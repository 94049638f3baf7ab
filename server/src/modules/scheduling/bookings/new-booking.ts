import type { Quote } from '@coachhub/shared/pricing';
import type { BookingStatus } from '@coachhub/shared/scheduling';
import type { ClientSession } from 'mongoose';
import { quoteSession } from '../pricing/session-quote.js';
import type { BookableSessionType } from '../session-types/session-type-lookup.js';
import { fingerprintOf, type CreateBookingInput } from './booking-idempotency.js';
import type { SlotRequest } from './booking-slot-check.js';
import { Booking, type BookingRecord } from './booking.model.js';
import { clientHistoryWith } from './client-history.js';
import { newMeetingUrl } from './meeting-url.js';

/** What one create request is about once the caller and the request were checked. */
export interface Attempt {
  request: CreateBookingInput;
  clientId: string;
  coachId: string;
  idempotencyKey: string | undefined;
  coachTimeZone: string;
}

/** The price at booking time: the coach's rules and the client's history with this coach. */
async function quoteFor(
  attempt: Attempt,
  sessionType: BookableSessionType,
  now: Date,
  session: ClientSession,
): Promise<Quote> {
  return quoteSession({
    coachId: attempt.coachId,
    sessionType,
    start: attempt.request.start,
    now,
    clientHistory: await clientHistoryWith(attempt.clientId, attempt.coachId, session),
    session,
  });
}

/**
 * Writes the new booking as the checks inside the transaction left it: priced now, under the
 * coach's cancellation policy now (stored with it), pending when the coach approves requests,
 * with a meeting link once confirmed. With online payment it first awaits payment, holding its
 * slot, and remembers where the payment moves it.
 */
export async function insertBooking(
  attempt: Attempt,
  sessionType: BookableSessionType,
  slot: SlotRequest & { session: ClientSession },
  requiresApproval: boolean,
  meetingBaseUrl: string,
  /** Minutes the slot is held for an online payment; null: paid at the session, as before. */
  paymentHoldMinutes: number | null,
): Promise<BookingRecord> {
  const { request, idempotencyKey } = attempt;
  const { now, session } = slot;
  const afterPayment = requiresApproval ? 'pending' : 'confirmed';
  const status: BookingStatus = paymentHoldMinutes === null ? afterPayment : 'awaiting_payment';
  const [created] = await Booking.create(
    [
      {
        coach: attempt.coachId,
        client: attempt.clientId,
        sessionType: sessionType._id,
        sessionTypeSnapshot: {
          title: sessionType.title,
          durationMinutes: sessionType.durationMinutes,
          mode: sessionType.mode,
        },
        start: slot.start,
        end: slot.end,
        status,
        quote: await quoteFor(attempt, sessionType, now, session),
        // The terms the booking is made under: later policy changes do not alter its fee.
        cancellationPolicy: { ...slot.availability.settings.cancellationPolicy },
        feeClockStart: slot.start,
        notes: request.notes ? request.notes : null,
        meetingUrl: status === 'confirmed' ? newMeetingUrl(meetingBaseUrl) : null,
        cancellation: null,
        ...(paymentHoldMinutes === null
          ? {}
          : {
              paymentHold: {
                until: new Date(now.getTime() + paymentHoldMinutes * 60_000),
                next: afterPayment,
              },
            }),
        history: [{ action: 'create', from: null, to: status, by: 'client', at: now }],
        ...(idempotencyKey === undefined
          ? {}
          : { idempotencyKey, idempotencyFingerprint: fingerprintOf(request) }),
      },
    ],
    { session },
  );
  if (!created) throw new Error('Booking.create returned nothing');
  return created.toObject();
}
