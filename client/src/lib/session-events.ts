/**
 * Low-level code (the HTTP client, the socket) cannot reach the router or the query cache;
 * it reports that the session ended here and the app decides what the user sees.
 */
export type SessionEndReason = 'expired' | 'suspended';

type SessionEndedListener = (reason: SessionEndReason) => void;

const listeners = new Set<SessionEndedListener>();

export const sessionEvents = {
  emitEnded: (reason: SessionEndReason): void => listeners.forEach((listener) => listener(reason)),
  onEnded: (listener: SessionEndedListener): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
