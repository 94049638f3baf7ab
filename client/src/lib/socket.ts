import type { ClientToServerEvents, ServerToClientEvents } from '@coachhub/shared/socket-events';
import { io } from 'socket.io-client';
import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client';

import { env } from '@/config/env';

import { accessToken } from './access-token';

/** The server's event maps, seen from this side: it listens to what the server emits. */
export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const options: Partial<ManagerOptions & SocketOptions> = {
  // Connection follows the session (see socket-session.ts), not the page load.
  autoConnect: false,
  withCredentials: true,
  // Read on every (re)connection attempt, so a reconnect always carries the newest token.
  auth: (send) => send({ token: accessToken.get() ?? '' }),
};

/** The one socket of the app, on the page's own origin unless configured otherwise. */
export const socket: AppSocket = env.socketUrl ? io(env.socketUrl, options) : io(options);
