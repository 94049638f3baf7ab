import {
  MESSAGE_LIMITS,
  type ConversationDTO,
  type ConversationPage,
  type MessageDeleteScope,
  type MessageDTO,
  type MessageHistory,
  type UnreadCounts,
} from '@coachhub/shared/conversation';
import { conversationRoom, userRoom } from '@coachhub/shared/socket-events';
import { isValidObjectId, Types } from 'mongoose';
import { isDuplicateKeyError } from '../../core/db/duplicate-key.js';
import { AppError, notFound } from '../../core/errors.js';
import { memoryRateLimits, type RateLimits } from '../../core/http/rate-limit.js';
import type { EventBus } from '../../core/events/event-bus.js';
import type { Realtime } from '../../core/socket/realtime.js';
import type { CoachPresenter } from '../coaches/coach-presenter.js';
import type { BookingsService } from '../scheduling/bookings/bookings.service.js';
import type { ImageStorage } from '../uploads/image-storage.js';
import { findBookingSummary } from '../scheduling/bookings/booking-lookup.js';
import { findUserById } from '../users/user-accounts.js';
import {
  accessFilter,
  audienceOf,
  findAccessible,
  roomsOf,
  type Caller,
  type JoinedConversation,
  type JoinedConversations,
} from './conversation-access.js';
import { previewOf, toMessageDTO } from './conversation.mapper.js';
import { createMessageDelivery, markReadUpTo } from './message-delivery.js';
import { createMessageModeration } from './message-moderation.js';
import { createBookingProposals } from './booking-proposals.js';
import { Conversation, type ConversationRecord } from './conversation.model.js';
import { presentConversations, readAtOf, unreadCounts } from './conversation-views.js';
import { insertMessage, Message, type MessageRecord } from './message.model.js';

export type { Caller } from './conversation-access.js';

/** `POST /api/conversations`: exactly one of these. */
export type OpenConversationInput =
  { participantId: string } | { bookingId: string } | { support: true };

export interface NewMessageInput {
  conversationId: string;
  /** Trimmed; may be empty (or left out) only when an image comes with it. */
  body?: string;
  replyTo?: string;
  clientId?: string;
  /** The bytes of one picture (multipart HTTP only), checked by content when stored. */
  image?: Buffer;
}

const invalid = (field: string, message: string) =>
  new AppError(400, 'VALIDATION_FAILED', 'The request is not valid', [
    { field, location: 'body', message },
  ]);

/**
 * Conversations and their messages. HTTP and the socket go through the same functions; every
 * write is stored first, then told to the sockets and published as a domain event.
 */
