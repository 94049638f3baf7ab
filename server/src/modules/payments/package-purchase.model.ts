import { PACKAGE_PURCHASE_STATUSES, PAYMENT_PROVIDERS } from '@coachhub/shared/payment';
import type { PackagePurchaseStatus, PaymentProviderName } from '@coachhub/shared/payment';
import { CURRENCIES, type Currency } from '@coachhub/shared/pricing';
import { model, Schema, type Types } from 'mongoose';
import { announceWrites } from './payment-record-changes.js';

/** What is stored: `expired` is never written, an active purchase becomes it at `expiresAt`. */
export type StoredPurchaseStatus = Exclude<PackagePurchaseStatus, 'expired'>;
const STORED_STATUSES = PACKAGE_PURCHASE_STATUSES.filter((status) => status !== 'expired');

export interface PackagePurchaseFields {
  client: Types.ObjectId;
  coach: Types.ObjectId;
  /** The package's id in the coach's price configuration at the time of the purchase. */
  packageId: Types.ObjectId;
  /** The package as bought: later edits of the coach's package do not change it. */
  packageName: string;
  sessions: number;
  /** Minor units of `currency`: the configuration's price, never the client's. */
  price: number;
  currency: Currency;
  validityDays: number;
  /** Empty: every session type of the coach. */
  sessionTypeIds: Types.ObjectId[];
  status: StoredPurchaseStatus;
  method: 'online' | 'manual';
  provider: PaymentProviderName;
  paidAt: Date | null;
  /** Set once paid: `paidAt + validityDays`; the credits are usable strictly before it. */
  expiresAt: Date | null;
  /**
   * Credits not yet taken: a booking takes one with a conditional `$inc: -1` (never below 0,
   * only while active and unexpired); a booking that ends free gives it back.
   */
  remaining: number;
  createdAt: Date;
  updatedAt: Date;
}

export type PackagePurchaseRecord = PackagePurchaseFields & { _id: Types.ObjectId };

const schema = new Schema<PackagePurchaseFields>(
  {
    client: { type: Schema.Types.ObjectId, ref: 'User', required: true, immutable: true },
    coach: { type: Schema.Types.ObjectId, ref: 'User', required: true, immutable: true },
    packageId: { type: Schema.Types.ObjectId, required: true, immutable: true },
    packageName: { type: String, required: true, immutable: true },
    sessions: { type: Number, required: true, min: 1, immutable: true },
    price: { type: Number, required: true, min: 0, immutable: true },
    currency: { type: String, enum: CURRENCIES, required: true, immutable: true },
    validityDays: { type: Number, required: true, min: 1, immutable: true },
    sessionTypeIds: { type: [Schema.Types.ObjectId], default: [], immutable: true },
    status: { type: String, enum: STORED_STATUSES, required: true },
    method: { type: String, enum: ['online', 'manual'], required: true, immutable: true },
    provider: { type: String, enum: PAYMENT_PROVIDERS, required: true, immutable: true },
    paidAt: { type: Date, default: null },
    expiresAt: { type: Date, default: null },
    remaining: { type: Number, required: true, min: 0 },
  },
  { timestamps: true },
);

// The credit a booking takes: the client's active purchases of a coach, soonest expiry first.
schema.index({ client: 1, coach: 1, status: 1, expiresAt: 1 });
// The client's history, newest first.
schema.index({ client: 1, createdAt: -1 });

export const PackagePurchase = model<PackagePurchaseFields>('PackagePurchase', schema);

/** The states a credit taken by a booking goes through: held, then used or given back. */
export const CREDIT_USE_STATES = ['held', 'consumed', 'returned'] as const;
export type CreditUseState = (typeof CREDIT_USE_STATES)[number];

export interface CreditUseFields {
  /** One credit per booking (unique): a redelivered event finds the use already settled. */
  booking: Types.ObjectId;
  purchase: Types.ObjectId;
  client: Types.ObjectId;
  coach: Types.ObjectId;
  state: CreditUseState;
  /** What settled it: `booking.completed`, `booking.cancelled (fee 0)`, ... */
  settledBy: string | null;
  settledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type CreditUseRecord = CreditUseFields & { _id: Types.ObjectId };

const creditUseSchema = new Schema<CreditUseFields>(
  {
    booking: { type: Schema.Types.ObjectId, ref: 'Booking', required: true, immutable: true },
    purchase: {
      type: Schema.Types.ObjectId,
      ref: 'PackagePurchase',
      required: true,
      immutable: true,
    },
    client: { type: Schema.Types.ObjectId, ref: 'User', required: true, immutable: true },
    coach: { type: Schema.Types.ObjectId, ref: 'User', required: true, immutable: true },
    state: { type: String, enum: CREDIT_USE_STATES, required: true },
    settledBy: { type: String, default: null },
    settledAt: { type: Date, default: null },
  },
  { timestamps: true },
);
creditUseSchema.index({ booking: 1 }, { unique: true });
// Payment summaries kept in the read cache go with every change.
announceWrites(creditUseSchema);

export const CreditUse = model<CreditUseFields>('CreditUse', creditUseSchema);
