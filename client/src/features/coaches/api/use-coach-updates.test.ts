import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';

import { makeCoach } from '@/testing/fixtures';
import { createFakeSocket } from '@/testing/fake-socket';

import { coachQueryOptions } from './get-coach';
import { coachesQueryOptions } from './get-coaches';
import { followCoachUpdates } from './use-coach-updates';

describe('followCoachUpdates', () => {
  it("puts an admin's decision into the cached profile and marks the directory stale", () => {
    const queryClient = new QueryClient();
    const { fake, socket } = createFakeSocket();
    const directoryKey = coachesQueryOptions({ page: 1 }).queryKey;
    queryClient.setQueryData(directoryKey, { items: [], page: 1, limit: 12, total: 0 });
    const stop = followCoachUpdates(socket, queryClient);

    const pending = makeCoach({
      _id: 'coach-9',
      verification: { status: 'pending', reason: null, reviewedAt: null },
    });
    queryClient.setQueryData(coachQueryOptions('coach-9').queryKey, {
      ...pending,
      sessionTypes: [],
    });

    const approved = makeCoach({ _id: 'coach-9' });
    fake.fire('coach:updated', { coach: approved });
    // A coach nobody has open is not cached half (without session types).
    fake.fire('coach:updated', { coach: makeCoach({ _id: 'coach-10' }) });

    expect(queryClient.getQueryData(coachQueryOptions('coach-9').queryKey)).toEqual({
      ...approved,
      sessionTypes: [],
    });
    expect(queryClient.getQueryData(coachQueryOptions('coach-10').queryKey)).toBeUndefined();
    expect(queryClient.getQueryState(directoryKey)?.isInvalidated).toBe(true);
    stop();
    expect(fake.listenerCount()).toBe(0);
  });
});
