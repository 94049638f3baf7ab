import type { BookingPaymentSummary } from '@coachhub/shared/payment';
import mongoose, { isValidObjectId, type ClientSession } from 'mongoose';
import { AppError } from '../../core/errors.js';
import type { EventBus } from '../../core/events/event-bus.js';
import type { Logger } from '../../core/logger.js';
import { creditOutcome, type CreditBookingEnd } from '../../domain/package-credits.js';
import type { CreditRequest, PayableBooking } from '../scheduling/bookings/booking-payments.js';
import { CreditUse, PackagePurchase, type CreditUseRecord } from './package-purchase.model.js';
import { paymentRecordsChanged } from './payment-record-changes.js';

export const noCreditAvailable = () =>
  new AppError(
    409,
    'NO_CREDIT_AVAILABLE',
    'No credit of a package from this coach covers this session (none left, or expired)',
  );

/**
 * Takes one credit for a new booking, inside the booking's transaction: ONE conditional `$inc`
 * on the client's purchase from this coach that covers the session type, is active, unexpired
 * and has a credit left, the one that lapses first. Two bookings racing for the last credit
 * cannot both match `remaining > 0`: the database lets one write and the other's transaction
 * retries, finds none and fails with 409 NO_CREDIT_AVAILABLE, so its booking is never committed.
 * The booking's credit use (unique per booking) is written in the same transaction.
 */
export async function reserveCredit(
  request: CreditRequest,
  session: ClientSession,
): Promise<{ purchaseId: string }> {
  const purchase = await PackagePurchase.findOneAndUpdate(
    {
      client: request.clientId,
      coach: request.coachId,
      status: 'active',
      expiresAt: { $gt: request.now },
      remaining: { $gt: 0 },
      $or: [{ sessionTypeIds: { $size: 0 } }, { sessionTypeIds: request.sessionTypeId }],
    },
    { $inc: { remaining: -1 } },
    { sort: { expiresAt: 1, _id: 1 }, session, returnDocument: 'after' },
  ).lean();
  if (!purchase) throw noCreditAvailable();
  await CreditUse.create(
    [
      {
        booking: request.bookingId,
        purchase: purchase._id,
        client: request.clientId,
        coach: request.coachId,
        state: 'held',
      },
    ],
    { session },
  );
  return { purchaseId: purchase._id.toString() };
}

/** The credit uses of these bookings, by booking id (one read). */
export async function creditUsesOf(
  bookingIds: readonly string[],
): Promise<Map<string, CreditUseRecord>> {
  const ids = bookingIds.filter((id) => isValidObjectId(id));
  if (ids.length === 0) return new Map();
  const uses = await CreditUse.find({ booking: { $in: ids } }).lean<CreditUseRecord[]>();
  return new Map(uses.map((use) => [use.booking.toString(), use]));
}

/**
 * A booking paid with a credit: `paid` while the credit is held or used, `refunded` once it went
 * back to the package. It costs its quote (`amountDue`), but no money moved for it (the package
 * was paid when bought), so `amountPaid` and `amountRefunded` stay 0.
 */
export function creditSummary(
  booking: PayableBooking,
  use: CreditUseRecord,
): BookingPaymentSummary {
  return {
    method: 'credit',
    status: use.state === 'returned' ? 'refunded' : 'paid',
    currency: booking.quote.currency,
    amountDue: booking.quote.amount,
    amountPaid: 0,
    amountRefunded: 0,
    creditPurchaseId: use.purchase.toString(),
  };
}

/**
 * Credits follow the cancellation policy through the booking events (published after commit):
 * a booking that ends free gives its credit back, one that took place, was missed or cancelled
 * late uses it up (domain/package-credits.ts `creditOutcome`). The use moves from `held` only
 * once (a conditional write), in the same transaction as the `$inc: +1`, so a redelivered event
 * returns nothing twice. A credit whose purchase has expired meanwhile is not given back.
 */
export function connectCredits(deps: { events: EventBus; logger: Logger }) {
  const { events, logger } = deps;

  async function settle(bookingId: string, end: CreditBookingEnd, note: string): Promise<void> {
    const outcome = creditOutcome(end);
    const now = new Date();
    await mongoose.connection.transaction(async (session) => {
      const use = await CreditUse.findOneAndUpdate(
        { booking: bookingId, state: 'held' },
        {
          $set: {
            state: outcome === 'return' ? 'returned' : 'consumed',
            settledBy: note,
            settledAt: now,
          },
        },
        { session, returnDocument: 'after' },
      ).lean<CreditUseRecord>();
      if (!use || outcome === 'consume') return;
      const back = await PackagePurchase.updateOne(
        { _id: use.purchase, status: 'active', expiresAt: { $gt: now } },
        { $inc: { remaining: 1 } },
        { session },
      );
      if (back.modifiedCount === 0) {
        logger.info('Credit not returned: its package expired', { bookingId, note });
      }
    });
    // Announced inside the transaction, before its commit: again now that it is visible.
    paymentRecordsChanged();
  }

  const name = 'package credits';
  events.subscribe('booking.declined', name, ({ booking }) =>
    settle(booking.bookingId, { kind: 'declined' }, 'booking.declined'),
  );
  events.subscribe('booking.cancelled', name, ({ booking, by, fee }) =>
    settle(
      booking.bookingId,
      { kind: 'cancelled', by, feeAmount: fee.amount },
      `booking.cancelled by ${by} (fee ${fee.amount})`,
    ),
  );
  events.subscribe('booking.no_show', name, ({ booking }) =>
    settle(booking.bookingId, { kind: 'no_show' }, 'booking.no_show'),
  );
  events.subscribe('booking.completed', name, ({ booking }) =>
    settle(booking.bookingId, { kind: 'completed' }, 'booking.completed'),
  );
}
