import type { AdminUserSummaryDTO, ReportTargetContext } from '@coachhub/shared/admin';
import type { MessageDTO } from '@coachhub/shared/conversation';
import { useTranslation } from 'react-i18next';

import { formatDateTime } from '@/lib/format';
import { useFormatContext } from '@/lib/use-format-context';

const personName = (person: AdminUserSummaryDTO | null | undefined) =>
  person ? `${person.firstName} ${person.lastName}` : null;

const MessageLine = ({
  message,
  participants,
  reported = false,
}: {
  message: MessageDTO;
  participants: AdminUserSummaryDTO[];
  reported?: boolean;
}) => {
  const { t } = useTranslation();
  const format = useFormatContext();
  const sender = personName(participants.find((person) => person._id === message.senderId));
  return (
    <li
      className={reported ? 'admin-context__reported' : undefined}
      data-testid={reported ? 'reported-message' : 'context-message'}
    >
      <span className="admin-card__meta">
        {sender ?? t('admin.reports.unknownPerson')} · {formatDateTime(message.createdAt, format)}
        {reported && ` · ${t('admin.reports.reportedMessage')}`}
      </span>
      <br />
      {message.body ?? t('admin.reports.noText')}
    </li>
  );
};

/** The reported content as it was: a person, a profile, a review, or a message among its neighbours. */
export const ReportContext = ({ target }: { target: ReportTargetContext }) => {
  const { t } = useTranslation();
  const gone = <p className="admin-card__meta">{t('admin.reports.gone')}</p>;
  switch (target.targetType) {
    case 'user':
      return target.user ? (
        <p>
          {personName(target.user)} · {target.user.email}
        </p>
      ) : (
        gone
      );
    case 'coach':
      return target.coach ? (
        <div>
          <p>
            {target.coach.firstName} {target.coach.lastName}
            {target.user ? ` · ${target.user.email}` : ''}
          </p>
          <p className="admin-card__meta">{target.coach.headline}</p>
          <p>{target.coach.bio}</p>
        </div>
      ) : (
        gone
      );
    case 'review':
      return target.review ? (
        <div>
          <p>
            {t('admin.reviews.stars', { rating: target.review.rating })} ·{' '}
            {target.review.reviewer.displayName}
          </p>
          <p>{target.review.comment || t('admin.reviews.noComment')}</p>
        </div>
      ) : (
        gone
      );
    case 'message':
      return target.message ? (
        <ol className="admin-context" aria-label={t('admin.reports.conversation')}>
          {target.before.map((message) => (
            <MessageLine key={message._id} message={message} participants={target.participants} />
          ))}
          <MessageLine message={target.message} participants={target.participants} reported />
          {target.after.map((message) => (
            <MessageLine key={message._id} message={message} participants={target.participants} />
          ))}
        </ol>
      ) : (
        gone
      );
  }
};
