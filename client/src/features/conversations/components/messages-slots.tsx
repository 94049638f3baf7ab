import type { CreateProposalRequest } from '@coachhub/shared/conversation';
import type { ReportTargetType } from '@coachhub/shared/report';
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

/** What the report action (from the reports feature) is given: a person or one of their messages. */
export interface ReportSlotProps {
  targetType: Extract<ReportTargetType, 'user' | 'message'>;
  targetId: string;
  /** The person, or the message's sender. */
  ownerId: string;
  name: string;
  /** `ghost` among a message's actions, `link` on its own. */
  variant: 'ghost' | 'link';
}

/**
 * Parts of the page that belong to other features (presence, booking slots, reporting). Features never
 * import each other, so the route in app/ fills these in (app/routes/messages-route.tsx).
 */
export interface MessagesSlots {
  renderPresence?: (userId: string) => ReactNode;
  renderProposalPicker?: (props: ProposalPickerProps) => ReactNode;
  renderReport?: (props: ReportSlotProps) => ReactNode;
}

export const MessagesSlotsContext = createContext<MessagesSlots>({});

export const useMessagesSlots = (): MessagesSlots => useContext(MessagesSlotsContext);
