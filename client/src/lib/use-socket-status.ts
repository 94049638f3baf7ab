import { useSyncExternalStore } from 'react';

import { socket } from './socket';

export type SocketStatus = 'connected' | 'connecting' | 'disconnected';

const EVENTS = ['connect', 'disconnect', 'connect_error'] as const;

const subscribe = (onChange: () => void) => {
  EVENTS.forEach((event) => socket.on(event, onChange));
  return () => EVENTS.forEach((event) => socket.off(event, onChange));
};

const readStatus = (): SocketStatus => {
  if (socket.connected) return 'connected';
  // `active`: the socket is (re)trying on its own, as opposed to closed on purpose or refused.
  return socket.active ? 'connecting' : 'disconnected';
};

/** The live connection's state; components re-render when it changes. */
export const useSocketStatus = (): SocketStatus => useSyncExternalStore(subscribe, readStatus);
