import type { BookingDTO } from '@coachhub/shared/booking';
import type { CheckoutBookingResponse, ReceiptDTO, RefundReason } from '@coachhub/shared/payment';
import type { Principal } from '../../core/auth/principal.js';
import { isDuplicateKeyError } from '../../core/db/duplicate-key.js';
import { AppError, errorText, notFound } from '../../core/errors.js';
import type { EventBus } from '../../core/events/event-bus.js';
import type { JobScheduler } from '../../core/jobs/job-scheduler.js';
import type { BookingsService } from '../scheduling/bookings/bookings.service.js';
import {
  ProviderUnavailableError,
  WebhookSignatureError,
  type CheckoutState,
  type RefundState,
} from './payment-provider.js';
import {
  PaymentTransaction,
  PaymentWebhookEvent,
  type PaymentTransactionRecord,
} from './payment-transaction.model.js';
import { connectCredits } from './credits.js';
import { createPackagePurchases } from './package-purchases.js';
import { toTransactionDTO } from './payments.mapper.js';
import { recordPaidCheckout, setTransactionStatus } from './transaction-status.js';
import {
  HOLD_JOB,
  paymentKey,
  REFUND_RETRY_DELAYS_MS,
  REFUND_RETRY_JOB,
  refundKey,
  summaryOf,
  transactionsOf,
  type PaymentsService,
} from './payments.service.js';

/**
 * Everything payments do once bookings exist: the provider's webhooks and the client's return
 * from checkout move a paid booking on through the bookings service (its state machine and
 * events), the hold job expires an unpaid one, and refunds follow the booking events
 * (`booking.cancelled` with its fee, `booking.declined`). A checkout whose record names a package
 * purchase instead of a booking is settled by `package-purchases.ts`; package credits follow the
 * booking events in `credits.ts`. Each step is idempotent on its own
 * (conditional writes, one payment and one refund per booking by unique key), so a replayed or
 * late event changes nothing.
 */
