import type { MessageDTO } from '@coachhub/shared/conversation';
import { isValidObjectId, Types, type ClientSession } from 'mongoose';
import { AppError, notFound } from '../../core/errors.js';
import { findAccessible, type Caller } from './conversation-access.js';
import { toMessageDTO, toModerationMessageDTO } from './conversation.mapper.js';
import { Conversation, type ConversationRecord } from './conversation.model.js';
import type { MessageDelivery } from './message-delivery.js';
import { Message, type MessageRecord } from './message.model.js';

/** A message someone may report: one they can see, in a conversation they take part in. */
export interface ReportableMessage {
  messageId: string;
  conversationId: string;
  senderId: string;
}

/** What the admin queue shows around a reported message. */
export interface MessageContext {
  message: MessageDTO;
  conversationId: string;
  /** Oldest first, up to `around` each. */
  before: MessageDTO[];
  after: MessageDTO[];
  participantIds: string[];
}

export interface HideMessageInput {
  messageId: string;
  actorId: string;
  reason: string;
}

/**
 * Moderation of chat messages for the reports feature. Admins never read conversations
 * directly: only a reported message and the few around it, through `contextOf`.
 */
export function createMessageModeration(deps: {
  delivery: Pick<MessageDelivery, 'announceUpdate'>;
}) {
  async function conversationOf(message: MessageRecord): Promise<ConversationRecord | null> {
    return Conversation.findById(message.conversation).lean<ConversationRecord>();
  }

  return {
    /** 404 unless the caller can see the message (a participant, not deleted for them). */
    async findReportable(caller: Caller, messageId: string): Promise<ReportableMessage> {
      const message = isValidObjectId(messageId)
        ? await Message.findById(messageId).lean<MessageRecord>()
        : null;
      if (!message || message.hiddenFor.some((id) => id.toString() === caller.userId)) {
        throw notFound('Message');
      }
      try {
        await findAccessible(caller, message.conversation.toString());
      } catch (error) {
        if (error instanceof AppError && error.status === 404) throw notFound('Message');
        throw error;
      }
      return {
        messageId: message._id.toString(),
        conversationId: message.conversation.toString(),
        senderId: message.sender.toString(),
      };
    },

    /** The message and up to `around` messages on each side (everyone's, hidden ones too); null when gone. */
    async contextOf(messageId: string, around: number): Promise<MessageContext | null> {
      const message = await Message.findById(messageId).lean<MessageRecord>();
      if (!message) return null;
      const inConversation = { conversation: message.conversation };
      const at = message.createdAt;
      const [older, newer, conversation] = await Promise.all([
        Message.find({
          ...inConversation,
          $or: [{ createdAt: { $lt: at } }, { createdAt: at, _id: { $lt: message._id } }],
        })
          .sort({ createdAt: -1, _id: -1 })
          .limit(around)
          .lean<MessageRecord[]>(),
        Message.find({
          ...inConversation,
          $or: [{ createdAt: { $gt: at } }, { createdAt: at, _id: { $gt: message._id } }],
        })
          .sort({ createdAt: 1, _id: 1 })
          .limit(around)
          .lean<MessageRecord[]>(),
        conversationOf(message),
      ]);
      const now = new Date();
      const show = (record: MessageRecord) => toModerationMessageDTO(record, now);
      return {
        message: show(message),
        conversationId: message.conversation.toString(),
        before: older.reverse().map(show),
        after: newer.map(show),
        participantIds: conversation?.participants.map((id) => id.toString()) ?? [],
      };
    },

    /**
     * Takes the message down for everyone (a tombstone marked as moderated), inside the caller's
     * transaction; call the returned function after the commit to tell the conversation's sockets.
     * False when it was already taken down (by moderation or by its sender).
     */
    async hide(
      input: HideMessageInput,
      session: ClientSession,
    ): Promise<{ hidden: boolean; announce: () => Promise<void> }> {
      const at = new Date();
      const hidden = await Message.findOneAndUpdate(
        { _id: input.messageId, deleted: false },
        {
          $set: {
            deleted: true,
            deletedAt: at,
            moderation: { by: new Types.ObjectId(input.actorId), at, reason: input.reason },
          },
        },
        { returnDocument: 'after', session },
      ).lean<MessageRecord>();
      if (!hidden) {
        if (!(await Message.exists({ _id: input.messageId }).session(session))) {
          throw notFound('Message');
        }
        return { hidden: false, announce: async () => {} };
      }
      return {
        hidden: true,
        announce: async () => {
          const [conversation, replyTo] = await Promise.all([
            conversationOf(hidden),
            hidden.replyTo ? Message.findById(hidden.replyTo).lean<MessageRecord>() : null,
          ]);
          if (!conversation) return;
          await deps.delivery.announceUpdate(conversation, toMessageDTO(hidden, replyTo));
        },
      };
    },
  };
}

export type MessageModeration = ReturnType<typeof createMessageModeration>;
