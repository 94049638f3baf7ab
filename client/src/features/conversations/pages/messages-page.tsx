import type { CreateConversationRequest } from '@coachhub/shared/conversation';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';

import { PageTitle } from '@/components/ui/page-title';
import { useCurrentUser } from '@/lib/auth/session';

import { ConversationList } from '../components/conversation-list';
import { ConversationOpener } from '../components/conversation-opener';
import { ConversationPane } from '../components/conversation-pane';
import { MessagesSlotsContext } from '../components/messages-slots';
import type { MessagesSlots } from '../components/messages-slots';
import './messages-page.css';

const openingRequest = (params: URLSearchParams): CreateConversationRequest | null => {
  const participantId = params.get('with');
  if (participantId) return { participantId };
  const bookingId = params.get('booking');
  return bookingId ? { bookingId } : null;
};

/**
 * `/messages`: the conversation list and the open conversation (`?conversation=<id>`) side by
 * side; on narrow screens one at a time. `?with=<userId>` and `?booking=<id>` open one first.
 */
export const MessagesPage = ({ slots = {} }: { slots?: MessagesSlots }) => {
  const { t } = useTranslation();
  const viewer = useCurrentUser();
  const [params] = useSearchParams();
  const conversationId = params.get('conversation');
  const opening = openingRequest(params);
  if (!viewer) return null;
  const showing = opening !== null || conversationId !== null;

  return (
    <MessagesSlotsContext value={slots}>
      <div className="messages-page" data-view={showing ? 'conversation' : 'list'}>
        <PageTitle title={t('conversations.title')} />
        <div className="messages-page__list">
          <h1 className="messages-page__title">{t('conversations.title')}</h1>
          <ConversationList selectedId={conversationId} viewerId={viewer._id} />
        </div>
        <div className="messages-page__pane">
          {opening ? (
            <ConversationOpener request={opening} />
          ) : conversationId ? (
            <ConversationPane
              key={conversationId}
              conversationId={conversationId}
              viewer={viewer}
            />
          ) : (
            <p className="messages-page__choose">{t('conversations.pane.choose')}</p>
          )}
        </div>
      </div>
    </MessagesSlotsContext>
  );
};
