import { MESSAGE_LIMITS, type MessageDTO } from '@coachhub/shared/conversation';
import { type Collection, Types } from 'mongoose';
import { AppError } from '../../core/errors.js';
import type { RateLimits } from '../../core/http/rate-limit.js';
import type { Realtime } from '../../core/socket/realtime.js';
import { audienceOf, type JoinedConversation, roomsOf } from './conversation-access.js';
import {
  Conversation,
  type ConversationFields,
  type ConversationRecord,
  type ReadMark,
} from './conversation.model.js';

/** Moves the user's read mark forward to `at` (never back), race-free. */
export async function markReadUpTo(conversationId: Types.ObjectId, userId: string, at: Date) {
  const user = new Types.ObjectId(userId);
  const pushed = await Conversation.updateOne(
    { _id: conversationId, 'reads.user': { $ne: user } },
    { $push: { reads: { user, readAt: at } } },
  );
  if (pushed.modifiedCount > 0) return;
  await Conversation.updateOne(
    { _id: conversationId, reads: { $elemMatch: { user, readAt: { $lt: at } } } },
    { $set: { 'reads.$.readAt': at } },
  );
}

/**
 * A new message at `at`: the conversation's activity moves up to it and the sender's read mark
 * forward to it (never back), in one update. Whether the sender has a mark yet is known from the
 * conversation given (read now, or remembered since `conversation:join`; marks are never removed);
 * a mark pushed meanwhile (two sends at once) makes the `$push` match nothing, and the `$set` then
 * moves the mark that won. Once the sender has a mark, `conversation.reads` says so (the mark is
 * added to it in memory), so that a remembered conversation takes the one-update path next time.
 * It runs on every message, so it goes to the driver's collection: the filter and update are
 * built here from typed values (an ObjectId, a Date), with nothing for Mongoose to cast, and its
 * casting and update hooks cost more than the update itself.
 */
export async function recordNewMessage(
  conversation: Pick<ConversationRecord, '_id' | 'reads'>,
  senderId: string,
  at: Date,
): Promise<void> {
  const user = new Types.ObjectId(senderId);
  // Mongoose types the driver's collection for any document; this one holds conversations.
  const conversations = Conversation.collection as unknown as Collection<ConversationFields>;
  const activity = { $max: { lastActivityAt: at } };
  const moveMark = () =>
    conversations.updateOne(
      { _id: conversation._id },
      { ...activity, $set: { 'reads.$[mine].readAt': at } },
      { arrayFilters: [{ 'mine.user': user, 'mine.readAt': { $lt: at } }] },
    );
  if (conversation.reads.some((mark) => mark.user.equals(user))) {
    await moveMark();
    return;
  }
  const mark: ReadMark = { user, readAt: at };
  const pushed = await conversations.updateOne(
    { _id: conversation._id, 'reads.user': { $ne: user } },
    { ...activity, $push: { reads: mark } },
  );
  if (pushed.matchedCount === 0) await moveMark();
  conversation.reads.push(mark);
}

/**
 * What every kind of message shares once it is stored: the sender's limit, the conversation's
 * activity and the sender's read mark, and telling the sockets (persist, then emit).
 */
export function createMessageDelivery(deps: {
  realtime: Pick<Realtime, 'emitToRooms'>;
  rateLimits: RateLimits;
}) {
  // Counted across processes when the counters are in Redis (HTTP and socket together).
  const sendLimit = deps.rateLimits.counter({
    name: 'message-send',
    points: MESSAGE_LIMITS.sendBurst,
    durationSeconds: MESSAGE_LIMITS.sendWindowSeconds,
  });

  return {
    /** 429 when the sender is over the message limit (messages and proposals together). */
    async admitSend(userId: string): Promise<void> {
      const allowed = await sendLimit(userId);
      if (allowed.ok) return;
      const retryAfterSeconds = Math.max(1, Math.ceil(allowed.retryAfterMs / 1000));
      throw new AppError(
        429,
        'RATE_LIMITED',
        `Too many messages: at most ${MESSAGE_LIMITS.sendBurst} in ${MESSAGE_LIMITS.sendWindowSeconds} seconds`,
        { retryAfterSeconds },
      );
    },

    /**
     * After the message is stored: the conversation moves up the lists, the sender has read what
     * they wrote, and `message:new` goes to the conversation's room and each member's user room.
     * Returns who follows the conversation.
     */
    async announceNew(
      conversation: JoinedConversation,
      senderId: string,
      dto: MessageDTO,
      createdAt: Date,
    ): Promise<string[]> {
      await recordNewMessage(conversation, senderId, createdAt);
      const audience = await audienceOf(conversation);
      deps.realtime.emitToRooms({ rooms: roomsOf(dto.conversationId, audience) }, 'message:new', {
        message: dto,
      });
      return audience;
    },

    /** An edited, deleted or answered message, to everyone who follows the conversation. */
    async announceUpdate(conversation: ConversationRecord, dto: MessageDTO): Promise<void> {
      const rooms = roomsOf(conversation._id.toString(), await audienceOf(conversation));
      deps.realtime.emitToRooms({ rooms }, 'message:updated', { message: dto });
    },
  };
}

export type MessageDelivery = ReturnType<typeof createMessageDelivery>;
