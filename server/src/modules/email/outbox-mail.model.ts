import { model, Schema } from 'mongoose';

/** A mail kept instead of sent (no SMTP server configured), for the development outbox page. */
export interface OutboxMailFields {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string }[];
  createdAt: Date;
}

const OUTBOX_DAYS = 7;

const outboxMailSchema = new Schema<OutboxMailFields>(
  {
    from: { type: String, required: true },
    to: { type: String, required: true },
    subject: { type: String, required: true },
    text: { type: String, required: true },
    html: { type: String, required: true },
    attachments: [new Schema({ filename: String, contentType: String }, { _id: false })],
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
outboxMailSchema.index({ createdAt: 1 }, { expireAfterSeconds: OUTBOX_DAYS * 86_400 });

export const OutboxMail = model<OutboxMailFields>('OutboxMail', outboxMailSchema);
