import type { ReactNode } from 'react';

/** What the booking flow hands to a payment choice from another feature (a package credit). */
export interface PaymentChoiceProps {
  coachId: string;
  sessionTypeId: string;
  /** The chosen time (ISO instant). */
  start: string;
  /** Whether the booking is to be paid with a package credit. */
  useCredit: boolean;
  onUseCreditChange: (useCredit: boolean) => void;
  /** The last refusal of the booking, e.g. the credit was used up meanwhile. */
  bookingError: unknown;
}

/**
 * Parts of the booking flow that belong to other features. Features never import each other,
 * so the route in app/ fills these in (app/routes/book-session-route.tsx).
 */
export interface BookingFlowSlots {
  /** Under the price: how the session is paid, when there is a choice. */
  renderPaymentChoice?: (props: PaymentChoiceProps) => ReactNode;
}
