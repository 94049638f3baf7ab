import type { CreateProposalRequest } from '@coachhub/shared/conversation';
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';

/** What the proposal picker (slots and session types, from the bookings feature) is given. */
export interface ProposalPickerProps {
  /** The coach whose session types and free times are offered. */
  coachId: string;
  coachName: string;
  /** The other person of the conversation (whose bookings with the viewer may be moved). */
  partnerId: string;
  viewerIsCoach: boolean;
  busy: boolean;
  onPropose: (request: CreateProposalRequest) => void;
}

/**
 * Parts of the page that belong to other features (presence, booking slots). Features never
 * import each other, so the route in app/ fills these in (app/routes/messages-route.tsx).
 */
export interface MessagesSlots {
  renderPresence?: (userId: string) => ReactNode;
  renderProposalPicker?: (props: ProposalPickerProps) => ReactNode;
}

export const MessagesSlotsContext = createContext<MessagesSlots>({});

export const useMessagesSlots = (): MessagesSlots => useContext(MessagesSlotsContext);
