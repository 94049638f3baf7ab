import type {
  ClientToServerEvents,
  InterServerEvents,
  ServerToClientEvents,
  SocketData,
} from '@coachhub/shared/socket-events';
import type { Server, Socket } from 'socket.io';

export type TypedServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type TypedSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

/** A feature's socket wiring: called once per authenticated connection, after it joined its user room. */
export type SocketRegistrar = (io: TypedServer, socket: TypedSocket) => void;
