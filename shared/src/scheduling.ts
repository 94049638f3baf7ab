/**
 * Availability, booking settings, slots and booking states: the scheduling contract between the
 * server (which computes slots and checks transitions) and the client (which edits and shows them).
 * Instants travel as ISO 8601 strings in UTC; wall-clock times are in the coach's time zone.
 */

/** Day of the week as JavaScript counts it: 0 = Sunday .. 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export const WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

/** A wall-clock span within one day, 'HH:mm' in the coach's zone; `end` may be '24:00'. */
export interface TimeInterval {
  start: string;
  end: string;
}

/** A recurring span on one weekday. Intervals never cross midnight: split them instead. */
export interface WeeklyInterval extends TimeInterval {
  weekday: Weekday;
}

/** Replaces the weekly intervals of one calendar day ('YYYY-MM-DD'); no intervals = day off. */
export interface DateOverride {
  date: string;
  intervals: TimeInterval[];
}

export interface CancellationPolicy {
  /** Cancelling at least this many hours before the start costs nothing. */
  freeUntilHours: number;
  /** Share of the booking's quoted amount charged when the client cancels later (0-100). */
  feePercent: number;
}

export interface BookingSettings {
  /** Free time the coach keeps before each session (preparation). */
  bufferBeforeMinutes: number;
  /** Free time the coach keeps after each session (notes, a break). */
  bufferAfterMinutes: number;
  /** A slot must start at least this many hours after the moment it is requested. */
  minNoticeHours: number;
  /** A slot must start at most this many calendar days after the moment it is requested. */
  maxDaysAhead: number;
  /** Most sessions per day in the coach's zone; 0 = no limit. */
  dailyLimit: number;
  /** New bookings wait in `pending` until the coach confirms them. */
  requiresApproval: boolean;
  cancellationPolicy: CancellationPolicy;
}

export interface AvailabilityDTO {
  /** IANA name, e.g. "Europe/Berlin"; every wall-clock time above is read in it. */
  timeZone: string;
  weekly: WeeklyInterval[];
  overrides: DateOverride[];
  settings: BookingSettings;
}

/** A bookable span, ISO 8601 instants in UTC. The client shows it in the viewer's zone. */
export interface Slot {
  start: string;
  end: string;
}

/** Bounds the server enforces on booking settings; the client's form uses the same ones. */
export const BOOKING_SETTINGS_LIMITS = {
  maxBufferMinutes: 240,
  maxMinNoticeHours: 24 * 30,
  maxDaysAhead: 365,
  maxDailyLimit: 48,
  maxFreeUntilHours: 24 * 30,
} as const;

/** At most this many intervals on one weekday or one override date. */
export const MAX_INTERVALS_PER_DAY = 12;
/** At most this many date overrides per coach (a year of days off is plenty). */
export const MAX_DATE_OVERRIDES = 400;

export const DEFAULT_BOOKING_SETTINGS: BookingSettings = {
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 15,
  minNoticeHours: 24,
  maxDaysAhead: 60,
  dailyLimit: 0,
  requiresApproval: true,
  cancellationPolicy: { freeUntilHours: 24, feePercent: 50 },
};

/** Monday to Friday, 09:00-17:00 in the coach's zone. */
export const DEFAULT_WEEKLY_AVAILABILITY: WeeklyInterval[] = ([1, 2, 3, 4, 5] as const).map(
  (weekday) => ({ weekday, start: '09:00', end: '17:00' }),
);

export const BOOKING_STATUSES = [
  'pending',
  'confirmed',
  'declined',
  'cancelled',
  'completed',
  'no_show',
  /** Booked with a provider that collects online: holds its slot until paid or the hold ends. */
  'awaiting_payment',
  /** Its payment hold ended unpaid: the slot is free again. */
  'expired',
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Bookings in these states hold their time: they block slots and count towards daily limits. */
export const ACTIVE_BOOKING_STATUSES = [
  'pending',
  'confirmed',
  'awaiting_payment',
] as const satisfies readonly BookingStatus[];

export const BOOKING_ACTIONS = [
  'confirm',
  'decline',
  'cancel',
  'complete',
  'no_show',
  'reschedule',
  /** The coach moves a confirmed booking to the new time its client asked for. */
  'approve_reschedule',
  /** The coach keeps a confirmed booking at its time and drops its client's request to move it. */
  'decline_reschedule',
] as const;
export type BookingAction = (typeof BOOKING_ACTIONS)[number];

/** Steps no participant takes: the provider's verified payment, the end of the payment hold. */
export const BOOKING_PAYMENT_STEPS = ['payment_received', 'hold_expired'] as const;
export type BookingPaymentStep = (typeof BOOKING_PAYMENT_STEPS)[number];

/** Which side of a booking acts: its client or its coach. */
export type BookingParty = 'client' | 'coach';

/** One line of a booking's history; `from` is null for the creation. */
export interface BookingHistoryEntry {
  /**
   * `request_reschedule`: the client asked to move a booking whose coach approves changes.
   * `payment_received` / `hold_expired`: the verified payment moved a booking on, or its payment
   * hold ended unpaid (both are written `by: 'client'`, whose payment or hold it is).
   */
  action: BookingAction | BookingPaymentStep | 'create' | 'request_reschedule';
  from: BookingStatus | null;
  to: BookingStatus;
  by: BookingParty;
  at: string;
  /** The reason given with a decline, cancellation, completion or no-show, if any. */
  reason?: string;
  /** A reschedule: where the booking was before (ISO 8601 UTC instants). */
  previousStart?: string;
  previousEnd?: string;
  /** A reschedule request, or its approval or decline: the time asked for. */
  requestedStart?: string;
  requestedEnd?: string;
}

/** The booking settings anyone may read: what a booking page tells the client. */
export type PublicBookingSettings = Pick<
  BookingSettings,
  'minNoticeHours' | 'maxDaysAhead' | 'requiresApproval' | 'cancellationPolicy'
>;

/**
 * `GET /api/availability/:userId` for anyone but the coach: the zone, the weekly hours and the
 * public settings. Buffers, the daily limit and date overrides stay with the coach (the slots
 * already reflect them). The coach themself receives the whole {@link AvailabilityDTO}, which
 * has every field of this one.
 */
export interface PublicAvailabilityDTO {
  timeZone: string;
  weekly: WeeklyInterval[];
  settings: PublicBookingSettings;
}

/** `PUT /api/availability/:userId` (the coach themself): the whole availability, replaced. */
export type UpdateAvailabilityRequest = AvailabilityDTO;

/** The widest `from`..`to` range `GET /api/coaches/:userId/slots` answers, in days. */
export const MAX_SLOT_RANGE_DAYS = 62;
