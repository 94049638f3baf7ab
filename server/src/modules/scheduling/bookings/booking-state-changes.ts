import type { BookingDTO } from '@coachhub/shared/booking';
import type { BookingAction, BookingParty } from '@coachhub/shared/scheduling';
import type { UpdateQuery } from 'mongoose';
import type { Principal } from '../../../core/auth/principal.js';
import type { EventBus } from '../../../core/events/event-bus.js';
import {
  bookingCancellationPolicy,
  feeClockAfterMove,
  feeClockStart,
} from '../../../domain/booking-policies.js';
import { changesCalendar, transition } from '../../../domain/booking-state.js';
import { cancellationFee } from '../../../domain/cancellation-fee.js';
import { loadAvailability } from '../availability/availability-store.js';
import {
  actableBooking,
  changedMeanwhile,
  historyEntry,
  transitionError,
  updateIfUnchanged,
  WRITE_ATTEMPTS,
} from './booking-access.js';
import { publishAction } from './booking-events.js';
import type { BookingPresenter } from './booking-presenter.js';
import {
  type BookingFields,
  type BookingRecord,
  type StoredCancellation,
  type StoredHistoryEntry,
} from './booking.model.js';
import { newMeetingUrl } from './meeting-url.js';

/** The actions with a body of `{ reason? }` (everything but reschedule). */
export type SimpleBookingAction = Exclude<BookingAction, 'reschedule'>;

/**
 * The cancellation record. Its fee follows domain/cancellation-fee.ts with the policy the booking
 * was made under (a booking from before policies were stored: the coach's current one, capped)
 * and the booking's fee clock (its earliest start), not its current start.
 */
async function cancellationOf(
  booking: BookingRecord,
  party: BookingParty,
  now: Date,
  reason: string | undefined,
): Promise<StoredCancellation> {
  // The coach's current policy is only read for a booking that has none of its own.
  const policy = bookingCancellationPolicy(
    booking.cancellationPolicy,
    booking.cancellationPolicy ??
      (await loadAvailability(booking.coach.toString())).settings.cancellationPolicy,
  );
  const fee = cancellationFee({
    policy,
    quoted: { amount: booking.quote.amount, currency: booking.quote.currency },
    start: booking.start,
    feeClockStart: feeClockStart(booking),
    cancelledAt: now,
    cancelledBy: party,
    status: booking.status,
  });
  return {
    by: party,
    at: now,
    reason: reason ?? null,
    fee: { amount: fee.amount, currency: fee.currency },
    feeReason: fee.reason,
  };
}

/** What an allowed action writes beyond its status and history entry, and adds to the entry. */
interface SideEffects {
  set: Partial<BookingFields>;
  history: Partial<StoredHistoryEntry>;
}

async function sideEffectsOf(
  action: SimpleBookingAction,
  booking: BookingRecord,
  party: BookingParty,
  now: Date,
  reason: string | undefined,
  meetingBaseUrl: string,
): Promise<SideEffects> {
  const request = booking.pendingReschedule;
  const requested = request ? { requestedStart: request.start, requestedEnd: request.end } : {};
  switch (action) {
    case 'confirm':
      return { set: { meetingUrl: newMeetingUrl(meetingBaseUrl) }, history: {} };
    case 'cancel':
      // A cancelled booking holds no time: a waiting request to move it goes with it.
      return {
        set: {
          cancellation: await cancellationOf(booking, party, now, reason),
          pendingReschedule: null,
        },
        history: {},
      };
    case 'complete':
    case 'no_show':
      return { set: { pendingReschedule: null }, history: {} };
    case 'approve_reschedule': {
      if (!request) return { set: {}, history: {} }; // the state machine refused it already
      return {
        set: {
          start: request.start,
          end: request.end,
          feeClockStart: feeClockAfterMove(booking, request.start),
          pendingReschedule: null,
        },
        history: { previousStart: booking.start, previousEnd: booking.end, ...requested },
      };
    }
    case 'decline_reschedule':
      return { set: { pendingReschedule: null }, history: requested };
    case 'decline':
      return { set: {}, history: {} };
  }
}

/**
 * confirm, decline, cancel, complete, no_show, and the coach's answer to a client's request to
 * move a booking (approve_reschedule, decline_reschedule): each checked by the one state machine
 * and written with optimistic concurrency: the write only matches the revision it was decided
 * on, so of two conflicting changes exactly one wins; the other is decided again on the fresh
 * state (and then usually refused by the state machine). The event goes out once the write is in.
 * Approving needs no new slot check: the requested time was checked under both schedule locks
 * when it was asked for and has been held since.
 */
export function createStateChanges(deps: {
  presenter: BookingPresenter;
  events: EventBus;
  meetingBaseUrl: string;
}) {
  return async function act(
    caller: Principal,
    bookingId: string,
    action: SimpleBookingAction,
    reason: string | undefined,
  ): Promise<BookingDTO> {
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      const { booking, party } = await actableBooking(caller, bookingId);
      const now = new Date();
      const result = transition(booking, action, party, now);
      if (!result.ok) throw transitionError(result);
      const extra = await sideEffectsOf(action, booking, party, now, reason, deps.meetingBaseUrl);
      const update: UpdateQuery<BookingFields> = {
        $set: { status: result.status, ...extra.set },
        $push: {
          history: historyEntry(result, { ...(reason ? { reason } : {}), ...extra.history }),
        },
        $inc: { revision: 1, ...(changesCalendar(action) ? { icsSequence: 1 } : {}) },
      };
      const updated = await updateIfUnchanged(booking, update);
      if (updated) {
        publishAction(deps.events, action, { before: booking, after: updated }, party, now, reason);
        return deps.presenter.presentOne(updated, caller.userId);
      }
    }
    throw changedMeanwhile();
  };
}
