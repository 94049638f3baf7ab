import {
  AUDIT_ACTIONS,
  AUDIT_TARGET_TYPES,
  type AuditAction,
  type AuditTargetType,
} from '@coachhub/shared/admin';
import { model, Schema, type Types } from 'mongoose';

export interface AuditLogFields {
  actor: Types.ObjectId;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string;
  reason: string;
  at: Date;
}

export class AppendOnlyError extends Error {
  constructor() {
    super('The audit log is append-only: entries cannot be changed or removed');
    this.name = 'AppendOnlyError';
  }
}

const auditLogSchema = new Schema<AuditLogFields>(
  {
    actor: { type: Schema.Types.ObjectId, ref: 'User', required: true, immutable: true },
    action: { type: String, enum: AUDIT_ACTIONS, required: true, immutable: true },
    targetType: { type: String, enum: AUDIT_TARGET_TYPES, required: true, immutable: true },
    targetId: { type: String, required: true, immutable: true },
    reason: { type: String, required: true, maxlength: 1000, immutable: true },
    at: { type: Date, required: true, default: () => new Date(), immutable: true },
  },
  { versionKey: false },
);
auditLogSchema.index({ at: -1 });
auditLogSchema.index({ targetType: 1, targetId: 1, at: -1 });
// The admin list's filters by who and by what.
auditLogSchema.index({ actor: 1, at: -1 });
auditLogSchema.index({ action: 1, at: -1 });

const refuse = (): never => {
  throw new AppendOnlyError();
};

// Every write path Mongoose offers besides inserting a new entry is refused here, in one place.
auditLogSchema.pre('save', function refuseResave() {
  if (!this.isNew) refuse();
});
auditLogSchema.pre(['updateOne', 'deleteOne'], { document: true, query: true }, refuse);
auditLogSchema.pre(
  [
    'updateMany',
    'findOneAndUpdate',
    'replaceOne',
    'findOneAndReplace',
    'deleteMany',
    'findOneAndDelete',
  ],
  refuse,
);
auditLogSchema.pre(
  'bulkWrite',
  function refuseNonInserts(this: unknown, ops: ReadonlyArray<object>) {
    if (ops.some((op) => !('insertOne' in op))) refuse();
  },
);

export const AuditLog = model<AuditLogFields>('AuditLog', auditLogSchema);
