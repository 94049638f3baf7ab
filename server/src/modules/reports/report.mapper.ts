import type { ReportDTO } from '@coachhub/shared/report';
import type { ReportRecord } from './report.model.js';

export function toReportDTO(report: ReportRecord): ReportDTO {
  return {
    _id: report._id.toString(),
    targetType: report.targetType,
    targetId: report.targetId,
    reason: report.reason,
    details: report.details ?? null,
    status: report.status,
    reporterId: report.reporter.toString(),
    reportedUserId: report.reportedUser ? report.reportedUser.toString() : null,
    resolution: report.resolution
      ? {
          action: report.resolution.action,
          note: report.resolution.note,
          by: report.resolution.by.toString(),
          at: report.resolution.at.toISOString(),
        }
      : null,
    createdAt: report.createdAt.toISOString(),
  };
}
