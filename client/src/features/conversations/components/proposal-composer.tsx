import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { FormAlert } from '@/components/form/form-alert';
import { Button } from '@/components/ui/button';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

import { useCreateProposal } from '../api/create-proposal';
import { useMessagesSlots } from './messages-slots';

interface ProposalComposerProps {
  conversationId: string;
  coachId: string;
  coachName: string;
  partnerId: string;
  viewerIsCoach: boolean;
  onClose: () => void;
}

/** A new session or a new time for a booking, picked with the booking feature's slot picker. */
export const ProposalComposer = ({ conversationId, onClose, ...picker }: ProposalComposerProps) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { renderProposalPicker } = useMessagesSlots();
  const create = useCreateProposal();

  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section
      className="proposal-composer"
      aria-labelledby={headingId}
      data-testid="proposal-composer"
    >
      <div className="proposal-composer__head">
        <h3 id={headingId} ref={headingRef} tabIndex={-1}>
          {t('conversations.proposal.heading')}
        </h3>
        <Button variant="ghost" onClick={onClose}>
          {t('conversations.proposal.close')}
        </Button>
      </div>
      <FormAlert message={create.isError ? errorMessage(create.error) : null} />
      {renderProposalPicker?.({
        ...picker,
        busy: create.isPending,
        onPropose: (request) => create.mutate({ conversationId, request }, { onSuccess: onClose }),
      })}
    </section>
  );
};
