import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';

import { createFakeSocket } from '@/testing/fake-socket';

import { presenceQueryOptions } from './get-presence';
import { followPresence } from './use-presence-updates';

describe('followPresence', () => {
  it('writes presence events into the query cache under the presence query key', () => {
    const queryClient = new QueryClient();
    const { fake, socket } = createFakeSocket();
    const stop = followPresence(socket, queryClient);

    fake.fire('presence:update', { userId: 'coach-7', online: true });
    expect(queryClient.getQueryData(presenceQueryOptions('coach-7').queryKey)).toBe(true);

    fake.fire('presence:update', { userId: 'coach-7', online: false });
    expect(queryClient.getQueryData(presenceQueryOptions('coach-7').queryKey)).toBe(false);

    stop();
    expect(fake.listenerCount()).toBe(0);
  });

  it('marks all presence stale after a reconnect, since updates may have been missed', () => {
    const queryClient = new QueryClient();
    const { fake, socket } = createFakeSocket();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    const stop = followPresence(socket, queryClient);
    queryClient.setQueryData(presenceQueryOptions('coach-7').queryKey, true);

    fake.fire('connect');

    expect(invalidate).toHaveBeenCalledTimes(1);
    expect(queryClient.getQueryState(presenceQueryOptions('coach-7').queryKey)?.isInvalidated).toBe(
      true,
    );
    stop();
  });
});
