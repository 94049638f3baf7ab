import type { MessagePreviewDTO } from '@coachhub/shared/conversation';
import type { UserDTO } from '@coachhub/shared/user';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { CoachAvatar } from '@/components/coach/coach-avatar';
import { Button } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

import { useConversation } from '../api/get-conversation';
import { messagesInOrder, useMessages } from '../api/get-messages';
import type { ChatMessage } from '../api/get-messages';
import { useMarkConversationRead } from '../api/mark-conversation-read';
import { newClientId, useSendMessage } from '../api/send-message';
import { sendTyping, useConversationRoom } from '../api/use-conversation-room';
import { ConnectionBanner } from './connection-banner';
import { MessageComposer } from './message-composer';
import type { Draft } from './message-composer';
import { MessageHistory } from './message-history';
import { useMessagesSlots } from './messages-slots';
import { partnerOf, personOf, proposalCoach } from './participants';
import { ProposalComposer } from './proposal-composer';

/** How long "is typing" stays after the last typing event (the server relays one per 2 s). */
const TYPING_SHOWN_MS = 4_000;

const useTypingName = (conversationId: string) => {
  const [typingUserId, setTypingUserId] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useConversationRoom(conversationId, (userId) => {
    setTypingUserId(userId);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setTypingUserId(null), TYPING_SHOWN_MS);
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  return [typingUserId, setTypingUserId] as const;
};

/**
 * Marks the conversation read once it is on screen with unread messages, and again whenever a
 * message from someone else arrives while it is open (and the page is visible).
 */
const useMarkReadOnView = (
  conversationId: string,
  ready: boolean,
  unreadCount: number,
  newestOther: string,
) => {
  const { mutate } = useMarkConversationRead();
  const seenNewest = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!ready) return;
    const arrived = seenNewest.current !== undefined && newestOther !== seenNewest.current;
    seenNewest.current = newestOther;
    if ((unreadCount > 0 || arrived) && document.visibilityState !== 'hidden') {
      mutate(conversationId);
    }
  }, [conversationId, ready, unreadCount, newestOther, mutate]);
};

interface ConversationPaneProps {
  conversationId: string;
  viewer: UserDTO;
}

/** One conversation: who, the history, typing, and the composer (plus proposals where they apply). */
export const ConversationPane = ({ conversationId, viewer }: ConversationPaneProps) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { renderPresence, renderProposalPicker, renderReport } = useMessagesSlots();
  const conversation = useConversation(conversationId);
  const history = useMessages(conversationId);
  const send = useSendMessage();
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const [replyTo, setReplyTo] = useState<MessagePreviewDTO | null>(null);
  const [proposing, setProposing] = useState(false);
  const [typingUserId, setTypingUserId] = useTypingName(conversationId);

  const messages = messagesInOrder(history.data);
  const newestOther =
    [...messages].reverse().find((message) => message.senderId !== viewer._id && !message.local)
      ?._id ?? '';
  useMarkReadOnView(
    conversationId,
    conversation.isSuccess && history.isSuccess,
    conversation.data?.unreadCount ?? 0,
    newestOther,
  );

  // A message from the one typing ends their "is typing".
  useEffect(() => {
    if (newestOther) setTypingUserId(null);
  }, [newestOther, setTypingUserId]);

  const data = conversation.data;
  const nameOf = useCallback(
    (userId: string) => {
      const other = data?.others.map(personOf).find((person) => person.id === userId);
      return (
        other?.name ??
        (data?.kind === 'support' ? t('conversations.support') : t('conversations.someone'))
      );
    },
    [data, t],
  );

  if (conversation.isPending) return <p role="status">{t('conversations.pane.loading')}</p>;
  if (conversation.isError) {
    return (
      <div role="alert" className="conversation-pane__problem">
        <p>
          {t('conversations.pane.loadFailed')} {errorMessage(conversation.error)}
        </p>
        <Button variant="secondary" onClick={() => void conversation.refetch()}>
          {t('conversations.pane.retry')}
        </Button>
      </div>
    );
  }

  const current = conversation.data;
  const partner = partnerOf(current);
  const partnerName = partner?.name ?? t('conversations.support');
  const proposals = proposalCoach(current, viewer);

  const onSend = ({ body, image }: Draft) => {
    send.mutate({ conversationId, clientId: newClientId(), body, replyTo, image });
    setReplyTo(null);
  };

  const onRetry = (message: ChatMessage) => {
    if (!message.clientId) return;
    send.mutate({
      conversationId,
      clientId: message.clientId,
      body: message.body ?? '',
      replyTo: message.replyTo,
      image: message.local?.image ?? null,
    });
  };

  const onReply = (quote: MessagePreviewDTO) => {
    setReplyTo(quote);
    fieldRef.current?.focus();
  };

  return (
    <section
      className="conversation-pane"
      aria-labelledby="conversation-title"
      data-testid="conversation-pane"
    >
      <header className="conversation-pane__head">
        <Link className="conversation-pane__back" to={paths.app.messages.getHref()}>
          <span aria-hidden="true">← </span>
          {t('conversations.pane.back')}
        </Link>
        <div className="conversation-pane__who">
          {partner && <CoachAvatar coach={partner.avatar} size="md" decorative />}
          <h2 id="conversation-title" className="conversation-pane__name">
            {partnerName}
          </h2>
          {partner && renderPresence?.(partner.id)}
        </div>
        {partner &&
          renderReport?.({
            targetType: 'user',
            targetId: partner.id,
            ownerId: partner.id,
            name: partner.name,
            variant: 'link',
          })}
        {proposals && partner && renderProposalPicker && (
          <Button
            variant="secondary"
            aria-expanded={proposing}
            onClick={() => setProposing((open) => !open)}
          >
            {t('conversations.proposal.propose')}
          </Button>
        )}
      </header>
      <ConnectionBanner />
      {proposing && proposals && partner && (
        <ProposalComposer
          conversationId={conversationId}
          partnerId={partner.id}
          {...proposals}
          onClose={() => setProposing(false)}
        />
      )}
      <MessageHistory
        conversation={current}
        viewerId={viewer._id}
        partnerName={partnerName}
        nameOf={nameOf}
        onReply={onReply}
        onRetry={onRetry}
      />
      <p className="conversation-pane__typing" aria-live="polite" data-testid="typing-indicator">
        {typingUserId && t('conversations.pane.typing', { name: nameOf(typingUserId) })}
      </p>
      <MessageComposer
        replyTo={replyTo}
        replyName={
          replyTo
            ? replyTo.senderId === viewer._id
              ? t('conversations.message.you')
              : nameOf(replyTo.senderId)
            : ''
        }
        onCancelReply={() => setReplyTo(null)}
        onSend={onSend}
        onTyping={() => sendTyping(conversationId)}
        fieldRef={fieldRef}
      />
    </section>
  );
};
