import type { BookingDTO } from '@coachhub/shared/booking';
import mongoose, { type ClientSession } from 'mongoose';
import type { Actor } from '../../../core/auth/principal.js';
import { isDuplicateKeyError } from '../../../core/db/duplicate-key.js';
import { AppError, notFound } from '../../../core/errors.js';
import type { EventBus } from '../../../core/events/event-bus.js';
import type { PendingRequestLimits } from '../../../domain/booking-policies.js';
import { findVisibleCoachSummary } from '../../coaches/coach-visibility.js';
import { loadAvailability } from '../availability/availability-store.js';
import { lockSchedules, prepareScheduleLocks } from '../schedule-lock/schedule-lock.js';
import {
  findBookableSessionType,
  type BookableSessionType,
} from '../session-types/session-type-lookup.js';
import { MINUTE_MS } from './booking-access.js';
import { bookingChange } from './booking-events.js';
import {
  assertSameRequest,
  fingerprintOf,
  findByIdempotencyKey,
  type CreateBookingInput,
} from './booking-idempotency.js';
import type { BookingPresenter } from './booking-presenter.js';
import { assertBookable, type SlotRequest } from './booking-slot-check.js';
import type { BookingRecord } from './booking.model.js';
import { insertBooking, type Attempt } from './new-booking.js';
import type { PaymentSteps } from './booking-payment-steps.js';
import { toPayable, type BookingPayments } from './booking-payments.js';
import { assertPendingRequestsFit } from './pending-requests.js';

export interface CreateOutcome {
  booking: BookingDTO;
  /** false: a retry with the same Idempotency-Key, answered with the first booking. */
  created: boolean;
  /** With a provider that collects online: where the client pays (the booking awaits it). */
  checkoutUrl?: string;
}

/** The transaction's answer: the new booking, or the first one made with this request's key. */
type Written = { created: BookingRecord } | { replayOf: BookingRecord };

function assertMayBook(caller: Actor, coachId: string): void {
  if (caller.role === 'admin') {
    throw new AppError(403, 'FORBIDDEN', 'Admin accounts do not book sessions');
  }
  if (caller.userId === coachId) {
    throw new AppError(403, 'FORBIDDEN', 'Coaches cannot book their own sessions');
  }
}

/**
 * `agreed`: both sides already said yes to this time in their conversation (an accepted
 * proposal), so the booking is confirmed even when the coach approves requests.
 */
export interface CreateOptions {
  agreed?: boolean;
}

/** The checks of one time for one session type, on what `session` sees (committed data without). */
export async function slotRequest(
  attempt: Attempt,
  sessionType: Pick<BookableSessionType, 'durationMinutes'>,
  session?: ClientSession,
): Promise<SlotRequest> {
  const { start } = attempt.request;
  return {
    coachId: attempt.coachId,
    clientId: attempt.clientId,
    start,
    end: new Date(start.getTime() + sessionType.durationMinutes * MINUTE_MS),
    durationMinutes: sessionType.durationMinutes,
    availability: await loadAvailability(attempt.coachId, {
      coachTimeZone: attempt.coachTimeZone,
      ...(session ? { session } : {}),
    }),
    now: new Date(),
    ...(session ? { session } : {}),
  };
}

/**
 * Books a slot for the caller (a client, or any user other than the coach; admins do not book).
 * One transaction: the coach's and the client's schedule locks first, then every check on what
 * the transaction sees, then the insert. Concurrent requests for overlapping times bump the same
 * lock document, so the database lets one commit and retries the others, which then see its
 * booking and answer 409 BOOKING_CONFLICT. With `useCredit` the credit is taken in the same
 * transaction (the port's `reserveCredit`): without one the whole booking is rolled back (409
 * NO_CREDIT_AVAILABLE). A request that would wait for the coach's approval
 * is also counted against the client's pending requests there (409 TOO_MANY_PENDING_REQUESTS).
 * `booking.created` is published after the commit.
 */
