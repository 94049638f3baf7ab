import type { MessageDTO, ProposalAcceptResponse } from '@coachhub/shared/conversation';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { toApiError } from '@/lib/api-error';

import { invalidateMessages } from './get-messages';
import { replaceMessage, updateMessages } from './message-cache';

export type ProposalAnswer = 'accept' | 'decline';

export interface AnswerProposalInput {
  proposal: MessageDTO;
  answer: ProposalAnswer;
}

/**
 * `accept` books (or moves) the session and answers it with the card; `decline` answers the
 * card (`withdrawn` when the proposer takes it back). The proposal's id is its message's id.
 */
export const answerProposal = async ({
  proposal,
  answer,
}: AnswerProposalInput): Promise<MessageDTO> => {
  const url = `/proposals/${encodeURIComponent(proposal._id)}/${answer}`;
  if (answer === 'accept') {
    const { data } = await apiClient.post<ProposalAcceptResponse>(url);
    return data.message;
  }
  const { data } = await apiClient.post<MessageDTO>(url);
  return data;
};

/** The card changes at once; the booking itself arrives through `booking:*` like any other. */
export const useAnswerProposal = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: answerProposal,
    onSuccess: (message) =>
      updateMessages(queryClient, message.conversationId, (data) => replaceMessage(data, message)),
    // Answered or expired meanwhile: show the card as it is now.
    onError: (error, { proposal }) => {
      if (toApiError(error).code === 'PROPOSAL_CLOSED') {
        void invalidateMessages(queryClient, proposal.conversationId);
      }
    },
  });
};
