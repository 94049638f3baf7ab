import type { CheckoutState } from './payment-provider.js';
import { PaymentTransaction, type PaymentTransactionRecord } from './payment-transaction.model.js';

/**
 * Moves a payment or refund record on, only from the status it was read in (so two deliveries of
 * one event change it once), and writes the step into its history. True when it moved.
 */
export async function setTransactionStatus(
  transaction: PaymentTransactionRecord,
  status: PaymentTransactionRecord['status'],
  note: string,
  set: Partial<PaymentTransactionRecord> = {},
): Promise<boolean> {
  const result = await PaymentTransaction.updateOne(
    { _id: transaction._id, status: transaction.status },
    { $set: { status, ...set }, $push: { statusHistory: { status, at: new Date(), note } } },
  );
  return result.modifiedCount === 1;
}

/**
 * The provider says a checkout is paid: its payment record is marked succeeded, unless the amount
 * paid is not the one due. Then nothing is written, the mismatch is reported and the caller
 * leaves its booking or purchase as it is (false).
 */
export async function recordPaidCheckout(
  payment: PaymentTransactionRecord,
  checkout: CheckoutState,
  note: string,
  reportMismatch: (amounts: { paid: string; due: string }) => void,
): Promise<boolean> {
  if (checkout.amountTotal !== payment.amount || checkout.currency !== payment.currency) {
    reportMismatch({
      paid: `${checkout.amountTotal} ${checkout.currency}`,
      due: `${payment.amount} ${payment.currency}`,
    });
    return false;
  }
  if (payment.status !== 'succeeded') {
    await setTransactionStatus(payment, 'succeeded', note, {
      paymentIntentId: checkout.paymentIntentId,
    });
  }
  return true;
}
