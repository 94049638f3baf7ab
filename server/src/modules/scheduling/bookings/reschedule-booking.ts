import type { BookingDTO } from '@coachhub/shared/booking';
import mongoose, { type UpdateQuery } from 'mongoose';
import type { Actor } from '../../../core/auth/principal.js';
import { notFound } from '../../../core/errors.js';
import type { EventBus } from '../../../core/events/event-bus.js';
import {
  bookingCancellationPolicy,
  clientRescheduleDeadline,
  feeClockAfterMove,
  feeClockStart,
} from '../../../domain/booking-policies.js';
import { transition } from '../../../domain/booking-state.js';
import { loadAvailability } from '../availability/availability-store.js';
import { lockSchedules, prepareScheduleLocks } from '../schedule-lock/schedule-lock.js';
import {
  actableBooking,
  changedMeanwhile,
  historyEntry,
  MINUTE_MS,
  transitionError,
} from './booking-access.js';
import { bookingChange } from './booking-events.js';
import type { BookingPresenter } from './booking-presenter.js';
import { assertBookable } from './booking-slot-check.js';
import { Booking, type BookingFields, type BookingRecord } from './booking.model.js';

export interface RescheduleOptions {
  /**
   * Both sides already agreed on the new time (an accepted proposal in their conversation): the
   * booking moves at once, without the coach's approval and without the fee-window refusal.
   */
  agreed?: boolean;
}

/** What the transaction wrote: a move, or a request that waits for the coach. */
interface Rescheduled {
  updated: BookingRecord;
  previous: BookingRecord;
  at: Date;
  requested: boolean;
}

/**
 * Moves the booking to a new start (same duration, same status, same quote), or, when the client
 * moves a confirmed booking of a coach who approves bookings, asks the coach to (the booking
 * keeps and holds its time, and the requested time is held too, until the coach answers with
 * approve_reschedule or decline_reschedule). Checked like a new booking, in a transaction holding
 * both schedule locks, with the booking left out of its own conflicts. A client may not move a
 * confirmed booking inside its cancellation-fee window (409 RESCHEDULE_IN_FEE_WINDOW), and a move
 * never puts the fee clock (the booking's earliest start) later. History keeps where it was; a
 * move bumps the calendar SEQUENCE. `booking.rescheduled` (or `booking.reschedule_requested`) is
 * published after the commit.
 */
export function createRescheduler(deps: { presenter: BookingPresenter; events: EventBus }) {
  return async function reschedule(
    caller: Actor,
    bookingId: string,
    newStart: Date,
    options: RescheduleOptions = {},
  ): Promise<BookingDTO> {
    const { booking, party } = await actableBooking(caller, bookingId);
    const early = transition(booking, 'reschedule', party, new Date());
    if (!early.ok) throw transitionError(early);
    const coachId = booking.coach.toString();
    const clientId = booking.client.toString();
    await prepareScheduleLocks([coachId, clientId]);
    const moved = await mongoose.connection.transaction(
      async (session): Promise<Rescheduled | null> => {
        await lockSchedules([coachId, clientId], session);
        const current = await Booking.findById(bookingId).session(session).lean();
        if (!current) throw notFound('Booking');
        const now = new Date();
        const availability = await loadAvailability(coachId, { session });
        const policy = bookingCancellationPolicy(
          current.cancellationPolicy,
          availability.settings.cancellationPolicy,
        );
        const deadline = options.agreed
          ? null
          : clientRescheduleDeadline(current.status, policy, feeClockStart(current));
        const result = transition(
          { ...current, clientRescheduleUntil: deadline },
          'reschedule',
          party,
          now,
        );
        if (!result.ok) throw transitionError(result);
        const durationMinutes = current.sessionTypeSnapshot.durationMinutes;
        const end = new Date(newStart.getTime() + durationMinutes * MINUTE_MS);
        await assertBookable({
          coachId,
          clientId,
          start: newStart,
          end,
          durationMinutes,
          availability,
          now,
          session,
          exclude: current._id,
        });
        const requested =
          !options.agreed &&
          party === 'client' &&
          current.status === 'confirmed' &&
          availability.settings.requiresApproval;
        const update: UpdateQuery<BookingFields> = requested
          ? {
              $set: { pendingReschedule: { start: newStart, end, requestedAt: now } },
              $push: {
                history: {
                  ...historyEntry(result),
                  action: 'request_reschedule',
                  requestedStart: newStart,
                  requestedEnd: end,
                },
              },
              $inc: { revision: 1 },
            }
          : {
              $set: {
                start: newStart,
                end,
                feeClockStart: feeClockAfterMove(current, newStart),
                pendingReschedule: null,
              },
              $push: {
                history: historyEntry(result, {
                  previousStart: current.start,
                  previousEnd: current.end,
                }),
              },
              $inc: { icsSequence: 1, revision: 1 },
            };
        const updated = await Booking.findOneAndUpdate(
          { _id: current._id, revision: current.revision },
          update,
          { returnDocument: 'after', session },
        ).lean();
        return updated && { updated, previous: current, at: now, requested };
      },
    );
    if (!moved) throw changedMeanwhile();
    const { updated, previous, at, requested } = moved;
    if (requested && updated.pendingReschedule) {
      deps.events.publish('booking.reschedule_requested', {
        ...bookingChange(updated, party, at),
        requestedStart: updated.pendingReschedule.start,
        requestedEnd: updated.pendingReschedule.end,
      });
    } else {
      deps.events.publish('booking.rescheduled', {
        ...bookingChange(updated, party, at),
        previousStart: previous.start,
        previousEnd: previous.end,
      });
    }
    return deps.presenter.presentOne(updated, caller.userId);
  };
}
