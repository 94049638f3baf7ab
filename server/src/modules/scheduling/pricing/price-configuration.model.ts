import {
  CURRENCIES,
  DISCOUNT_KINDS,
  type Currency,
  type DiscountKind,
} from '@coachhub/shared/pricing';
import { model, Schema, type Types } from 'mongoose';

/** A discount as stored: one shape for every kind, with the kind's own threshold set. */
export interface StoredDiscount {
  _id: Types.ObjectId;
  kind: DiscountKind;
  label: string;
  active: boolean;
  percent: number;
  /** `volume` only. */
  minSessions?: number | null;
  /** `early_booking` only. */
  minDaysAhead?: number | null;
}

export interface StoredPackage {
  _id: Types.ObjectId;
  name: string;
  sessions: number;
  price: number;
  validityDays: number;
  active: boolean;
  /** The session types its credits book; empty: every session type of the coach. */
  sessionTypeIds?: Types.ObjectId[];
}

export interface StoredSessionTypeRate {
  sessionTypeId: Types.ObjectId;
  rate: number;
}

/** What a change replaces; owner and metadata are handled by the service. */
export interface StoredPriceValues {
  currency: Currency;
  baseHourlyRate: number;
  sessionTypeRates: StoredSessionTypeRate[];
  discounts: StoredDiscount[];
  packages: StoredPackage[];
}

export interface PriceConfigurationFields extends StoredPriceValues {
  /** The coach's user id: one configuration per coach. */
  coach: Types.ObjectId;
  metadata: { version: number; lastCalculation: Date };
  createdAt: Date;
  updatedAt: Date;
}

export type PriceConfigurationRecord = PriceConfigurationFields & { _id: Types.ObjectId };

const amount = { type: Number, required: true, min: 0, validate: Number.isInteger };

const discountSchema = new Schema<StoredDiscount>({
  kind: { type: String, enum: DISCOUNT_KINDS, required: true },
  label: { type: String, required: true, trim: true, maxlength: 80 },
  active: { type: Boolean, required: true, default: true },
  percent: { type: Number, required: true, min: 0, max: 100 },
  minSessions: { type: Number, default: null },
  minDaysAhead: { type: Number, default: null },
});

const packageSchema = new Schema<StoredPackage>({
  name: { type: String, required: true, trim: true, maxlength: 80 },
  sessions: { type: Number, required: true, min: 1 },
  price: amount,
  validityDays: { type: Number, required: true, min: 1 },
  active: { type: Boolean, required: true, default: true },
  sessionTypeIds: { type: [{ type: Schema.Types.ObjectId, ref: 'SessionType' }], default: [] },
});

const rateSchema = new Schema<StoredSessionTypeRate>(
  {
    sessionTypeId: { type: Schema.Types.ObjectId, ref: 'SessionType', required: true },
    rate: amount,
  },
  { _id: false },
);

const priceConfigurationSchema = new Schema<PriceConfigurationFields>(
  {
    coach: { type: Schema.Types.ObjectId, ref: 'User', required: true, immutable: true },
    currency: { type: String, enum: CURRENCIES, required: true },
    baseHourlyRate: amount,
    sessionTypeRates: { type: [rateSchema], default: [] },
    discounts: { type: [discountSchema], default: [] },
    packages: { type: [packageSchema], default: [] },
    metadata: {
      version: { type: Number, required: true, default: 1 },
      lastCalculation: { type: Date, required: true, default: () => new Date() },
    },
  },
  { timestamps: true },
);

priceConfigurationSchema.index({ coach: 1 }, { unique: true });

export const PriceConfiguration = model<PriceConfigurationFields>(
  'PriceConfiguration',
  priceConfigurationSchema,
);
