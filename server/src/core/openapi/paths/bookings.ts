import { created, json, ok, type RouteDoc, type RouteTable } from '../route-doc.js';

const bookingId = { id: 'Booking id' };

/** Transitions share their shape: `{ reason? }` in, the booking out, decided by the state machine. */
const transition = (summary: string, access: string): RouteDoc => ({
  tag: 'Bookings',
  summary,
  description:
    'Anyone but the two participants gets 404, admins 403. A side that may never take the action gets 403; the wrong state is 409 `INVALID_TRANSITION`.',
  auth: 'bearer',
  access,
  params: bookingId,
  body: { schema: json('BookingTransitionRequest'), required: false },
  responses: { 200: ok(json('BookingDTO')) },
  errors: {
    403: ['FORBIDDEN'],
    404: ['NOT_FOUND'],
    409: ['INVALID_TRANSITION', 'CONFLICT', 'BOOKING_CONFLICT', 'SLOT_UNAVAILABLE'],
  },
});

export const BOOKING_ROUTES: RouteTable = {
  'POST /api/bookings': {
    tag: 'Bookings',
    summary: 'Book a session',
    description:
      '`pending` when the coach approves bookings, else `confirmed` with a meeting link. With a payment provider that collects online (Stripe) the answer is `{ booking, checkoutUrl }`: the booking is `awaiting_payment`, holding its slot for `PAYMENT_HOLD_MINUTES` until the verified payment moves it on; 503 `PAYMENT_PROVIDER_UNAVAILABLE` when the checkout cannot be opened (nothing stays reserved). A repeated `Idempotency-Key` with the same body answers the first booking again (`Idempotent-Replayed: true`). With `useCredit: true` one credit of a package the caller bought from this coach pays it (the purchase that lapses first among those covering the session type): no checkout even with Stripe, `payment.method: credit`; 409 `NO_CREDIT_AVAILABLE` (and no booking) when none is left.',
    auth: 'bearer',
    access: 'clients, and coaches booking another coach (admins and the coach themself get 403)',
    headers: [
      {
        name: 'Idempotency-Key',
        schema: { type: 'string', minLength: 1, maxLength: 200 },
        description: '1-200 visible ASCII characters, per client',
      },
    ],
    body: { schema: json('CreateBookingRequest') },
    responses: {
      201: {
        ...created({ anyOf: [json('BookingDTO'), json('CheckoutBookingResponse')] }),
        headers: { 'Idempotent-Replayed': 'true on a replay' },
      },
    },
    errors: {
      403: ['FORBIDDEN'],
      404: ['NOT_FOUND'],
      409: [
        'BOOKING_CONFLICT',
        'SLOT_UNAVAILABLE',
        'IDEMPOTENCY_KEY_REUSED',
        'TOO_MANY_PENDING_REQUESTS',
        'CONFLICT',
        'NO_CREDIT_AVAILABLE',
      ],
      503: ['PAYMENT_PROVIDER_UNAVAILABLE'],
    },
  },
  'GET /api/bookings': {
    tag: 'Bookings',
    summary: 'The caller’s bookings',
    description: 'Both roles when `role` is absent; sorted by start.',
    auth: 'bearer',
    querySchema: 'BookingListQuery',
    responses: { 200: ok(json('BookingPage')) },
  },
  'GET /api/bookings/{id}': {
    tag: 'Bookings',
    summary: 'One booking',
    auth: 'bearer',
    access: 'the participants and admins (others 404)',
    params: bookingId,
    responses: { 200: ok(json('BookingDTO')) },
    errors: { 404: ['NOT_FOUND'] },
  },
  'GET /api/bookings/{id}/ics': {
    tag: 'Bookings',
    summary: 'The booking as an iCalendar file',
    auth: 'bearer',
    access: 'the participants and admins (others 404)',
    params: bookingId,
    responses: { 200: { description: 'One VEVENT', contentType: 'text/calendar' } },
    errors: { 404: ['NOT_FOUND'] },
  },
  'POST /api/bookings/{id}/confirm': transition('Confirm a request', 'the coach'),
  'POST /api/bookings/{id}/decline': transition('Decline a request', 'the coach'),
  'POST /api/bookings/{id}/cancel': transition(
    'Cancel (with the fee the policy sets)',
    'both sides',
  ),
  'POST /api/bookings/{id}/complete': transition('Mark as held', 'the coach, after the start'),
  'POST /api/bookings/{id}/no-show': transition(
    'Mark the client absent',
    'the coach, after the start',
  ),
  'POST /api/bookings/{id}/approve-reschedule': transition(
    'Move the booking to the time its client asked for',
    'the coach, while a request waits',
  ),
  'POST /api/bookings/{id}/decline-reschedule': transition(
    'Keep the booking at its time',
    'the coach, while a request waits',
  ),
  'POST /api/bookings/{id}/reschedule': {
    ...transition('Move the booking', 'both sides'),
    description:
      'With a coach who approves changes, a client’s move of a confirmed booking is a request: 202 with `pendingReschedule`. A client’s move inside the fee window is 409 `RESCHEDULE_IN_FEE_WINDOW`.',
    body: { schema: json('RescheduleBookingRequest') },
    responses: {
      200: ok(json('BookingDTO'), 'Moved'),
      202: ok(json('BookingDTO'), 'Requested: the coach decides'),
    },
    errors: {
      403: ['FORBIDDEN'],
      404: ['NOT_FOUND'],
      409: [
        'INVALID_TRANSITION',
        'RESCHEDULE_IN_FEE_WINDOW',
        'BOOKING_CONFLICT',
        'SLOT_UNAVAILABLE',
        'CONFLICT',
      ],
    },
  },
};