export function createConversationsService(deps: {
  realtime: Pick<Realtime, 'emitToRooms'>;
  events: EventBus;
  presenter: CoachPresenter;
  storage: Pick<ImageStorage, 'store' | 'removeQuietly'>;
  bookings: Pick<BookingsService, 'create' | 'reschedule' | 'preview'>;
  rateLimits: RateLimits;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const delivery = createMessageDelivery(deps);
  const proposals = createBookingProposals({ ...deps, delivery });
  // Typing is best effort: each process may count its own.
  const typingLimit = memoryRateLimits().counter({
    name: 'typing',
    points: 1,
    durationSeconds: MESSAGE_LIMITS.typingIntervalSeconds,
  });

  /** One conversation per key, however many ask at once (the unique index decides). */
  async function findOrCreate(
    key: string,
    fields: Pick<ConversationRecord, 'kind' | 'participants' | 'booking'>,
  ): Promise<{ conversation: ConversationRecord; created: boolean }> {
    const existing = await Conversation.findOne({ key }).lean<ConversationRecord>();
    if (existing) return { conversation: existing, created: false };
    try {
      const created = await Conversation.create({ key, ...fields, lastActivityAt: now() });
      return { conversation: created.toObject<ConversationRecord>(), created: true };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const winner = await Conversation.findOne({ key }).lean<ConversationRecord>();
      if (!winner) throw error;
      return { conversation: winner, created: false };
    }
  }

  const ids = (...userIds: string[]) =>
    [...new Set(userIds)].sort().map((id) => new Types.ObjectId(id));

  async function openDirect(caller: Caller, participantId: string) {
    if (participantId === caller.userId) {
      throw invalid('participantId', 'Must be someone else');
    }
    const other = await findUserById(participantId);
    if (!other || other.status !== 'active') throw notFound('User');
    if (caller.role !== 'coach' && other.role !== 'coach') {
      throw new AppError(403, 'FORBIDDEN', 'A direct conversation needs a coach on one side');
    }
    const participants = ids(caller.userId, participantId);
    return findOrCreate(`direct:${participants.join(':')}`, {
      kind: 'direct',
      participants,
      booking: null,
    });
  }

  /** The booking's conversation; only its client and coach may open it. */
  async function openForBooking(bookingId: string, caller?: Caller) {
    const booking = await findBookingSummary(bookingId);
    if (!booking || (caller && ![booking.clientId, booking.coachId].includes(caller.userId))) {
      throw notFound('Booking');
    }
    return findOrCreate(`booking:${booking.bookingId}`, {
      kind: 'booking',
      participants: ids(booking.clientId, booking.coachId),
      booking: new Types.ObjectId(booking.bookingId),
    });
  }

  async function openSupport(caller: Caller) {
    if (caller.role === 'admin') {
      throw new AppError(403, 'FORBIDDEN', 'Admins answer support conversations; they open none');
    }
    return findOrCreate(`support:${caller.userId}`, {
      kind: 'support',
      participants: ids(caller.userId),
      booking: null,
    });
  }

  async function present(caller: Caller, conversation: ConversationRecord) {
    const unread = await unreadCounts(caller.userId, [conversation]);
    const [view] = await presentConversations(
      deps.presenter,
      caller.userId,
      [conversation],
      unread,
    );
    return view as ConversationDTO;
  }

  async function unreadTotalOf(caller: Caller): Promise<number> {
    const all = await Conversation.find(accessFilter(caller))
      .select('_id reads')
      .lean<ConversationRecord[]>();
    let total = 0;
    for (const count of (await unreadCounts(caller.userId, all)).values()) total += count;
    return total;
  }

  async function messageFor(caller: Caller, messageId: string) {
    const message = isValidObjectId(messageId)
      ? await Message.findById(messageId).lean<MessageRecord>()
      : null;
    if (!message || message.hiddenFor.some((id) => id.toString() === caller.userId)) {
      throw notFound('Message');
    }
    try {
      const conversation = await findAccessible(caller, message.conversation.toString());
      return { message, conversation };
    } catch (error) {
      if (error instanceof AppError && error.status === 404) throw notFound('Message');
      throw error;
    }
  }

  async function withReply(message: MessageRecord): Promise<MessageDTO> {
    const replyTo = message.replyTo
      ? await Message.findById(message.replyTo).lean<MessageRecord>()
      : null;
    return toMessageDTO(message, replyTo, now());
  }

  const announceUpdate = delivery.announceUpdate;

  return {
    /** Booking proposals: `propose`, `accept`, `decline`. */
    proposals,

    /** For reports: which messages may be reported, their context for admins, taking one down. */
    moderation: createMessageModeration({ delivery }),

    /** 201 (`created`) or 200 with the one that existed. */
    async open(
      caller: Caller,
      input: OpenConversationInput,
    ): Promise<{ conversation: ConversationDTO; created: boolean }> {
      const opened =
        'participantId' in input
          ? await openDirect(caller, input.participantId)
          : 'bookingId' in input
            ? await openForBooking(input.bookingId, caller)
            : await openSupport(caller);
      return {
        conversation: await present(caller, opened.conversation),
        created: opened.created,
      };
    },

    /** For the `booking.created` subscriber: the booking's conversation exists from the start. */
    async openForNewBooking(bookingId: string): Promise<void> {
      await openForBooking(bookingId);
    },

    async list(caller: Caller, page: { page: number; limit: number }): Promise<ConversationPage> {
      const filter = accessFilter(caller);
      const [conversations, total, all] = await Promise.all([
        Conversation.find(filter)
          .sort({ lastActivityAt: -1, _id: -1 })
          .skip((page.page - 1) * page.limit)
          .limit(page.limit)
          .lean<ConversationRecord[]>(),
        Conversation.countDocuments(filter),
        Conversation.find(filter).select('_id reads').lean<ConversationRecord[]>(),
      ]);
      const unread = await unreadCounts(caller.userId, all);
      const items = await presentConversations(
        deps.presenter,
        caller.userId,
        conversations,
        unread,
      );
      let unreadTotal = 0;
      for (const count of unread.values()) unreadTotal += count;
      return { items, page: page.page, limit: page.limit, total, unreadTotal };
    },

    async get(caller: Caller, conversationId: string): Promise<ConversationDTO> {
      return present(caller, await findAccessible(caller, conversationId));
    },

    /** Checks that the caller may follow it (`conversation:join`); the conversation, to remember. */
    async assertMember(caller: Caller, conversationId: string): Promise<ConversationRecord> {
      return findAccessible(caller, conversationId);
    },

    /**
     * The page before `before` (the newest without it), or the messages after `after` (to catch
     * up after a reconnect: everything since the last one the client has), oldest first.
     */
    async history(
      caller: Caller,
      conversationId: string,
      input: { before?: string; after?: string; limit: number },
    ): Promise<MessageHistory> {
      const conversation = await findAccessible(caller, conversationId);
      const me = new Types.ObjectId(caller.userId);
      const field = input.after ? 'after' : 'before';
      const cursorId = input.after ?? input.before;
      let cursor: MessageRecord | null = null;
      if (cursorId) {
        cursor = await Message.findOne({
          _id: cursorId,
          conversation: conversation._id,
        }).lean<MessageRecord>();
        if (!cursor) {
          throw new AppError(400, 'VALIDATION_FAILED', 'The request is not valid', [
            { field, location: 'query', message: 'Must be a message of this conversation' },
          ]);
        }
      }
      // Messages share a createdAt at most within a millisecond: the id breaks the tie.
      const forward = input.after !== undefined;
      const beyond = forward ? '$gt' : '$lt';
      const direction = forward ? 1 : -1;
      const found = await Message.find({
        conversation: conversation._id,
        hiddenFor: { $ne: me },
        ...(cursor
          ? {
              $or: [
                { createdAt: { [beyond]: cursor.createdAt } },
                { createdAt: cursor.createdAt, _id: { [beyond]: cursor._id } },
              ],
            }
          : {}),
      })
        .sort({ createdAt: direction, _id: direction })
        .limit(input.limit + 1)
        .lean<MessageRecord[]>();
      const page = forward ? found.slice(0, input.limit) : found.slice(0, input.limit).reverse();
      const replyIds = page.flatMap((message) => (message.replyTo ? [message.replyTo] : []));
      const replies =
        replyIds.length > 0
          ? await Message.find({ _id: { $in: replyIds } }).lean<MessageRecord[]>()
          : [];
      const repliesById = new Map(replies.map((reply) => [reply._id.toString(), reply]));
      return {
        items: page.map((message) =>
          toMessageDTO(
            message,
            message.replyTo ? (repliesById.get(message.replyTo.toString()) ?? null) : null,
          ),
        ),
        hasMore: found.length > input.limit,
      };
    },

    /**
     * Stores the message, then tells the conversation's room and each member's user room (once
     * per socket) and publishes `message.created`. Limited per sender (HTTP and socket together).
     * `joined`: the socket's conversations whose access `conversation:join` already proved (no
     * read of the conversation then).
     */
    async send(
      caller: Caller,
      input: NewMessageInput,
      joined?: JoinedConversations,
    ): Promise<MessageDTO> {
      await delivery.admitSend(caller.userId);
      const conversation: JoinedConversation =
        joined?.get(input.conversationId) ?? (await findAccessible(caller, input.conversationId));
      let replyTo: MessageRecord | null = null;
      if (input.replyTo !== undefined) {
        replyTo = isValidObjectId(input.replyTo)
          ? await Message.findOne({
              _id: input.replyTo,
              conversation: conversation._id,
            }).lean<MessageRecord>()
          : null;
        if (!replyTo) throw invalid('replyTo', 'Must be a message of this conversation');
      }
      const body = input.body ?? '';
      if (body === '' && !input.image) throw invalid('body', 'Write a message or attach an image');
      const image = input.image ? await deps.storage.store(input.image, 'chat-images') : null;
      let message: MessageRecord;
      try {
        message = await insertMessage({
          conversation: conversation._id,
          sender: new Types.ObjectId(caller.userId),
          kind: 'text',
          body: body === '' ? null : body,
          image,
          replyTo: replyTo?._id ?? null,
          clientId: input.clientId ?? null,
        });
      } catch (error) {
        if (image) await deps.storage.removeQuietly(image.publicId);
        throw error;
      }
      const dto = toMessageDTO(message, replyTo, now());
      const audience = await delivery.announceNew(
        conversation,
        caller.userId,
        dto,
        message.createdAt,
      );
      deps.events.publish('message.created', {
        messageId: dto._id,
        conversationId: dto.conversationId,
        senderId: caller.userId,
        recipientIds: audience.filter((id) => id !== caller.userId),
        preview: body === '' ? '📷' : previewOf(body),
      });
      return dto;
    },

    /** The sender's new text; `editedAt` set. A message deleted for everyone stays deleted. */
    async edit(caller: Caller, messageId: string, body: string): Promise<MessageDTO> {
      const { message, conversation } = await messageFor(caller, messageId);
      if (message.sender.toString() !== caller.userId) {
        throw new AppError(403, 'FORBIDDEN', 'Only the sender may edit a message');
      }
      if (message.kind === 'proposal') {
        throw new AppError(409, 'CONFLICT', 'A proposal cannot be edited; withdraw it instead');
      }
      const edited = await Message.findOneAndUpdate(
        { _id: message._id, deleted: false },
        { $set: { body, editedAt: now() } },
        { returnDocument: 'after' },
      ).lean<MessageRecord>();
      if (!edited) throw new AppError(409, 'CONFLICT', 'The message was deleted');
      const dto = await withReply(edited);
      await announceUpdate(conversation, dto);
      return dto;
    },

    /**
     * `me`: hidden for the caller only (null). `everyone`: the sender, within the window, leaves
     * a tombstone without its body, which everyone receives as `message:updated`.
     */
    async remove(
      caller: Caller,
      messageId: string,
      scope: MessageDeleteScope,
    ): Promise<MessageDTO | null> {
      const { message, conversation } = await messageFor(caller, messageId);
      if (scope === 'me') {
        await Message.updateOne(
          { _id: message._id },
          { $addToSet: { hiddenFor: new Types.ObjectId(caller.userId) } },
        );
        return null;
      }
      if (message.sender.toString() !== caller.userId) {
        throw new AppError(403, 'FORBIDDEN', 'Only the sender may delete a message for everyone');
      }
      if (message.deleted) return withReply(message);
      if (message.kind === 'proposal') {
        throw new AppError(409, 'CONFLICT', 'A proposal cannot be deleted; withdraw it instead');
      }
      const windowMs = MESSAGE_LIMITS.deleteForEveryoneMinutes * 60_000;
      const at = now();
      const deleted = await Message.findOneAndUpdate(
        {
          _id: message._id,
          deleted: false,
          createdAt: { $gte: new Date(at.getTime() - windowMs) },
        },
        { $set: { deleted: true, deletedAt: at, body: null, image: null } },
        { returnDocument: 'after' },
      ).lean<MessageRecord>();
      if (deleted && message.image) await deps.storage.removeQuietly(message.image.publicId);
      if (!deleted) {
        throw new AppError(
          403,
          'FORBIDDEN',
          `A message can be deleted for everyone only within ${MESSAGE_LIMITS.deleteForEveryoneMinutes} minutes`,
        );
      }
      const dto = await withReply(deleted);
      await announceUpdate(conversation, dto);
      return dto;
    },

    /** Everything up to the newest message counts as read; the others hear `message:read`. */
    async markRead(caller: Caller, conversationId: string): Promise<UnreadCounts> {
      const conversation = await findAccessible(caller, conversationId);
      const newest = await Message.findOne({ conversation: conversation._id })
        .sort({ createdAt: -1, _id: -1 })
        .select('createdAt')
        .lean<Pick<MessageRecord, 'createdAt'>>();
      if (newest) {
        await markReadUpTo(conversation._id, caller.userId, newest.createdAt);
      }
      const updated = await findAccessible(caller, conversationId);
      const readAt = readAtOf(updated, caller.userId);
      if (newest && readAt) {
        const rooms = roomsOf(conversationId, await audienceOf(updated));
        deps.realtime.emitToRooms({ rooms }, 'message:read', {
          conversationId,
          userId: caller.userId,
          readAt: readAt.toISOString(),
        });
      }
      const [unread, unreadTotal] = await Promise.all([
        unreadCounts(caller.userId, [updated]),
        unreadTotalOf(caller),
      ]);
      return {
        conversationId,
        readAt: readAt ? readAt.toISOString() : null,
        unreadCount: unread.get(conversationId) ?? 0,
        unreadTotal,
      };
    },

    /**
     * Relays `typing` to the others who have the conversation open, at most once per interval per
     * user and conversation; false when this one was dropped.
     */
    async typing(caller: Caller, conversationId: string): Promise<boolean> {
      await findAccessible(caller, conversationId);
      if (!(await typingLimit(`${caller.userId}:${conversationId}`)).ok) return false;
      deps.realtime.emitToRooms(
        { rooms: [conversationRoom(conversationId)], except: [userRoom(caller.userId)] },
        'typing',
        { conversationId, userId: caller.userId },
      );
      return true;
    },
  };
}

export type ConversationsService = ReturnType<typeof createConversationsService>;
