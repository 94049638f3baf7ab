import { ProposalPicker } from '@/features/bookings/components/proposal/proposal-picker';
import type { MessagesSlots } from '@/features/conversations/components/messages-slots';
import { MessagesPage } from '@/features/conversations/pages/messages-page';
import { UserPresence } from '@/features/presence/components/user-presence';
import { ReportAction } from '@/features/reports/components/report-action';

/**
 * `/messages` composes four features that never import each other: the conversations, the
 * presence dots of the people in them, the booking feature's session types and slots for
 * proposing a session, and reporting the other person or their messages.
 */
const slots: MessagesSlots = {
  renderPresence: (userId) => <UserPresence userId={userId} />,
  renderProposalPicker: (props) => <ProposalPicker {...props} />,
  renderReport: (props) => <ReportAction {...props} />,
};

export const MessagesRoute = () => <MessagesPage slots={slots} />;
