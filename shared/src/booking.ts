import type { CoachDTO } from './coach.js';
import type { Page } from './pagination.js';
import type { BookingPaymentSummary } from './payment.js';
import type { Money, Quote } from './pricing.js';
import type {
  BookingAction,
  BookingHistoryEntry,
  BookingParty,
  BookingStatus,
  CancellationPolicy,
  Slot,
} from './scheduling.js';
import type { UserSummaryDTO } from './user.js';

export const SESSION_MODES = ['video', 'phone', 'in_person'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

export const SESSION_TYPE_LIMITS = {
  titleMax: 80,
  descriptionMax: 1000,
  minDurationMinutes: 15,
  maxDurationMinutes: 240,
} as const;

/** A kind of session a coach offers; its price comes from the coach's price configuration. */
export interface SessionTypeDTO {
  _id: string;
  /** The coach's userId. */
  coachId: string;
  title: string;
  slug: string;
  durationMinutes: number;
  description: string;
  mode: SessionMode;
  active: boolean;
  /** The undiscounted price of one session, when the coach's pricing is known. */
  price: Money | null;
}

export interface CreateSessionTypeRequest {
  title: string;
  slug?: string;
  durationMinutes: number;
  description?: string;
  mode: SessionMode;
  active?: boolean;
}

export type UpdateSessionTypeRequest = Partial<CreateSessionTypeRequest>;

/** `GET /api/coaches/:userId`: the coach and the session types a client can book. */
export interface CoachProfileDTO extends CoachDTO {
  /** Active session types, in the order the coach created them. */
  sessionTypes: SessionTypeDTO[];
}

/** Bounds on booking requests. */
export const BOOKING_LIMITS = {
  notesMax: 2000,
  reasonMax: 1000,
  idempotencyKeyMax: 200,
} as const;

/** `GET /api/bookings?order=`: by start, earliest first (default) or latest first. */
export const BOOKING_LIST_ORDERS = ['asc', 'desc'] as const;
export type BookingListOrder = (typeof BOOKING_LIST_ORDERS)[number];

/** `GET /api/coaches/:userId/slots?sessionTypeId=&from=&to=&timeZone=` */
export interface SlotsResponse {
  /** The viewer's zone the client asked for (times are UTC instants either way). */
  timeZone: string;
  coachTimeZone: string;
  slots: Slot[];
}

export interface QuoteRequest {
  coachId: string;
  sessionTypeId: string;
  start: string;
}

export interface BookingSessionTypeSummary {
  _id: string;
  title: string;
  durationMinutes: number;
  mode: SessionMode;
}

export interface BookingCancellation {
  by: BookingParty;
  at: string;
  reason: string | null;
  /** Computed from the booking's cancellation policy and its fee clock at the moment of cancellation. */
  fee: Money;
}

/**
 * A client's request to move a confirmed booking whose coach approves changes. Until the coach
 * answers, the booking keeps (and holds) its time, and the requested time is held too.
 */
export interface PendingRescheduleDTO {
  /** ISO-8601 UTC instants of the requested time. */
  start: string;
  end: string;
  requestedAt: string;
}

/** A booking as either participant (or an admin) sees it. */
export interface BookingDTO {
  _id: string;
  status: BookingStatus;
  /** ISO-8601 UTC instants. */
  start: string;
  end: string;
  sessionType: BookingSessionTypeSummary;
  client: UserSummaryDTO;
  coach: CoachDTO;
  /** The price the booking was made at; later price changes do not alter it. */
  quote: Quote;
  notes: string | null;
  /** Set once the booking is confirmed. */
  meetingUrl: string | null;
  cancellation: BookingCancellation | null;
  /**
   * The cancellation policy the booking was made under; later changes of the coach's policy do
   * not alter it. Absent for bookings made before policies were stored: those use the coach's
   * current policy, capped at the default one (24 hours, 50 %).
   */
  cancellationPolicy?: CancellationPolicy;
  /**
   * The earliest start the booking ever had (ISO instant): the cancellation-fee window is
   * measured from it, so moving a booking later never moves its free-cancellation deadline.
   */
  feeClockStart?: string;
  /** The client's request to move the booking, waiting for the coach; null when there is none. */
  pendingReschedule?: PendingRescheduleDTO | null;
  history: BookingHistoryEntry[];
  /** How the booking is paid and what was paid and refunded (shared/payment.ts). */
  payment?: BookingPaymentSummary;
  /** What the user receiving this DTO may do next. */
  allowedActions: BookingAction[];
  createdAt: string;
  updatedAt: string;
}

export interface CreateBookingRequest {
  coachId: string;
  sessionTypeId: string;
  start: string;
  notes?: string;
  /**
   * Pay with one credit of a package the caller bought from this coach (its session types must
   * include this one): the booking opens no checkout; 409 `NO_CREDIT_AVAILABLE` without one.
   */
  useCredit?: boolean;
}

/** `GET /api/bookings` */
export interface BookingListQuery {
  role?: BookingParty;
  status?: BookingStatus;
  from?: string;
  to?: string;
  page?: number;
  limit?: number;
  order?: BookingListOrder;
}

export type BookingPage = Page<BookingDTO>;

/** Body of confirm, decline, cancel, complete and no-show. */
export interface BookingTransitionRequest {
  reason?: string;
}

export interface RescheduleBookingRequest {
  start: string;
}

/** The header that makes `POST /api/bookings` retries return the first result. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** Payload of `booking:created` and `booking:updated`, sent to each participant's own room. */
export interface BookingEvent {
  booking: BookingDTO;
}
