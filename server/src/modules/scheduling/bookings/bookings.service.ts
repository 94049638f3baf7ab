import type { EventBus } from '../../../core/events/event-bus.js';
import type { ReadCache } from '../../../core/http/read-cache.js';
import type { PendingRequestLimits } from '../../../domain/booking-policies.js';
import { coachFigures } from './booking-figures.js';
import { bookingFigures, createAdminBookingLookup } from './booking-admin-queries.js';
import { createBookingPreview } from './booking-preview.js';
import { createBookingQueries } from './booking-queries.js';
import type { BookingPresenter } from './booking-presenter.js';
import { createStateChanges } from './booking-state-changes.js';
import { createBookingCreator } from './create-booking.js';
import { createRescheduler } from './reschedule-booking.js';
import { createPaymentSteps } from './booking-payment-steps.js';
import { PAY_AT_SESSION, type BookingPayments } from './booking-payments.js';

export type { CoachFigures, CoachFiguresInput } from './booking-figures.js';
export type { AdminBookingLookup, BookingFigures } from './booking-admin-queries.js';
export type { BookingListInput } from './booking-queries.js';
export type { SimpleBookingAction } from './booking-state-changes.js';
export type { BookingPreview } from './booking-preview.js';
export type { CreateOptions, CreateOutcome } from './create-booking.js';
export type { PaymentStepOutcome, PaymentSteps } from './booking-payment-steps.js';
export type { BookingPayments, PayableBooking } from './booking-payments.js';

/**
 * The bookings module's use cases, each in its own file: creating, rescheduling, the state
 * actions, checking a time before it is proposed, and reading. Every committed change publishes its `booking.*` domain event.
 */
export function createBookingsService(deps: {
  presenter: BookingPresenter;
  events: EventBus;
  meetingBaseUrl: string;
  pendingLimits: PendingRequestLimits;
  /** How bookings are paid (the payments module's port); pay at the session without one. */
  payments?: BookingPayments;
  /** Keeps the list reads between changes (server.ts); without one every list reads afresh. */
  reads?: ReadCache;
}) {
  const payments = deps.payments ?? PAY_AT_SESSION;
  const paymentSteps = createPaymentSteps(deps);
  return {
    create: createBookingCreator({ ...deps, payments, steps: paymentSteps }),
    /** The steps the payments module takes: a verified payment, the end of a hold. */
    paymentSteps,
    reschedule: createRescheduler(deps),
    act: createStateChanges(deps),
    preview: createBookingPreview(),
    /** A coach's figures for their overview (aggregates, no booking documents). */
    coachFigures,
    ...createBookingQueries(deps.presenter, deps.reads),
    /** Every booking by status and made per day, for the admin figures. */
    platformFigures: bookingFigures,
    /** Any booking, read-only, for an admin's lookup. */
    adminLookup: createAdminBookingLookup(deps.presenter),
  };
}

export type BookingsService = ReturnType<typeof createBookingsService>;
