import type { BookingDTO } from '@coachhub/shared/booking';
import type { MessageDTO, ProposalAcceptResponse } from '@coachhub/shared/conversation';
import { isValidObjectId, Types } from 'mongoose';
import type { Actor } from '../../core/auth/principal.js';
import { AppError, notFound } from '../../core/errors.js';
import type { EventBus } from '../../core/events/event-bus.js';
import type { BookingsService } from '../scheduling/bookings/bookings.service.js';
import { findBookableSessionType } from '../scheduling/session-types/session-type-lookup.js';
import { findUserById } from '../users/user-accounts.js';
import { findAccessible, type Caller } from './conversation-access.js';
import { proposalStatusOf, toMessageDTO } from './conversation.mapper.js';
import type { ConversationRecord } from './conversation.model.js';
import type { MessageDelivery } from './message-delivery.js';
import { Message, type MessageRecord, type ProposalFields } from './message.model.js';

/** `POST /api/conversations/:id/proposals`: a new session, or a new time for a booking. */
export type ProposalInput =
  { sessionTypeId: string; start: Date } | { bookingId: string; start: Date };

/**
 * An answer that claimed a proposal and then died (a crashed process) leaves it `accepting`;
 * after this long another answer may take it. The booking it may have made is found again by
 * its idempotency key, so a retry never makes a second one.
 */
export const PROPOSAL_CLAIM_MS = 60_000;

const closed = () =>
  new AppError(409, 'PROPOSAL_CLOSED', 'This proposal was already answered or has expired');

const invalid = (field: string, message: string) =>
  new AppError(400, 'VALIDATION_FAILED', 'The request is not valid', [
    { field, location: 'body', message },
  ]);

/** The booking made from a proposal carries this key, whoever accepts and however often. */
const agreementKey = (messageId: string) => `proposal-${messageId}`;

/**
 * Booking proposals inside a conversation. Proposing checks the time like the booking would be
 * checked; accepting books (or moves the booking) through the booking service with its own rules
 * and 409s. One answer wins: it first claims the open proposal with a conditional write.
 */
