import { MESSAGE_LIMITS } from '@coachhub/shared/conversation';
import type { MessageDTO } from '@coachhub/shared/conversation';
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

import { useEditMessage } from '../api/edit-message';

/** The sender's text in place of the bubble: Enter saves, Escape leaves it as it was. */
export const MessageEditForm = ({
  message,
  onDone,
}: {
  message: MessageDTO;
  onDone: () => void;
}) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const fieldId = useId();
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState(message.body ?? '');
  const edit = useEditMessage();
  const trimmed = body.trim();

  useEffect(() => fieldRef.current?.focus(), []);

  const save = (event?: FormEvent) => {
    event?.preventDefault();
    if (trimmed === '' || trimmed === message.body) return onDone();
    edit.mutate({ message, body: trimmed }, { onSuccess: onDone });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onDone();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
    }
  };

  return (
    <form className="message-edit" onSubmit={save} aria-label={t('conversations.edit.label')}>
      <label className="visually-hidden" htmlFor={fieldId}>
        {t('conversations.edit.label')}
      </label>
      <textarea
        id={fieldId}
        ref={fieldRef}
        className="message-edit__field"
        value={body}
        maxLength={MESSAGE_LIMITS.bodyMax}
        rows={2}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {edit.isError && <p role="alert">{errorMessage(edit.error)}</p>}
      <div className="message-edit__actions">
        <Button
          type="submit"
          isBusy={edit.isPending}
          busyLabel={t('conversations.edit.saving')}
          disabled={trimmed === ''}
        >
          {t('conversations.edit.save')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('conversations.edit.cancel')}
        </Button>
      </div>
    </form>
  );
};
