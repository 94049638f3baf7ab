import type { AuditAction, AuditLogEntryDTO, AuditTargetType } from '@coachhub/shared/admin';
import type { Page } from '@coachhub/shared/pagination';
import { Types, type ClientSession } from 'mongoose';
import { AuditLog } from './audit-log.model.js';
import { toAuditLogEntryDTO, type AuditActor, type PopulatedAuditEntry } from './audit.mapper.js';

export interface AuditEntryInput {
  actorId: string;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string;
  reason: string;
}

/** Writes one entry; pass the transaction's session so the entry commits with the action itself. */
export async function recordAudit(entry: AuditEntryInput, session?: ClientSession): Promise<void> {
  await AuditLog.create(
    [
      {
        actor: new Types.ObjectId(entry.actorId),
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId,
        reason: entry.reason,
      },
    ],
    { session },
  );
}

/** Newest first. */
export async function listAuditLog(page: number, limit: number): Promise<Page<AuditLogEntryDTO>> {
  const [entries, total] = await Promise.all([
    AuditLog.find()
      .sort({ at: -1, _id: -1 })
      .skip((page - 1) * limit)
      .limit(limit)
      .populate<{ actor: AuditActor | null }>('actor', 'firstName lastName email')
      .lean<PopulatedAuditEntry[]>(),
    AuditLog.countDocuments(),
  ]);
  return { items: entries.map(toAuditLogEntryDTO), page, limit, total };
}