export function createBookingProposals(deps: {
  bookings: Pick<BookingsService, 'create' | 'reschedule' | 'preview'>;
  delivery: MessageDelivery;
  events: EventBus;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const { delivery } = deps;

  /** The two people of a conversation that can carry proposals: a coach and their client. */
  async function pairOf(conversation: ConversationRecord, caller: Caller) {
    const participants = conversation.participants.map((id) => id.toString());
    if (conversation.kind === 'support' || participants.length !== 2) {
      throw new AppError(403, 'FORBIDDEN', 'Proposals are made between a coach and a client');
    }
    const other = participants.find((id) => id !== caller.userId);
    if (!other) throw notFound('Conversation');
    return { me: caller.userId, other };
  }

  /** Which of the two offers this session type (its coach); the other is the client. */
  async function newBookingProposal(
    pair: { me: string; other: string },
    sessionTypeId: string,
    start: Date,
  ): Promise<ProposalFields> {
    let coachId: string | null = null;
    for (const candidate of [pair.other, pair.me]) {
      if (await findBookableSessionType(candidate, sessionTypeId)) {
        coachId = candidate;
        break;
      }
    }
    if (!coachId) throw notFound('Session type');
    const clientId = coachId === pair.me ? pair.other : pair.me;
    const client = await findUserById(clientId);
    if (!client || client.status !== 'active') throw notFound('User');
    const preview = await deps.bookings.preview.newBooking({
      coachId,
      clientId,
      clientRole: client.role,
      sessionTypeId,
      start,
    });
    return {
      kind: 'booking',
      status: 'open',
      coach: new Types.ObjectId(coachId),
      client: new Types.ObjectId(clientId),
      sessionType: preview.sessionType,
      start: preview.start,
      end: preview.end,
      booking: null,
      previousStart: null,
      price: preview.price,
      answeredBy: null,
      answeredAt: null,
      claimedAt: null,
    };
  }

  async function rescheduleProposal(
    caller: Caller,
    pair: { me: string; other: string },
    bookingId: string,
    start: Date,
  ): Promise<ProposalFields> {
    const preview = await deps.bookings.preview.reschedule(caller, bookingId, start);
    if (![preview.coachId, preview.clientId].includes(pair.other)) {
      throw invalid('bookingId', 'Must be a booking between the two people of this conversation');
    }
    return {
      kind: 'reschedule',
      status: 'open',
      coach: new Types.ObjectId(preview.coachId),
      client: new Types.ObjectId(preview.clientId),
      sessionType: preview.sessionType,
      start: preview.start,
      end: preview.end,
      booking: new Types.ObjectId(preview.bookingId),
      previousStart: preview.previousStart,
      price: null,
      answeredBy: null,
      answeredAt: null,
      claimedAt: null,
    };
  }

  /** The proposal message and its conversation, as the caller may see them; else 404. */
  async function proposalFor(caller: Caller, messageId: string) {
    const message = isValidObjectId(messageId)
      ? await Message.findOne({ _id: messageId, kind: 'proposal' }).lean<MessageRecord>()
      : null;
    if (!message?.proposal || message.hiddenFor.some((id) => id.toString() === caller.userId)) {
      throw notFound('Proposal');
    }
    let conversation: ConversationRecord;
    try {
      conversation = await findAccessible(caller, message.conversation.toString());
    } catch (error) {
      if (error instanceof AppError && error.status === 404) throw notFound('Proposal');
      throw error;
    }
    return { message, proposal: message.proposal, conversation };
  }

  async function finish(
    conversation: ConversationRecord,
    updated: MessageRecord,
    answeredBy: string,
  ): Promise<MessageDTO> {
    const dto = toMessageDTO(updated, null, now());
    await delivery.announceUpdate(conversation, dto);
    const proposal = updated.proposal as ProposalFields;
    deps.events.publish('proposal.answered', {
      messageId: dto._id,
      conversationId: dto.conversationId,
      proposerId: dto.senderId,
      answeredBy,
      outcome: proposal.status as 'accepted' | 'declined' | 'withdrawn',
      kind: proposal.kind,
      start: proposal.start,
      sessionTitle: proposal.sessionType.title,
      bookingId: proposal.booking ? proposal.booking.toString() : null,
    });
    return dto;
  }

  async function book(
    message: MessageRecord,
    proposal: ProposalFields,
    caller: Actor,
  ): Promise<BookingDTO> {
    if (proposal.kind === 'reschedule') {
      // Both sides agreed on this time: it moves at once, approval and fee window aside.
      return deps.bookings.reschedule(caller, String(proposal.booking), proposal.start, {
        agreed: true,
      });
    }
    const clientId = proposal.client.toString();
    const client = await findUserById(clientId);
    if (!client || client.status !== 'active') throw notFound('User');
    // Booked as the client, who proposed or accepts this time; confirmed, as both agreed.
    const { booking } = await deps.bookings.create(
      { userId: clientId, role: client.role },
      {
        coachId: proposal.coach.toString(),
        sessionTypeId: proposal.sessionType._id,
        start: proposal.start,
      },
      agreementKey(message._id.toString()),
      { agreed: true },
    );
    return booking;
  }

  return {
    async propose(
      caller: Caller,
      conversationId: string,
      input: ProposalInput,
    ): Promise<MessageDTO> {
      await delivery.admitSend(caller.userId);
      const conversation = await findAccessible(caller, conversationId);
      const pair = await pairOf(conversation, caller);
      const proposal =
        'sessionTypeId' in input
          ? await newBookingProposal(pair, input.sessionTypeId, input.start)
          : await rescheduleProposal(caller, pair, input.bookingId, input.start);
      const created = await Message.create({
        conversation: conversation._id,
        sender: caller.userId,
        kind: 'proposal',
        body: null,
        proposal,
      });
      const message = created.toObject<MessageRecord>();
      const dto = toMessageDTO(message, null, now());
      await delivery.announceNew(conversation, caller.userId, dto, message.createdAt);
      deps.events.publish('proposal.sent', {
        messageId: dto._id,
        conversationId: dto.conversationId,
        proposerId: caller.userId,
        recipientId: pair.other,
        kind: proposal.kind,
        start: proposal.start,
        sessionTitle: proposal.sessionType.title,
      });
      return dto;
    },

    /**
     * The other side says yes: claim the open proposal (one answer wins), then book or move the
     * booking through the booking service. Its refusal (409 BOOKING_CONFLICT, SLOT_UNAVAILABLE,
     * INVALID_TRANSITION, ...) reopens the proposal and is the answer.
     */
    async accept(caller: Caller, messageId: string): Promise<ProposalAcceptResponse> {
      const { message, proposal, conversation } = await proposalFor(caller, messageId);
      if (message.sender.toString() === caller.userId) {
        throw new AppError(403, 'FORBIDDEN', 'The other side answers a proposal');
      }
      const at = now();
      if (proposalStatusOf(proposal, at) !== 'open') throw closed();
      const claimed = await Message.findOneAndUpdate(
        {
          _id: message._id,
          'proposal.start': { $gt: at },
          $or: [
            { 'proposal.status': 'open' },
            {
              'proposal.status': 'accepting',
              'proposal.claimedAt': { $lt: new Date(at.getTime() - PROPOSAL_CLAIM_MS) },
            },
          ],
        },
        { $set: { 'proposal.status': 'accepting', 'proposal.claimedAt': at } },
        { returnDocument: 'after' },
      ).lean<MessageRecord>();
      if (!claimed?.proposal) throw closed();
      let booking: BookingDTO;
      try {
        booking = await book(claimed, claimed.proposal, caller);
      } catch (error) {
        await Message.updateOne(
          { _id: message._id, 'proposal.status': 'accepting', 'proposal.claimedAt': at },
          { $set: { 'proposal.status': 'open', 'proposal.claimedAt': null } },
        );
        throw error;
      }
      const accepted = await Message.findOneAndUpdate(
        { _id: message._id, 'proposal.status': 'accepting' },
        {
          $set: {
            'proposal.status': 'accepted',
            'proposal.booking': new Types.ObjectId(booking._id),
            'proposal.answeredBy': new Types.ObjectId(caller.userId),
            'proposal.answeredAt': now(),
          },
        },
        { returnDocument: 'after' },
      ).lean<MessageRecord>();
      if (!accepted) throw closed();
      return { booking, message: await finish(conversation, accepted, caller.userId) };
    },

    /** The other side says no (`declined`), or the proposer takes it back (`withdrawn`). */
    async decline(caller: Caller, messageId: string): Promise<MessageDTO> {
      const { message, conversation } = await proposalFor(caller, messageId);
      const at = now();
      const outcome = message.sender.toString() === caller.userId ? 'withdrawn' : 'declined';
      const answered = await Message.findOneAndUpdate(
        { _id: message._id, 'proposal.status': 'open', 'proposal.start': { $gt: at } },
        {
          $set: {
            'proposal.status': outcome,
            'proposal.answeredBy': new Types.ObjectId(caller.userId),
            'proposal.answeredAt': at,
          },
        },
        { returnDocument: 'after' },
      ).lean<MessageRecord>();
      if (!answered) throw closed();
      return finish(conversation, answered, caller.userId);
    },
  };
}

export type BookingProposals = ReturnType<typeof createBookingProposals>;
