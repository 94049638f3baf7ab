import type { Role } from '@coachhub/shared/roles';
import { conversationRoom, userRoom } from '@coachhub/shared/socket-events';
import { isValidObjectId, type QueryFilter } from 'mongoose';
import { notFound } from '../../core/errors.js';
import { findActiveUserIdsByRole } from '../users/user-accounts.js';
import {
  Conversation,
  type ConversationFields,
  type ConversationRecord,
} from './conversation.model.js';

/** Who asks: HTTP's principal or a socket's data. */
export interface Caller {
  userId: string;
  role: Role;
}

/**
 * The conversations a caller may read and write: their own, and for admins every support
 * conversation. Everyone else gets 404, admins included (ids do not reveal conversations).
 */
export function accessFilter(caller: Caller): QueryFilter<ConversationFields> {
  return caller.role === 'admin'
    ? { $or: [{ participants: caller.userId }, { kind: 'support' }] }
    : { participants: caller.userId };
}

export async function findAccessible(
  caller: Caller,
  conversationId: string,
): Promise<ConversationRecord> {
  if (!isValidObjectId(conversationId)) throw notFound('Conversation');
  const conversation = await Conversation.findOne({
    $and: [{ _id: conversationId }, accessFilter(caller)],
  }).lean<ConversationRecord>();
  if (!conversation) throw notFound('Conversation');
  return conversation;
}

/**
 * Conversations a socket's user joined as a participant (`conversation:join`), remembered on that
 * socket so that each `message:send` there skips the conversation read. Safe because a
 * conversation's `kind` and `participants` never change once it exists and conversations are never
 * deleted, and because the socket closes when its session ends or its account is suspended. Access
 * through the admin role alone (support) is not remembered: a role can change under an open socket.
 * `reads` is kept only to know whether the user has a read mark yet (marks are never removed).
 */
export class JoinedConversations {
  /** Enough for every conversation a person has open; beyond it a send reads the conversation. */
  static readonly MAX = 200;
  private readonly joined = new Map<string, JoinedConversation>();

  constructor(private readonly userId: string) {}

  remember(conversation: ConversationRecord): void {
    const id = conversation._id.toString();
    if (this.joined.size >= JoinedConversations.MAX && !this.joined.has(id)) return;
    if (!conversation.participants.some((participant) => participant.toString() === this.userId)) {
      return;
    }
    // Only what a send uses, for as long as the socket lives (one per open conversation of every
    // connected user): not the key, the dates or the other participants' read marks.
    this.joined.set(id, {
      _id: conversation._id,
      kind: conversation.kind,
      participants: conversation.participants,
      reads: conversation.reads.filter((mark) => mark.user.toString() === this.userId),
    });
  }

  get(conversationId: string): JoinedConversation | undefined {
    return this.joined.get(conversationId);
  }
}

/**
 * What a send needs of its conversation: where it goes (`_id`, `kind`, `participants`) and the
 * read marks, of which the sender's own decides how its mark moves.
 */
export type JoinedConversation = Pick<
  ConversationRecord,
  '_id' | 'kind' | 'participants' | 'reads'
>;

/** Everyone who follows the conversation: its participants, plus the admins for support. */
export async function audienceOf(
  conversation: Pick<ConversationRecord, 'kind' | 'participants'>,
): Promise<string[]> {
  const participants = conversation.participants.map((id) => id.toString());
  if (conversation.kind !== 'support') return participants;
  return [...new Set([...participants, ...(await findActiveUserIdsByRole('admin'))])];
}

/** The sockets to tell: the conversation's room and each member's user room (once per socket). */
export const roomsOf = (conversationId: string, audience: readonly string[]): string[] => [
  conversationRoom(conversationId),
  ...audience.map(userRoom),
];
