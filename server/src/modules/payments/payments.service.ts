import type { BookingPaymentSummary } from '@coachhub/shared/payment';
import { isValidObjectId } from 'mongoose';
import { isDuplicateKeyError } from '../../core/db/duplicate-key.js';
import { AppError, errorText } from '../../core/errors.js';
import { createReadCache, type ReadCache } from '../../core/http/read-cache.js';
import type { JobScheduler } from '../../core/jobs/job-scheduler.js';
import type { Logger } from '../../core/logger.js';
import {
  dueAtSession,
  type BookingPayments,
  type PayableBooking,
} from '../scheduling/bookings/booking-payments.js';
import {
  coachPaymentFigures,
  paidAtSession,
  type CoachPaymentsInput,
} from './coach-payment-figures.js';
import type { CreditUseRecord } from './package-purchase.model.js';
import { creditSummary, creditUsesOf, reserveCredit } from './credits.js';
import type { PaymentProvider } from './payment-provider.js';
import { PaymentTransaction, type PaymentTransactionRecord } from './payment-transaction.model.js';

/** The job that ends a booking's payment hold (payment-flows.ts runs it). */
export const HOLD_JOB = 'payment hold expiry';
/** The job that asks the provider again for a refund it could not be reached for. */
export const REFUND_RETRY_JOB = 'payment refund retry';
/** How long to wait before each retry of an unreachable refund; after the last, it failed. */
export const REFUND_RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000] as const;

/** The idempotency keys of a booking's one payment and one refund (unique in the collection). */
export const paymentKey = (bookingId: string) => `payment:${bookingId}`;
export const refundKey = (bookingId: string) => `refund:${bookingId}`;

/**
 * Where the provider sends the client back. The SPA's return page posts the session id to
 * `POST /api/payments/checkout-return`, which asks the provider whether it was paid.
 */
export function checkoutReturnUrls(publicUrl: string, bookingId: string) {
  return {
    successUrl: `${publicUrl}/bookings/checkout-return?booking=${bookingId}&session_id={CHECKOUT_SESSION_ID}`,
    cancelUrl: `${publicUrl}/bookings?checkout=cancelled&booking=${bookingId}`,
  };
}

/**
 * The booking's payment part from its transactions: without a payment transaction it is paid at
 * the session (the manual provider); `amountRefunded` counts the refunds the provider completed,
 * `amountRefundPending` those still under way.
 */
export function summaryOf(
  booking: PayableBooking,
  transactions: readonly PaymentTransactionRecord[],
): BookingPaymentSummary {
  const payment = transactions.find((t) => t.kind === 'payment');
  if (!payment) return dueAtSession(booking);
  const amountPaid = payment.status === 'succeeded' ? payment.amount : 0;
  const refunded = (status: PaymentTransactionRecord['status']) =>
    transactions
      .filter((t) => t.kind === 'refund' && t.status === status)
      .reduce((sum, t) => sum + t.amount, 0);
  const amountRefunded = refunded('succeeded');
  const amountRefundPending = refunded('pending');
  const base = {
    method: 'online' as const,
    currency: payment.currency,
    amountDue: booking.quote.amount,
    amountPaid,
    amountRefunded,
    ...(amountRefundPending > 0 ? { amountRefundPending } : {}),
  };
  // A checkout still open for a booking that ended unpaid is being closed: it is not paid.
  if (payment.status === 'pending' && booking.status === 'awaiting_payment') {
    return {
      ...base,
      status: 'awaiting_payment',
      ...(booking.holdUntil ? { holdExpiresAt: booking.holdUntil.toISOString() } : {}),
    };
  }
  if (payment.status !== 'succeeded') return { ...base, status: 'not_paid' };
  if (amountRefunded === 0) return { ...base, status: 'paid' };
  return { ...base, status: amountRefunded >= amountPaid ? 'refunded' : 'partially_refunded' };
}

export async function transactionsOf(bookingIds: readonly string[]) {
  const ids = bookingIds.filter((id) => isValidObjectId(id));
  if (ids.length === 0) return [];
  return PaymentTransaction.find({ booking: { $in: ids } })
    .sort({ createdAt: 1, _id: 1 })
    .lean<PaymentTransactionRecord[]>();
}

/**
 * The payments module's side that bookings see (the `BookingPayments` port): whether bookings are
 * paid online, opening a booking's checkout (one per booking: a retried create finds it again)
 * and planning the end of its hold, and the payment summaries of the booking DTOs.
 */
