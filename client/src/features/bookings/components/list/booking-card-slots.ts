import type { BookingDTO } from '@coachhub/shared/booking';
import type { BookingParty } from '@coachhub/shared/scheduling';
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';

/**
 * Parts of a booking card that belong to other features (the payment, the review of a completed
 * session).
 * Features never import each other, so the route in app/ fills these in
 * (app/routes/my-bookings-route.tsx).
 */
export interface BookingCardSlots {
  /** Under the card's facts: how the booking is paid, and what the viewer can do about it. */
  renderPayment?: (booking: BookingDTO, role: BookingParty) => ReactNode;
  /** Under the card's actions, for the viewer's side of the booking. */
  renderFooter?: (booking: BookingDTO, role: BookingParty) => ReactNode;
}

export const BookingCardSlotsContext = createContext<BookingCardSlots>({});

export const useBookingCardSlots = (): BookingCardSlots => useContext(BookingCardSlotsContext);
