import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';

import type { AppSocket } from '@/lib/socket';
import { makeCoach } from '@/testing/fixtures';

import { coachQueryOptions } from './get-coach';
import { coachesQueryOptions } from './get-coaches';
import { followCoachUpdates } from './use-coach-updates';

type Listener = (...args: unknown[]) => void;

const createFakeSocket = () => {
  const listeners = new Map<string, Set<Listener>>();
  const fake = {
    on: (event: string, listener: Listener) => {
      listeners.set(event, (listeners.get(event) ?? new Set()).add(listener));
      return fake;
    },
    off: (event: string, listener: Listener) => {
      listeners.get(event)?.delete(listener);
      return fake;
    },
    fire: (event: string, ...args: unknown[]) =>
      listeners.get(event)?.forEach((listener) => listener(...args)),
    listenerCount: () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0),
  };
  // followCoachUpdates only subscribes and unsubscribes; the rest of the Socket API is not needed.
  return { fake, socket: fake as unknown as AppSocket };
};

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