/** What the payment summaries of some bookings are made from. */
interface PaymentRecords {
  transactions: PaymentTransactionRecord[];
  creditUses: Map<string, CreditUseRecord>;
}

async function readPaymentRecords(bookingIds: readonly string[]): Promise<PaymentRecords> {
  const [transactions, creditUses] = await Promise.all([
    transactionsOf(bookingIds),
    creditUsesOf(bookingIds),
  ]);
  return { transactions, creditUses };
}

export function createPaymentsService(deps: {
  provider: PaymentProvider;
  holdMinutes: number;
  jobs: JobScheduler;
  publicUrl: string;
  logger: Logger;
  /**
   * Keeps the payment records of listed bookings between changes (server.ts clears it with every
   * write to them: `onPaymentRecordsChanged`); without one they are read every time.
   */
  reads?: ReadCache;
}) {
  const { provider, logger } = deps;
  const paymentReads = (deps.reads ?? createReadCache({ ttlMs: 0 })).kept<PaymentRecords>(
    'payment records',
  );

  async function recordCheckout(
    booking: PayableBooking,
    opened: { sessionId: string; url: string },
  ) {
    const now = new Date();
    try {
      await PaymentTransaction.updateOne(
        { idempotencyKey: paymentKey(booking.bookingId) },
        {
          $setOnInsert: {
            booking: booking.bookingId,
            client: booking.clientId,
            coach: booking.coachId,
            kind: 'payment',
            provider: provider.name,
            amount: booking.quote.amount,
            currency: booking.quote.currency,
            status: 'pending',
            checkoutSessionId: opened.sessionId,
            checkoutUrl: opened.url,
            statusHistory: [{ status: 'pending', at: now, note: 'checkout opened' }],
          },
        },
        { upsert: true },
      );
    } catch (error) {
      // Two retries of one create at once: the other one recorded the same checkout.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  const bookingPort: BookingPayments = {
    collectsOnline: provider.collectsOnline,
    holdMinutes: deps.holdMinutes,

    async startCheckout(booking) {
      const recorded = await PaymentTransaction.findOne({
        idempotencyKey: paymentKey(booking.bookingId),
      }).lean<PaymentTransactionRecord>();
      if (recorded?.checkoutUrl) return { checkoutUrl: recorded.checkoutUrl };
      let opened: { sessionId: string; url: string };
      try {
        opened = await provider.openCheckout({
          bookingId: booking.bookingId,
          description: `${booking.title}, ${booking.start.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
          amount: booking.quote.amount,
          currency: booking.quote.currency,
          ...checkoutReturnUrls(deps.publicUrl, booking.bookingId),
          idempotencyKey: `checkout:${booking.bookingId}`,
        });
      } catch (error) {
        logger.error('Payment provider: could not open a checkout', {
          bookingId: booking.bookingId,
          error: errorText(error),
        });
        throw new AppError(
          503,
          'PAYMENT_PROVIDER_UNAVAILABLE',
          'Online payment cannot be reached just now; the time was not reserved. Try again in a moment',
        );
      }
      await recordCheckout(booking, opened);
      if (booking.holdUntil) {
        const { bookingId } = booking;
        await deps.jobs.schedule(HOLD_JOB, { bookingId }, booking.holdUntil, { bookingId });
      }
      return { checkoutUrl: opened.url };
    },

    async summaries(bookings) {
      const ids = [...new Set(bookings.map((b) => b.bookingId))].sort();
      const { transactions, creditUses } = await paymentReads.read(ids.join(' '), () =>
        readPaymentRecords(ids),
      );
      const byBooking = new Map<string, PaymentTransactionRecord[]>();
      for (const transaction of transactions) {
        const id = transaction.booking?.toString() ?? '';
        byBooking.set(id, [...(byBooking.get(id) ?? []), transaction]);
      }
      return new Map(
        bookings.map((booking) => {
          const creditUse = creditUses.get(booking.bookingId);
          return [
            booking.bookingId,
            creditUse
              ? creditSummary(booking, creditUse)
              : summaryOf(booking, byBooking.get(booking.bookingId) ?? []),
          ];
        }),
      );
    },

    reserveCredit,
  };

  /** The coach's overview of online payments (coach-payment-figures.ts); manual: paid at the session. */
  const coachPayments = (input: CoachPaymentsInput) =>
    provider.collectsOnline
      ? coachPaymentFigures(provider.name, input)
      : Promise.resolve(paidAtSession(input));

  return { provider, bookingPort, coachPayments, publicUrl: deps.publicUrl, logger };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
