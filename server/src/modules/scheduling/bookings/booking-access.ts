import type { BookingParty } from '@coachhub/shared/scheduling';
import type { Actor } from '../../../core/auth/principal.js';
import { AppError, notFound } from '../../../core/errors.js';
import type { TransitionResult } from '../../../domain/booking-state.js';
import { partyOf } from './booking.mapper.js';
import type { UpdateQuery } from 'mongoose';
import {
  Booking,
  type BookingFields,
  type BookingRecord,
  type StoredHistoryEntry,
} from './booking.model.js';

/** Optimistic writes retry this often when another change got in between. */
export const WRITE_ATTEMPTS = 3;
export const MINUTE_MS = 60_000;

/**
 * Writes `update` only if the booking is still at the revision and status it was read at; null
 * when someone changed it meanwhile (the caller reads again, up to WRITE_ATTEMPTS times).
 */
export function updateIfUnchanged(
  booking: BookingRecord,
  update: UpdateQuery<BookingFields>,
): Promise<BookingRecord | null> {
  return Booking.findOneAndUpdate(
    { _id: booking._id, revision: booking.revision, status: booking.status },
    update,
    { returnDocument: 'after', runValidators: true },
  )
    .lean<BookingRecord>()
    .exec();
}

export const changedMeanwhile = () =>
  new AppError(409, 'CONFLICT', 'The booking changed meanwhile; reload it and try again');

export function transitionError(result: Extract<TransitionResult, { ok: false }>): AppError {
  const { code, message } = result.error;
  return new AppError(code === 'FORBIDDEN' ? 403 : 409, code, message);
}

export function historyEntry(
  result: Extract<TransitionResult, { ok: true }>,
  extra: Partial<StoredHistoryEntry> = {},
): StoredHistoryEntry {
  const { action, from, to, by, at } = result.entry;
  return { action, from, to, by, at, ...extra };
}

/**
 * A participant's view of the booking. Anyone else: 404, so ids do not confirm that a booking
 * exists, except for admins, who may read every booking.
 */
export async function readableBooking(
  caller: Actor,
  bookingId: string,
): Promise<{ booking: BookingRecord; party: BookingParty | null }> {
  const booking = await Booking.findById(bookingId).lean();
  if (!booking) throw notFound('Booking');
  const party = partyOf(booking, caller.userId);
  if (party) return { booking, party };
  if (caller.role !== 'admin') throw notFound('Booking');
  return { booking, party: null };
}

/** The booking and the caller's side of it, for a change: admins look, they do not act (403). */
export async function actableBooking(
  caller: Actor,
  bookingId: string,
): Promise<{ booking: BookingRecord; party: BookingParty }> {
  const { booking, party } = await readableBooking(caller, bookingId);
  if (party === null) {
    throw new AppError(403, 'FORBIDDEN', 'Admins can read bookings but not change them');
  }
  return { booking, party };
}
