import { arrayOf, created, json, ok, pageQuery, type RouteTable } from '../route-doc.js';

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
  'GET /api/coaches/{userId}/packages': {
    tag: 'Payments',
    summary: 'The session packages a coach offers',
    description:
      'The coach’s active packages from their price configuration, in its currency. A coach the caller may not see (not approved, suspended) is 404, as their profile.',
    auth: 'optional',
    params: { userId: 'The coach’s user id' },
    responses: { 200: ok(arrayOf(json('CoachPackageOffer'))) },
    errors: { 404: ['NOT_FOUND'] },
  },
  'POST /api/packages/{packageId}/purchase': {
    tag: 'Payments',
    summary: 'Buy a session package',
    description:
      'The price is the coach’s stored package (nothing is read from the body). With the manual provider the purchase is `active` at once (`method: manual`, paid to the coach directly), its credits lapsing `validityDays` later. With Stripe it is `awaiting_payment` and the answer carries `checkoutUrl`; the verified payment (webhook, or the checkout return) activates it, an expired checkout leaves it `not_paid`. An unknown or inactive package is 404; a coach buying their own 403 `OWN_PACKAGE`. At most 10 a minute per person (429).',
    auth: 'bearer',
    access: 'clients, and coaches buying another coach’s package (admins 403)',
    params: { packageId: 'The package’s id in the coach’s price configuration' },
    responses: { 201: created(json('PurchasePackageResponse')) },
    errors: {
      403: ['FORBIDDEN', 'OWN_PACKAGE'],
      404: ['NOT_FOUND'],
      503: ['PAYMENT_PROVIDER_UNAVAILABLE'],
    },
  },
  'POST /api/packages/purchases/{purchaseId}/checkout-return': {
    tag: 'Payments',
    summary: 'Back from a package’s checkout: verify the session and activate the purchase',
    description:
      'The provider is asked for the session (the return itself proves nothing); a paid one activates the purchase as the webhook would. Someone else’s purchase, or a session that is not its checkout, is 404; an unpaid one 409 `PAYMENT_NOT_VERIFIED`.',
    auth: 'bearer',
    access: 'the buyer (others 404)',
    params: { purchaseId: 'Purchase id' },
    body: { schema: json('CheckoutReturnRequest') },
    responses: {
      200: ok({
        type: 'object',
        properties: { purchase: json('PackagePurchaseDTO') },
        required: ['purchase'],
        additionalProperties: false,
      }),
    },
    errors: {
      404: ['NOT_FOUND'],
      409: ['PAYMENT_NOT_VERIFIED'],
      503: ['PAYMENT_PROVIDER_UNAVAILABLE'],
    },
  },
  'GET /api/users/me/credits': {
    tag: 'Payments',
    summary: 'The caller’s package credits',
    description:
      'Active purchases that have not expired and still have credits, the soonest to lapse first.',
    auth: 'bearer',
    responses: { 200: ok(arrayOf(json('CreditBalance'))) },
  },
  'GET /api/users/me/package-purchases': {
    tag: 'Payments',
    summary: 'The caller’s package purchases, newest first',
    description:
      'Every purchase whatever its status (an active one past its expiry reads `expired`), one page at a time.',
    auth: 'bearer',
    query: pageQuery(),
    responses: { 200: ok(arrayOf(json('PackagePurchaseDTO'))) },
  },
};
