import type { BookingDTO } from '@coachhub/shared/booking';
import type { ConversationPage, MessageDTO } from '@coachhub/shared/conversation';
import type { NotificationPage } from '@coachhub/shared/notification';
import type { PriceConfigurationDTO } from '@coachhub/shared/pricing';
import type { ReportDTO } from '@coachhub/shared/report';
import type { ReviewDTO } from '@coachhub/shared/review';
import type { Role } from '@coachhub/shared/roles';
import type { Test } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPendingCoach, images } from '../../../test/coach-fixtures.js';
import { documentKeyOf } from '../../../test/contract.js';
import { bearer, createUser, sessionFor, type TestUser } from '../../../test/fixtures.js';
import { createPastBooking } from '../../../test/review-fixtures.js';
import { listRoutes } from '../../../test/route-inventory.js';
import { createBookableCoach, futureAt } from '../../../test/scheduling-fixtures.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { enableTwoFactor, passwordStep } from '../../../test/two-factor-fixtures.js';

/*
 * Who may call what: every route x {anonymous, client, other client, coach, other coach, admin,
 * suspended} x {own, someone else's resource}. The table below says, per route, how its
 * resource is named and who passes; the cases are generated from it, and a route the router holds
 * without an entry fails. Every answer also goes through the OpenAPI check of `t.http`.
 *
 * "pass" means the caller got past authorization: anything but 401, 403 and 404 (a state
 * conflict such as 409 INVALID_TRANSITION still passed). The refusals are exact.
 */

type Who = 'anonymous' | 'client' | 'otherClient' | 'coach' | 'otherCoach' | 'admin' | 'suspended';
const CALLERS: Who[] = [
  'anonymous',
  'client',
  'otherClient',
  'coach',
  'otherCoach',
  'admin',
  'suspended',
];
type Outcome = 'pass' | 401 | 403 | 404;
type Side = 'client' | 'coach';

/** The people and things of one booking relationship: a client, their coach, and what they share. */
interface World {
  client: TestUser;
  coach: TestUser;
  types: Record<number, string>;
  booking: string;
  conversation: string;
  /** Sent by the client. */
  message: string;
  /** Proposed by the coach to the client. */
  proposal: string;
  /** The coach's (a booking was made with them). */
  notification: string;
  /** A past session of the two, completed and reviewed by the client. */
  completedBooking: string;
  review: string;
}

/** What a generated case knows when it builds its request. */
interface Case {
  who: Who;
  role: Role | null;
  /** The world whose resource the request names. */
  world: World;
  /** Whether the caller is one of that world's two people, and which side. */
  side: Side | null;
}

interface Entry {
  /** Expected outcome of a case (the route's authorization rule). */
  expect: (c: Case) => Outcome;
  /** The path with its parameters filled from the case's world. */
  path: (c: Case) => string | Promise<string>;
  send?: (req: Test, c: Case) => Test;
  /** Whether the resource is someone's (own/other cases) or the same for everyone. */
  owned?: boolean;
  /** Callers that act as a fresh account of their role (the action would change the fixture's). */
  freshCaller?: (c: Case) => boolean;
  /** The credential is the refresh cookie of a new session of the caller (not the access token). */
  cookie?: true;
}

let t: TestServer;
const tokens: Partial<Record<Who, string>> = {};
const users: Partial<Record<Who, TestUser>> = {};
/** A picture the local storage driver serves under /uploads. */
let uploadPath = '';
const worlds: { A?: World; B?: World } = {};
let slot = 0;

/** A free hour no other case uses: bookings, moves and proposals never collide. */
const nextStart = () => {
  slot += 1;
  return futureAt(2 + Math.floor(slot / 20), `${String(slot % 20).padStart(2, '0')}:00`);
};

const roleOf: Record<Who, Role | null> = {
  anonymous: null,
  client: 'client',
  otherClient: 'client',
  coach: 'coach',
  otherCoach: 'coach',
  admin: 'admin',
  suspended: 'client',
};

/* Rules. */
const open = (): Outcome => 'pass';
const optional = (c: Case): Outcome => (c.who === 'suspended' ? 403 : 'pass');
const signedIn = (c: Case): Outcome | null =>
  c.who === 'anonymous' ? 401 : c.who === 'suspended' ? 403 : null;
const anyone = (c: Case): Outcome => signedIn(c) ?? 'pass';
const roles =
  (...allowed: Role[]) =>
  (c: Case): Outcome =>
    signedIn(c) ?? (c.role && allowed.includes(c.role) ? 'pass' : 403);
