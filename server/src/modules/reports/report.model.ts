import {
  REPORT_ACTIONS,
  REPORT_REASONS,
  REPORT_STATUSES,
  REPORT_TARGET_TYPES,
  type ReportAction,
  type ReportReason,
  type ReportStatus,
  type ReportTargetType,
} from '@coachhub/shared/report';
import { model, Schema, type Types } from 'mongoose';

export interface ReportResolution {
  action: ReportAction;
  note: string;
  by: Types.ObjectId;
  at: Date;
}

/**
 * An admin working on the report right now. Taken with one conditional write, so of two admins
 * resolving at once exactly one goes on; a claim older than `REPORT_CLAIM_MS` (its process died
 * halfway) may be taken again.
 */
export interface ReportClaim {
  token: string;
  by: Types.ObjectId;
  at: Date;
}

export interface ReportFields {
  reporter: Types.ObjectId;
  targetType: ReportTargetType;
  /** A user id (`user`, `coach`), a message id or a review id, as the reporter sent it. */
  targetId: string;
  reason: ReportReason;
  details: string | null;
  status: ReportStatus;
  /** Who the report is about (the person, the message's sender, the review's author). */
  reportedUser: Types.ObjectId | null;
  resolution: ReportResolution | null;
  claim: ReportClaim | null;
  createdAt: Date;
  updatedAt: Date;
}

export type ReportRecord = ReportFields & { _id: Types.ObjectId };

export const REPORT_CLAIM_MS = 60_000;

const reportSchema = new Schema<ReportFields>(
  {
    reporter: { type: Schema.Types.ObjectId, ref: 'User', required: true, immutable: true },
    targetType: { type: String, enum: REPORT_TARGET_TYPES, required: true, immutable: true },
    targetId: { type: String, required: true, immutable: true },
    reason: { type: String, enum: REPORT_REASONS, required: true, immutable: true },
    details: { type: String, default: null, maxlength: 1000, immutable: true },
    status: { type: String, enum: REPORT_STATUSES, required: true, default: 'open' },
    reportedUser: { type: Schema.Types.ObjectId, default: null, immutable: true },
    resolution: {
      type: new Schema<ReportResolution>(
        {
          action: { type: String, enum: REPORT_ACTIONS, required: true },
          note: { type: String, required: true },
          by: { type: Schema.Types.ObjectId, required: true },
          at: { type: Date, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
    claim: {
      type: new Schema<ReportClaim>(
        {
          token: { type: String, required: true },
          by: { type: Schema.Types.ObjectId, required: true },
          at: { type: Date, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
  },
  { timestamps: true },
);

// One open report per reporter and target, however many requests arrive at once; closed ones
// leave the index, so the same person may report the same thing again later.
reportSchema.index(
  { reporter: 1, targetType: 1, targetId: 1 },
  { unique: true, partialFilterExpression: { status: 'open' } },
);
// The queue: by status, oldest or newest first.
reportSchema.index({ status: 1, createdAt: 1 });
reportSchema.index({ targetType: 1, status: 1, createdAt: 1 });

export const Report = model<ReportFields>('Report', reportSchema);
