import type { ConversationDTO, ConversationParticipantDTO } from '@coachhub/shared/conversation';
import { Types } from 'mongoose';
import type { CoachPresenter } from '../coaches/coach-presenter.js';
import { findUserSummaries } from '../users/user-accounts.js';
import { toConversationDTO } from './conversation.mapper.js';
import type { ConversationRecord } from './conversation.model.js';
import { Message, type MessageRecord } from './message.model.js';

type Reads = Pick<ConversationRecord, '_id' | 'reads'>;

export function readAtOf(conversation: Reads, userId: string): Date | null {
  return conversation.reads.find((mark) => mark.user.toString() === userId)?.readAt ?? null;
}

/**
 * Unread messages per conversation for `userId` (one aggregate for all of them): messages of
 * others after the user's read mark, neither deleted nor hidden for the user.
 */
export async function unreadCounts(
  userId: string,
  conversations: readonly Reads[],
): Promise<Map<string, number>> {
  if (conversations.length === 0) return new Map();
  const me = new Types.ObjectId(userId);
  const rows = await Message.aggregate<{ _id: Types.ObjectId; count: number }>([
    {
      $match: {
        $or: conversations.map((conversation) => {
          const readAt = readAtOf(conversation, userId);
          return readAt
            ? { conversation: conversation._id, createdAt: { $gt: readAt } }
            : { conversation: conversation._id };
        }),
        sender: { $ne: me },
        deleted: false,
        hiddenFor: { $ne: me },
      },
    },
    { $group: { _id: '$conversation', count: { $sum: 1 } } },
  ]);
  return new Map(rows.map((row) => [row._id.toString(), row.count]));
}

/** The newest message each user can see, per conversation (one aggregate). */
async function lastMessages(
  userId: string,
  conversationIds: readonly Types.ObjectId[],
): Promise<Map<string, MessageRecord>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await Message.aggregate<{ _id: Types.ObjectId; last: MessageRecord }>([
    {
      $match: {
        conversation: { $in: conversationIds },
        hiddenFor: { $ne: new Types.ObjectId(userId) },
      },
    },
    { $sort: { conversation: 1, createdAt: -1, _id: -1 } },
    { $group: { _id: '$conversation', last: { $first: '$$ROOT' } } },
  ]);
  return new Map(rows.map((row) => [row._id.toString(), row.last]));
}

/**
 * The people other than the caller: coaches as CoachDTOs through the coach presenter, everyone
 * else as a user summary. One summary query, then the presenter for the coaches among them.
 */
async function participantViews(
  presenter: CoachPresenter,
  userIds: readonly string[],
): Promise<Map<string, ConversationParticipantDTO>> {
  if (userIds.length === 0) return new Map();
  const summaries = await findUserSummaries(userIds);
  const coaches = await presenter.presentByUserIds(
    summaries.filter((user) => user.role === 'coach').map((user) => user._id),
  );
  const coachesById = new Map(coaches.map((coach) => [coach._id, coach]));
  return new Map(
    summaries.map((user): [string, ConversationParticipantDTO] => {
      const coach = coachesById.get(user._id);
      return [user._id, coach ? { kind: 'coach', coach } : { kind: 'user', user }];
    }),
  );
}

/** The caller's views of these conversations, in their order (a fixed number of queries). */
export async function presentConversations(
  presenter: CoachPresenter,
  userId: string,
  conversations: readonly ConversationRecord[],
  unread: ReadonlyMap<string, number>,
): Promise<ConversationDTO[]> {
  const otherIds = [
    ...new Set(
      conversations.flatMap((conversation) =>
        conversation.participants.map((id) => id.toString()).filter((id) => id !== userId),
      ),
    ),
  ];
  const [people, last] = await Promise.all([
    participantViews(presenter, otherIds),
    lastMessages(
      userId,
      conversations.map((conversation) => conversation._id),
    ),
  ]);
  return conversations.map((conversation) => {
    const id = conversation._id.toString();
    return toConversationDTO(conversation, {
      others: conversation.participants.flatMap((participant) => {
        const view =
          participant.toString() === userId ? undefined : people.get(participant.toString());
        return view ? [view] : [];
      }),
      lastMessage: last.get(id) ?? null,
      unreadCount: unread.get(id) ?? 0,
    });
  });
}