const theCoach = (c: Case): Outcome => signedIn(c) ?? (c.side === 'coach' ? 'pass' : 403);
const theCoachOrAdmin = (c: Case): Outcome =>
  signedIn(c) ?? (c.side === 'coach' || c.role === 'admin' ? 'pass' : 403);
const ownTypeOfCoach = (c: Case): Outcome =>
  signedIn(c) ?? (c.role !== 'coach' ? 403 : c.side === 'coach' ? 'pass' : 403);
/** Participants pass; admins read (`adminReads`) or are refused; anyone else learns nothing (404). */
const participants =
  (options: { sides?: Side[]; admin?: Outcome } = {}) =>
  (c: Case): Outcome => {
    const refused = signedIn(c);
    if (refused) return refused;
    if (!c.side) return c.role === 'admin' ? (options.admin ?? 404) : 404;
    return !options.sides || options.sides.includes(c.side) ? 'pass' : 403;
  };
const recipientOnly =
  (side: Side) =>
  (c: Case): Outcome =>
    signedIn(c) ?? (c.side === side ? 'pass' : 404);

/* Paths. */
const fixed = (path: string) => () => path;
const coachPath =
  (suffix = '') =>
  (c: Case) =>
    `/api/coaches/${c.world.coach.id}${suffix}`;
const bookingPath =
  (suffix = '') =>
  (c: Case) =>
    `/api/bookings/${c.world.booking}${suffix}`;
const chatPath =
  (suffix = '') =>
  (c: Case) =>
    `/api/conversations/${c.world.conversation}${suffix}`;
const pricesPath =
  (suffix = '') =>
  (c: Case) =>
    `/api/prices/config/${c.world.coach.id}${suffix}`;

const tokenOfCoach = (world: World) => sessionFor(world.coach).then((s) => s.accessToken);

/** The second sign-in step of a fresh account with two-factor sign-in on (a recovery code). */
let twoFactorLogin: { challengeToken: string; code: string } | undefined;
async function preparedTwoFactorLogin(): Promise<string> {
  const user = await createUser();
  const { recoveryCodes } = await enableTwoFactor(t, (await sessionFor(user)).accessToken);
  twoFactorLogin = { challengeToken: await passwordStep(t, user), code: recoveryCodes[0] ?? '' };
  return '/api/auth/login/two-factor';
}

/** A new item of the world's coach, made by the coach, for a case that may delete it. */
async function newPriceItem(world: World, kind: 'discounts' | 'packages'): Promise<string> {
  const body =
    kind === 'discounts'
      ? { kind: 'early_booking', label: 'Early', active: true, percent: 5, minDaysAhead: 7 }
      : { name: 'Five', sessions: 5, price: 30000, validityDays: 180, active: true };
  const res = await t.http
    .post(`/api/prices/config/${world.coach.id}/${kind}`)
    .set(bearer(await tokenOfCoach(world)))
    .send(body)
    .expect(201);
  const items = (res.body as PriceConfigurationDTO)[kind];
  return items[items.length - 1]?._id ?? '';
}

const BOOKING_TRANSITIONS: Record<string, Side[]> = {
  confirm: ['coach'],
  decline: ['coach'],
  cancel: ['client', 'coach'],
  complete: ['coach'],
  'no-show': ['coach'],
  'approve-reschedule': ['coach'],
  'decline-reschedule': ['coach'],
};

