import type { PackagePurchaseStatus } from '@coachhub/shared/payment';
import type { BookingParty } from '@coachhub/shared/scheduling';

const DAY_MS = 86_400_000;

/** When the credits of a purchase paid at `paidAt` lapse: `validityDays` whole days later. */
export function creditsExpireAt(paidAt: Date, validityDays: number): Date {
  return new Date(paidAt.getTime() + validityDays * DAY_MS);
}

/** A purchase as stored: `expired` is never stored, it is what an active one becomes in time. */
export interface PurchaseState {
  status: Exclude<PackagePurchaseStatus, 'expired'>;
  expiresAt: Date | null;
}

/** What a purchase shows at `now`: an active one past its `expiresAt` is `expired`. */
export function purchaseStatusAt(purchase: PurchaseState, now: Date): PackagePurchaseStatus {
  if (purchase.status !== 'active') return purchase.status;
  return purchase.expiresAt && purchase.expiresAt.getTime() > now.getTime() ? 'active' : 'expired';
}

/** An empty list of session types means every session type of the coach. */
export function coversSessionType(sessionTypeIds: readonly string[], sessionTypeId: string) {
  return sessionTypeIds.length === 0 || sessionTypeIds.includes(sessionTypeId);
}

export interface CreditCandidate extends PurchaseState {
  coachId: string;
  sessionTypeIds: readonly string[];
  remaining: number;
}

/**
 * Whether a booking of `sessionTypeId` with `coachId` may take a credit of this purchase at
 * `now`: the coach's, covering the type, active and not yet expired, with a credit left. The
 * payments module takes the credit with one conditional write that states the same conditions.
 */
export function mayUseCredit(
  purchase: CreditCandidate,
  booking: { coachId: string; sessionTypeId: string },
  now: Date,
): boolean {
  return (
    purchase.coachId === booking.coachId &&
    coversSessionType(purchase.sessionTypeIds, booking.sessionTypeId) &&
    purchaseStatusAt(purchase, now) === 'active' &&
    purchase.remaining > 0
  );
}

/** Of the purchases a booking may use, the one whose credits lapse first (null: none). */
export function creditToUse<P extends CreditCandidate>(
  purchases: readonly P[],
  booking: { coachId: string; sessionTypeId: string },
  now: Date,
): P | null {
  const usable = purchases.filter((purchase) => mayUseCredit(purchase, booking, now));
  usable.sort((a, b) => (a.expiresAt?.getTime() ?? 0) - (b.expiresAt?.getTime() ?? 0));
  return usable[0] ?? null;
}

/** How a booking paid with a credit ended, as its domain event says. */
export type CreditBookingEnd =
  | { kind: 'declined' }
  | { kind: 'cancelled'; by: BookingParty; feeAmount: number }
  | { kind: 'no_show' }
  | { kind: 'completed' };

/**
 * What happens to the credit of a booking that ended, following the cancellation policy as
 * refunds do: it goes back to the package when the booking ends free (declined, cancelled by the
 * coach, or by the client without a fee: outside the fee window or a still-pending request);
 * it is used up when the session took place, the client did not show up, or cancelled late
 * (a fee).
 */
export function creditOutcome(end: CreditBookingEnd): 'return' | 'consume' {
  switch (end.kind) {
    case 'declined':
      return 'return';
    case 'cancelled':
      return end.by === 'coach' || end.feeAmount === 0 ? 'return' : 'consume';
    case 'no_show':
    case 'completed':
      return 'consume';
  }
}
