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

/** Everyone who follows the conversation: its participants, plus the admins for support. */
export async function audienceOf(conversation: ConversationRecord): Promise<string[]> {
  const participants = conversation.participants.map((id) => id.toString());
  if (conversation.kind !== 'support') return participants;
  return [...new Set([...participants, ...(await findActiveUserIdsByRole('admin'))])];
}

/** The sockets to tell: the conversation's room and each member's user room (once per socket). */
export const roomsOf = (conversationId: string, audience: readonly string[]): string[] => [
  conversationRoom(conversationId),
  ...audience.map(userRoom),
];