const MATRIX: Record<string, Entry> = {
  'GET /health': { expect: open, path: fixed('/health') },
  'GET /ready': { expect: open, path: fixed('/ready') },
  'GET /uploads/{path}': { expect: open, path: () => uploadPath },
  'POST /api/auth/register': {
    expect: open,
    path: fixed('/api/auth/register'),
    send: (req) =>
      req.send({
        email: `matrix-${(slot += 1)}@example.com`,
        password: 'a fine test password',
        firstName: 'Mat',
        lastName: 'Rix',
      }),
  },
  'POST /api/auth/login': {
    expect: open,
    path: fixed('/api/auth/login'),
    send: (req, c) => req.send({ email: c.world.client.email, password: c.world.client.password }),
  },
  // The refresh cookie decides, not the access token (each case signs in anew for its cookie).
  'POST /api/auth/refresh': {
    expect: (c) => signedIn(c) ?? 'pass',
    cookie: true,
    path: fixed('/api/auth/refresh'),
  },
  'POST /api/auth/logout': { expect: open, cookie: true, path: fixed('/api/auth/logout') },
  // The challenge in the body is the credential, whatever else the caller holds.
  'POST /api/auth/login/two-factor': {
    expect: open,
    path: preparedTwoFactorLogin,
    send: (req) => req.send(twoFactorLogin),
  },
  'GET /api/auth/two-factor': { expect: anyone, path: fixed('/api/auth/two-factor') },
  'POST /api/auth/two-factor/setup': { expect: anyone, path: fixed('/api/auth/two-factor/setup') },
  // Wrong codes or the wrong state (400, 409): past authorization, nothing changes.
  'POST /api/auth/two-factor/enable': {
    expect: anyone,
    path: fixed('/api/auth/two-factor/enable'),
    send: (req) => req.send({ code: '123456' }),
  },
  'POST /api/auth/two-factor/disable': {
    expect: anyone,
    path: fixed('/api/auth/two-factor/disable'),
    send: (req) => req.send({ code: '123456' }),
  },
  'POST /api/auth/two-factor/recovery-codes': {
    expect: anyone,
    path: fixed('/api/auth/two-factor/recovery-codes'),
    send: (req) => req.send({ code: '123456' }),
  },
  'GET /api/auth/sessions': { expect: anyone, path: fixed('/api/auth/sessions') },
  'POST /api/auth/sessions/revoke-others': {
    expect: anyone,
    path: fixed('/api/auth/sessions/revoke-others'),
    // Fresh accounts: the fixture users keep the other sessions the cases open for them.
    freshCaller: (c) => c.who !== 'anonymous' && c.who !== 'suspended',
  },
  // A new session of the resource's owner: the caller's own, or someone else's (404).
  'DELETE /api/auth/sessions/{id}': {
    expect: (c) => signedIn(c) ?? (c.side ? 'pass' : 404),
    owned: true,
    path: async (c) => {
      const owner = c.side === 'coach' || c.role === 'coach' ? c.world.coach : c.world.client;
      return `/api/auth/sessions/${(await sessionFor(owner)).sessionId}`;
    },
  },
  'GET /api/users/me': { expect: anyone, path: fixed('/api/users/me') },
  'PATCH /api/users/me': {
    expect: anyone,
    path: fixed('/api/users/me'),
    send: (req) => req.send({ timeZone: 'Europe/Berlin' }),
  },
  'POST /api/users/me/profile-picture': {
    expect: anyone,
    path: fixed('/api/users/me/profile-picture'),
    send: (req) => req.attach('file', images.png(), 'me.png'),
  },
  'POST /api/users/me/password': {
    // A wrong current password (400): past authorization, and every session stays.
    expect: anyone,
    path: fixed('/api/users/me/password'),
    send: (req) =>
      req.send({ currentPassword: 'not the password at all', newPassword: 'another fine one!' }),
  },
  'POST /api/users/me/become-coach': {
    // Clients become coaches (as fresh accounts here); admins are refused; a coach is 409.
    expect: (c) => signedIn(c) ?? (c.role === 'admin' ? 403 : 'pass'),
    path: fixed('/api/users/me/become-coach'),
    send: (req) => req.send({}),
    freshCaller: (c) => c.who === 'client' || c.who === 'otherClient',
  },
  'GET /api/users/me/notification-preferences': {
    expect: anyone,
    path: fixed('/api/users/me/notification-preferences'),
  },
  'PUT /api/users/me/notification-preferences': {
    expect: anyone,
    path: fixed('/api/users/me/notification-preferences'),
    send: (req) => req.send({ email: { 'booking.reminder': false } }),
  },
  'GET /api/coaches': { expect: open, path: fixed('/api/coaches') },
  'POST /api/coaches/match': {
    expect: optional,
    path: fixed('/api/coaches/match'),
    send: (req) => req.send({ specialties: ['career'] }),
  },
  'GET /api/coaches/{userId}': { expect: optional, owned: true, path: coachPath() },
  'PATCH /api/coaches/{userId}': {
    expect: theCoach,
    owned: true,
    path: coachPath(),
    send: (req) => req.send({ headline: 'Coaching for people who test' }),
  },
  'POST /api/coaches/{userId}/profile-picture': {
    expect: theCoach,
    owned: true,
    path: coachPath('/profile-picture'),
    send: (req) => req.attach('file', images.png(1), 'coach.png'),
  },
  'GET /api/coaches/{userId}/session-types': {
    expect: optional,
    owned: true,
    path: coachPath('/session-types'),
  },
  'GET /api/coaches/{userId}/slots': {
    expect: optional,
    owned: true,
    path: (c) =>
      `/api/coaches/${c.world.coach.id}/slots?sessionTypeId=${c.world.types[60]}&from=${futureAt(3, '00:00')}&to=${futureAt(4, '00:00')}`,
  },
  'POST /api/session-types': {
    expect: roles('coach'),
    path: fixed('/api/session-types'),
    send: (req) => req.send({ title: `Matrix ${(slot += 1)}`, durationMinutes: 45, mode: 'video' }),
  },
  'PATCH /api/session-types/{id}': {
    expect: ownTypeOfCoach,
    owned: true,
    path: (c) => `/api/session-types/${c.world.types[30]}`,
    send: (req) => req.send({ description: 'Half an hour' }),
  },
  'DELETE /api/session-types/{id}': {
    expect: ownTypeOfCoach,
    owned: true,
    // Each case deletes a type of its own, so a pass leaves the others' cases their target.
    path: async (c) => {
      const res = await t.http
        .post('/api/session-types')
        .set(bearer(await tokenOfCoach(c.world)))
        .send({ title: `Disposable ${(slot += 1)}`, durationMinutes: 30, mode: 'video' })
        .expect(201);
      return `/api/session-types/${(res.body as { _id: string })._id}`;
    },
  },
  'GET /api/availability/{userId}': {
    expect: optional,
    owned: true,
    path: (c) => `/api/availability/${c.world.coach.id}`,
  },
  'PUT /api/availability/{userId}': {
    expect: (c) => signedIn(c) ?? (c.side === 'coach' ? 'pass' : 403),
    owned: true,
    path: (c) => `/api/availability/${c.world.coach.id}`,
    send: (req) =>
      req.send({
        timeZone: 'UTC',
        weekly: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
        overrides: [],
        settings: {
          bufferBeforeMinutes: 0,
          bufferAfterMinutes: 0,
          minNoticeHours: 0,
          maxDaysAhead: 60,
          dailyLimit: 0,
          requiresApproval: false,
          cancellationPolicy: { freeUntilHours: 24, feePercent: 50 },
        },
      }),
  },
  'POST /api/prices/quote': {
    expect: optional,
    owned: true,
    path: fixed('/api/prices/quote'),
    send: (req, c) =>
      req.send({ coachId: c.world.coach.id, sessionTypeId: c.world.types[60], start: nextStart() }),
  },
  'GET /api/prices/config/{userId}': { expect: optional, owned: true, path: pricesPath() },
  'PUT /api/prices/config/{userId}': {
    expect: theCoachOrAdmin,
    owned: true,
    path: pricesPath(),
    send: (req) =>
      req.send({
        currency: 'EUR',
        baseHourlyRate: 8000,
        sessionTypeRates: [],
        discounts: [],
        packages: [],
      }),
  },
  'PATCH /api/prices/config/{userId}': {
    expect: theCoachOrAdmin,
    owned: true,
    path: pricesPath(),
    send: (req) => req.send({ baseHourlyRate: 9000 }),
  },
  'POST /api/prices/config/{userId}/discounts': {
    expect: theCoachOrAdmin,
    owned: true,
    path: pricesPath('/discounts'),
    send: (req) => req.send({ kind: 'first_session', label: 'Welcome', active: true, percent: 10 }),
  },
  'DELETE /api/prices/config/{userId}/discounts/{discountId}': {
    expect: theCoachOrAdmin,
    owned: true,
    path: async (c) => pricesPath(`/discounts/${await newPriceItem(c.world, 'discounts')}`)(c),
  },
  'POST /api/prices/config/{userId}/packages': {
    expect: theCoachOrAdmin,
    owned: true,
    path: pricesPath('/packages'),
    send: (req) =>
      req.send({ name: 'Three', sessions: 3, price: 20000, validityDays: 90, active: true }),
  },
  'DELETE /api/prices/config/{userId}/packages/{packageId}': {
    expect: theCoachOrAdmin,
    owned: true,
    path: async (c) => pricesPath(`/packages/${await newPriceItem(c.world, 'packages')}`)(c),
  },
  'POST /api/bookings': {
    // Clients book any coach; a coach books another coach, never themself; admins never.
    expect: (c) => signedIn(c) ?? (c.role === 'admin' ? 403 : c.side === 'coach' ? 403 : 'pass'),
    owned: true,
    path: fixed('/api/bookings'),
    send: (req, c) =>
      req.send({ coachId: c.world.coach.id, sessionTypeId: c.world.types[60], start: nextStart() }),
  },
  'GET /api/bookings': { expect: anyone, path: fixed('/api/bookings') },
  'GET /api/bookings/{id}': {
    expect: participants({ admin: 'pass' }),
    owned: true,
    path: bookingPath(),
  },
  'GET /api/bookings/{id}/ics': {
    expect: participants({ admin: 'pass' }),
    owned: true,
    path: bookingPath('/ics'),
  },
  ...Object.fromEntries(
    Object.entries(BOOKING_TRANSITIONS).map(([action, sides]): [string, Entry] => [
      `POST /api/bookings/{id}/${action}`,
      {
        expect: participants({ sides, admin: 403 }),
        owned: true,
        path: bookingPath(`/${action}`),
        send: (req) => req.send({}),
      },
    ]),
  ),
  // What was paid and refunded: the two participants only; admins and anyone else 404.
  'GET /api/bookings/{id}/receipt': {
    expect: participants(),
    owned: true,
    path: bookingPath('/receipt'),
  },
  // The booking's client only (the world's booking awaits no payment: 409, past the door).
  'POST /api/bookings/{id}/checkout': {
    expect: recipientOnly('client'),
    owned: true,
    path: bookingPath('/checkout'),
  },
  // The matrix runs the manual provider (pay at the session): there is no webhook to take (404
  // for every caller); payments.test.ts checks the signed webhook with Stripe.
  'POST /api/payments/webhook': {
    expect: () => 404,
    path: fixed('/api/payments/webhook'),
    send: (req) => req.set('Stripe-Signature', 't=1,v1=0').send({ id: 'evt_1' }),
  },
  // Only the booking's client has its checkout; with the manual provider there is none (404).
  'POST /api/payments/checkout-return': {
    expect: (c) => signedIn(c) ?? 404,
    path: fixed('/api/payments/checkout-return'),
    send: (req) => req.send({ sessionId: 'cs_test_unknown' }),
  },
  'GET /api/coaches/{userId}/packages': {
    expect: optional,
    owned: true,
    path: coachPath('/packages'),
  },
  // Clients and other coaches buy (the manual provider: active at once); the coach's own 403
  // OWN_PACKAGE; admins 403.
  'POST /api/packages/{packageId}/purchase': {
    expect: (c) => signedIn(c) ?? (c.role === 'admin' || c.side === 'coach' ? 403 : 'pass'),
    owned: true,
    path: async (c) => `/api/packages/${await newPriceItem(c.world, 'packages')}/purchase`,
  },
  // The buyer only; with the manual provider there is no checkout to come back from (404).
  'POST /api/packages/purchases/{purchaseId}/checkout-return': {
    expect: (c) => signedIn(c) ?? 404,
    path: fixed('/api/packages/purchases/5f0000000000000000000001/checkout-return'),
    send: (req) => req.send({ sessionId: 'cs_test_unknown' }),
  },
  'GET /api/users/me/credits': { expect: anyone, path: fixed('/api/users/me/credits') },
  'GET /api/users/me/package-purchases': {
    expect: anyone,
    path: fixed('/api/users/me/package-purchases'),
  },
  'POST /api/bookings/{id}/reschedule': {
    expect: participants({ sides: ['client', 'coach'], admin: 403 }),
    owned: true,
    path: bookingPath('/reschedule'),
    send: (req) => req.send({ start: nextStart() }),
  },
  // The booking's client only (a repeat is 409 ALREADY_REVIEWED: past the door); others 404.
  'POST /api/reviews': {
    expect: recipientOnly('client'),
    owned: true,
    path: fixed('/api/reviews'),
    send: (req, c) => req.send({ bookingId: c.world.completedBooking, rating: 5 }),
  },
  'GET /api/reviews/mine': { expect: anyone, path: fixed('/api/reviews/mine') },
  'POST /api/reviews/{id}/response': {
    expect: recipientOnly('coach'),
    owned: true,
    path: (c) => `/api/reviews/${c.world.review}/response`,
    send: (req) => req.send({ body: 'Thank you for the review' }),
  },
  'GET /api/coaches/{userId}/reviews': {
    expect: optional,
    owned: true,
    path: coachPath('/reviews'),
  },
  'GET /api/notifications': { expect: anyone, path: fixed('/api/notifications') },
  'POST /api/notifications/read-all': {
    expect: anyone,
    path: fixed('/api/notifications/read-all'),
  },
  'POST /api/notifications/{id}/read': {
    expect: recipientOnly('coach'),
    owned: true,
    path: (c) => `/api/notifications/${c.world.notification}/read`,
  },
  'GET /api/conversations': { expect: anyone, path: fixed('/api/conversations') },
  'POST /api/conversations': {
    // A direct conversation with the world's coach (a coach with themself is refused as input).
    expect: anyone,
    owned: true,
    path: fixed('/api/conversations'),
    send: (req, c) => req.send({ participantId: c.world.coach.id }),
  },
  'GET /api/conversations/{id}': { expect: participants(), owned: true, path: chatPath() },
  'GET /api/conversations/{id}/messages': {
    expect: participants(),
    owned: true,
    path: chatPath('/messages'),
  },
  'POST /api/conversations/{id}/messages': {
    expect: participants(),
    owned: true,
    path: chatPath('/messages'),
    send: (req) => req.send({ body: 'Hello from the matrix' }),
  },
  'POST /api/conversations/{id}/read': {
    expect: participants(),
    owned: true,
    path: chatPath('/read'),
  },
  'POST /api/conversations/{id}/proposals': {
    expect: participants(),
    owned: true,
    path: chatPath('/proposals'),
    send: (req, c) => req.send({ sessionTypeId: c.world.types[30], start: nextStart() }),
  },
  'PATCH /api/messages/{id}': {
    expect: participants({ sides: ['client'] }),
    owned: true,
    path: (c) => `/api/messages/${c.world.message}`,
    send: (req) => req.send({ body: 'Edited by the matrix' }),
  },
  'DELETE /api/messages/{id}': {
    expect: participants(),
    owned: true,
    path: (c) => `/api/messages/${c.world.message}?for=me`,
  },
  'POST /api/proposals/{id}/accept': {
    expect: participants({ sides: ['client'] }),
    owned: true,
    path: (c) => `/api/proposals/${c.world.proposal}/accept`,
  },
  'POST /api/proposals/{id}/decline': {
    expect: participants(),
    owned: true,
    path: (c) => `/api/proposals/${c.world.proposal}/decline`,
  },
  'POST /api/admin/users/{id}/suspend': {
    expect: roles('admin'),
    path: async () => `/api/admin/users/${(await createUser()).id}/suspend`,
    send: (req) => req.send({ reason: 'Matrix' }),
  },
  'POST /api/admin/users/{id}/reinstate': {
    expect: roles('admin'),
    path: async () =>
      `/api/admin/users/${(await createUser({ status: 'suspended' })).id}/reinstate`,
    send: (req) => req.send({ reason: 'Matrix' }),
  },
  'GET /api/admin/audit-log': { expect: roles('admin'), path: fixed('/api/admin/audit-log') },
  'GET /api/admin/coaches/pending': {
    expect: roles('admin'),
    path: fixed('/api/admin/coaches/pending'),
  },
  'POST /api/admin/coaches/{userId}/approve': {
    expect: roles('admin'),
    path: async () => `/api/admin/coaches/${(await createPendingCoach()).id}/approve`,
    send: (req) => req.send({}),
  },
  'POST /api/admin/coaches/{userId}/reject': {
    expect: roles('admin'),
    path: async () => `/api/admin/coaches/${(await createPendingCoach()).id}/reject`,
    send: (req) => req.send({ reason: 'Incomplete' }),
  },
  'GET /api/admin/stats': { expect: roles('admin'), path: fixed('/api/admin/stats') },
  'GET /api/admin/users': { expect: roles('admin'), path: fixed('/api/admin/users?q=a') },
  'POST /api/admin/users/{id}/warn': {
    expect: roles('admin'),
    path: (c) => `/api/admin/users/${c.world.client.id}/warn`,
    send: (req) => req.send({ reason: 'Rude messages' }),
  },
  'GET /api/admin/reports': { expect: roles('admin'), path: fixed('/api/admin/reports') },
  'GET /api/admin/reports/{id}': {
    expect: roles('admin'),
    path: async (c) => `/api/admin/reports/${await newReport(c.world)}`,
  },
  'POST /api/admin/reports/{id}/resolve': {
    expect: roles('admin'),
    path: async (c) => `/api/admin/reports/${await newReport(c.world)}/resolve`,
    send: (req) => req.send({ action: 'dismiss', note: 'Nothing wrong' }),
  },
  'GET /api/admin/reviews': { expect: roles('admin'), path: fixed('/api/admin/reviews') },
  'POST /api/admin/reviews/{id}/hide': {
    expect: roles('admin'),
    path: async (c) => `/api/admin/reviews/${await newReview(c.world)}/hide`,
    send: (req) => req.send({ reason: 'Abusive' }),
  },
  'POST /api/admin/reviews/{id}/restore': {
    // A visible review: 409 INVALID_TRANSITION for admins, past authorization.
    expect: roles('admin'),
    path: async (c) => `/api/admin/reviews/${await newReview(c.world)}/restore`,
    send: (req) => req.send({ reason: 'Appeal' }),
  },
  'GET /api/admin/bookings': {
    expect: roles('admin'),
    path: (c) => `/api/admin/bookings?clientId=${c.world.client.id}`,
  },
  // Anyone signed in reports what they can see (a coach naming themself is 400: past the door).
  'POST /api/reports': {
    expect: anyone,
    path: fixed('/api/reports'),
    send: (req, c) => req.send({ targetType: 'coach', targetId: c.world.coach.id, reason: 'spam' }),
  },
  // The caller's own figures: the URL names nobody.
  'GET /api/dashboard/coach': { expect: roles('coach'), path: fixed('/api/dashboard/coach') },
  'GET /api/dev/outbox': { expect: open, path: fixed('/api/dev/outbox') },
  'GET /api/openapi.json': { expect: open, path: fixed('/api/openapi.json') },
  'GET /api/docs': { expect: open, path: fixed('/api/docs') },
  'GET /api/docs/{asset}': { expect: open, path: fixed('/api/docs/init.js') },
};

