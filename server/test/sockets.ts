import type { ClientToServerEvents, ServerToClientEvents } from '@coachhub/shared/socket-events';
import { io, type Socket } from 'socket.io-client';

/** The client's view: the shared event maps, reversed. */
export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const openSockets = new Set<ClientSocket>();

function open(baseUrl: string, token?: string): ClientSocket {
  const socket: ClientSocket = io(baseUrl, {
    auth: token === undefined ? {} : { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  openSockets.add(socket);
  return socket;
}

export function connectSocket(baseUrl: string, token: string): Promise<ClientSocket> {
  const socket = open(baseUrl, token);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Resolves with the refusal a handshake gets (`connect_error`); rejects if it connects. */
export function refusedHandshake(
  baseUrl: string,
  token?: string,
): Promise<Error & { data?: { code?: string } }> {
  const socket = open(baseUrl, token);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('the handshake was accepted')));
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error as Error & { data?: { code?: string } });
    });
  });
}

/** The next `event` whose payload passes `accept`, or a rejection after `timeoutMs`. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
  accept: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
  timeoutMs = 3000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener as never);
      reject(new Error(`no ${String(event)} within ${timeoutMs}ms`));
    }, timeoutMs);
    const listener = (payload: Parameters<ServerToClientEvents[E]>[0]) => {
      if (!accept(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener as never);
      resolve(payload);
    };
    // socket.io-client's typed on() cannot follow a generic event name; the listener matches E.
    socket.on(event, listener as never);
  });
}

export function disconnected(socket: ClientSocket): Promise<string> {
  return new Promise((resolve) => {
    if (socket.disconnected) resolve('already disconnected');
    else socket.once('disconnect', (reason) => resolve(reason));
  });
}

export function closeAllSockets(): void {
  for (const socket of openSockets) socket.close();
  openSockets.clear();
}
