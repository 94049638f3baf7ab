import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { LoadingScreen } from '@/components/ui/loading-screen';
import { PageTitle } from '@/components/ui/page-title';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

import { isOutboxUnavailable, useOutboxMails } from '../api/get-outbox-mails';
import { OutboxMailList } from '../components/outbox-mail-list';
import { OutboxMailView } from '../components/outbox-mail-view';
import './outbox-page.css';

/**
 * `/dev/outbox`, for development: the mails the server kept instead of sending them (no
 * SMTP_URL). Linked from nowhere in the app; the README names it. A server that sends real mail
 * or runs in production has no outbox, and the page says so.
 */
export const OutboxPage = () => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const outbox = useOutboxMails();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const mails = outbox.data ?? [];
  // The newest until one is chosen, and again once the chosen one is no longer listed.
  const selected = mails.find((mail) => mail._id === chosenId) ?? mails[0] ?? null;

  return (
    <div className="outbox-page">
      <PageTitle title={t('devOutbox.title')} />
      <header className="outbox-page__header">
        <div className="page-header">
          <h1>{t('devOutbox.title')}</h1>
          <p className="page-header__lead">{t('devOutbox.lead')}</p>
        </div>
        <Button
          variant="secondary"
          onClick={() => void outbox.refetch()}
          isBusy={outbox.isFetching}
          busyLabel={t('devOutbox.refreshing')}
        >
          {t('devOutbox.refresh')}
        </Button>
      </header>
      {outbox.isPending && <LoadingScreen />}
      {outbox.isError &&
        (isOutboxUnavailable(outbox.error) ? (
          <div className="message-page" data-testid="outbox-unavailable">
            <h2>{t('devOutbox.unavailableTitle')}</h2>
            <p>{t('devOutbox.unavailable')}</p>
          </div>
        ) : (
          <div className="message-page" role="alert">
            <p>
              {t('devOutbox.loadFailed')} {errorMessage(outbox.error)}
            </p>
          </div>
        ))}
      {outbox.isSuccess && mails.length === 0 && (
        <p className="outbox-page__empty" data-testid="outbox-empty">
          {t('devOutbox.empty')}
        </p>
      )}
      {selected && (
        <div className="outbox-page__content">
          <OutboxMailList mails={mails} selectedId={selected._id} onSelect={setChosenId} />
          <OutboxMailView key={selected._id} mail={selected} />
        </div>
      )}
    </div>
  );
};