/** A new review by the world's client of another completed session with its coach. */
async function newReview(world: World): Promise<string> {
  const bookingId = await createPastBooking(
    { user: world.coach, types: world.types },
    world.client,
  );
  const res = await t.http
    .post('/api/reviews')
    .set(bearer((await sessionFor(world.client)).accessToken))
    .send({ bookingId, rating: 2, comment: 'Not great' })
    .expect(201);
  return (res.body as ReviewDTO)._id;
}

/** A new open report by the world's client about a fresh account. */
async function newReport(world: World): Promise<string> {
  const target = await createUser();
  const res = await t.http
    .post('/api/reports')
    .set(bearer((await sessionFor(world.client)).accessToken))
    .send({ targetType: 'user', targetId: target.id, reason: 'harassment' })
    .expect(201);
  return (res.body as ReportDTO)._id;
}

async function makeWorld(): Promise<World> {
  const coach = await createBookableCoach();
  const client = await createUser();
  const clientToken = (await sessionFor(client)).accessToken;
  const coachToken = (await sessionFor(coach.user)).accessToken;
  const booked = await t.http
    .post('/api/bookings')
    .set(bearer(clientToken))
    .send({ coachId: coach.user.id, sessionTypeId: coach.types[60], start: nextStart() })
    .expect(201);
  await t.server.events.settled();
  const chats = await t.http.get('/api/conversations').set(bearer(clientToken)).expect(200);
  const conversation = (chats.body as ConversationPage).items[0]?._id ?? '';
  const sent = await t.http
    .post(`/api/conversations/${conversation}/messages`)
    .set(bearer(clientToken))
    .send({ body: 'Hello' })
    .expect(201);
  const proposed = await t.http
    .post(`/api/conversations/${conversation}/proposals`)
    .set(bearer(coachToken))
    .send({ sessionTypeId: coach.types[30], start: nextStart() })
    .expect(201);
  await t.server.events.settled();
  const inbox = await t.http.get('/api/notifications').set(bearer(coachToken)).expect(200);
  const completedBooking = await createPastBooking(coach, client);
  const reviewed = await t.http
    .post('/api/reviews')
    .set(bearer(clientToken))
    .send({ bookingId: completedBooking, rating: 4, comment: 'Helpful' })
    .expect(201);
  return {
    client,
    coach: coach.user,
    types: coach.types,
    booking: (booked.body as BookingDTO)._id,
    conversation,
    message: (sent.body as MessageDTO)._id,
    proposal: (proposed.body as MessageDTO)._id,
    notification: (inbox.body as NotificationPage).items[0]?._id ?? '',
    completedBooking,
    review: (reviewed.body as ReviewDTO)._id,
  };
}

