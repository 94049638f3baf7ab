import type { AuditLogEntryDTO } from '@coachhub/shared/admin';
import type { Types } from 'mongoose';
import type { AuditLogFields } from './audit-log.model.js';

export interface AuditActor {
  _id: Types.ObjectId;
  firstName: string;
  lastName: string;
  email: string;
}

export type PopulatedAuditEntry = Omit<AuditLogFields, 'actor'> & {
  _id: Types.ObjectId;
  /** null when the acting account no longer exists. */
  actor: AuditActor | null;
};

export function toAuditLogEntryDTO(entry: PopulatedAuditEntry): AuditLogEntryDTO {
  return {
    _id: entry._id.toString(),
    actor: entry.actor
      ? {
          _id: entry.actor._id.toString(),
          firstName: entry.actor.firstName,
          lastName: entry.actor.lastName,
          email: entry.actor.email,
        }
      : null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    reason: entry.reason,
    at: entry.at.toISOString(),
  };
}
