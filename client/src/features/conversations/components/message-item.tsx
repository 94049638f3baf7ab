import type { MessagePreviewDTO } from '@coachhub/shared/conversation';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { formatTime } from '@/lib/format';
import { useFormatContext } from '@/lib/use-format-context';

import type { ChatMessage } from '../api/get-messages';
import { MessageDeletePanel } from './message-delete-panel';
import { MessageEditForm } from './message-edit-form';
import { useMessagesSlots } from './messages-slots';
import { ProposalCard } from './proposal-card';

export type Delivery = 'sending' | 'failed' | 'sent' | 'read';

interface MessageItemProps {
  message: ChatMessage;
  viewerId: string;
  delivery: Delivery | null;
  nameOf: (userId: string) => string;
  onReply: (quote: MessagePreviewDTO) => void;
  onRetry: (message: ChatMessage) => void;
  quoteOf: (message: ChatMessage) => MessagePreviewDTO;
}

const DeliveryStatus = ({ delivery }: { delivery: Delivery }) => {
  const { t } = useTranslation();
  const labels = {
    sending: t('conversations.message.sending'),
    failed: t('conversations.message.notSent'),
    sent: t('conversations.message.sent'),
    read: t('conversations.message.read'),
  } as const;
  const ticks = { sending: '', failed: '!', sent: '✓', read: '✓✓' } as const;
  return (
    <span className="message__delivery" data-testid="delivery" data-delivery={delivery}>
      {ticks[delivery] && <span aria-hidden="true">{ticks[delivery]} </span>}
      {labels[delivery]}
    </span>
  );
};

/** One message: quote, picture, text or proposal, time and delivery, and what can be done with it. */
export const MessageItem = ({
  message,
  viewerId,
  delivery,
  nameOf,
  onReply,
  onRetry,
  quoteOf,
}: MessageItemProps) => {
  const { t } = useTranslation();
  const format = useFormatContext();
  const { renderReport } = useMessagesSlots();
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const mine = message.senderId === viewerId;
  const sender = mine ? t('conversations.message.you') : nameOf(message.senderId);
  const stored = !message.local;
  const canEdit = mine && stored && !message.deleted && message.kind === 'text' && !!message.body;

  return (
    <li
      className={`message ${mine ? 'message--mine' : 'message--theirs'}`}
      data-testid="message"
      data-message-id={message._id}
    >
      <div className="message__bubble">
        <span className="visually-hidden">{`${sender}: `}</span>
        {message.replyTo && (
          <blockquote className="message__quote">
            <span className="message__quote-name">
              {t('conversations.message.inReplyTo', {
                name:
                  message.replyTo.senderId === viewerId
                    ? t('conversations.message.you')
                    : nameOf(message.replyTo.senderId),
              })}
            </span>
            <span className="message__quote-text">
              {message.replyTo.deleted || message.replyTo.preview === null
                ? t('conversations.message.quoteDeleted')
                : message.replyTo.preview}
            </span>
          </blockquote>
        )}
        {message.deleted ? (
          <p className="message__deleted">{t('conversations.message.deleted')}</p>
        ) : mode === 'edit' ? (
          <MessageEditForm message={message} onDone={() => setMode('view')} />
        ) : (
          <>
            {message.image && (
              <a
                className="message__image-link"
                href={message.image.url}
                target="_blank"
                rel="noreferrer"
              >
                <img
                  className="message__image"
                  src={message.image.url}
                  alt={t('conversations.message.picture', { name: sender })}
                  loading="lazy"
                />
              </a>
            )}
            {message.proposal ? (
              <ProposalCard
                message={message}
                proposal={message.proposal}
                viewerId={viewerId}
                nameOf={nameOf}
              />
            ) : (
              message.body && <p className="message__body">{message.body}</p>
            )}
          </>
        )}
        <p className="message__meta">
          <time dateTime={message.createdAt}>{formatTime(message.createdAt, format)}</time>
          {message.editedAt && !message.deleted && (
            <span className="message__edited">{t('conversations.message.edited')}</span>
          )}
          {delivery && <DeliveryStatus delivery={delivery} />}
        </p>
      </div>
      {message.local?.state === 'failed' && (
        <Button variant="link" className="message__retry" onClick={() => onRetry(message)}>
          {t('conversations.message.retry')}
        </Button>
      )}
      {stored && !message.deleted && mode === 'view' && (
        <div
          className="message__actions"
          role="group"
          aria-label={t('conversations.message.actions', {
            name: sender,
            time: formatTime(message.createdAt, format),
          })}
        >
          <Button variant="ghost" onClick={() => onReply(quoteOf(message))}>
            {t('conversations.message.reply')}
          </Button>
          {canEdit && (
            <Button variant="ghost" onClick={() => setMode('edit')}>
              {t('conversations.message.edit')}
            </Button>
          )}
          <Button variant="ghost" onClick={() => setMode('delete')}>
            {t('conversations.message.delete')}
          </Button>
          {!mine &&
            renderReport?.({
              targetType: 'message',
              targetId: message._id,
              ownerId: message.senderId,
              name: sender,
              variant: 'ghost',
            })}
        </div>
      )}
      {mode === 'delete' && (
        <MessageDeletePanel message={message} mine={mine} onDone={() => setMode('view')} />
      )}
    </li>
  );
};