beforeAll(async () => {
  t = await startTestServer(import.meta.filename, {
    RATE_LIMIT_API_PER_MINUTE: '0',
    RATE_LIMIT_LOGIN_PER_IP: '0',
    RATE_LIMIT_LOGIN_PER_ACCOUNT: '0',
    RATE_LIMIT_REGISTER_PER_IP: '0',
    RATE_LIMIT_REFRESH_PER_IP: '0',
    LOG_LEVEL: 'silent',
  });
  [worlds.A, worlds.B] = [await makeWorld(), await makeWorld()];
  const admin = await createUser({ role: 'admin' });
  const suspended = await createUser({ status: 'suspended' });
  const people: [Who, TestUser][] = [
    ['client', worlds.A.client],
    ['coach', worlds.A.coach],
    ['otherClient', worlds.B.client],
    ['otherCoach', worlds.B.coach],
    ['admin', admin],
    ['suspended', suspended],
  ];
  for (const [who, user] of people) {
    users[who] = user;
    tokens[who] = (await sessionFor(user)).accessToken;
  }
  const picture = await t.http
    .post('/api/users/me/profile-picture')
    .set(bearer(tokens.admin ?? ''))
    .attach('file', images.png(2), 'admin.png')
    .expect(200);
  uploadPath = (picture.body as { profilePicture: { url: string } }).profilePicture.url;
}, 60_000);

