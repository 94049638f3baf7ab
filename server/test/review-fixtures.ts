import type { BookingStatus } from '@coachhub/shared/scheduling';
import { Booking } from '../src/modules/scheduling/bookings/booking.model.js';
import { Review } from '../src/modules/reviews/review.model.js';
import type { TestUser } from './fixtures.js';
import type { BookableCoach } from './scheduling-fixtures.js';

const HOUR_MS = 3_600_000;
let pastSlot = 0;

/**
 * A booking of `client` with the coach, written straight to the database at an hour no other
 * call of this file uses, in the past unless `status` says it is still ahead. Completed by
 * default: what a client may review.
 */
export async function createPastBooking(
  coach: BookableCoach,
  client: TestUser,
  status: BookingStatus = 'completed',
): Promise<string> {
  pastSlot += 1;
  const ahead = status === 'pending' || status === 'confirmed';
  const start = new Date(Date.now() + (ahead ? 1 : -1) * (48 + pastSlot * 2) * HOUR_MS);
  const booking = await Booking.create({
    coach: coach.user.id,
    client: client.id,
    sessionType: coach.types[60],
    sessionTypeSnapshot: { title: '60-minute session', durationMinutes: 60, mode: 'video' },
    start,
    end: new Date(start.getTime() + HOUR_MS),
    status,
    quote: { amount: 8000, currency: 'EUR', lines: [] },
  });
  return booking.id as string;
}

/** What the coach's rating must be: a recount of the visible reviews' stars. */
export async function recountVisible(coachId: string): Promise<{ sum: number; count: number }> {
  const visible = await Review.find({ coach: coachId, hiddenAt: null }).select('rating').lean();
  return {
    sum: visible.reduce((total, review) => total + review.rating, 0),
    count: visible.length,
  };
}
