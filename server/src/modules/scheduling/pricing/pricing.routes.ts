import { Router, type RequestHandler } from 'express';
import { principalOf } from '../../../core/auth/auth.middleware.js';
import { AppError } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { userIdParam } from '../../../core/validation-fields.js';
import { createPricingController } from './pricing.controller.js';
import type { PricingService } from './pricing.service.js';
import {
  itemIdParam,
  newDiscountBody,
  newPackageBody,
  patchValuesBody,
  quoteBody,
  replaceValuesBody,
} from './pricing.validation.js';

/** The coach named by `:userId`, or an admin; checked before the body is read. */
const coachOrAdmin: RequestHandler = (req, _res, next) => {
  const caller = principalOf(req);
  if (caller.role !== 'admin' && caller.userId !== req.params.userId) {
    throw new AppError(403, 'FORBIDDEN', 'Only the coach or an admin can change these prices');
  }
  next();
};

/** `/api/prices`: configurations (`/config/:userId...`) and quotes. */
export function createPricingRouter(deps: {
  pricing: PricingService;
  authenticated: RequestHandler;
  maybeAuthenticated: RequestHandler;
}): Router {
  const controller = createPricingController(deps.pricing);
  const router = Router();
  const write = [deps.authenticated, coachOrAdmin];

  router.post('/quote', deps.maybeAuthenticated, validate(quoteBody()), controller.quote);

  router.get(
    '/config/:userId',
    deps.maybeAuthenticated,
    validate(userIdParam()),
    controller.getConfig,
  );
  router.put(
    '/config/:userId',
    ...write,
    validate(userIdParam(), replaceValuesBody()),
    controller.replace,
  );
  router.patch(
    '/config/:userId',
    ...write,
    validate(userIdParam(), patchValuesBody()),
    controller.patch,
  );
  router.post(
    '/config/:userId/discounts',
    ...write,
    validate(userIdParam(), newDiscountBody()),
    controller.addDiscount,
  );
  router.delete(
    '/config/:userId/discounts/:discountId',
    ...write,
    validate(userIdParam(), itemIdParam('discountId')),
    controller.removeDiscount,
  );
  router.post(
    '/config/:userId/packages',
    ...write,
    validate(userIdParam(), newPackageBody()),
    controller.addPackage,
  );
  router.delete(
    '/config/:userId/packages/:packageId',
    ...write,
    validate(userIdParam(), itemIdParam('packageId')),
    controller.removePackage,
  );
  return router;
}
