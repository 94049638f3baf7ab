import { MESSAGE_LIMITS } from '@coachhub/shared/conversation';
import type { MessageDTO } from '@coachhub/shared/conversation';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { useErrorMessage } from '@/lib/i18n/use-error-message';
import { useCurrentMinute } from '@/lib/use-current-minute';

import { useDeleteMessage } from '../api/delete-message';

const WINDOW_MS = MESSAGE_LIMITS.deleteForEveryoneMinutes * 60_000;

/** Asks how far a deletion goes: for the viewer only, or (the sender, for 15 minutes) everyone. */
export const MessageDeletePanel = ({
  message,
  mine,
  onDone,
}: {
  message: MessageDTO;
  mine: boolean;
  onDone: () => void;
}) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const headingId = useId();
  const headingRef = useRef<HTMLParagraphElement>(null);
  const remove = useDeleteMessage();
  const now = useCurrentMinute();
  const forEveryone =
    mine && !message.deleted && now.getTime() - new Date(message.createdAt).getTime() < WINDOW_MS;

  useEffect(() => headingRef.current?.focus(), []);

  return (
    <div
      className="message-delete"
      role="group"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone();
      }}
    >
      <p id={headingId} ref={headingRef} tabIndex={-1}>
        {t('conversations.delete.question')}
      </p>
      {remove.isError && <p role="alert">{errorMessage(remove.error)}</p>}
      <div className="message-delete__actions">
        <Button
          variant="secondary"
          onClick={() => remove.mutate({ message, scope: 'me' }, { onSuccess: onDone })}
          disabled={remove.isPending}
        >
          {t('conversations.delete.forMe')}
        </Button>
        {forEveryone && (
          <Button
            variant="secondary"
            onClick={() => remove.mutate({ message, scope: 'everyone' }, { onSuccess: onDone })}
            disabled={remove.isPending}
          >
            {t('conversations.delete.forEveryone')}
          </Button>
        )}
        <Button variant="ghost" onClick={onDone}>
          {t('conversations.delete.keep')}
        </Button>
      </div>
    </div>
  );
};
