import type { AppSocket } from '@/lib/socket';

type Listener = (...args: unknown[]) => void;

/**
 * A socket that only registers listeners, for the hooks that follow socket events into the
 * React Query cache: `fire` plays an event from the server, `listenerCount` shows what is left
 * subscribed after cleanup.
 */
export const createFakeSocket = () => {
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
  // The followers only subscribe and unsubscribe; the rest of the Socket API is not needed.
  return { fake, socket: fake as unknown as AppSocket };
};
