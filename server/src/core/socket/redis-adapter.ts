import type { Logger } from '../logger.js';
import type { TypedServer } from './socket-types.js';

/**
 * Shares rooms and broadcasts between server processes through Redis (only when REDIS_URL is
 * set; one process needs nothing). Returns what closes the Redis connections at shutdown.
 */
export async function attachRedisAdapter(
  io: TypedServer,
  redisUrl: string,
  logger: Logger,
): Promise<() => Promise<void>> {
  // Loaded only on this path, so a single-process setup never needs the Redis packages.
  const [{ createAdapter }, { createClient }] = await Promise.all([
    import('@socket.io/redis-adapter'),
    import('redis'),
  ]);
  const pubClient = createClient({ url: redisUrl });
  const subClient = pubClient.duplicate();
  for (const client of [pubClient, subClient]) {
    client.on('error', (error: unknown) =>
      logger.error('Redis connection error', {
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  }
  await Promise.all([pubClient.connect(), subClient.connect()]);
  io.adapter(createAdapter(pubClient, subClient));
  logger.info('Socket.IO: Redis adapter attached');
  return async () => {
    await Promise.allSettled([pubClient.quit(), subClient.quit()]);
  };
}
