import type {
  CoachPackageOffer,
  CreditBalance,
  PackagePurchaseDTO,
  PurchasePackageResponse,
} from '@coachhub/shared/payment';
import type { Actor, Principal } from '../../core/auth/principal.js';
import { AppError, errorText, notFound } from '../../core/errors.js';
import { creditsExpireAt } from '../../domain/package-credits.js';
import { findVisibleCoachSummary } from '../coaches/coach-visibility.js';
import {
  activePackageOffers,
  findActivePackageOffer,
} from '../scheduling/pricing/package-offers.js';
import type { CheckoutState } from './payment-provider.js';
import { PaymentTransaction, type PaymentTransactionRecord } from './payment-transaction.model.js';
import { PackagePurchase, type PackagePurchaseRecord } from './package-purchase.model.js';
import { toCreditBalance, toPurchaseDTO } from './package-purchases.mapper.js';
import type { PaymentsService } from './payments.service.js';
import { recordPaidCheckout, setTransactionStatus } from './transaction-status.js';

/** The one payment of a purchase (unique in the payments' collection). */
export const purchasePaymentKey = (purchaseId: string) => `payment:purchase:${purchaseId}`;

/** Where the provider sends the buyer back (the SPA's pages post the session id to verify it). */
export function purchaseReturnUrls(publicUrl: string, purchaseId: string, coachId: string) {
  return {
    successUrl: `${publicUrl}/packages/checkout-return?purchase=${purchaseId}&session_id={CHECKOUT_SESSION_ID}`,
    cancelUrl: `${publicUrl}/coaches/${coachId}?checkout=cancelled`,
  };
}

const providerUnavailable = () =>
  new AppError(503, 'PAYMENT_PROVIDER_UNAVAILABLE', 'Online payment cannot be reached just now');

function assertMayBuy(caller: Actor, offer: CoachPackageOffer): void {
  if (caller.userId === offer.coachId) {
    throw new AppError(403, 'OWN_PACKAGE', 'Coaches cannot buy their own packages');
  }
}

/**
 * Session packages bought through the payment flow. The price is the coach's stored package,
 * never the client's. With the manual provider a purchase is active at once (paid to the coach
 * directly); with Stripe it awaits payment at a Checkout Session opened through the same provider
 * interface as bookings (metadata `{ purchaseId }`), recorded in the same payments collection,
 * and the webhook (or the buyer's verified return) activates it: its credits lapse
 * `validityDays` after the payment. A checkout that ends unpaid (Stripe's
 * `checkout.session.expired`, after its own lifetime) leaves it `not_paid`: an unpaid purchase
 * holds nothing, so it needs no hold job of its own.
 */
