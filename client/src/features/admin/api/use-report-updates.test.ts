import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';

import { makeAdminStats, makeReport } from '@/testing/admin-fixtures';
import { createFakeSocket } from '@/testing/fake-socket';
import { makePage } from '@/testing/fixtures';

import { adminReportsQueryOptions } from './get-admin-reports';
import { adminStatsQueryOptions } from './get-admin-stats';
import { followReportUpdates } from './use-report-updates';

describe('followReportUpdates', () => {
  it('takes the open count at once and has the queue fetched again', () => {
    const queryClient = new QueryClient();
    const stats = adminStatsQueryOptions().queryKey;
    const queue = adminReportsQueryOptions({ status: 'open', page: 1 }).queryKey;
    queryClient.setQueryData(stats, makeAdminStats());
    queryClient.setQueryData(queue, makePage([makeReport()]));
    const { fake, socket } = createFakeSocket();
    const stop = followReportUpdates(socket, queryClient);

    fake.fire('report:created', { report: makeReport({ _id: 'report-2' }), openCount: 8 });

    expect(queryClient.getQueryData(stats)?.reports.open).toBe(8);
    expect(queryClient.getQueryState(queue)?.isInvalidated).toBe(true);
    stop();
  });
});
