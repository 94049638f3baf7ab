import type { BookingPaymentStep, BookingStatus } from '@coachhub/shared/scheduling';
import { isValidObjectId, type UpdateQuery } from 'mongoose';
import type { EventBus } from '../../../core/events/event-bus.js';
import { paymentTransition } from '../../../domain/booking-state.js';
import { historyEntry, updateIfUnchanged, WRITE_ATTEMPTS } from './booking-access.js';
import { bookingChange } from './booking-events.js';
import { toPayable, type PayableBooking } from './booking-payments.js';
import { Booking, type BookingFields, type BookingRecord } from './booking.model.js';
import { newMeetingUrl } from './meeting-url.js';

/**
 * What a payment step did: `moved` (the booking went on), `unchanged` (it was not awaiting
 * payment any more, e.g. a replayed event or one arriving out of order; `status` says where it
 * is), or `unknown` (no such booking).
 */
export type PaymentStepOutcome =
  | { result: 'moved' | 'unchanged'; status: BookingStatus; booking: PayableBooking }
  | { result: 'unknown' };

export interface PaymentSteps {
  /** The provider verified the payment: the booking goes on to `pending` or `confirmed`. */
  paymentReceived(bookingId: string): Promise<PaymentStepOutcome>;
  /**
   * The hold ended unpaid: the booking expires and frees its slot. `early`: released before its
   * time (the provider could not open a checkout).
   */
  holdEnded(bookingId: string, options?: { early?: boolean }): Promise<PaymentStepOutcome>;
  /** The booking as the payments side sees it, or null. */
  payable(bookingId: string): Promise<PayableBooking | null>;
}

/**
 * The two steps of a booking awaiting payment that no participant takes, decided by the one state
 * machine (`paymentTransition`) and written like every other change: conditional on the revision
 * and status they were decided on, so a replayed or late step changes nothing. A paid booking is
 * announced as `booking.created` in its new state, so everyone hears of it as of any new booking
 * (the coach's request or booking notice, the conversation, reminders, live updates); an expired
 * one as `booking.hold_released`.
 */
export function createPaymentSteps(deps: {
  events: EventBus;
  meetingBaseUrl: string;
}): PaymentSteps {
  async function step(
    bookingId: string,
    kind: BookingPaymentStep,
    early = false,
  ): Promise<PaymentStepOutcome> {
    if (!isValidObjectId(bookingId)) return { result: 'unknown' };
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      const booking = await Booking.findById(bookingId).lean();
      if (!booking) return { result: 'unknown' };
      const now = new Date();
      const hold = booking.paymentHold;
      const decidedAt = early && hold && hold.until > now ? hold.until : now;
      const result = paymentTransition(
        { status: booking.status, holdUntil: hold?.until ?? null },
        kind,
        decidedAt,
        hold?.next ?? 'pending',
      );
      if (!result.ok) {
        return { result: 'unchanged', status: booking.status, booking: toPayable(booking) };
      }
      const confirmed = result.status === 'confirmed';
      const update: UpdateQuery<BookingFields> = {
        $set: {
          status: result.status,
          ...(confirmed ? { meetingUrl: newMeetingUrl(deps.meetingBaseUrl) } : {}),
        },
        $push: { history: historyEntry({ ...result, entry: { ...result.entry, at: now } }) },
        $inc: { revision: 1, ...(confirmed ? { icsSequence: 1 } : {}) },
      };
      const updated = await updateIfUnchanged(booking, update);
      if (updated) {
        announce(updated, kind, now);
        return { result: 'moved', status: updated.status, booking: toPayable(updated) };
      }
    }
    const latest = await Booking.findById(bookingId).lean();
    return latest
      ? { result: 'unchanged', status: latest.status, booking: toPayable(latest) }
      : { result: 'unknown' };
  }

  function announce(booking: BookingRecord, kind: BookingPaymentStep, at: Date): void {
    if (kind === 'payment_received') {
      deps.events.publish('booking.created', bookingChange(booking, 'client', at));
    } else {
      deps.events.publish('booking.hold_released', {
        ...bookingChange(booking, 'client', at),
        outcome: 'expired',
      });
    }
  }

  return {
    paymentReceived: (bookingId) => step(bookingId, 'payment_received'),
    holdEnded: (bookingId, options = {}) => step(bookingId, 'hold_expired', options.early),
    async payable(bookingId) {
      if (!isValidObjectId(bookingId)) return null;
      const booking = await Booking.findById(bookingId).lean();
      return booking ? toPayable(booking) : null;
    },
  };
}
