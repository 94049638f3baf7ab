import type { BookingDTO } from '@coachhub/shared/booking';
import type { BookingAction, BookingParty } from '@coachhub/shared/scheduling';
import type { UpdateQuery } from 'mongoose';
import type { Principal } from '../../../core/auth/principal.js';
import type { EventBus } from '../../../core/events/event-bus.js';
import { changesCalendar, transition } from '../../../domain/booking-state.js';
import { cancellationFee } from '../../../domain/cancellation-fee.js';
import { loadAvailability } from '../availability/availability-store.js';
import {
  actableBooking,
  changedMeanwhile,
  historyEntry,
  transitionError,
  WRITE_ATTEMPTS,
} from './booking-access.js';
import { publishAction } from './booking-events.js';
import type { BookingPresenter } from './booking-presenter.js';
import {
  Booking,
  type BookingFields,
  type BookingRecord,
  type StoredCancellation,
} from './booking.model.js';
import { newMeetingUrl } from './meeting-url.js';

/** The actions with a body of `{ reason? }` (everything but reschedule). */
export type SimpleBookingAction = Exclude<BookingAction, 'reschedule'>;

/** The cancellation record; its fee follows domain/cancellation-fee.ts and the coach's policy now. */
async function cancellationOf(
  booking: BookingRecord,
  party: BookingParty,
  now: Date,
  reason: string | undefined,
): Promise<StoredCancellation> {
  const { settings } = await loadAvailability(booking.coach.toString());
  const fee = cancellationFee({
    policy: settings.cancellationPolicy,
    quoted: { amount: booking.quote.amount, currency: booking.quote.currency },
    start: booking.start,
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

/** The write that goes with an allowed action, beyond its status and history entry. */
async function sideEffectsOf(
  action: SimpleBookingAction,
  booking: BookingRecord,
  party: BookingParty,
  now: Date,
  reason: string | undefined,
  meetingBaseUrl: string,
): Promise<Partial<BookingFields>> {
  if (action === 'confirm') return { meetingUrl: newMeetingUrl(meetingBaseUrl) };
  if (action === 'cancel')
    return { cancellation: await cancellationOf(booking, party, now, reason) };
  return {};
}

/**
 * confirm, decline, cancel, complete, no_show: each checked by the one state machine and written
 * with optimistic concurrency: the write only matches the revision it was decided on, so of two
 * conflicting changes exactly one wins; the other is decided again on the fresh state (and then
 * usually refused by the state machine). The event goes out once the write is in.
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
        $set: { status: result.status, ...extra },
        $push: { history: historyEntry(result, reason ? { reason } : {}) },
        $inc: { revision: 1, ...(changesCalendar(action) ? { icsSequence: 1 } : {}) },
      };
      const updated = await Booking.findOneAndUpdate(
        { _id: booking._id, revision: booking.revision, status: booking.status },
        update,
        { returnDocument: 'after', runValidators: true },
      ).lean();
      if (updated) {
        publishAction(deps.events, action, updated, party, now, reason);
        return deps.presenter.presentOne(updated, caller.userId);
      }
    }
    throw changedMeanwhile();
  };
}
