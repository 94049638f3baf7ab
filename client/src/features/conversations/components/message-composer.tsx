import { MESSAGE_IMAGE_LIMITS, MESSAGE_LIMITS } from '@coachhub/shared/conversation';
import type { MessagePreviewDTO } from '@coachhub/shared/conversation';
import { useId, useRef, useState } from 'react';
import type { ChangeEvent, FormEvent, KeyboardEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';

export interface Draft {
  body: string;
  image: File | null;
}

interface MessageComposerProps {
  replyTo: MessagePreviewDTO | null;
  replyName: string;
  onCancelReply: () => void;
  onSend: (draft: Draft) => void;
  onTyping: () => void;
  /** Set from outside (reply chosen): the field takes the focus. */
  fieldRef: RefObject<HTMLTextAreaElement | null>;
}

const MEGABYTE = 1024 * 1024;

/** Text (Enter sends, Shift+Enter a new line), an optional picture and the quote of a reply. */
export const MessageComposer = ({
  replyTo,
  replyName,
  onCancelReply,
  onSend,
  onTyping,
  fieldRef,
}: MessageComposerProps) => {
  const { t } = useTranslation();
  const fieldId = useId();
  const hintId = useId();
  const problemId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [body, setBody] = useState('');
  const [image, setImage] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const text = body.trim();
  const tooLong = text.length > MESSAGE_LIMITS.bodyMax;
  const canSend = (text !== '' || image !== null) && !tooLong;

  const send = (event?: FormEvent) => {
    event?.preventDefault();
    if (!canSend) return;
    onSend({ body: text, image });
    setBody('');
    setImage(null);
    setProblem(null);
    if (fileRef.current) fileRef.current.value = '';
    fieldRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0] ?? null;
    event.target.value = '';
    if (!file) return;
    if (!(MESSAGE_IMAGE_LIMITS.types as readonly string[]).includes(file.type)) {
      setProblem(t('conversations.composer.imageType'));
      return;
    }
    if (file.size > MESSAGE_IMAGE_LIMITS.maxBytes) {
      setProblem(
        t('conversations.composer.imageTooLarge', {
          max: MESSAGE_IMAGE_LIMITS.maxBytes / MEGABYTE,
        }),
      );
      return;
    }
    setProblem(null);
    setImage(file);
  };

  const shownProblem =
    problem ??
    (tooLong ? t('conversations.composer.tooLong', { max: MESSAGE_LIMITS.bodyMax }) : null);

  return (
    <form className="composer" onSubmit={send} aria-label={t('conversations.composer.label')}>
      {replyTo && (
        <div className="composer__reply" data-testid="reply-preview">
          <div className="composer__reply-text">
            <span className="composer__reply-name">
              {t('conversations.composer.replyingTo', { name: replyName })}
            </span>
            <span className="composer__reply-quote">
              {replyTo.preview ?? t('conversations.list.noText')}
            </span>
          </div>
          <Button variant="ghost" onClick={onCancelReply}>
            {t('conversations.composer.cancelReply')}
          </Button>
        </div>
      )}
      {image && (
        <div className="composer__image" data-testid="image-preview">
          <span>{image.name}</span>
          <Button variant="ghost" onClick={() => setImage(null)}>
            {t('conversations.composer.removeImage', { name: image.name })}
          </Button>
        </div>
      )}
      {shownProblem && (
        <p id={problemId} className="composer__problem" role="alert">
          {shownProblem}
        </p>
      )}
      <div className="composer__row">
        <label className="composer__attach button button--secondary">
          <input
            ref={fileRef}
            type="file"
            className="visually-hidden"
            accept={MESSAGE_IMAGE_LIMITS.types.join(',')}
            aria-label={t('conversations.composer.attach')}
            onChange={onPick}
          />
          <span aria-hidden="true">＋</span>
          <span className="composer__attach-label">{t('conversations.composer.attach')}</span>
        </label>
        <label className="visually-hidden" htmlFor={fieldId}>
          {t('conversations.composer.label')}
        </label>
        <textarea
          id={fieldId}
          ref={fieldRef}
          className="composer__field"
          rows={2}
          value={body}
          placeholder={t('conversations.composer.placeholder')}
          aria-describedby={shownProblem ? `${hintId} ${problemId}` : hintId}
          aria-invalid={tooLong || undefined}
          onChange={(event) => {
            setBody(event.target.value);
            if (event.target.value.trim() !== '') onTyping();
          }}
          onKeyDown={onKeyDown}
        />
        <Button type="submit" disabled={!canSend}>
          {t('conversations.composer.send')}
        </Button>
      </div>
      <p id={hintId} className="composer__hint">
        {t('conversations.composer.hint')}
      </p>
    </form>
  );
};
