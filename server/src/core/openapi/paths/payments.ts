import { json, ok, type RouteTable } from '../route-doc.js';

export const PAYMENT_ROUTES: RouteTable = {
  'POST /api/payments/webhook': {
    tag: 'Payments',
    summary: 'The payment provider’s events (Stripe), signed',
    description:
      'The raw body is verified against the `Stripe-Signature` header (`STRIPE_WEBHOOK_SECRET`) before anything in it is read: a bad signature is 400 `WEBHOOK_SIGNATURE_INVALID`. `checkout.session.completed` (paid) moves the booking from `awaiting_payment` to `pending` or `confirmed`; `checkout.session.expired` ends its hold. A replayed event, one for an unknown booking or one arriving out of order is answered 200 and changes nothing (it is logged). 404 while payment is at the session (manual provider).',
    auth: 'public',
    access: 'the payment provider (signed requests)',
    headers: [
      {
        name: 'Stripe-Signature',
        schema: { type: 'string' },
        description: 'Stripe’s signature of the raw body',
        required: true,
      },
    ],
    body: { schema: { type: 'object', description: 'A Stripe event' } },
    responses: { 200: ok(json('WebhookAck')) },
    errors: { 400: ['WEBHOOK_SIGNATURE_INVALID'], 404: ['NOT_FOUND'] },
  },
  'POST /api/payments/checkout-return': {
    tag: 'Payments',
    summary: 'Back from checkout: verify the session and move the booking on',
    description:
      'The provider is asked for the session (the return itself proves nothing); a paid session moves its booking on as the webhook would. Someone else’s or an unknown session is 404; an unpaid one 409 `PAYMENT_NOT_VERIFIED`.',
    auth: 'bearer',
    access: 'the booking’s client (others 404)',
    body: { schema: json('CheckoutReturnRequest') },
    responses: { 200: ok(json('BookingDTO')) },
    errors: {
      404: ['NOT_FOUND'],
      409: ['PAYMENT_NOT_VERIFIED'],
      503: ['PAYMENT_PROVIDER_UNAVAILABLE'],
    },
  },
  'POST /api/bookings/{id}/checkout': {
    tag: 'Payments',
    summary: 'The checkout of a booking awaiting payment, again',
    description:
      'The same checkout as when the booking was made (a closed tab, or a booking made by accepting a proposal). A booking that is not `awaiting_payment` is 409 `INVALID_TRANSITION`.',
    auth: 'bearer',
    access: 'the booking’s client (anyone else 404)',
    params: { id: 'Booking id' },
    responses: { 200: ok(json('CheckoutBookingResponse')) },
    errors: {
      404: ['NOT_FOUND'],
      409: ['INVALID_TRANSITION'],
      503: ['PAYMENT_PROVIDER_UNAVAILABLE'],
    },
  },
  'GET /api/bookings/{id}/receipt': {
    tag: 'Payments',
    summary: 'The booking’s receipt: what was paid, refunded, how and when',
    auth: 'bearer',
    access: 'the booking’s two participants (anyone else 404, admins too)',
    params: { id: 'Booking id' },
    responses: { 200: ok(json('ReceiptDTO')) },
    errors: { 404: ['NOT_FOUND'] },
  },
};
