import { model, Schema, type Types } from 'mongoose';

export interface MessageFields {
  conversation: Types.ObjectId;
  sender: Types.ObjectId;
  /** Null once deleted for everyone (a tombstone). */
  body: string | null;
  replyTo: Types.ObjectId | null;
  editedAt: Date | null;
  deleted: boolean;
  deletedAt: Date | null;
  /** Users who deleted it for themselves: they no longer see it. */
  hiddenFor: Types.ObjectId[];
  clientId: string | null;
  createdAt: Date;
}

export type MessageRecord = MessageFields & { _id: Types.ObjectId };

const messageSchema = new Schema<MessageFields>(
  {
    conversation: { type: Schema.Types.ObjectId, required: true, immutable: true },
    sender: { type: Schema.Types.ObjectId, ref: 'User', required: true, immutable: true },
    body: { type: String, default: null },
    replyTo: { type: Schema.Types.ObjectId, default: null, immutable: true },
    editedAt: { type: Date, default: null },
    deleted: { type: Boolean, default: false },
    deletedAt: { type: Date, default: null },
    hiddenFor: { type: [Schema.Types.ObjectId], default: [] },
    clientId: { type: String, default: null, immutable: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);

// History by cursor (createdAt, then _id), newest first; the same order finds the last message.
messageSchema.index({ conversation: 1, createdAt: -1, _id: -1 });

export const Message = model<MessageFields>('Message', messageSchema);
