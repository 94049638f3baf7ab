import { SESSION_MODES, type SessionMode } from '@coachhub/shared/booking';
import { CURRENCIES, DISCOUNT_KINDS, type Quote } from '@coachhub/shared/pricing';
import {
  BOOKING_ACTIONS,
  BOOKING_PAYMENT_STEPS,
  BOOKING_STATUSES,
  type BookingHistoryEntry,
  type BookingParty,
  type BookingStatus,
  type CancellationPolicy,
} from '@coachhub/shared/scheduling';
import { model, Schema, type Types } from 'mongoose';
import type { CancellationFeeReason } from '../../../domain/cancellation-fee.js';

const PARTIES: readonly BookingParty[] = ['client', 'coach'];

/** The session type as it was when booked: later edits or deletion do not change the booking. */
export interface SessionTypeSnapshot {
  title: string;
  durationMinutes: number;
  mode: SessionMode;
}

export interface StoredCancellation {
  by: BookingParty;
  at: Date;
  reason: string | null;
  fee: { amount: number; currency: Quote['currency'] };
  /** Why the fee is what it is (domain/cancellation-fee.ts), for the record. */
  feeReason: CancellationFeeReason;
}

/** A client's request to move a confirmed booking, waiting for the coach (both times held). */
export interface StoredPendingReschedule {
  start: Date;
  end: Date;
  requestedAt: Date;
}

export interface StoredPaymentHold {
  until: Date;
  next: 'pending' | 'confirmed';
}

export interface StoredHistoryEntry {
  action: BookingHistoryEntry['action'];
  from: BookingStatus | null;
  to: BookingStatus;
  by: BookingParty;
  at: Date;
  reason?: string | null;
  previousStart?: Date | null;
  previousEnd?: Date | null;
  requestedStart?: Date | null;
  requestedEnd?: Date | null;
}

export interface BookingFields {
  /** User ids of both sides (architecture.md "Identity rule"). */
  coach: Types.ObjectId;
  client: Types.ObjectId;
  sessionType: Types.ObjectId;
  sessionTypeSnapshot: SessionTypeSnapshot;
  start: Date;
  end: Date;
  status: BookingStatus;
  /** The price the booking was made at. */
  quote: Quote;
  notes: string | null;
  meetingUrl: string | null;
  cancellation: StoredCancellation | null;
  /**
   * The coach's cancellation policy when the booking was made; its fee follows this one, not
   * later changes. Absent on bookings from before it was stored (domain/booking-policies.ts).
   */
  cancellationPolicy?: CancellationPolicy | null;
  /** The earliest start the booking ever had: its fee window is measured from it. */
  feeClockStart?: Date | null;
  /** A client's request to move the booking, while the coach has not answered it. */
  pendingReschedule?: StoredPendingReschedule | null;
  /**
   * A booking awaiting payment: until when it holds its slot, and where the verified payment
   * moves it (`pending` when the coach approved requests at booking time, else `confirmed`).
   */
  paymentHold?: StoredPaymentHold | null;
  history: StoredHistoryEntry[];
  /** iCalendar SEQUENCE: bumped by every change a calendar must pick up. */
  icsSequence: number;
  /** Bumped by every change: transitions filter on it so two conflicting ones cannot both win. */
  revision: number;
  /** Only present when the create request carried an `Idempotency-Key`. */
  idempotencyKey?: string;
  /** Hash of the create request's body, to tell a retry from a reuse of the key. */
  idempotencyFingerprint?: string;
  createdAt: Date;
  updatedAt: Date;
}

export type BookingRecord = BookingFields & { _id: Types.ObjectId };

const quoteSchema = new Schema<Quote>(
  {
    amount: { type: Number, required: true },
    currency: { type: String, enum: CURRENCIES, required: true },
    lines: [
      new Schema(
        {
          kind: { type: String, enum: ['base', ...DISCOUNT_KINDS], required: true },
          label: { type: String, required: true },
          amount: { type: Number, required: true },
          discountId: { type: String },
        },
        { _id: false },
      ),
    ],
    history: {
      type: new Schema(
        {
          completedSessions: { type: Number, required: true },
          firstSession: { type: Boolean, required: true },
        },
        { _id: false },
      ),
      default: undefined,
    },
  },
  { _id: false },
);

