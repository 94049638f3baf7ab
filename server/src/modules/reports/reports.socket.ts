import { adminsRoom } from '@coachhub/shared/socket-events';
import type { EventBus } from '../../core/events/event-bus.js';
import type { Realtime } from '../../core/socket/realtime.js';
import type { ReportsService } from './reports.service.js';

/** Every admin's queue hears of a new report at once (`report:created`, with the open count). */
export function announceNewReports(deps: {
  events: EventBus;
  reports: Pick<ReportsService, 'get' | 'countOpen'>;
  realtime: Pick<Realtime, 'emitToRooms'>;
}): () => void {
  return deps.events.subscribe('report.created', 'report sockets', async ({ reportId }) => {
    const [report, openCount] = await Promise.all([
      deps.reports.get(reportId),
      deps.reports.countOpen(),
    ]);
    deps.realtime.emitToRooms({ rooms: [adminsRoom()] }, 'report:created', { report, openCount });
  });
}