export function createPackagePurchases(payments: PaymentsService) {
  const { provider, logger } = payments;

  async function present(purchaseId: string): Promise<PackagePurchaseDTO> {
    const purchase = await PackagePurchase.findById(purchaseId).lean<PackagePurchaseRecord>();
    if (!purchase) throw notFound('Purchase');
    return toPurchaseDTO(purchase, new Date());
  }

  async function openCheckout(purchase: PackagePurchaseRecord): Promise<string> {
    const purchaseId = purchase._id.toString();
    let opened;
    try {
      opened = await provider.openCheckout({
        purchaseId,
        description: `${purchase.packageName} (${purchase.sessions} sessions)`,
        amount: purchase.price,
        currency: purchase.currency,
        ...purchaseReturnUrls(payments.publicUrl, purchaseId, purchase.coach.toString()),
        idempotencyKey: `checkout:purchase:${purchaseId}`,
      });
    } catch (error) {
      logger.error('Payment provider: could not open a package checkout', {
        purchaseId,
        error: errorText(error),
      });
      await PackagePurchase.updateOne(
        { _id: purchase._id, status: 'awaiting_payment' },
        { $set: { status: 'not_paid' } },
      );
      throw providerUnavailable();
    }
    const now = new Date();
    await PaymentTransaction.create({
      booking: null,
      purchase: purchase._id,
      client: purchase.client,
      coach: purchase.coach,
      kind: 'payment',
      provider: provider.name,
      amount: purchase.price,
      currency: purchase.currency,
      status: 'pending',
      idempotencyKey: purchasePaymentKey(purchaseId),
      checkoutSessionId: opened.sessionId,
      checkoutUrl: opened.url,
      statusHistory: [{ status: 'pending', at: now, note: 'checkout opened' }],
    });
    return opened.url;
  }

  /**
   * The provider says the purchase's checkout is paid: record it and activate the purchase, its
   * credits lapsing `validityDays` from now. Once only (conditional writes); a purchase whose
   * checkout had ended unpaid is activated too: the buyer paid for it.
   */
  async function paid(
    payment: PaymentTransactionRecord,
    checkout: CheckoutState,
    note: string,
  ): Promise<void> {
    const purchaseId = payment.purchase?.toString() ?? '';
    const recorded = await recordPaidCheckout(payment, checkout, note, (amounts) =>
      logger.error('Paid checkout does not match the package’s price; purchase left as it is', {
        purchaseId,
        ...amounts,
      }),
    );
    if (!recorded) return;
    const purchase = await PackagePurchase.findById(purchaseId).lean<PackagePurchaseRecord>();
    if (!purchase) {
      logger.warn('Payment for a purchase that does not exist', { purchaseId, note });
      return;
    }
    const paidAt = new Date();
    const moved = await PackagePurchase.updateOne(
      { _id: purchase._id, status: { $in: ['awaiting_payment', 'not_paid'] } },
      {
        $set: {
          status: 'active',
          paidAt,
          expiresAt: creditsExpireAt(paidAt, purchase.validityDays),
        },
      },
    );
    if (moved.modifiedCount === 0) {
      logger.info('Payment event for a purchase already active: nothing to do', {
        purchaseId,
        note,
      });
    }
  }

  /** The checkout ended unpaid: the payment is canceled and the purchase `not_paid`. */
  async function ended(payment: PaymentTransactionRecord, note: string): Promise<void> {
    if (payment.status !== 'pending') return; // paid before (events out of order): stays paid
    await setTransactionStatus(payment, 'canceled', note);
    await PackagePurchase.updateOne(
      { _id: payment.purchase, status: 'awaiting_payment' },
      { $set: { status: 'not_paid' } },
    );
  }

  return {
    paid,
    ended,

    /** `GET /api/coaches/:userId/packages`: a coach the viewer may see (404 otherwise). */
    async offers(coachId: string, viewer: Principal | undefined): Promise<CoachPackageOffer[]> {
      await findVisibleCoachSummary(coachId, viewer);
      return activePackageOffers(coachId);
    },

    /** `POST /api/packages/:packageId/purchase` */
    async purchase(caller: Principal, packageId: string): Promise<PurchasePackageResponse> {
      const offer = await findActivePackageOffer(packageId);
      if (!offer) throw notFound('Package');
      assertMayBuy(caller, offer);
      await findVisibleCoachSummary(offer.coachId, caller);
      const online = provider.collectsOnline;
      const now = new Date();
      const created = await PackagePurchase.create({
        client: caller.userId,
        coach: offer.coachId,
        packageId: offer.packageId,
        packageName: offer.name,
        sessions: offer.sessions,
        price: offer.price,
        currency: offer.currency,
        validityDays: offer.validityDays,
        sessionTypeIds: offer.sessionTypeIds ?? [],
        status: online ? 'awaiting_payment' : 'active',
        method: online ? 'online' : 'manual',
        provider: provider.name,
        paidAt: online ? null : now,
        expiresAt: online ? null : creditsExpireAt(now, offer.validityDays),
        remaining: offer.sessions,
      });
      const purchase = created.toObject<PackagePurchaseRecord>();
      if (!online) return { purchase: toPurchaseDTO(purchase, now) };
      const checkoutUrl = await openCheckout(purchase);
      return { purchase: await present(purchase._id.toString()), checkoutUrl };
    },

    /**
     * `POST /api/packages/purchases/:purchaseId/checkout-return`: the buyer is back; the provider
     * is asked whether the session is paid (the return proves nothing). The buyer only (404).
     */
    async checkoutReturn(
      caller: Principal,
      purchaseId: string,
      sessionId: string,
    ): Promise<{ purchase: PackagePurchaseDTO }> {
      if (!provider.collectsOnline) throw notFound('Checkout');
      const owned = await PackagePurchase.exists({ _id: purchaseId, client: caller.userId });
      const payment = owned
        ? await PaymentTransaction.findOne({
            idempotencyKey: purchasePaymentKey(purchaseId),
          }).lean<PaymentTransactionRecord>()
        : null;
      if (!payment || payment.checkoutSessionId !== sessionId) throw notFound('Checkout');
      if (payment.status !== 'succeeded') {
        let checkout: CheckoutState;
        try {
          checkout = await provider.checkoutState(sessionId);
        } catch (error) {
          logger.error('Could not read the checkout back', { purchaseId, error: errorText(error) });
          throw providerUnavailable();
        }
        if (checkout.purchaseId !== purchaseId || !checkout.paid) {
          throw new AppError(409, 'PAYMENT_NOT_VERIFIED', 'This checkout has not been paid');
        }
        await paid(payment, checkout, 'checkout return');
      }
      return { purchase: await present(purchaseId) };
    },

    /** `GET /api/users/me/credits`: active, unexpired purchases with credits, soonest expiry first. */
    async credits(caller: Principal): Promise<CreditBalance[]> {
      const purchases = await PackagePurchase.find({
        client: caller.userId,
        status: 'active',
        expiresAt: { $gt: new Date() },
        remaining: { $gt: 0 },
      })
        .sort({ expiresAt: 1, _id: 1 })
        .lean<PackagePurchaseRecord[]>();
      return purchases.map(toCreditBalance);
    },

    /** `GET /api/users/me/package-purchases?page=&limit=`: the caller's, newest first. */
    async history(
      caller: Principal,
      page: { page: number; limit: number },
    ): Promise<PackagePurchaseDTO[]> {
      const purchases = await PackagePurchase.find({ client: caller.userId })
        .sort({ createdAt: -1, _id: -1 })
        .skip((page.page - 1) * page.limit)
        .limit(page.limit)
        .lean<PackagePurchaseRecord[]>();
      const now = new Date();
      return purchases.map((purchase) => toPurchaseDTO(purchase, now));
    },
  };
}

export type PackagePurchases = ReturnType<typeof createPackagePurchases>;
