import type { PaymentTransactionDTO } from '@coachhub/shared/payment';
import type { PaymentTransactionRecord } from './payment-transaction.model.js';

/** The one PaymentTransactionDTO builder. */
export function toTransactionDTO(transaction: PaymentTransactionRecord): PaymentTransactionDTO {
  return {
    _id: transaction._id.toString(),
    // Receipts list a booking's own transactions: a purchase's payment never shows here.
    bookingId: transaction.booking?.toString() ?? '',
    kind: transaction.kind,
    provider: transaction.provider,
    amount: transaction.amount,
    currency: transaction.currency,
    status: transaction.status,
    ...(transaction.reason ? { reason: transaction.reason } : {}),
    providerIds: {
      ...(transaction.checkoutSessionId
        ? { checkoutSessionId: transaction.checkoutSessionId }
        : {}),
      ...(transaction.paymentIntentId ? { paymentIntentId: transaction.paymentIntentId } : {}),
      ...(transaction.refundId ? { refundId: transaction.refundId } : {}),
    },
    statusHistory: transaction.statusHistory.map((change) => ({
      status: change.status,
      at: change.at.toISOString(),
    })),
    createdAt: transaction.createdAt.toISOString(),
  };
}
