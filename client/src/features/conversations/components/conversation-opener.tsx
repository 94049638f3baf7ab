import type { CreateConversationRequest } from '@coachhub/shared/conversation';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

import { Button } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

import { useOpenConversation } from '../api/open-conversation';

/**
 * `/messages?with=<userId>` and `?booking=<bookingId>`: the conversation is opened (or started)
 * and the address becomes the conversation's own, so back and reload keep it.
 */
export const ConversationOpener = ({ request }: { request: CreateConversationRequest }) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const open = useOpenConversation();
  const { mutate } = open;
  const asked = useRef<string | null>(null);
  const key = JSON.stringify(request);

  useEffect(() => {
    if (asked.current === key) return;
    asked.current = key;
    mutate(JSON.parse(key) as CreateConversationRequest, {
      onSuccess: (conversation) =>
        void navigate(paths.app.messages.conversationHref(conversation._id), { replace: true }),
    });
  }, [key, mutate, navigate]);

  if (open.isError) {
    return (
      <div role="alert" className="conversation-pane__problem">
        <p>
          {t('conversations.pane.openFailed')} {errorMessage(open.error)}
        </p>
        <Button variant="secondary" onClick={() => open.mutate(request)}>
          {t('conversations.pane.retry')}
        </Button>
      </div>
    );
  }
  return <p role="status">{t('conversations.pane.opening')}</p>;
};
