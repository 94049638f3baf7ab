import type { ConversationDTO } from '@coachhub/shared/conversation';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { CoachAvatar } from '@/components/coach/coach-avatar';
import { Button } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { formatTimeAgo } from '@/lib/format';
import { useErrorMessage } from '@/lib/i18n/use-error-message';
import { useCurrentMinute } from '@/lib/use-current-minute';
import { useFormatContext } from '@/lib/use-format-context';

import { listedConversations, useConversations } from '../api/get-conversations';
import { useMessagesSlots } from './messages-slots';
import { partnerOf } from './participants';

const LastMessage = ({
  conversation,
  viewerId,
}: {
  conversation: ConversationDTO;
  viewerId: string;
}) => {
  const { t } = useTranslation();
  const last = conversation.lastMessage;
  if (!last) return <>{t('conversations.list.noMessages')}</>;
  const text = last.deleted
    ? t('conversations.list.deleted')
    : (last.preview ?? t('conversations.list.noText'));
  return (
    <>{last.senderId === viewerId ? t('conversations.list.fromYou', { preview: text }) : text}</>
  );
};

interface ConversationListProps {
  selectedId: string | null;
  viewerId: string;
}

/** The viewer's conversations, newest activity first, with unread counts and presence. */
export const ConversationList = ({ selectedId, viewerId }: ConversationListProps) => {
  const { t } = useTranslation();
  const format = useFormatContext();
  const now = useCurrentMinute();
  const errorMessage = useErrorMessage();
  const { renderPresence } = useMessagesSlots();
  const conversations = useConversations();
  const items = listedConversations(conversations.data);

  return (
    <nav className="conversation-list" aria-label={t('conversations.list.label')}>
      {conversations.isPending && <p role="status">{t('conversations.list.loading')}</p>}
      {conversations.isError && (
        <div role="alert" className="conversation-list__problem">
          <p>
            {t('conversations.list.loadFailed')} {errorMessage(conversations.error)}
          </p>
          <Button variant="secondary" onClick={() => void conversations.refetch()}>
            {t('conversations.pane.retry')}
          </Button>
        </div>
      )}
      {conversations.isSuccess && items.length === 0 && (
        <p className="conversation-list__empty" data-testid="conversations-empty">
          {t('conversations.list.empty')}
        </p>
      )}
      {items.length > 0 && (
        <ul className="conversation-list__items">
          {items.map((conversation) => {
            const partner = partnerOf(conversation);
            const name = partner?.name ?? t('conversations.support');
            const unread = conversation.unreadCount;
            return (
              <li key={conversation._id}>
                <Link
                  className="conversation-item"
                  to={paths.app.messages.conversationHref(conversation._id)}
                  aria-current={conversation._id === selectedId ? 'page' : undefined}
                  data-testid="conversation-item"
                  data-conversation-id={conversation._id}
                  data-unread={unread > 0}
                >
                  <span className="conversation-item__avatar">
                    {partner ? (
                      <CoachAvatar coach={partner.avatar} size="sm" decorative />
                    ) : (
                      <span className="conversation-item__support" aria-hidden="true">
                        ?
                      </span>
                    )}
                    {partner && renderPresence?.(partner.id)}
                  </span>
                  <span className="conversation-item__text">
                    <span className="conversation-item__top">
                      <span className="conversation-item__name">{name}</span>
                      <time
                        className="conversation-item__time"
                        dateTime={conversation.lastActivityAt}
                      >
                        {formatTimeAgo(conversation.lastActivityAt, now, format)}
                      </time>
                    </span>
                    {conversation.kind === 'booking' && (
                      <span className="conversation-item__kind">
                        {t('conversations.list.aboutBooking')}
                      </span>
                    )}
                    <span className="conversation-item__preview">
                      <LastMessage conversation={conversation} viewerId={viewerId} />
                    </span>
                  </span>
                  {unread > 0 && (
                    <span className="conversation-item__badge" data-testid="unread-count">
                      <span aria-hidden="true">{unread}</span>
                      <span className="visually-hidden">
                        {t('conversations.list.unread', { count: unread })}
                      </span>
                    </span>
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      {conversations.hasNextPage && (
        <Button
          variant="ghost"
          onClick={() => void conversations.fetchNextPage()}
          isBusy={conversations.isFetchingNextPage}
        >
          {t('conversations.list.more')}
        </Button>
      )}
    </nav>
  );
};
