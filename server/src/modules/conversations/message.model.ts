import type { BookingSessionTypeSummary } from '@coachhub/shared/booking';
import {
  MESSAGE_KINDS,
  PROPOSAL_KINDS,
  type MessageKind,
  type ProposalKind,
} from '@coachhub/shared/conversation';
import type { Money } from '@coachhub/shared/pricing';
import type { StoredImage } from '@coachhub/shared/user';
import { type Collection, model, Schema, Types } from 'mongoose';
import { storedImageSchema } from '../uploads/stored-image.schema.js';

/**
 * What is stored of a proposal's state. `accepting`: one answer has claimed it and is booking
 * (shown as open); a claim older than `PROPOSAL_CLAIM_MS` is abandoned and may be taken again.
 * `expired` is never stored: it is an open proposal whose start has passed.
 */
export const STORED_PROPOSAL_STATUSES = [
  'open',
  'accepting',
  'accepted',
  'declined',
  'withdrawn',
] as const;
export type StoredProposalStatus = (typeof STORED_PROPOSAL_STATUSES)[number];

export interface ProposalFields {
  kind: ProposalKind;
  status: StoredProposalStatus;
  coach: Types.ObjectId;
  client: Types.ObjectId;
  sessionType: BookingSessionTypeSummary;
  start: Date;
  end: Date;
  /** `reschedule`: the booking to move. `booking`: the booking made once accepted. */
  booking: Types.ObjectId | null;
  previousStart: Date | null;
  price: Money | null;
  answeredBy: Types.ObjectId | null;
  answeredAt: Date | null;
  claimedAt: Date | null;
}

/** An admin took the message down after a report: hidden for everyone, kept for the record. */
export interface ModerationMark {
  by: Types.ObjectId;
  at: Date;
  reason: string;
}

export interface MessageFields {
  conversation: Types.ObjectId;
  sender: Types.ObjectId;
  kind: MessageKind;
  /** Null once deleted for everyone (a tombstone), and for proposals. */
  body: string | null;
  image: StoredImage | null;
  proposal: ProposalFields | null;
  replyTo: Types.ObjectId | null;
  editedAt: Date | null;
  deleted: boolean;
  deletedAt: Date | null;
  /** Users who deleted it for themselves: they no longer see it. */
  hiddenFor: Types.ObjectId[];
  clientId: string | null;
  /** Set when an admin hid it (the body and picture stay stored, shown to admins only). */
  moderation: ModerationMark | null;
  createdAt: Date;
}

export type MessageRecord = MessageFields & { _id: Types.ObjectId };

const proposalSchema = new Schema<ProposalFields>(
  {
    kind: { type: String, enum: PROPOSAL_KINDS, required: true },
    status: { type: String, enum: STORED_PROPOSAL_STATUSES, required: true },
    coach: { type: Schema.Types.ObjectId, required: true },
    client: { type: Schema.Types.ObjectId, required: true },
    sessionType: {
      _id: { type: String, required: true },
      title: { type: String, required: true },
      durationMinutes: { type: Number, required: true },
      mode: { type: String, required: true },
    },
    start: { type: Date, required: true },
    end: { type: Date, required: true },
    booking: { type: Schema.Types.ObjectId, default: null },
    previousStart: { type: Date, default: null },
    price: {
      type: new Schema({ amount: Number, currency: String }, { _id: false }),
      default: null,
    },
    answeredBy: { type: Schema.Types.ObjectId, default: null },
    answeredAt: { type: Date, default: null },
    claimedAt: { type: Date, default: null },
  },
  { _id: false },
);

const messageSchema = new Schema<MessageFields>(
  {
    conversation: { type: Schema.Types.ObjectId, required: true, immutable: true },
    sender: { type: Schema.Types.ObjectId, ref: 'User', required: true, immutable: true },
    kind: { type: String, enum: MESSAGE_KINDS, default: 'text', immutable: true },
    body: { type: String, default: null },
    image: { type: storedImageSchema, default: null },
    proposal: { type: proposalSchema, default: null },
    replyTo: { type: Schema.Types.ObjectId, default: null, immutable: true },
    editedAt: { type: Date, default: null },
    deleted: { type: Boolean, default: false },
    deletedAt: { type: Date, default: null },
    hiddenFor: { type: [Schema.Types.ObjectId], default: [] },
    clientId: { type: String, default: null, immutable: true },
    moderation: {
      type: new Schema<ModerationMark>(
        {
          by: { type: Schema.Types.ObjectId, required: true },
          at: { type: Date, required: true },
          reason: { type: String, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);

// History by cursor (createdAt, then _id), newest first; the same order finds the last message.
messageSchema.index({ conversation: 1, createdAt: -1, _id: -1 });

export const Message = model<MessageFields>('Message', messageSchema);

/** What a sender chooses; everything else starts as the schema's defaults. */
export type NewMessageFields = Pick<
  MessageFields,
  'conversation' | 'sender' | 'kind' | 'body' | 'image' | 'replyTo' | 'clientId'
>;

/**
 * Stores a new message as `Message.create` would (the schema's defaults written out, `createdAt`
 * set, `__v` as a created document has it) with one driver insert: no Mongoose document, casting
 * or validation pass, which together cost the send path more than the insert itself. Every field
 * is typed here, so the record already has the schema's types; a text message has nothing for
 * the schema's validators to refuse (`kind` is one of `MESSAGE_KINDS`, the ids are set), and the
 * picture is copied field by field as its sub-schema would keep it. The stored record is returned.
 */
export async function insertMessage(fields: NewMessageFields): Promise<MessageRecord> {
  const record: MessageRecord = {
    _id: new Types.ObjectId(),
    ...fields,
    image: fields.image ? { url: fields.image.url, publicId: fields.image.publicId } : null,
    proposal: null,
    editedAt: null,
    deleted: false,
    deletedAt: null,
    hiddenFor: [],
    moderation: null,
    createdAt: new Date(),
  };
  // Mongoose types the driver's collection for any document; this one holds messages.
  const messages = Message.collection as unknown as Collection<MessageFields & { __v: number }>;
  await messages.insertOne({ ...record, __v: 0 });
  return record;
}
