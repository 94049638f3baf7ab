import {
  WEEKDAYS,
  type BookingSettings,
  type DateOverride,
  type WeeklyInterval,
} from '@coachhub/shared/scheduling';
import { model, Schema, type Types } from 'mongoose';
import { isIanaTimeZone } from '../../../domain/time-zone.js';

export interface AvailabilityFields {
  /** The coach's user id: one availability per coach. */
  coach: Types.ObjectId;
  timeZone: string;
  weekly: WeeklyInterval[];
  overrides: DateOverride[];
  settings: BookingSettings;
  createdAt: Date;
  updatedAt: Date;
}

export type AvailabilityRecord = AvailabilityFields & { _id: Types.ObjectId };

const intervalFields = {
  start: { type: String, required: true },
  end: { type: String, required: true },
};

// The routes check everything with domain/availability-rules.ts before it is stored; the schema
// only keeps the shape.
const availabilitySchema = new Schema<AvailabilityFields>(
  {
    coach: { type: Schema.Types.ObjectId, ref: 'User', required: true, immutable: true },
    timeZone: {
      type: String,
      required: true,
      validate: { validator: isIanaTimeZone, message: 'Not an IANA time zone' },
    },
    weekly: {
      type: [
        new Schema(
          { weekday: { type: Number, enum: WEEKDAYS, required: true }, ...intervalFields },
          { _id: false },
        ),
      ],
      default: [],
    },
    overrides: {
      type: [
        new Schema(
          {
            date: { type: String, required: true },
            intervals: { type: [new Schema(intervalFields, { _id: false })], default: [] },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    settings: {
      bufferBeforeMinutes: { type: Number, required: true },
      bufferAfterMinutes: { type: Number, required: true },
      minNoticeHours: { type: Number, required: true },
      maxDaysAhead: { type: Number, required: true },
      dailyLimit: { type: Number, required: true },
      requiresApproval: { type: Boolean, required: true },
      cancellationPolicy: {
        freeUntilHours: { type: Number, required: true },
        feePercent: { type: Number, required: true },
      },
    },
  },
  { timestamps: true },
);

availabilitySchema.index({ coach: 1 }, { unique: true });

export const Availability = model<AvailabilityFields>('Availability', availabilitySchema);
