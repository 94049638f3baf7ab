import type { BookingPaymentSummary } from '@coachhub/shared/payment';
import type { Quote } from '@coachhub/shared/pricing';
import type { BookingStatus } from '@coachhub/shared/scheduling';
import type { ClientSession } from 'mongoose';
import { AppError } from '../../../core/errors.js';
import type { BookingRecord } from './booking.model.js';

/** What the payments side is told of a booking (never the Mongoose document). */
export interface PayableBooking {
  bookingId: string;
  clientId: string;
  coachId: string;
  title: string;
  start: Date;
  quote: Pick<Quote, 'amount' | 'currency'>;
  status: BookingStatus;
  /** While awaiting payment: when its hold ends. */
  holdUntil: Date | null;
}

/** A new booking that pays with a credit of a package the client bought from the coach. */
export interface CreditRequest {
  bookingId: string;
  clientId: string;
  coachId: string;
  sessionTypeId: string;
  now: Date;
}

/**
 * The narrow port through which bookings ask the payments module (injected by server.ts, as
 * slots get `coachBookedTimes`): bookings never import payments. `collectsOnline` decides whether
 * a new booking waits in `awaiting_payment` (for `holdMinutes`) or is made as before (pay at the
 * session).
 */
export interface BookingPayments {
  readonly collectsOnline: boolean;
  readonly holdMinutes: number;
  /**
   * Opens (or, for a booking that has one, finds again) the checkout of a booking awaiting
   * payment, and plans the end of its hold. Throws an AppError when the provider cannot be reached.
   */
  startCheckout(booking: PayableBooking): Promise<{ checkoutUrl: string }>;
  /** The payment part of each booking's DTO, by booking id, in one read. */
  summaries(bookings: readonly PayableBooking[]): Promise<Map<string, BookingPaymentSummary>>;
  /**
   * Takes one credit for a booking being written in `session` (the booking's transaction, so a
   * booking whose credit could not be taken is never committed). Throws 409
   * NO_CREDIT_AVAILABLE when the client has no usable credit for it.
   */
  reserveCredit(request: CreditRequest, session: ClientSession): Promise<{ purchaseId: string }>;
}

/** Pay at the session (the manual provider's behaviour, and what bookings do without a port). */
export const PAY_AT_SESSION: BookingPayments = {
  collectsOnline: false,
  holdMinutes: 0,
  startCheckout() {
    return Promise.reject(new Error('Payment at the session has no checkout'));
  },
  summaries(bookings) {
    return Promise.resolve(new Map(bookings.map((b) => [b.bookingId, dueAtSession(b)])));
  },
  reserveCredit() {
    // Without the payments module nobody has bought a package.
    return Promise.reject(
      new AppError(409, 'NO_CREDIT_AVAILABLE', 'No credit covers this session'),
    );
  },
};

export function dueAtSession(booking: PayableBooking): BookingPaymentSummary {
  return {
    method: 'manual',
    status: 'due_at_session',
    currency: booking.quote.currency,
    amountDue: booking.quote.amount,
    amountPaid: 0,
    amountRefunded: 0,
  };
}

/** What the payments side is told of a booking record. */
export function toPayable(booking: BookingRecord): PayableBooking {
  return {
    bookingId: booking._id.toString(),
    clientId: booking.client.toString(),
    coachId: booking.coach.toString(),
    title: booking.sessionTypeSnapshot.title,
    start: booking.start,
    quote: { amount: booking.quote.amount, currency: booking.quote.currency },
    status: booking.status,
    holdUntil: booking.paymentHold?.until ?? null,
  };
}
