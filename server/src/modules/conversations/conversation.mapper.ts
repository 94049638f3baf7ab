import {
  MESSAGE_LIMITS,
  type BookingProposalDTO,
  type ConversationDTO,
  type ConversationParticipantDTO,
  type MessageDTO,
  type MessagePreviewDTO,
  type ProposalStatus,
} from '@coachhub/shared/conversation';
import type { ConversationRecord } from './conversation.model.js';
import type { MessageRecord, ProposalFields } from './message.model.js';

/** One line of at most `previewMax` characters (whitespace folded), for lists and notifications. */
export function previewOf(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length <= MESSAGE_LIMITS.previewMax
    ? line
    : `${line.slice(0, MESSAGE_LIMITS.previewMax - 1)}…`;
}

/** What a list or a quote shows of a message without text: its picture, or its proposal. */
function previewText(message: MessageRecord): string | null {
  if (message.deleted) return null;
  if (message.body) return previewOf(message.body);
  if (message.image) return '📷';
  if (message.proposal) return `📅 ${message.proposal.sessionType.title}`;
  return null;
}

export function toMessagePreviewDTO(message: MessageRecord): MessagePreviewDTO {
  return {
    _id: message._id.toString(),
    senderId: message.sender.toString(),
    preview: previewText(message),
    deleted: message.deleted,
    createdAt: message.createdAt.toISOString(),
  };
}

/** An unanswered proposal whose start has passed has expired; a claim in progress is still open. */
export function proposalStatusOf(proposal: ProposalFields, now: Date): ProposalStatus {
  const { status } = proposal;
  if (status === 'open' || status === 'accepting') {
    return proposal.start.getTime() <= now.getTime() ? 'expired' : 'open';
  }
  return status;
}

export function toProposalDTO(
  messageId: string,
  senderId: string,
  proposal: ProposalFields,
  now: Date,
): BookingProposalDTO {
  return {
    _id: messageId,
    kind: proposal.kind,
    status: proposalStatusOf(proposal, now),
    proposedBy: senderId,
    coachId: proposal.coach.toString(),
    clientId: proposal.client.toString(),
    sessionType: { ...proposal.sessionType },
    start: proposal.start.toISOString(),
    end: proposal.end.toISOString(),
    bookingId: proposal.booking ? proposal.booking.toString() : null,
    previousStart: proposal.previousStart ? proposal.previousStart.toISOString() : null,
    price: proposal.price
      ? { amount: proposal.price.amount, currency: proposal.price.currency }
      : null,
    answeredBy: proposal.answeredBy ? proposal.answeredBy.toString() : null,
    answeredAt: proposal.answeredAt ? proposal.answeredAt.toISOString() : null,
  };
}

/** `replyTo`: the quoted message when it is still there (null if gone or not given). */
export function toMessageDTO(
  message: MessageRecord,
  replyTo: MessageRecord | null,
  now: Date = new Date(),
): MessageDTO {
  const messageId = message._id.toString();
  const senderId = message.sender.toString();
  return {
    _id: messageId,
    conversationId: message.conversation.toString(),
    senderId,
    kind: message.kind ?? 'text',
    body: message.deleted ? null : message.body,
    image: message.image && !message.deleted ? { url: message.image.url } : null,
    proposal: message.proposal ? toProposalDTO(messageId, senderId, message.proposal, now) : null,
    replyTo: replyTo ? toMessagePreviewDTO(replyTo) : null,
    editedAt: message.editedAt ? message.editedAt.toISOString() : null,
    deleted: message.deleted,
    ...(message.moderation ? { moderated: true } : {}),
    createdAt: message.createdAt.toISOString(),
    clientId: message.clientId ?? null,
  };
}

/**
 * A message as an admin sees it through a report: a message taken down by moderation keeps its
 * text and picture here (its sender's own deletion leaves nothing to show).
 */
export function toModerationMessageDTO(message: MessageRecord, now: Date = new Date()): MessageDTO {
  const dto = toMessageDTO(message, null, now);
  if (!message.moderation) return dto;
  return {
    ...dto,
    body: message.body,
    image: message.image ? { url: message.image.url } : null,
  };
}

/** The caller's view of a conversation; `others`, the last message and counts come with it. */
export function toConversationDTO(
  conversation: ConversationRecord,
  view: {
    others: ConversationParticipantDTO[];
    lastMessage: MessageRecord | null;
    unreadCount: number;
  },
): ConversationDTO {
  return {
    _id: conversation._id.toString(),
    kind: conversation.kind,
    bookingId: conversation.booking ? conversation.booking.toString() : null,
    participantIds: conversation.participants.map((id) => id.toString()),
    others: view.others,
    lastMessage: view.lastMessage ? toMessagePreviewDTO(view.lastMessage) : null,
    unreadCount: view.unreadCount,
    reads: conversation.reads.map((mark) => ({
      userId: mark.user.toString(),
      readAt: mark.readAt.toISOString(),
    })),
    lastActivityAt: conversation.lastActivityAt.toISOString(),
    createdAt: conversation.createdAt.toISOString(),
  };
}
