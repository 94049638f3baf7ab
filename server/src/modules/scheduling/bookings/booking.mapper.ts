import type { BookingDTO } from '@coachhub/shared/booking';
import type { CoachDTO } from '@coachhub/shared/coach';
import type { BookingPaymentSummary } from '@coachhub/shared/payment';
import type { BookingHistoryEntry, BookingParty } from '@coachhub/shared/scheduling';
import type { UserSummaryDTO } from '@coachhub/shared/user';
import { clientRescheduleDeadline, feeClockStart } from '../../../domain/booking-policies.js';
import { allowedActions } from '../../../domain/booking-state.js';
import type { BookingRecord, StoredHistoryEntry } from './booking.model.js';

function toHistoryEntry(entry: StoredHistoryEntry): BookingHistoryEntry {
  return {
    action: entry.action,
    from: entry.from ?? null,
    to: entry.to,
    by: entry.by,
    at: entry.at.toISOString(),
    ...(entry.reason ? { reason: entry.reason } : {}),
    ...(entry.previousStart ? { previousStart: entry.previousStart.toISOString() } : {}),
    ...(entry.previousEnd ? { previousEnd: entry.previousEnd.toISOString() } : {}),
    ...(entry.requestedStart ? { requestedStart: entry.requestedStart.toISOString() } : {}),
    ...(entry.requestedEnd ? { requestedEnd: entry.requestedEnd.toISOString() } : {}),
  };
}

/**
 * What the viewer may do now. The fee-window limit on a client's move is known here when the
 * booking stored its policy; for an older booking the server still refuses such a move
 * (RESCHEDULE_IN_FEE_WINDOW) when it is asked to make it.
 */
function actionsFor(booking: BookingRecord, viewer: BookingParty, now: Date) {
  const clock = feeClockStart(booking);
  const policy = booking.cancellationPolicy;
  return allowedActions(
    {
      status: booking.status,
      start: booking.start,
      pendingReschedule: booking.pendingReschedule ?? null,
      clientRescheduleUntil: policy
        ? clientRescheduleDeadline(booking.status, policy, clock)
        : null,
    },
    viewer,
    now,
  );
}

/** Which side of the booking this user is on; null for anyone else (an admin reading it). */
export function partyOf(booking: Pick<BookingRecord, 'coach' | 'client'>, userId: string) {
  if (booking.coach.toString() === userId) return 'coach';
  if (booking.client.toString() === userId) return 'client';
  return null;
}

/**
 * The one BookingDTO builder. `viewer` decides `allowedActions` (an admin, who may read but not
 * act, gets none); the coach part is the canonical CoachDTO.
 */
export function toBookingDTO(
  booking: BookingRecord,
  people: { client: UserSummaryDTO; coach: CoachDTO },
  viewer: BookingParty | null,
  now: Date,
  payment?: BookingPaymentSummary,
): BookingDTO {
  const snapshot = booking.sessionTypeSnapshot;
  const { cancellation, cancellationPolicy, pendingReschedule } = booking;
  return {
    _id: booking._id.toString(),
    status: booking.status,
    start: booking.start.toISOString(),
    end: booking.end.toISOString(),
    sessionType: {
      _id: booking.sessionType.toString(),
      title: snapshot.title,
      durationMinutes: snapshot.durationMinutes,
      mode: snapshot.mode,
    },
    client: people.client,
    coach: people.coach,
    quote: {
      amount: booking.quote.amount,
      currency: booking.quote.currency,
      lines: booking.quote.lines.map((line) => ({
        kind: line.kind,
        label: line.label,
        amount: line.amount,
        ...(line.discountId ? { discountId: line.discountId } : {}),
      })),
      ...(booking.quote.history
        ? {
            history: {
              completedSessions: booking.quote.history.completedSessions,
              firstSession: booking.quote.history.firstSession,
            },
          }
        : {}),
    },
    notes: booking.notes ?? null,
    meetingUrl: booking.meetingUrl ?? null,
    cancellation: cancellation
      ? {
          by: cancellation.by,
          at: cancellation.at.toISOString(),
          reason: cancellation.reason ?? null,
          fee: { amount: cancellation.fee.amount, currency: cancellation.fee.currency },
        }
      : null,
    ...(cancellationPolicy
      ? {
          cancellationPolicy: {
            freeUntilHours: cancellationPolicy.freeUntilHours,
            feePercent: cancellationPolicy.feePercent,
          },
        }
      : {}),
    feeClockStart: feeClockStart(booking).toISOString(),
    pendingReschedule: pendingReschedule
      ? {
          start: pendingReschedule.start.toISOString(),
          end: pendingReschedule.end.toISOString(),
          requestedAt: pendingReschedule.requestedAt.toISOString(),
        }
      : null,
    history: booking.history.map(toHistoryEntry),
    ...(payment ? { payment } : {}),
    allowedActions: viewer ? actionsFor(booking, viewer, now) : [],
    createdAt: booking.createdAt.toISOString(),
    updatedAt: booking.updatedAt.toISOString(),
  };
}
