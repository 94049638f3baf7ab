import type { RequestHandler } from 'express';
import { principalOf } from '../../core/auth/auth.middleware.js';
import { validated } from '../../core/validation.js';
import type { PaymentFlows } from './payment-flows.js';

const SIGNATURE_HEADER = 'stripe-signature';

export function createPaymentsController(flows: PaymentFlows) {
  const webhook: RequestHandler = async (req, res) => {
    // The signature is the validation: nothing in the body is read before it verifies.
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    await flows.handleWebhook(raw, req.get(SIGNATURE_HEADER));
    res.json({ received: true });
  };

  const checkoutReturn: RequestHandler = async (req, res) => {
    const { sessionId } = validated<{ sessionId: string }>(req);
    res.json(await flows.checkoutReturn(principalOf(req), sessionId));
  };

  const checkout: RequestHandler = async (req, res) => {
    const { id } = validated<{ id: string }>(req);
    res.json(await flows.checkout(principalOf(req), id));
  };

  const receipt: RequestHandler = async (req, res) => {
    const { id } = validated<{ id: string }>(req);
    res.json(await flows.receipt(principalOf(req), id));
  };

  return { webhook, checkoutReturn, checkout, receipt };
}