afterAll(async () => {
  await t?.close();
});

/** Each caller against their own world's resource and someone else's (where that differs). */
function casesOf(entry: Entry): Case[] {
  const A = worlds.A as World;
  const B = worlds.B as World;
  const cases: Case[] = [];
  for (const who of CALLERS) {
    const role = roleOf[who];
    const home = who === 'client' || who === 'coach' ? A : who.startsWith('other') ? B : null;
    const side: Side | null = home ? (role === 'coach' ? 'coach' : 'client') : null;
    if (entry.owned && home) {
      cases.push({ who, role, world: home, side });
      // Someone else's: the other world.
      cases.push({ who, role, world: home === A ? B : A, side: null });
    } else {
      cases.push({ who, role, world: A, side: home === A ? side : null });
    }
  }
  return cases;
}

/** The credential of the case's caller: an Authorization or a Cookie header, or none. */
async function credentialsFor(entry: Entry, c: Case): Promise<Record<string, string>> {
  if (c.who === 'anonymous') return {};
  if (entry.cookie) {
    const user = users[c.who];
    return user ? { Cookie: (await sessionFor(user)).refreshCookie } : {};
  }
  const token = await tokenFor(entry, c);
  return token ? bearer(token) : {};
}

async function tokenFor(entry: Entry, c: Case): Promise<string | undefined> {
  if (entry.freshCaller?.(c)) {
    return (await sessionFor(await createUser({ role: c.role ?? 'client' }))).accessToken;
  }
  return tokens[c.who];
}

