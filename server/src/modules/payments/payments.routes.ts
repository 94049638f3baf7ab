import express, { Router, type RequestHandler } from 'express';
import { body, param } from 'express-validator';
import { principalOf } from '../../core/auth/auth.middleware.js';
import { validate, validated } from '../../core/validation.js';
import type { PaymentFlows } from './payment-flows.js';

/** Where the provider posts its events. Its body is read raw (app.ts mounts `rawWebhookBody` first). */
export const WEBHOOK_PATH = '/api/payments/webhook';
const SIGNATURE_HEADER = 'stripe-signature';

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

/** `/api/payments`: the provider's webhook (signed, no token) and the client's checkout return. */
export function createPaymentsRouter(deps: {
  flows: PaymentFlows;
  authenticated: RequestHandler;
}): Router {
  const router = Router();
  router.post('/webhook', async (req, res) => {
    // The signature is the validation: nothing in the body is read before it verifies.
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    await deps.flows.handleWebhook(raw, req.get(SIGNATURE_HEADER));
    res.json({ received: true });
  });
  router.post(
    '/checkout-return',
    deps.authenticated,
    validate(
      body('sessionId')
        .isString()
        .withMessage('Must be a checkout session id')
        .bail()
        .matches(/^[\w-]{1,255}$/)
        .withMessage('Must be a checkout session id'),
    ),
    async (req, res) => {
      const { sessionId } = validated<{ sessionId: string }>(req);
      res.json(await deps.flows.checkoutReturn(principalOf(req), sessionId));
    },
  );
  return router;
}

const bookingIdParam = () => param('id').isMongoId().withMessage('Must be a booking id');

/**
 * `GET /api/bookings/:id/receipt` and `POST /api/bookings/:id/checkout`, mounted beside the
 * bookings routes.
 */
export function createBookingPaymentsRouter(deps: {
  flows: PaymentFlows;
  authenticated: RequestHandler;
}): Router {
  const router = Router();
  router.get('/:id/receipt', deps.authenticated, validate(bookingIdParam()), async (req, res) => {
    const { id } = validated<{ id: string }>(req);
    res.json(await deps.flows.receipt(principalOf(req), id));
  });
  router.post('/:id/checkout', deps.authenticated, validate(bookingIdParam()), async (req, res) => {
    const { id } = validated<{ id: string }>(req);
    res.json(await deps.flows.checkout(principalOf(req), id));
  });
  return router;
}
