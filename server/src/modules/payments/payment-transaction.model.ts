import {
  PAYMENT_PROVIDERS,
  PAYMENT_TRANSACTION_KINDS,
  PAYMENT_TRANSACTION_STATUSES,
  REFUND_REASONS,
  type PaymentProviderName,
  type PaymentTransactionKind,
  type PaymentTransactionStatus,
  type RefundReason,
} from '@coachhub/shared/payment';
import { CURRENCIES, type Currency } from '@coachhub/shared/pricing';
import { model, Schema, type Types } from 'mongoose';
import { announceWrites } from './payment-record-changes.js';

export interface StoredStatusChange {
  status: PaymentTransactionStatus;
  at: Date;
  /** What caused it: `checkout.session.completed`, `hold_expired`, a provider error, ... */
  note?: string | null;
}

export interface PaymentTransactionFields {
  /** What is paid for: a booking, or (`booking` null) a package purchase. */
  booking: Types.ObjectId | null;
  purchase?: Types.ObjectId | null;
  client: Types.ObjectId;
  coach: Types.ObjectId;
  kind: PaymentTransactionKind;
  provider: PaymentProviderName;
  /** Minor units. */
  amount: number;
  currency: Currency;
  status: PaymentTransactionStatus;
  reason?: RefundReason | null;
  /**
   * One payment and one refund per booking: `payment:<bookingId>` / `refund:<bookingId>` (a
   * package purchase's payment: `payment:purchase:<purchaseId>`), also
   * the provider's idempotency key of the call that makes it (unique, so a second delivery of
   * the same event cannot make a second one).
   */
  idempotencyKey: string;
  checkoutSessionId?: string | null;
  checkoutUrl?: string | null;
  paymentIntentId?: string | null;
  refundId?: string | null;
  statusHistory: StoredStatusChange[];
  createdAt: Date;
  updatedAt: Date;
}

export type PaymentTransactionRecord = PaymentTransactionFields & { _id: Types.ObjectId };

const schema = new Schema<PaymentTransactionFields>(
  {
    booking: {
      type: Schema.Types.ObjectId,
      ref: 'Booking',
      default: null,
      immutable: true,
      required: function (this: PaymentTransactionFields) {
        return !this.purchase;
      },
    },
    purchase: {
      type: Schema.Types.ObjectId,
      ref: 'PackagePurchase',
      default: null,
      immutable: true,
    },
    client: { type: Schema.Types.ObjectId, ref: 'User', required: true, immutable: true },
    coach: { type: Schema.Types.ObjectId, ref: 'User', required: true, immutable: true },
    kind: { type: String, enum: PAYMENT_TRANSACTION_KINDS, required: true, immutable: true },
    provider: { type: String, enum: PAYMENT_PROVIDERS, required: true, immutable: true },
    amount: { type: Number, required: true, min: 0 },
    currency: { type: String, enum: CURRENCIES, required: true },
    status: { type: String, enum: PAYMENT_TRANSACTION_STATUSES, required: true },
    reason: { type: String, enum: [...REFUND_REASONS, null], default: null },
    idempotencyKey: { type: String, required: true, immutable: true },
    checkoutSessionId: { type: String, default: null },
    checkoutUrl: { type: String, default: null },
    paymentIntentId: { type: String, default: null },
    refundId: { type: String, default: null },
    statusHistory: {
      type: [
        new Schema<StoredStatusChange>(
          {
            status: { type: String, enum: PAYMENT_TRANSACTION_STATUSES, required: true },
            at: { type: Date, required: true },
            note: { type: String, default: null },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
  },
  { timestamps: true },
);

// One payment and one refund per booking, whatever is delivered twice.
schema.index({ idempotencyKey: 1 }, { unique: true });
// A booking's transactions (the receipt, the DTO's payment summary).
schema.index({ booking: 1 });
// The provider's webhook names the checkout session.
schema.index({ checkoutSessionId: 1 });
// Payment summaries kept in the read cache go with every change.
announceWrites(schema);

export const PaymentTransaction = model<PaymentTransactionFields>('PaymentTransaction', schema);

/** Provider events already handled: a replay is answered and changes nothing. */
const webhookEventSchema = new Schema(
  {
    provider: { type: String, enum: PAYMENT_PROVIDERS, required: true },
    eventId: { type: String, required: true },
    type: { type: String, required: true },
  },
  { timestamps: true },
);
webhookEventSchema.index({ provider: 1, eventId: 1 }, { unique: true });

export const PaymentWebhookEvent = model('PaymentWebhookEvent', webhookEventSchema);
