import type { BookingDTO } from '@coachhub/shared/booking';
import type { BookingParty } from '@coachhub/shared/scheduling';
import type { UserSummaryDTO } from '@coachhub/shared/user';
import { notFound } from '../../../core/errors.js';
import { createReadCache, type ReadCache } from '../../../core/http/read-cache.js';
import { allowedActions } from '../../../domain/booking-state.js';
import type { CoachPresenter } from '../../coaches/coach-presenter.js';
import { findUserSummaries } from '../../users/user-accounts.js';
import { partyOf, toBookingDTO } from './booking.mapper.js';
import { PAY_AT_SESSION, toPayable, type BookingPayments } from './booking-payments.js';
import type { BookingRecord } from './booking.model.js';

export interface BookingPresenter {
  /**
   * BookingDTOs as `viewerId` sees them, in order. Whatever the count: one query for the
   * clients, one for the coaches, and the coach presenter's one user query and one presence
   * lookup (no N+1).
   */
  present(bookings: readonly BookingRecord[], viewerId: string): Promise<BookingDTO[]>;
  /** One booking as `viewerId` sees it (404 if a participant is gone). */
  presentOne(booking: BookingRecord, viewerId: string): Promise<BookingDTO>;
  /** One booking as each participant sees it (for the socket events to both of them). */
  forBothSides(booking: BookingRecord): Promise<Record<BookingParty, BookingDTO>>;
}

/**
 * `reads` keeps the clients' summaries between changes (names and pictures change only through
 * write requests); payments are read every time, as they also move on outside requests (provider
 * callbacks handled in event subscribers, refund retries).
 */
export function createBookingPresenter(
  coaches: CoachPresenter,
  payments: BookingPayments = PAY_AT_SESSION,
  reads: ReadCache = createReadCache({ ttlMs: 0 }),
): BookingPresenter {
  const summaries = reads.kept<UserSummaryDTO[]>('user summaries');

  async function build(bookings: readonly BookingRecord[]) {
    if (bookings.length === 0) return [];
    const clientIds = [...new Set(bookings.map((booking) => booking.client.toString()))].sort();
    const coachIds = [...new Set(bookings.map((booking) => booking.coach.toString()))];
    const [clients, coachDTOs, paymentById] = await Promise.all([
      summaries.read(clientIds.join(' '), () => findUserSummaries(clientIds)),
      coaches.presentByUserIds(coachIds),
      payments.summaries(bookings.map(toPayable)),
    ]);
    const clientById = new Map(clients.map((user) => [user._id, user]));
    const coachById = new Map(coachDTOs.map((coach) => [coach._id, coach]));
    // A booking whose person is gone (never deleted today) is left out rather than half shown.
    return bookings.flatMap((booking) => {
      const client = clientById.get(booking.client.toString());
      const coach = coachById.get(booking.coach.toString());
      const payment = paymentById.get(booking._id.toString());
      return client && coach ? [{ booking, people: { client, coach }, payment }] : [];
    });
  }

  async function present(bookings: readonly BookingRecord[], viewerId: string) {
    const now = new Date();
    return (await build(bookings)).map(({ booking, people, payment }) =>
      toBookingDTO(booking, people, partyOf(booking, viewerId), now, payment),
    );
  }

  return {
    present,

    async presentOne(booking, viewerId) {
      const [dto] = await present([booking], viewerId);
      if (!dto) throw notFound('Booking');
      return dto;
    },

    async forBothSides(booking) {
      const [built] = await build([booking]);
      if (!built) throw new Error(`Booking ${booking._id.toString()} has no client or coach`);
      const now = new Date();
      const base = toBookingDTO(built.booking, built.people, null, now, built.payment);
      return {
        client: { ...base, allowedActions: allowedActions(booking, 'client', now) },
        coach: { ...base, allowedActions: allowedActions(booking, 'coach', now) },
      };
    },
  };
}
