import { Router, type RequestHandler } from 'express';
import { requireRole } from '../../../core/auth/auth.middleware.js';
import { validate } from '../../../core/validation.js';
import { createBookingsController } from './bookings.controller.js';
import type { BookingsService, SimpleBookingAction } from './bookings.service.js';
import {
  bookingIdParam,
  createBookingRules,
  listBookingsQuery,
  rescheduleBody,
  transitionBody,
} from './bookings.validation.js';

/** URL segment -> state machine action. */
const ACTION_PATHS: Record<string, SimpleBookingAction> = {
  confirm: 'confirm',
  decline: 'decline',
  cancel: 'cancel',
  complete: 'complete',
  'no-show': 'no_show',
  // The coach's answer to a client's request to move a confirmed booking.
  'approve-reschedule': 'approve_reschedule',
  'decline-reschedule': 'decline_reschedule',
};

/** `/api/bookings`: every route needs a signed-in caller. */
export function createBookingsRouter(deps: {
  bookings: BookingsService;
  authenticated: RequestHandler;
}): Router {
  const controller = createBookingsController(deps.bookings);
  const { authenticated } = deps;
  const router = Router();

  router.post(
    '/',
    authenticated,
    // Clients book; so may a coach, with another coach. Admins do not (the service says why).
    requireRole('client', 'coach'),
    validate(...createBookingRules()),
    controller.create,
  );
  router.get('/', authenticated, validate(listBookingsQuery()), controller.list);
  router.get('/:id', authenticated, validate(bookingIdParam()), controller.get);
  router.get('/:id/ics', authenticated, validate(bookingIdParam()), controller.calendar);
  for (const [path, action] of Object.entries(ACTION_PATHS)) {
    router.post(
      `/:id/${path}`,
      authenticated,
      validate(bookingIdParam(), transitionBody()),
      controller.act(action),
    );
  }
  router.post(
    '/:id/reschedule',
    authenticated,
    validate(bookingIdParam(), rescheduleBody()),
    controller.reschedule,
  );
  return router;
}
