import { CONVERSATION_KINDS, type ConversationKind } from '@coachhub/shared/conversation';
import { model, Schema, type Types } from 'mongoose';

export interface ReadMark {
  user: Types.ObjectId;
  /** Messages created at or before this time count as read by `user`. */
  readAt: Date;
}

export interface ConversationFields {
  kind: ConversationKind;
  /**
   * What makes a conversation one of a kind, unique: `direct:<id>:<id>` (ids sorted),
   * `booking:<bookingId>`, `support:<userId>`. Concurrent creates meet on it.
   */
  key: string;
  /** Sorted user ids; admins take part in `support` conversations through their role. */
  participants: Types.ObjectId[];
  booking: Types.ObjectId | null;
  reads: ReadMark[];
  /** The newest message's time, else the creation time: the list's order. */
  lastActivityAt: Date;
  createdAt: Date;
}

export type ConversationRecord = ConversationFields & { _id: Types.ObjectId };

const conversationSchema = new Schema<ConversationFields>(
  {
    kind: { type: String, enum: CONVERSATION_KINDS, required: true, immutable: true },
    key: { type: String, required: true, unique: true, immutable: true },
    participants: { type: [Schema.Types.ObjectId], ref: 'User', required: true },
    booking: { type: Schema.Types.ObjectId, default: null, immutable: true },
    reads: {
      type: [
        new Schema<ReadMark>(
          { user: { type: Schema.Types.ObjectId, required: true }, readAt: Date },
          { _id: false },
        ),
      ],
      default: [],
    },
    lastActivityAt: { type: Date, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);

// A participant's list by activity; admins' list of support conversations.
conversationSchema.index({ participants: 1, lastActivityAt: -1 });
conversationSchema.index({ kind: 1, lastActivityAt: -1 });

export const Conversation = model<ConversationFields>('Conversation', conversationSchema);
