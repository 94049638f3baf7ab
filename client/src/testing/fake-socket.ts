import type { AppSocket } from '@/lib/socket';

type Listener = (...args: unknown[]) => void;

/** What the fake server answers to a client event (its ack). */
type Answerer = (payload: unknown) => unknown;

export interface FakeEmit {
  event: string;
  payload: unknown;
}

/**
 * A socket that registers listeners, for the hooks that follow socket events into the React
 * Query cache: `fire` plays an event from the server, `listenerCount` shows what is left
 * subscribed after cleanup. Client events sent with `timeout().emitWithAck` are recorded in
 * `emitted` and answered by `answer(event, ...)` (never, when no answer is set: the ack waits).
 * `connected` and `active` are what `useSocketStatus` reads.
 */
export const createFakeSocket = () => {
  const listeners = new Map<string, Set<Listener>>();
  const answers = new Map<string, Answerer>();
  const emitted: FakeEmit[] = [];
  const emitWithAck = (event: string, payload: unknown): Promise<unknown> => {
    emitted.push({ event, payload });
    const answerer = answers.get(event);
    return answerer ? Promise.resolve(answerer(payload)) : new Promise(() => undefined);
  };
  const fake = {
    connected: false,
    active: false,
    emitted,
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
    /** Sets the fake server's answer to a client event. */
    answer: (event: string, answerer: Answerer) => {
      answers.set(event, answerer);
      return fake;
    },
    emitWithAck,
    timeout: () => ({ emitWithAck }),
    /** Plays a dropped connection (the client keeps retrying) and, with `true`, its return. */
    setConnected: (connected: boolean) => {
      fake.connected = connected;
      fake.active = true;
      fake.fire(connected ? 'connect' : 'disconnect');
    },
  };
  // The followers use only part of the Socket API; the rest is not needed.
  return { fake, socket: fake as unknown as AppSocket };
};

export type FakeSocket = ReturnType<typeof createFakeSocket>['fake'];

/** The fake behind a socket made by `createFakeSocket` (e.g. the mocked `@/lib/socket`). */
export const fakeOf = (socket: AppSocket): FakeSocket => socket as unknown as FakeSocket;
