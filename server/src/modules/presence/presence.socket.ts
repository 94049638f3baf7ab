import type { Ack, PresenceQuery, PresenceUpdate } from '@coachhub/shared/socket-events';
import { presenceRoom, userRoom } from '@coachhub/shared/socket-events';
import type { SocketRegistrar, TypedServer, TypedSocket } from '../../core/socket/socket-types.js';

export const PRESENCE_QUERY_MAX_IDS = 200;
/** How many users one socket follows at most: beyond it, the ones it asked about longest ago. */
export const PRESENCE_WATCH_MAX = 200;
const OBJECT_ID = /^[0-9a-f]{24}$/;

/**
 * Presence: a user is online while at least one of their sockets is connected, on any server
 * process (counted through the adapter). On a user's first connect and last disconnect
 * `presence:update` goes to `presenceRoom(user)`: the sockets that asked about that user with
 * `presence:query` (on any process, through the adapter), not to everyone.
 */
export function createPresenceRegistrar(): SocketRegistrar {
  // Per-user queue: two sockets of one user connecting at once must not both see "two sockets".
  const pending = new Map<string, Promise<void>>();
  const serially = (userId: string, task: () => Promise<void>) => {
    const next = (pending.get(userId) ?? Promise.resolve()).then(task, task);
    pending.set(userId, next);
    void next.finally(() => {
      if (pending.get(userId) === next) pending.delete(userId);
    });
  };

  return (io, socket) => {
    const { userId } = socket.data;

    serially(userId, async () => {
      if ((await socketCount(io, userId)) === 1) announce(io, { userId, online: true });
    });

    socket.on('disconnect', () => {
      serially(userId, async () => {
        if ((await socketCount(io, userId)) === 0) announce(io, { userId, online: false });
      });
    });

    const watched = new Set<string>();
    socket.on('presence:query', async (payload, ack) => {
      if (typeof ack !== 'function') return;
      const userIds = parseQuery(payload);
      if (!userIds) {
        ack({
          ok: false,
          error: {
            code: 'VALIDATION_FAILED',
            message: `userIds must be 1 to ${PRESENCE_QUERY_MAX_IDS} user ids`,
          },
        });
        return;
      }
      try {
        // Follow first, then count: a change in between is in the answer or heard, or both.
        await watch(socket, watched, userIds);
        const answer: Ack<PresenceUpdate[]> = {
          ok: true,
          data: await Promise.all(
            userIds.map(async (id) => ({ userId: id, online: (await socketCount(io, id)) > 0 })),
          ),
        };
        ack(answer);
      } catch {
        ack({ ok: false, error: { code: 'INTERNAL_ERROR', message: 'Presence is unavailable' } });
      }
    });
  };
}

async function socketCount(io: TypedServer, userId: string): Promise<number> {
  return (await io.in(userRoom(userId)).fetchSockets()).length;
}

function announce(io: TypedServer, update: PresenceUpdate): void {
  io.to(presenceRoom(update.userId)).emit('presence:update', update);
}

/**
 * Joins the socket to the presence rooms of `userIds`; `watched` keeps its users in the order last
 * asked, and the oldest beyond PRESENCE_WATCH_MAX are left.
 */
async function watch(socket: TypedSocket, watched: Set<string>, userIds: string[]): Promise<void> {
  for (const id of userIds) {
    watched.delete(id);
    watched.add(id);
  }
  const left: string[] = [];
  for (const id of watched) {
    if (watched.size - left.length <= PRESENCE_WATCH_MAX) break;
    left.push(id);
  }
  for (const id of left) {
    watched.delete(id);
    await socket.leave(presenceRoom(id));
  }
  await socket.join(userIds.map(presenceRoom));
}

/** Types are not validation: the payload comes from the network. */
function parseQuery(payload: unknown): string[] | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { userIds } = payload as Partial<PresenceQuery>;
  if (!Array.isArray(userIds) || userIds.length === 0 || userIds.length > PRESENCE_QUERY_MAX_IDS) {
    return null;
  }
  if (!userIds.every((id): id is string => typeof id === 'string' && OBJECT_ID.test(id))) {
    return null;
  }
  return [...new Set(userIds)];
}
