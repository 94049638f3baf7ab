import type { Logger } from '../logger.js';
import { connectRedis } from '../redis/connect-redis.js';
import type { TypedServer } from './socket-types.js';

/**
 * Shares rooms and broadcasts between server processes through Redis (only when REDIS_URL is
 * set; one process needs nothing). The Redis Streams adapter rather than the Pub/Sub one: a
 * stream survives a short loss of the Redis connection without dropping packets, and it is the
 * adapter that supports Socket.IO's connection state recovery across processes (a client that
 * reconnects to another process still gets what it missed). Returns what closes the Redis
 * connection at shutdown.
 */
export async function attachRedisAdapter(
  io: TypedServer,
  redisUrl: string,
  logger: Logger,
): Promise<() => Promise<void>> {
  // Loaded only on this path, so a single-process setup never needs the Redis packages.
  const { createAdapter } = await import('@socket.io/redis-streams-adapter');
  const client = await connectRedis(redisUrl, logger, 'socket adapter');
  io.adapter(createAdapter(client));
  logger.info('Socket.IO: Redis Streams adapter attached');
  return async () => {
    await Promise.allSettled([client.quit()]);
  };
}
