import {
  sessionRoom,
  userRoom,
  type ServerToClientEvents,
  type SessionEndReason,
} from '@coachhub/shared/socket-events';
import type { TypedServer } from './socket-types.js';

/** What services may do to connected clients. Call it after the database write succeeded. */
export interface Realtime {
  emitToUser<E extends keyof ServerToClientEvents>(
    userId: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void;
  /**
   * To every socket in any of `rooms`, once per socket however many of them it is in, leaving out
   * the sockets in `except` (e.g. a conversation's room plus its participants' user rooms).
   */
  emitToRooms<E extends keyof ServerToClientEvents>(
    target: { rooms: readonly string[]; except?: readonly string[] },
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void;
  /** Closes every socket of the user, on every server process (through the adapter). */
  disconnectUser(userId: string): void;
  /** Tells the sockets of one session why it ended, then closes them, on every server process. */
  endSession(sessionId: string, reason: SessionEndReason): void;
  /** Which of these users have a socket connected now, on any server process (one round trip). */
  onlineAmong(userIds: readonly string[]): Promise<Set<string>>;
}

export function createRealtime(io: TypedServer): Realtime {
  return {
    emitToUser(userId, event, ...args) {
      io.to(userRoom(userId)).emit(event, ...args);
    },
    emitToRooms({ rooms, except = [] }, event, ...args) {
      if (rooms.length === 0) return;
      io.to([...rooms])
        .except([...except])
        .emit(event, ...args);
    },
    disconnectUser(userId) {
      io.in(userRoom(userId)).disconnectSockets(true);
    },
    endSession(sessionId, reason) {
      const room = sessionRoom(sessionId);
      io.to(room).emit('session:ended', { reason });
      io.in(room).disconnectSockets(true);
    },
    async onlineAmong(userIds) {
      if (userIds.length === 0) return new Set();
      const sockets = await io.in(userIds.map(userRoom)).fetchSockets();
      return new Set(sockets.map((socket) => socket.data.userId));
    },
  };
}
