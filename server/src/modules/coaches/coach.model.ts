import {
  COACH_PROFILE_LIMITS,
  COACH_SPECIALTIES,
  VERIFICATION_STATUSES,
  type CoachSpecialty,
  type VerificationStatus,
} from '@coachhub/shared/coach';
import { CURRENCIES, type Money } from '@coachhub/shared/pricing';
import { USER_STATUSES, type UserStatus } from '@coachhub/shared/roles';
import type { BookingSettings } from '@coachhub/shared/scheduling';
import type { StoredImage } from '@coachhub/shared/user';
import { model, Schema, type Types } from 'mongoose';
import { isIanaTimeZone } from '../../domain/time-zone.js';
import { storedImageSchema } from '../uploads/stored-image.schema.js';

export interface CoachVerification {
  status: VerificationStatus;
  reason: string | null;
  /** When the profile entered the queue (creation, or an edit after a rejection). */
  submittedAt: Date;
  reviewedAt: Date | null;
  /** The admin who decided; kept for the record, never shown outside the audit log. */
  reviewedBy: Types.ObjectId | null;
}

export interface CoachFields {
  /** The coach's User: 1:1, and how every query finds a coach (architecture.md "Identity rule"). */
  user: Types.ObjectId;
  /** Copies of the user's names so one `$text` query also finds coaches by name. */
  firstName: string;
  lastName: string;
  /** Copy of the user's status so the directory filters suspended accounts in the same query. */
  userStatus: UserStatus;
  headline: string;
  bio: string;
  specialties: CoachSpecialty[];
  languages: string[];
  certifications: string[];
  yearsOfExperience: number;
  timeZone: string;
  coachProfilePicture: StoredImage | null;
  verification: CoachVerification;
  listed: boolean;
  /**
   * Kept by the reviews feature through `applyRatingChange` (coach-records.ts): `sum` and `count`
   * of the visible reviews' stars, changed atomically, and the `average` shown (from them).
   * `sum` is absent on documents written before reviews existed (their count is 0).
   */
  rating: { average: number; count: number; sum?: number };
  /** Owned by the scheduling feature (its coach-created listener fills it); null until then. */
  bookingSettings: BookingSettings | null;
  /** Cheapest session price, kept up to date by the pricing feature; null until then. */
  priceFrom: Money | null;
  createdAt: Date;
  updatedAt: Date;
}

export type CoachRecord = CoachFields & { _id: Types.ObjectId };

const L = COACH_PROFILE_LIMITS;
const LANGUAGE_CODE = /^[a-z]{2}$/;

const verificationSchema = new Schema<CoachVerification>(
  {
    status: { type: String, enum: VERIFICATION_STATUSES, required: true, default: 'pending' },
    reason: { type: String, default: null, maxlength: 1000 },
    submittedAt: { type: Date, required: true, default: () => new Date() },
    reviewedAt: { type: Date, default: null },
    reviewedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
  },
  { _id: false },
);

const moneySchema = new Schema<Money>(
  {
    amount: { type: Number, required: true, min: 0, validate: Number.isInteger },
    currency: { type: String, enum: CURRENCIES, required: true },
  },
  { _id: false },
);

const listOf = (max: number) => ({
  validator: (values: unknown[]) => values.length <= max,
  message: `At most ${max} entries`,
});

const coachSchema = new Schema<CoachFields>(
  {
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true, immutable: true },
    firstName: { type: String, required: true, trim: true, maxlength: 100 },
    lastName: { type: String, required: true, trim: true, maxlength: 100 },
    userStatus: { type: String, enum: USER_STATUSES, required: true, default: 'active' },
    headline: { type: String, default: '', trim: true, maxlength: L.headlineLength },
    bio: { type: String, default: '', trim: true, maxlength: L.bioLength },
    specialties: {
      type: [{ type: String, enum: COACH_SPECIALTIES }],
      default: [],
      validate: listOf(L.specialties),
    },
    languages: {
      type: [{ type: String, match: LANGUAGE_CODE }],
      default: [],
      validate: listOf(L.languages),
    },
    certifications: {
      type: [{ type: String, trim: true, maxlength: L.certificationLength }],
      default: [],
      validate: listOf(L.certifications),
    },
    yearsOfExperience: { type: Number, default: 0, min: 0, max: L.maxYearsOfExperience },
    timeZone: {
      type: String,
      required: true,
      validate: { validator: isIanaTimeZone, message: 'Not an IANA time zone' },
    },
    coachProfilePicture: { type: storedImageSchema, default: null },
    verification: { type: verificationSchema, required: true, default: () => ({}) },
    listed: { type: Boolean, required: true, default: true },
    rating: {
      average: { type: Number, required: true, default: 0, min: 0, max: 5 },
      count: { type: Number, required: true, default: 0, min: 0 },
      // Never in the DTO: the average and count are what readers need.
      sum: { type: Number, required: true, default: 0, min: 0 },
    },
    // Mixed on purpose: the scheduling feature validates it against its own rules.
    bookingSettings: { type: Schema.Types.Mixed, default: null },
    priceFrom: { type: moneySchema, default: null },
  },
  { timestamps: true },
);

coachSchema.index({ user: 1 }, { unique: true });
// The directory's one full-text index (a collection can have only one): names weigh most.
coachSchema.index(
  { firstName: 'text', lastName: 'text', headline: 'text', specialties: 'text', bio: 'text' },
  {
    name: 'coach_directory_text',
    weights: { firstName: 10, lastName: 10, specialties: 6, headline: 4, bio: 1 },
    default_language: 'english',
  },
);
// Directory filters and sorts all start from "approved, listed, active".
const PUBLIC = { 'verification.status': 1, listed: 1, userStatus: 1 } as const;
coachSchema.index({ ...PUBLIC, 'rating.average': -1, 'rating.count': -1 });
coachSchema.index({ ...PUBLIC, 'priceFrom.amount': 1 });
coachSchema.index({ ...PUBLIC, specialties: 1 });
coachSchema.index({ ...PUBLIC, languages: 1 });
// The admin queue: pending profiles, oldest submission first.
coachSchema.index({ 'verification.status': 1, 'verification.submittedAt': 1 });

export const Coach = model<CoachFields>('Coach', coachSchema);
