import { Router, type RequestHandler } from 'express';
import { requireRole, requireSelf } from '../../../core/auth/auth.middleware.js';
import { validate } from '../../../core/validation.js';
import { userIdParam } from '../../../core/validation-fields.js';
import { createAvailabilityController } from './availability.controller.js';
import type { AvailabilityService } from './availability.service.js';
import { availabilityBody } from './availability.validation.js';
import type { SlotsService } from './slots.service.js';
import { slotsQuery } from './slots.validation.js';

export function createAvailabilityRouters(deps: {
  availability: AvailabilityService;
  slots: SlotsService;
  authenticated: RequestHandler;
  maybeAuthenticated: RequestHandler;
}) {
  const controller = createAvailabilityController(deps);

  /** `/api/availability/:userId`: public read, the coach's own replace. */
  const router = Router();
  router.get('/:userId', deps.maybeAuthenticated, validate(userIdParam()), controller.get);
  router.put(
    '/:userId',
    deps.authenticated,
    requireRole('coach'),
    requireSelf(),
    validate(userIdParam(), availabilityBody()),
    controller.replace,
  );

  /** Mounted on `/api/coaches`: `GET /:userId/slots`. */
  const coachRouter = Router();
  coachRouter.get(
    '/:userId/slots',
    deps.maybeAuthenticated,
    validate(userIdParam(), slotsQuery()),
    controller.slots,
  );
  return { router, coachRouter };
}
