import {
  MESSAGE_LIMITS,
  type ConversationDTO,
  type ConversationParticipantDTO,
  type MessageDTO,
  type MessagePreviewDTO,
} from '@coachhub/shared/conversation';
import type { ConversationRecord } from './conversation.model.js';
import type { MessageRecord } from './message.model.js';

/** One line of at most `previewMax` characters (whitespace folded), for lists and notifications. */
export function previewOf(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length <= MESSAGE_LIMITS.previewMax
    ? line
    : `${line.slice(0, MESSAGE_LIMITS.previewMax - 1)}…`;
}

export function toMessagePreviewDTO(message: MessageRecord): MessagePreviewDTO {
  return {
    _id: message._id.toString(),
    senderId: message.sender.toString(),
    preview: message.deleted || message.body === null ? null : previewOf(message.body),
    deleted: message.deleted,
    createdAt: message.createdAt.toISOString(),
  };
}

/** `replyTo`: the quoted message when it is still there (null if gone or not given). */
export function toMessageDTO(message: MessageRecord, replyTo: MessageRecord | null): MessageDTO {
  return {
    _id: message._id.toString(),
    conversationId: message.conversation.toString(),
    senderId: message.sender.toString(),
    kind: 'text',
    body: message.deleted ? null : message.body,
    image: null,
    proposal: null,
    replyTo: replyTo ? toMessagePreviewDTO(replyTo) : null,
    editedAt: message.editedAt ? message.editedAt.toISOString() : null,
    deleted: message.deleted,
    createdAt: message.createdAt.toISOString(),
    clientId: message.clientId ?? null,
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
