import { SESSION_MODES, SESSION_TYPE_LIMITS, type SessionMode } from '@coachhub/shared/booking';
import { model, Schema, type Types } from 'mongoose';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from './slug.js';

export interface SessionTypeFields {
  /** The coach's user id (architecture.md "Identity rule"). */
  coach: Types.ObjectId;
  title: string;
  /** Unique per coach; made from the title when the coach gives none. */
  slug: string;
  durationMinutes: number;
  description: string;
  mode: SessionMode;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type SessionTypeRecord = SessionTypeFields & { _id: Types.ObjectId };

const L = SESSION_TYPE_LIMITS;

const sessionTypeSchema = new Schema<SessionTypeFields>(
  {
    coach: { type: Schema.Types.ObjectId, ref: 'User', required: true, immutable: true },
    title: { type: String, required: true, trim: true, minlength: 1, maxlength: L.titleMax },
    slug: { type: String, required: true, match: SLUG_PATTERN, maxlength: SLUG_MAX_LENGTH },
    durationMinutes: {
      type: Number,
      required: true,
      min: L.minDurationMinutes,
      max: L.maxDurationMinutes,
      validate: Number.isInteger,
    },
    description: { type: String, default: '', trim: true, maxlength: L.descriptionMax },
    mode: { type: String, enum: SESSION_MODES, required: true },
    active: { type: Boolean, required: true, default: true },
  },
  { timestamps: true },
);

sessionTypeSchema.index({ coach: 1, slug: 1 }, { unique: true });
sessionTypeSchema.index({ coach: 1, active: 1, createdAt: 1 });

export const SessionType = model<SessionTypeFields>('SessionType', sessionTypeSchema);

/** A most this many session types per coach (active or not). */
export const MAX_SESSION_TYPES_PER_COACH = 30;
