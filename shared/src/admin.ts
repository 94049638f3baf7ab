/** What an admin did; every admin action writes one entry. Later features add theirs. */
export const AUDIT_ACTIONS = [
  'user.suspend',
  'user.reinstate',
  'coach.approve',
  'coach.reject',
  /** An admin changed a coach's price configuration (coaches' own changes are not audited). */
  'pricing.update',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** `coach` targets are identified by the coach's user id, like every person. */
export const AUDIT_TARGET_TYPES = ['user', 'coach'] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

/** `GET /api/admin/audit-log` items (newest first), paged as `Page<AuditLogEntryDTO>`. */
export interface AuditLogEntryDTO {
  _id: string;
  actor: { _id: string; firstName: string; lastName: string; email: string } | null;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string;
  reason: string;
  at: string;
}
