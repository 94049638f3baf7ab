import type { Schema } from 'mongoose';

const listeners = new Set<() => void>();

/**
 * Runs `listener` after every write to a payment record (transactions, credit uses), wherever it
 * happens: in a request, in an event subscriber (refunds after a cancellation, a checkout closed
 * when its hold ran out, a credit given back) or in a job (a refund retried). What is kept of
 * payment summaries (the read cache, server.ts) is dropped with it. A write inside a transaction
 * is announced before its commit, so whoever commits one outside a request announces it again
 * after (`paymentRecordsChanged`). Returns what stops it.
 */
export function onPaymentRecordsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function paymentRecordsChanged(): void {
  for (const listener of listeners) listener();
}

const WRITES = [
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'findOneAndDelete',
  'findOneAndReplace',
  'replaceOne',
  'deleteOne',
  'deleteMany',
] as const;

/** Announces every write through this schema's model (registered before the model is compiled). */
export function announceWrites<T>(schema: Schema<T>): void {
  for (const write of WRITES) schema.post(write, paymentRecordsChanged);
  schema.post('save', paymentRecordsChanged);
  schema.post('insertMany', paymentRecordsChanged);
  schema.post('bulkWrite', paymentRecordsChanged);
}
