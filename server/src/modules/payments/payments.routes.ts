import express, { Router, type RequestHandler } from 'express';
import { body, param } from 'express-validator';
import { validate } from '../../core/validation.js';
import type { PaymentFlows } from './payment-flows.js';
import { createPaymentsController } from './payments.controller.js';

/** Where the provider posts its events. Its body is read raw (app.ts uses `rawWebhookBody`). */
export const WEBHOOK_PATH = '/api/payments/webhook';

/**
 * The webhook's body exactly as sent: the signature covers the bytes, so it is read before the
 * JSON parser (which then leaves it alone).
 */
export function rawWebhookBody(): RequestHandler {
  const raw = express.raw({ type: () => true, limit: '1mb' });
  // Not mounted at the path: a mounted handler would read as a route of its own to the inventory.
  return (req, res, next) => {
    if (req.method === 'POST' && req.path === WEBHOOK_PATH) raw(req, res, next);
    else next();
  };
}

const bookingIdParam = () => param('id').isMongoId().withMessage('Must be a booking id');
/** The checkout session id the provider put in the return URL (bookings' and packages' returns). */
export const sessionIdBody = () =>
  body('sessionId')
    .isString()
    .withMessage('Must be a checkout session id')
    .bail()
    .matches(/^[\w-]{1,255}$/)
    .withMessage('Must be a checkout session id');

/** `/api/payments`: the provider's webhook (signed, no token) and the client's checkout return. */
export function createPaymentsRouter(deps: {
  flows: PaymentFlows;
  authenticated: RequestHandler;
}): Router {
  const controller = createPaymentsController(deps.flows);
  const router = Router();
  router.post('/webhook', controller.webhook);
  router.post(
    '/checkout-return',
    deps.authenticated,
    validate(sessionIdBody()),
    controller.checkoutReturn,
  );
  return router;
}

/**
 * `GET /api/bookings/:id/receipt` and `POST /api/bookings/:id/checkout`, mounted beside the
 * bookings routes.
 */
export function createBookingPaymentsRouter(deps: {
  flows: PaymentFlows;
  authenticated: RequestHandler;
}): Router {
  const controller = createPaymentsController(deps.flows);
  const router = Router();
  router.get('/:id/receipt', deps.authenticated, validate(bookingIdParam()), controller.receipt);
  router.post('/:id/checkout', deps.authenticated, validate(bookingIdParam()), controller.checkout);
  return router;
}