export function connectPayments(deps: {
  payments: PaymentsService;
  bookings: BookingsService;
  events: EventBus;
  jobs: JobScheduler;
}) {
  const { bookings, events, jobs } = deps;
  const { provider, logger } = deps.payments;
  const steps = bookings.paymentSteps;
  const purchases = createPackagePurchases(deps.payments);
  connectCredits({ events, logger });

  async function paymentOfCheckout(sessionId: string) {
    return PaymentTransaction.findOne({
      checkoutSessionId: sessionId,
      kind: 'payment',
    }).lean<PaymentTransactionRecord>();
  }

  /**
   * The provider says this checkout is paid: record it, then move the booking on. A booking that
   * ended unpaid meanwhile (its hold expired first, or the client withdrew it) no longer holds its
   * slot, so the money goes back in full.
   */
  async function settle(checkout: CheckoutState, note: string): Promise<void> {
    const payment = await paymentOfCheckout(checkout.sessionId);
    if (!payment) {
      logger.warn('Payment for an unknown checkout ignored', {
        checkout: checkout.sessionId,
        note,
      });
      return;
    }
    // The checkout of a package purchase (metadata `purchaseId`; its record has no booking).
    if (!payment.booking) {
      await purchases.paid(payment, checkout, note);
      return;
    }
    const bookingId = payment.booking.toString();
    const recorded = await recordPaidCheckout(payment, checkout, note, (amounts) =>
      logger.error('Paid checkout does not match the booking’s price; booking left as it is', {
        bookingId,
        ...amounts,
      }),
    );
    if (!recorded) return;
    const outcome = await steps.paymentReceived(bookingId);
    if (outcome.result === 'unknown') {
      logger.warn('Payment for a booking that does not exist', { bookingId, note });
      return;
    }
    if (outcome.result === 'moved') {
      await jobs.cancel(HOLD_JOB, { bookingId });
      return;
    }
    if (outcome.status === 'expired' || outcome.status === 'cancelled') {
      logger.warn('Payment arrived after the booking ended unpaid; refunding it', {
        bookingId,
        status: outcome.status,
      });
      await refund(bookingId, 'booking_ended', (paid) => paid);
    } else {
      logger.info('Payment event for a booking already moved on: nothing to do', {
        bookingId,
        status: outcome.status,
        note,
      });
    }
  }

  /** The checkout ended unpaid: the payment record says so, and the booking's hold ends now. */
  async function checkoutEnded(checkout: CheckoutState, note: string): Promise<void> {
    const payment = await paymentOfCheckout(checkout.sessionId);
    if (!payment) {
      logger.warn('End of an unknown checkout ignored', { checkout: checkout.sessionId, note });
      return;
    }
    if (!payment.booking) {
      await purchases.ended(payment, note);
      return;
    }
    // A checkout paid before (events out of order) stays paid.
    if (payment.status !== 'pending') return;
    await setTransactionStatus(payment, 'canceled', note);
    await steps.holdEnded(payment.booking.toString(), { early: true });
  }

  /** One refund per booking (unique key, and the provider's idempotency key is the same). */
  async function refund(
    bookingId: string,
    reason: RefundReason,
    amountOf: (paid: number) => number,
  ): Promise<void> {
    const payment = await PaymentTransaction.findOne({
      idempotencyKey: paymentKey(bookingId),
    }).lean<PaymentTransactionRecord>();
    // Paid at the session, or never paid: nothing to give back.
    if (!payment || payment.status !== 'succeeded' || !payment.paymentIntentId) return;
    const amount = Math.min(payment.amount, Math.max(0, Math.round(amountOf(payment.amount))));
    if (amount === 0) return;
    const key = refundKey(bookingId);
    let created: PaymentTransactionRecord;
    try {
      const [doc] = await PaymentTransaction.create([
        {
          booking: payment.booking,
          client: payment.client,
          coach: payment.coach,
          kind: 'refund',
          provider: payment.provider,
          amount,
          currency: payment.currency,
          status: 'pending',
          reason,
          idempotencyKey: key,
          paymentIntentId: payment.paymentIntentId,
          statusHistory: [{ status: 'pending', at: new Date(), note: reason }],
        },
      ]);
      if (!doc) return;
      created = doc.toObject();
    } catch (error) {
      if (isDuplicateKeyError(error)) return; // this booking's refund exists already
      throw error;
    }
    await askForRefund(created, 0);
  }

  /**
   * Asks the provider for a recorded refund (always with its own idempotency key, so asking again
   * never refunds twice). A provider that refuses it makes it `failed`; one that cannot be reached
   * leaves it `pending` and the retry job asks again later, `failed` after the last retry.
   */
  async function askForRefund(refund: PaymentTransactionRecord, attempt: number): Promise<void> {
    const bookingId = refund.booking?.toString() ?? '';
    if (!refund.paymentIntentId) return;
    try {
      const result = await provider.refund({
        bookingId,
        paymentIntentId: refund.paymentIntentId,
        amount: refund.amount,
        idempotencyKey: refund.idempotencyKey,
      });
      const moved = await setTransactionStatus(refund, result.status, 'refund issued', {
        refundId: result.refundId,
      });
      if (moved) await refundSettled(refund, result.status);
    } catch (error) {
      const delay = REFUND_RETRY_DELAYS_MS[attempt];
      if (error instanceof ProviderUnavailableError && delay !== undefined) {
        const at = new Date(Date.now() + delay);
        logger.warn('Refund: provider unreachable, retrying later', {
          bookingId,
          attempt: attempt + 1,
          at: at.toISOString(),
          error: errorText(error),
        });
        await setTransactionStatus(refund, 'pending', `provider unreachable: ${errorText(error)}`);
        const transactionId = refund._id.toString();
        // One job per attempt: a job does not reschedule itself while it runs.
        const data = { transactionId, attempt: attempt + 1 };
        await jobs.schedule(REFUND_RETRY_JOB, data, at, data);
        return;
      }
      const note = `provider error: ${errorText(error)}`;
      if (await setTransactionStatus(refund, 'failed', note)) await refundSettled(refund, 'failed');
    }
  }

  /**
   * A refund reached a status of its own. A failed refund tells nobody but the logs (at error
   * level, where admins watch for it): the money is still with the platform.
   */
  async function refundSettled(
    refund: PaymentTransactionRecord,
    status: PaymentTransactionRecord['status'],
  ): Promise<void> {
    const bookingId = refund.booking?.toString() ?? null;
    if (status === 'succeeded' && bookingId) {
      const booking = await steps.payable(bookingId);
      if (!booking) return;
      events.publish('payment.refunded', {
        transactionId: refund._id.toString(),
        bookingId,
        clientId: booking.clientId,
        coachId: booking.coachId,
        title: booking.title,
        start: booking.start,
        amount: refund.amount,
        currency: refund.currency,
      });
    }
    if (status === 'failed' || status === 'canceled') {
      logger.error('Refund failed: the client has not been paid back', {
        bookingId,
        transactionId: refund._id.toString(),
        amount: refund.amount,
        currency: refund.currency,
        status,
      });
    }
  }

  /** The provider says a refund moved on (its webhook): the record follows, once. */
  async function refundUpdated(state: RefundState, note: string): Promise<void> {
    // Before our own call stored the refund's id, the refund is found by the booking it names.
    const refund =
      (await PaymentTransaction.findOne({
        refundId: state.refundId,
        kind: 'refund',
      }).lean<PaymentTransactionRecord>()) ??
      (state.bookingId
        ? await PaymentTransaction.findOne({
            idempotencyKey: refundKey(state.bookingId),
            refundId: null,
          }).lean<PaymentTransactionRecord>()
        : null);
    if (!refund) {
      logger.warn('Update of an unknown refund ignored', { refund: state.refundId, note });
      return;
    }
    // A final status stays (an older `pending` arriving late changes nothing).
    if (refund.status !== 'pending' || state.status === 'pending') {
      logger.info('Refund update changes nothing', {
        refund: state.refundId,
        recorded: refund.status,
        reported: state.status,
      });
      return;
    }
    const moved = await setTransactionStatus(refund, state.status, note, {
      refundId: state.refundId,
    });
    if (moved) {
      await jobs.cancel(REFUND_RETRY_JOB, { transactionId: refund._id.toString() });
      await refundSettled(refund, state.status);
    }
  }

  /** Closes the checkout of a booking that ended unpaid, so it can no longer be paid. */
  async function releaseCheckout(bookingId: string, note: string): Promise<void> {
    await jobs.cancel(HOLD_JOB, { bookingId });
    const payment = await PaymentTransaction.findOne({
      idempotencyKey: paymentKey(bookingId),
    }).lean<PaymentTransactionRecord>();
    if (!payment || payment.status !== 'pending' || !payment.checkoutSessionId) return;
    try {
      await provider.closeCheckout(payment.checkoutSessionId, `close:${payment.checkoutSessionId}`);
    } catch (error) {
      // The checkout also expires by itself at the provider; a payment after this is refunded.
      logger.warn('Could not close the checkout', { bookingId, error: errorText(error) });
    }
    await setTransactionStatus(payment, 'canceled', note);
  }

  jobs.define(HOLD_JOB, async ({ bookingId }) => {
    await steps.holdEnded(bookingId);
  });
  jobs.define(REFUND_RETRY_JOB, async ({ transactionId, attempt }) => {
    const refund = await PaymentTransaction.findOne({
      _id: transactionId,
      kind: 'refund',
    }).lean<PaymentTransactionRecord>();
    // Settled meanwhile (a webhook, an earlier run): nothing to ask.
    if (refund?.status !== 'pending' || refund.refundId) return;
    await askForRefund(refund, attempt);
  });

  const name = 'payments';
  events.subscribe('booking.hold_released', name, ({ booking, outcome }) =>
    releaseCheckout(booking.bookingId, outcome === 'expired' ? 'hold_expired' : 'withdrawn'),
  );
  // The policy stored with the booking decided the fee; the refund is what the fee leaves.
  events.subscribe('booking.cancelled', name, ({ booking, by, fee }) =>
    by === 'coach'
      ? refund(booking.bookingId, 'coach_cancelled', (paid) => paid)
      : refund(booking.bookingId, 'client_cancelled', (paid) => paid - fee.amount),
  );
  events.subscribe('booking.declined', name, ({ booking }) =>
    refund(booking.bookingId, 'declined', (paid) => paid),
  );

  return {
    /** Session packages bought through the same provider (package-purchases.ts). */
    purchases,

    /** `POST /api/payments/webhook`: the raw body and its signature header. */
    async handleWebhook(rawBody: Buffer, signature: string | undefined): Promise<void> {
      if (!provider.collectsOnline) throw notFound('Payment webhook');
      let event;
      try {
        event = provider.parseWebhook(rawBody, signature);
      } catch (error) {
        if (!(error instanceof WebhookSignatureError)) throw error;
        logger.warn('Payment webhook refused: bad signature', { error: error.message });
        throw new AppError(
          400,
          'WEBHOOK_SIGNATURE_INVALID',
          'The webhook signature does not verify',
        );
      }
      if (await PaymentWebhookEvent.exists({ provider: provider.name, eventId: event.id })) {
        logger.info('Payment webhook replayed: already handled', { event: event.id });
        return;
      }
      const note = `${event.providerType} ${event.id}`;
      if (event.kind === 'checkout_paid') await settle(event.checkout, note);
      else if (event.kind === 'checkout_ended') await checkoutEnded(event.checkout, note);
      else if (event.kind === 'refund_updated') await refundUpdated(event.refund, note);
      else logger.debug('Payment webhook ignored', { type: event.providerType });
      try {
        await PaymentWebhookEvent.create({
          provider: provider.name,
          eventId: event.id,
          type: event.providerType,
        });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    },

    /**
     * The client is back from checkout with its session id: the provider is asked (the return
     * itself proves nothing) and a paid session moves the booking on, as the webhook would.
     */
    async checkoutReturn(caller: Principal, sessionId: string): Promise<BookingDTO> {
      if (!provider.collectsOnline) throw notFound('Checkout');
      const payment = await paymentOfCheckout(sessionId);
      // A package's checkout returns through POST /api/packages/purchases/:id/checkout-return.
      if (!payment?.booking || payment.client.toString() !== caller.userId) {
        throw notFound('Checkout');
      }
      const bookingId = payment.booking.toString();
      if (payment.status !== 'succeeded') {
        let checkout: CheckoutState;
        try {
          checkout = await provider.checkoutState(sessionId);
        } catch (error) {
          logger.error('Could not read the checkout back', { bookingId, error: errorText(error) });
          throw new AppError(
            503,
            'PAYMENT_PROVIDER_UNAVAILABLE',
            'Online payment cannot be reached just now',
          );
        }
        if (checkout.bookingId !== bookingId || !checkout.paid) {
          throw new AppError(409, 'PAYMENT_NOT_VERIFIED', 'This checkout has not been paid');
        }
        await settle(checkout, 'checkout return');
      }
      return bookings.get(caller, bookingId);
    },

    /**
     * `POST /api/bookings/:id/checkout`: the checkout of the caller's own booking that awaits
     * payment, again (a closed tab, a booking made by accepting a proposal). The booking's client
     * only; anyone else 404.
     */
    async checkout(caller: Principal, bookingId: string): Promise<CheckoutBookingResponse> {
      const booking = await bookings.get(caller, bookingId);
      if (booking.client._id !== caller.userId) throw notFound('Booking');
      const payable = await steps.payable(bookingId);
      if (!payable || booking.status !== 'awaiting_payment') {
        throw new AppError(
          409,
          'INVALID_TRANSITION',
          'Only a booking awaiting payment has a checkout',
        );
      }
      const { checkoutUrl } = await deps.payments.bookingPort.startCheckout(payable);
      return { booking, checkoutUrl };
    },

    /** `GET /api/bookings/:id/receipt`: the booking's two participants only (anyone else 404). */
    async receipt(caller: Principal, bookingId: string): Promise<ReceiptDTO> {
      const booking = await bookings.get(caller, bookingId);
      if (booking.client._id !== caller.userId && booking.coach._id !== caller.userId) {
        throw notFound('Booking');
      }
      const payable = await steps.payable(bookingId);
      if (!payable) throw notFound('Booking');
      const transactions = await transactionsOf([bookingId]);
      const name = (person: { firstName: string; lastName: string }) =>
        `${person.firstName} ${person.lastName}`.trim();
      return {
        bookingId,
        reference: `CH-${bookingId.slice(-8).toUpperCase()}`,
        issuedAt: new Date().toISOString(),
        session: {
          title: booking.sessionType.title,
          start: booking.start,
          end: booking.end,
          durationMinutes: booking.sessionType.durationMinutes,
        },
        coach: { userId: booking.coach._id, name: name(booking.coach) },
        client: { userId: booking.client._id, name: name(booking.client) },
        lines: booking.quote.lines,
        payment:
          (await deps.payments.bookingPort.summaries([payable])).get(bookingId) ??
          summaryOf(payable, transactions),
        transactions: transactions.map(toTransactionDTO),
      };
    },
  };
}

export type PaymentFlows = ReturnType<typeof connectPayments>;
