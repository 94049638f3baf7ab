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