const historySchema = new Schema<StoredHistoryEntry>(
  {
    action: {
      type: String,
      enum: ['create', 'request_reschedule', ...BOOKING_ACTIONS, ...BOOKING_PAYMENT_STEPS],
      required: true,
    },
    from: { type: String, enum: BOOKING_STATUSES, default: null },
    to: { type: String, enum: BOOKING_STATUSES, required: true },
    by: { type: String, enum: PARTIES, required: true },
    at: { type: Date, required: true },
    reason: { type: String, default: null },
    previousStart: { type: Date, default: null },
    previousEnd: { type: Date, default: null },
    requestedStart: { type: Date, default: null },
    requestedEnd: { type: Date, default: null },
  },
  { _id: false },
);

const bookingSchema = new Schema<BookingFields>(
  {
    coach: { type: Schema.Types.ObjectId, ref: 'User', required: true, immutable: true },
    client: { type: Schema.Types.ObjectId, ref: 'User', required: true, immutable: true },
    sessionType: { type: Schema.Types.ObjectId, ref: 'SessionType', required: true },
    sessionTypeSnapshot: {
      title: { type: String, required: true },
      durationMinutes: { type: Number, required: true },
      mode: { type: String, enum: SESSION_MODES, required: true },
    },
    start: { type: Date, required: true },
    end: { type: Date, required: true },
    status: { type: String, enum: BOOKING_STATUSES, required: true },
    quote: { type: quoteSchema, required: true },
    notes: { type: String, default: null, maxlength: 2000 },
    meetingUrl: { type: String, default: null },
    cancellation: {
      type: new Schema<StoredCancellation>(
        {
          by: { type: String, enum: PARTIES, required: true },
          at: { type: Date, required: true },
          reason: { type: String, default: null },
          fee: {
            amount: { type: Number, required: true },
            currency: { type: String, enum: CURRENCIES, required: true },
          },
          feeReason: { type: String, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
    cancellationPolicy: {
      type: new Schema<CancellationPolicy>(
        {
          freeUntilHours: { type: Number, required: true },
          feePercent: { type: Number, required: true },
        },
        { _id: false },
      ),
      default: undefined,
    },
    feeClockStart: { type: Date, default: undefined },
    pendingReschedule: {
      type: new Schema<StoredPendingReschedule>(
        {
          start: { type: Date, required: true },
          end: { type: Date, required: true },
          requestedAt: { type: Date, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
    paymentHold: {
      type: new Schema<StoredPaymentHold>(
        {
          until: { type: Date, required: true },
          next: { type: String, enum: ['pending', 'confirmed'], required: true },
        },
        { _id: false },
      ),
      default: undefined,
    },
    history: { type: [historySchema], default: [] },
    icsSequence: { type: Number, required: true, default: 0 },
    revision: { type: Number, required: true, default: 0 },
    idempotencyKey: { type: String },
    idempotencyFingerprint: { type: String },
  },
  { timestamps: true },
);

// Overlap checks and slot computation: a coach's (or client's) active bookings near a time. Two
// fields on purpose: `status` narrows a person's bookings to the few active ones, and the
// embedded engine (tools/memory-mongo) uses an index only when the query pins every field of it
// by equality, which `{ coach, status: { $in } }` does and a `start` range would not.
bookingSchema.index({ coach: 1, status: 1 });
bookingSchema.index({ client: 1, status: 1 });
// Listings: a participant's bookings by start, ties by `_id`, the list's own sort, so a page is
// read in order from the index and the read stops at the page's end (by `start` alone the
// database reads and sorts all of a person's bookings for every page).
bookingSchema.index({ coach: 1, start: 1, _id: 1 });
bookingSchema.index({ client: 1, start: 1, _id: 1 });
// A retried create finds its first result; a reused key cannot create a second booking.
bookingSchema.index(
  { client: 1, idempotencyKey: 1 },
  { unique: true, partialFilterExpression: { idempotencyKey: { $exists: true } } },
);

export const Booking = model<BookingFields>('Booking', bookingSchema);