const methodOf = (key: string) => (key.split(' ')[0] ?? 'GET').toLowerCase();

describe('authorization matrix', () => {
  it('has an entry for every route the router holds', async () => {
    const routes = (await listRoutes(t.server.app)).map(documentKeyOf);
    // Add the route to MATRIX: who may call it, and whose resource it names.
    expect(routes.filter((key) => !MATRIX[key])).toEqual([]);
    expect(Object.keys(MATRIX).filter((key) => !routes.includes(key))).toEqual([]);
  });

  it.each(Object.keys(MATRIX))(
    '%s',
    async (key) => {
      const entry = MATRIX[key] as Entry;
      const wrong: string[] = [];
      for (const c of casesOf(entry)) {
        const expected = entry.expect(c);
        const path = await entry.path(c);
        const method = methodOf(key) as 'get' | 'post' | 'put' | 'patch' | 'delete';
        let req = t.http[method](path).set(await credentialsFor(entry, c));
        if (entry.send) req = entry.send(req, c);
        const res = await req;
        const passed = ![401, 403, 404].includes(res.status);
        const ok = expected === 'pass' ? passed : res.status === expected;
        if (!ok) {
          const whose = c.side ? 'own' : entry.owned ? "someone else's" : '-';
          const code = (res.body as { error?: { code?: string } }).error?.code ?? '';
          wrong.push(`${c.who} (${whose}): expected ${expected}, got ${res.status} ${code}`);
        }
      }
      expect(wrong).toEqual([]);
      // Sign-in routes hash or compare a password (bcrypt) in most of their cases.
    },
    60_000,
  );
});
