import type { ClientToServerEvents, ServerToClientEvents } from '@coachhub/shared/socket-events';
import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client';

import { env } from '@/config/env';

import { accessToken } from './access-token';

type FullSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The server's event maps, seen from this side; only the part of a socket the app uses. */
export type AppSocket = Pick<
  FullSocket,
  'on' | 'off' | 'connect' | 'disconnect' | 'connected' | 'active'
> & {
  timeout: (milliseconds: number) => Pick<ReturnType<FullSocket['timeout']>, 'emitWithAck'>;
};

const options: Partial<ManagerOptions & SocketOptions> = {
  // Connection follows the session (see socket-session.ts), not the page load.
  autoConnect: false,
  withCredentials: true,
  // Read on every (re)connection attempt, so a reconnect always carries the newest token.
  auth: (send) => send({ token: accessToken.get() ?? '' }),
};

type Listener = (...args: never[]) => void;
/** The facade forwards untyped; AppSocket gives callers the event maps' types. */
type LooseSocket = {
  on: (event: string, listener: Listener) => unknown;
  off: (event: string, listener: Listener) => unknown;
  connect: () => unknown;
  disconnect: () => unknown;
  connected: boolean;
  active: boolean;
  timeout: (milliseconds: number) => {
    emitWithAck: (event: string, ...args: unknown[]) => Promise<unknown>;
  };
};

/**
 * socket.io-client is only needed once someone is signed in (or a page asks the socket), so it
 * is its own chunk, loaded then: a visitor's first page does not download it. Listeners added
 * before it arrives are attached when it does.
 */
const createLazySocket = (): LooseSocket => {
  let real: LooseSocket | null = null;
  let loading: Promise<LooseSocket> | null = null;
  let wantsConnection = false;
  const listeners: [string, Listener][] = [];

  const load = () =>
    (loading ??= import('socket.io-client').then(({ io }) => {
      const created = env.socketUrl ? io(env.socketUrl, options) : io(options);
      // The one place the typed socket meets the untyped forwarding of this facade.
      real = created as unknown as LooseSocket;
      for (const [event, listener] of listeners) real.on(event, listener);
      if (wantsConnection) real.connect();
      return real;
    }));

  const facade: LooseSocket = {
    on: (event, listener) => {
      listeners.push([event, listener]);
      real?.on(event, listener);
      return facade;
    },
    off: (event, listener) => {
      const index = listeners.findIndex(([e, l]) => e === event && l === listener);
      if (index >= 0) listeners.splice(index, 1);
      real?.off(event, listener);
      return facade;
    },
    connect: () => {
      wantsConnection = true;
      if (real) real.connect();
      else void load();
      return facade;
    },
    disconnect: () => {
      wantsConnection = false;
      real?.disconnect();
      return facade;
    },
    get connected() {
      return real?.connected ?? false;
    },
    // While the library loads for a wanted connection, the socket is as good as connecting.
    get active() {
      return real?.active ?? wantsConnection;
    },
    timeout: (milliseconds) => ({
      emitWithAck: async (event, ...args) =>
        (await load()).timeout(milliseconds).emitWithAck(event, ...args),
    }),
  };
  return facade;
};

/** The one socket of the app, on the page's own origin unless configured otherwise. */
export const socket = createLazySocket() as unknown as AppSocket;
