import type { AdminStatsDTO } from '@coachhub/shared/admin';
import type { ReportCreatedEvent } from '@coachhub/shared/report';
import { useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { socket } from '@/lib/socket';
import type { AppSocket } from '@/lib/socket';

import { adminStatsQueryOptions } from './get-admin-stats';
import { invalidateAdminReports } from './get-admin-reports';

/**
 * `report:created` reaches admins when someone reports: the overview's open count follows at
 * once and the queue is fetched again (only the server knows its order and pages); on `connect`
 * too, for reports made while disconnected. Returns the function that stops it.
 */
export const followReportUpdates = (source: AppSocket, queryClient: QueryClient): (() => void) => {
  const onCreated = ({ openCount }: ReportCreatedEvent) => {
    queryClient.setQueryData<AdminStatsDTO>(adminStatsQueryOptions().queryKey, (stats) =>
      stats ? { ...stats, reports: { ...stats.reports, open: openCount } } : stats,
    );
    void invalidateAdminReports(queryClient);
  };
  const onConnect = () => {
    void invalidateAdminReports(queryClient);
  };
  source.on('report:created', onCreated);
  source.on('connect', onConnect);
  return () => {
    source.off('report:created', onCreated);
    source.off('connect', onConnect);
  };
};

/** Mount once, in the layout (only admins' sockets hear the event). */
export const useReportUpdates = (): void => {
  const queryClient = useQueryClient();
  useEffect(() => followReportUpdates(socket, queryClient), [queryClient]);
};
