import type { AuditAction, AuditLogEntryDTO, AuditTargetType } from '@coachhub/shared/admin';
import type { Page } from '@coachhub/shared/pagination';
import { Types, type ClientSession, type QueryFilter } from 'mongoose';
import { AuditLog, type AuditLogFields } from './audit-log.model.js';
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

/** Which entries to list; every given criterion must hold (`to` is exclusive). */
export interface AuditLogFilter {
  action?: AuditAction;
  actorId?: string;
  targetType?: AuditTargetType;
  targetId?: string;
  from?: Date;
  to?: Date;
}

function queryOf(filter: AuditLogFilter): QueryFilter<AuditLogFields> {
  const query: QueryFilter<AuditLogFields> = {};
  if (filter.action) query.action = filter.action;
  if (filter.actorId) query.actor = new Types.ObjectId(filter.actorId);
  if (filter.targetType) query.targetType = filter.targetType;
  if (filter.targetId) query.targetId = filter.targetId;
  if (filter.from || filter.to) {
    query.at = {
      ...(filter.from ? { $gte: filter.from } : {}),
      ...(filter.to ? { $lt: filter.to } : {}),
    };
  }
  return query;
}

/** Newest first, filtered. */
export async function listAuditLog(
  page: number,
  limit: number,
  filter: AuditLogFilter = {},
): Promise<Page<AuditLogEntryDTO>> {
  const query = queryOf(filter);
  const [entries, total] = await Promise.all([
    AuditLog.find(query)
      .sort({ at: -1, _id: -1 })
      .skip((page - 1) * limit)
      .limit(limit)
      .populate<{ actor: AuditActor | null }>('actor', 'firstName lastName email')
      .lean<PopulatedAuditEntry[]>(),
    AuditLog.countDocuments(query),
  ]);
  return { items: entries.map(toAuditLogEntryDTO), page, limit, total };
}
