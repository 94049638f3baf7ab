import type { BookingProposalDTO, MessageDTO } from '@coachhub/shared/conversation';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { Button } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { formatDateTime } from '@/lib/format';
import { useErrorMessage } from '@/lib/i18n/use-error-message';
import { formatMoney } from '@/lib/money';
import { useFormatContext } from '@/lib/use-format-context';

import { useAnswerProposal } from '../api/answer-proposal';

interface ProposalCardProps {
  message: MessageDTO;
  proposal: BookingProposalDTO;
  viewerId: string;
  nameOf: (userId: string) => string;
}

/** A booking proposal: what, when, its state, and accept / decline (withdraw for its author). */
export const ProposalCard = ({ message, proposal, viewerId, nameOf }: ProposalCardProps) => {
  const { t } = useTranslation();
  const format = useFormatContext();
  const errorMessage = useErrorMessage();
  const answer = useAnswerProposal();
  const when = (instant: string) =>
    formatDateTime(instant, format, { dateStyle: 'full', timeStyle: 'short' });
  const mine = proposal.proposedBy === viewerId;
  const { sessionType } = proposal;
  const open = proposal.status === 'open';

  const run = (choice: 'accept' | 'decline') =>
    answer.mutate({ proposal: message, answer: choice });

  return (
    <div
      className="proposal-card"
      data-testid="proposal-card"
      data-status={proposal.status}
      data-proposal-id={proposal._id}
    >
      <p className="proposal-card__kind">{t(`conversations.proposal.kinds.${proposal.kind}`)}</p>
      <p className="proposal-card__title">
        {sessionType.title} · {t('booking.minutes', { count: sessionType.durationMinutes })} ·{' '}
        {t(`booking.modes.${sessionType.mode}`)}
      </p>
      <p className="proposal-card__when">
        <time dateTime={proposal.start}>{when(proposal.start)}</time>
      </p>
      {proposal.previousStart && (
        <p className="proposal-card__detail">
          {t('conversations.proposal.instead', { date: when(proposal.previousStart) })}
        </p>
      )}
      {proposal.price && (
        <p className="proposal-card__detail">
          {t('conversations.proposal.price', {
            price: formatMoney(proposal.price, format.locale),
          })}
        </p>
      )}
      <p className="proposal-card__detail">
        {t('conversations.proposal.by', {
          name: mine ? t('conversations.message.you') : nameOf(proposal.proposedBy),
        })}
      </p>
      <p className="proposal-card__status" data-testid="proposal-status">
        {t(`conversations.proposal.status.${proposal.status}`)}
      </p>
      {proposal.status === 'accepted' && (
        <p className="proposal-card__booked">
          {t('conversations.proposal.booked')}{' '}
          <Link to={paths.app.bookings.getHref()}>{t('conversations.proposal.seeBookings')}</Link>
        </p>
      )}
      {answer.isError && (
        <p className="proposal-card__error" role="alert">
          {errorMessage(answer.error)}
        </p>
      )}
      {open && (
        <div className="proposal-card__actions">
          {mine ? (
            <Button
              variant="secondary"
              onClick={() => run('decline')}
              isBusy={answer.isPending}
              busyLabel={t('conversations.proposal.answering')}
            >
              {t('conversations.proposal.withdraw')}
            </Button>
          ) : (
            <>
              <Button
                onClick={() => run('accept')}
                isBusy={answer.isPending && answer.variables.answer === 'accept'}
                disabled={answer.isPending}
                busyLabel={t('conversations.proposal.answering')}
              >
                {t('conversations.proposal.accept')}
              </Button>
              <Button
                variant="secondary"
                onClick={() => run('decline')}
                isBusy={answer.isPending && answer.variables.answer === 'decline'}
                disabled={answer.isPending}
                busyLabel={t('conversations.proposal.answering')}
              >
                {t('conversations.proposal.decline')}
              </Button>
            </>
          )}
        </div>
      )}
    </div>
  );
};