export function createBookingCreator(deps: {
  presenter: BookingPresenter;
  events: EventBus;
  meetingBaseUrl: string;
  pendingLimits: PendingRequestLimits;
  payments: BookingPayments;
  steps: PaymentSteps;
}) {
  const { payments } = deps;
  /**
   * The checkout of a booking made to be paid online (again for a retry). If the provider cannot
   * open one, the hold is released at once, so the slot does not stay blocked for nothing.
   */
  async function checkoutOf(booking: BookingRecord): Promise<string | undefined> {
    if (!booking.paymentHold) return undefined;
    try {
      return (await payments.startCheckout(toPayable(booking))).checkoutUrl;
    } catch (error) {
      if (booking.status === 'awaiting_payment') {
        await deps.steps.holdEnded(booking._id.toString(), { early: true });
      }
      throw error;
    }
  }

  async function write(
    attempt: Attempt,
    prescreen: SlotRequest,
    options: CreateOptions,
  ): Promise<Written> {
    const { clientId, coachId, idempotencyKey } = attempt;
    return mongoose.connection.transaction(async (session): Promise<Written> => {
      // On committed data, without the locks: once a competing booking has committed, a
      // retried attempt answers at once instead of queueing for the lock. Never admits.
      try {
        await assertBookable({ ...prescreen, now: new Date(), quick: true });
      } catch (error) {
        // The booking in the way may be this request's own first attempt (same key).
        const committed = await findByIdempotencyKey(clientId, idempotencyKey);
        if (committed) return { replayOf: committed };
        throw error;
      }
      await lockSchedules([coachId, clientId], session);
      // Same client, same key, a moment ago: the lock made us wait for it; answer with it.
      const first = await findByIdempotencyKey(clientId, idempotencyKey, session);
      if (first) return { replayOf: first };
      const sessionType = await findBookableSessionType(
        coachId,
        attempt.request.sessionTypeId,
        session,
      );
      if (!sessionType) throw notFound('Session type');
      const slot = { ...(await slotRequest(attempt, sessionType, session)), session };
      await assertBookable(slot);
      const requiresApproval = !options.agreed && slot.availability.settings.requiresApproval;
      // Counted under the client's lock: parallel requests of one client cannot all pass.
      if (requiresApproval)
        await assertPendingRequestsFit(clientId, coachId, deps.pendingLimits, session);
      const withCredit = attempt.request.useCredit === true;
      const created = await insertBooking(
        attempt,
        sessionType,
        slot,
        requiresApproval,
        deps.meetingBaseUrl,
        // A credit pays it: no checkout and no hold, even when the provider collects online.
        payments.collectsOnline && !withCredit ? payments.holdMinutes : null,
      );
      // In this transaction: a booking whose credit cannot be taken is never committed (409).
      if (withCredit) {
        await payments.reserveCredit(
          {
            bookingId: created._id.toString(),
            clientId,
            coachId,
            sessionTypeId: sessionType._id.toString(),
            now: slot.now,
          },
          session,
        );
      }
      return { created };
    });
  }

  async function replay(
    first: BookingRecord,
    request: CreateBookingInput,
    clientId: string,
  ): Promise<CreateOutcome> {
    assertSameRequest(first, fingerprintOf(request));
    const checkoutUrl = await checkoutOf(first);
    return {
      booking: await deps.presenter.presentOne(first, clientId),
      created: false,
      ...(checkoutUrl === undefined ? {} : { checkoutUrl }),
    };
  }

  return async function create(
    caller: Actor,
    request: CreateBookingInput,
    idempotencyKey: string | undefined,
    options: CreateOptions = {},
  ): Promise<CreateOutcome> {
    assertMayBook(caller, request.coachId);
    const clientId = caller.userId;
    const earlier = await findByIdempotencyKey(clientId, idempotencyKey);
    if (earlier) return replay(earlier, request, clientId);
    const coach = await findVisibleCoachSummary(request.coachId, caller);
    const attempt: Attempt = {
      request,
      clientId,
      coachId: request.coachId,
      idempotencyKey,
      coachTimeZone: coach.timeZone,
    };
    const offered = await findBookableSessionType(attempt.coachId, request.sessionTypeId);
    if (!offered) throw notFound('Session type');
    const prescreen = await slotRequest(attempt, offered);

    await prepareScheduleLocks([attempt.coachId, clientId]);
    let written: Written;
    try {
      written = await write(attempt, prescreen, options);
    } catch (error) {
      // Only possible when a retry slipped in between, e.g. on a database without the lock.
      const first = isDuplicateKeyError(error)
        ? await findByIdempotencyKey(clientId, idempotencyKey)
        : null;
      if (!first) throw error;
      written = { replayOf: first };
    }
    if ('replayOf' in written) return replay(written.replayOf, request, clientId);
    const booking = written.created;
    // A booking awaiting payment is announced when its payment arrives (payment steps).
    if (booking.status === 'awaiting_payment') {
      const checkoutUrl = await checkoutOf(booking);
      return {
        booking: await deps.presenter.presentOne(booking, clientId),
        created: true,
        ...(checkoutUrl === undefined ? {} : { checkoutUrl }),
      };
    }
    deps.events.publish('booking.created', bookingChange(booking, 'client', booking.createdAt));
    return { booking: await deps.presenter.presentOne(booking, clientId), created: true };
  };
}
