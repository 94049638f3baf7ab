import type { ConversationDTO, MessagePreviewDTO } from '@coachhub/shared/conversation';
import { Fragment, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { useErrorMessage } from '@/lib/i18n/use-error-message';
import { useCurrentMinute } from '@/lib/use-current-minute';
import { useFormatContext } from '@/lib/use-format-context';

import { previewOfMessage } from '../api/conversation-cache';
import { messagesInOrder, useMessages } from '../api/get-messages';
import type { ChatMessage } from '../api/get-messages';
import { dayKeyOf, dayNameOf, fullDay } from './message-days';
import { MessageItem } from './message-item';
import type { Delivery } from './message-item';
import { readByOthers } from './participants';

/** Closer to the top than this (pixels) loads the page before; closer to the bottom follows new ones. */
const EDGE_PX = 80;

interface MessageHistoryProps {
  conversation: ConversationDTO;
  viewerId: string;
  partnerName: string;
  nameOf: (userId: string) => string;
  onReply: (quote: MessagePreviewDTO) => void;
  onRetry: (message: ChatMessage) => void;
}

const deliveryOf = (
  message: ChatMessage,
  conversation: ConversationDTO,
  viewerId: string,
): Delivery | null => {
  if (message.senderId !== viewerId) return null;
  if (message.local) return message.local.state;
  return readByOthers(conversation, viewerId, message.createdAt) ? 'read' : 'sent';
};

/**
 * The conversation's messages, oldest first, by day. Scrolling to the top (or the button there)
 * loads the page before and keeps the reader's place; a new message scrolls into view when the
 * reader was at the bottom. New messages from others are read out through a live region.
 */
export const MessageHistory = ({
  conversation,
  viewerId,
  partnerName,
  nameOf,
  onReply,
  onRetry,
}: MessageHistoryProps) => {
  const { t } = useTranslation();
  const format = useFormatContext();
  const now = useCurrentMinute();
  const errorMessage = useErrorMessage();
  const history = useMessages(conversation._id);
  const messages = messagesInOrder(history.data);
  const scrollRef = useRef<HTMLElement>(null);
  const seen = useRef({ first: '', last: '', height: 0, atBottom: true });
  const [announcement, setAnnouncement] = useState('');

  const loadOlder = () => {
    if (history.hasNextPage && !history.isFetchingNextPage) void history.fetchNextPage();
  };

  const first = messages[0]?._id ?? '';
  const lastMessage = messages[messages.length - 1];
  const last = lastMessage?._id ?? '';

  useLayoutEffect(() => {
    const element = scrollRef.current;
    const before = seen.current;
    if (!element || (first === before.first && last === before.last)) return;
    if (before.first && first !== before.first && last === before.last) {
      // Older messages above: stay on the message the reader was looking at.
      element.scrollTop += element.scrollHeight - before.height;
    } else if (before.atBottom || lastMessage?.senderId === viewerId) {
      element.scrollTop = element.scrollHeight;
    }
    if (before.last && last !== before.last && lastMessage && lastMessage.senderId !== viewerId) {
      const name = nameOf(lastMessage.senderId);
      const preview = previewOfMessage(lastMessage).preview;
      setAnnouncement(
        preview
          ? t('conversations.message.announce', { name, preview })
          : t('conversations.message.announceNoText', { name }),
      );
    }
    seen.current = { ...before, first, last, height: element.scrollHeight };
  }, [first, last, lastMessage, viewerId, nameOf, t]);

  const onScroll = () => {
    const element = scrollRef.current;
    if (!element) return;
    seen.current.atBottom =
      element.scrollHeight - element.scrollTop - element.clientHeight < EDGE_PX;
    if (element.scrollTop < EDGE_PX) loadOlder();
  };

  if (history.isPending) return <p role="status">{t('conversations.pane.loading')}</p>;
  if (history.isError) {
    return (
      <div role="alert" className="message-history__problem">
        <p>
          {t('conversations.pane.loadFailed')} {errorMessage(history.error)}
        </p>
        <Button variant="secondary" onClick={() => void history.refetch()}>
          {t('conversations.pane.retry')}
        </Button>
      </div>
    );
  }

  const days = messages.map((message) => dayKeyOf(message.createdAt, format.timeZone));
  return (
    <>
      <section
        ref={scrollRef}
        className="message-history"
        aria-label={t('conversations.pane.history', { name: partnerName })}
        tabIndex={0}
        onScroll={onScroll}
        data-testid="message-history"
      >
        <div className="message-history__start">
          {history.hasNextPage ? (
            <Button
              variant="ghost"
              onClick={loadOlder}
              isBusy={history.isFetchingNextPage}
              busyLabel={t('conversations.pane.loadingOlder')}
            >
              {t('conversations.pane.older')}
            </Button>
          ) : (
            <p>
              {messages.length > 0
                ? t('conversations.pane.beginning')
                : t('conversations.pane.empty')}
            </p>
          )}
        </div>
        <ol className="message-list">
          {messages.map((message, index) => {
            const day = days[index] ?? '';
            const newDay = index === 0 || day !== days[index - 1];
            const dayName = newDay ? dayNameOf(day, now, format.timeZone) : null;
            return (
              <Fragment key={message._id}>
                {newDay && (
                  <li className="message-day" data-testid="day-separator">
                    <h3>
                      {dayName
                        ? t(`conversations.pane.${dayName}`)
                        : fullDay(message.createdAt, format)}
                    </h3>
                  </li>
                )}
                <MessageItem
                  message={message}
                  viewerId={viewerId}
                  delivery={deliveryOf(message, conversation, viewerId)}
                  nameOf={nameOf}
                  onReply={onReply}
                  onRetry={onRetry}
                  quoteOf={previewOfMessage}
                />
              </Fragment>
            );
          })}
        </ol>
      </section>
      <div className="visually-hidden" role="status" data-testid="message-announcer">
        {announcement}
      </div>
    </>
  );
};
