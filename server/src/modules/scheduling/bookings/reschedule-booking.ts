import type { BookingDTO } from '@coachhub/shared/booking';
import mongoose from 'mongoose';
import type { Actor } from '../../../core/auth/principal.js';
import { notFound } from '../../../core/errors.js';
import type { EventBus } from '../../../core/events/event-bus.js';
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
import { Booking } from './booking.model.js';

/**
 * Moves the booking to a new start (same duration, same status, same quote). Checked like a new
 * booking, in a transaction holding both schedule locks, with the booking left out of its own
 * conflicts. History keeps where it was; the calendar SEQUENCE goes up; `booking.rescheduled`
 * is published after the commit.
 */
export function createRescheduler(deps: { presenter: BookingPresenter; events: EventBus }) {
  return async function reschedule(
    caller: Actor,
    bookingId: string,
    newStart: Date,
  ): Promise<BookingDTO> {
    const { booking, party } = await actableBooking(caller, bookingId);
    const early = transition(booking, 'reschedule', party, new Date());
    if (!early.ok) throw transitionError(early);
    const coachId = booking.coach.toString();
    const clientId = booking.client.toString();
    await prepareScheduleLocks([coachId, clientId]);
    const moved = await mongoose.connection.transaction(async (session) => {
      await lockSchedules([coachId, clientId], session);
      const current = await Booking.findById(bookingId).session(session).lean();
      if (!current) throw notFound('Booking');
      const now = new Date();
      const result = transition(current, 'reschedule', party, now);
      if (!result.ok) throw transitionError(result);
      const durationMinutes = current.sessionTypeSnapshot.durationMinutes;
      const end = new Date(newStart.getTime() + durationMinutes * MINUTE_MS);
      await assertBookable({
        coachId,
        clientId,
        start: newStart,
        end,
        durationMinutes,
        availability: await loadAvailability(coachId, { session }),
        now,
        session,
        exclude: current._id,
      });
      const updated = await Booking.findOneAndUpdate(
        { _id: current._id, revision: current.revision },
        {
          $set: { start: newStart, end },
          $push: {
            history: historyEntry(result, {
              previousStart: current.start,
              previousEnd: current.end,
            }),
          },
          $inc: { icsSequence: 1, revision: 1 },
        },
        { returnDocument: 'after', session },
      ).lean();
      return updated && { updated, previous: current, at: now };
    });
    if (!moved) throw changedMeanwhile();
    const { updated, previous, at } = moved;
    deps.events.publish('booking.rescheduled', {
      ...bookingChange(updated, party, at),
      previousStart: previous.start,
      previousEnd: previous.end,
    });
    return deps.presenter.presentOne(updated, caller.userId);
  };
}
