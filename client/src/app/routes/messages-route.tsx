import { ProposalPicker } from '@/features/bookings/components/proposal/proposal-picker';
import type { MessagesSlots } from '@/features/conversations/components/messages-slots';
import { MessagesPage } from '@/features/conversations/pages/messages-page';
import { UserPresence } from '@/features/presence/components/user-presence';

/**
 * `/messages` composes three features that never import each other: the conversations, the
 * presence dots of the people in them, and the booking feature's session types and slots for
 * proposing a session.
 */
const slots: MessagesSlots = {
  renderPresence: (userId) => <UserPresence userId={userId} />,
  renderProposalPicker: (props) => <ProposalPicker {...props} />,
};

export const MessagesRoute = () => <MessagesPage slots={slots} />;
