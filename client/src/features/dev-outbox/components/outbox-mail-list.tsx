import type { OutboxMailDTO } from '@coachhub/shared/notification';
import { useTranslation } from 'react-i18next';

import { formatDateTime, formatTimeAgo } from '@/lib/format';
import { useCurrentMinute } from '@/lib/use-current-minute';
import { useFormatContext } from '@/lib/use-format-context';

interface OutboxMailListProps {
  mails: readonly OutboxMailDTO[];
  selectedId: string | null;
  onSelect: (mailId: string) => void;
}

/** Recipient, subject and age of every mail; the chosen one is `aria-current`. */
export const OutboxMailList = ({ mails, selectedId, onSelect }: OutboxMailListProps) => {
  const { t } = useTranslation();
  const context = useFormatContext();
  const now = useCurrentMinute();
  return (
    <ul className="outbox-list" aria-label={t('devOutbox.listLabel')}>
      {mails.map((mail) => (
        <li key={mail._id} data-testid="outbox-list-item">
          <button
            type="button"
            className="outbox-list__item"
            aria-current={mail._id === selectedId ? 'true' : undefined}
            onClick={() => onSelect(mail._id)}
          >
            <span className="outbox-list__subject">{mail.subject}</span>
            <span className="outbox-list__meta">
              <span>{mail.to}</span>
              <time dateTime={mail.createdAt} title={formatDateTime(mail.createdAt, context)}>
                {formatTimeAgo(mail.createdAt, now, context)}
              </time>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
};
