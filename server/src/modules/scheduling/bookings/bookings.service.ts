import type { EventBus } from '../../../core/events/event-bus.js';
import type { PendingRequestLimits } from '../../../domain/booking-policies.js';
import { coachFigures } from './booking-figures.js';
import { bookingFigures, createAdminBookingLookup } from './booking-admin-queries.js';
import { createBookingPreview } from './booking-preview.js';
import { createBookingQueries } from './booking-queries.js';
import type { BookingPresenter } from './booking-presenter.js';
import { createStateChanges } from './booking-state-changes.js';
import { createBookingCreator } from './create-booking.js';
import { createRescheduler } from './reschedule-booking.js';

export type { CoachFigures, CoachFiguresInput } from './booking-figures.js';
export type { AdminBookingLookup, BookingFigures } from './booking-admin-queries.js';
export type { BookingListInput } from './booking-queries.js';
export type { SimpleBookingAction } from './booking-state-changes.js';
export type { BookingPreview } from './booking-preview.js';
export type { CreateOptions, CreateOutcome } from './create-booking.js';

/**
 * The bookings module's use cases, each in its own file: creating, rescheduling, the state
 * actions, checking a time before it is proposed, and reading. Every committed change publishes its `booking.*` domain event.
 */
export function createBookingsService(deps: {
  presenter: BookingPresenter;
  events: EventBus;
  meetingBaseUrl: string;
  pendingLimits: PendingRequestLimits;
}) {
  return {
    create: createBookingCreator(deps),
    reschedule: createRescheduler(deps),
    act: createStateChanges(deps),
    preview: createBookingPreview(),
    /** A coach's figures for their overview (aggregates, no booking documents). */
    coachFigures,
    ...createBookingQueries(deps.presenter),
    /** Every booking by status and made per day, for the admin figures. */
    platformFigures: bookingFigures,
    /** Any booking, read-only, for an admin's lookup. */
    adminLookup: createAdminBookingLookup(deps.presenter),
  };
}

export type BookingsService = ReturnType<typeof createBookingsService>;
