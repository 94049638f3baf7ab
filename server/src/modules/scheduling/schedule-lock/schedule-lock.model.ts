import { model, Schema, type Types } from 'mongoose';

/**
 * One document per person whose calendar bookings change (a coach or a client). Every write
 * that can create an overlap first bumps the lock documents of everyone involved inside its
 * transaction, so two such transactions touch the same document and the database lets only
 * one of them commit (the other meets a write conflict and is retried by the driver, then
 * sees the first one's booking). No in-process mutex: this works across server processes.
 */
export interface ScheduleLockFields {
  owner: Types.ObjectId;
  version: number;
}

const scheduleLockSchema = new Schema<ScheduleLockFields>(
  {
    owner: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    version: { type: Number, required: true, default: 0 },
  },
  { collection: 'schedulelocks', versionKey: false },
);

scheduleLockSchema.index({ owner: 1 }, { unique: true });

export const ScheduleLock = model<ScheduleLockFields>('ScheduleLock', scheduleLockSchema);
