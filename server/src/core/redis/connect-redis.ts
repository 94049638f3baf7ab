import { errorText } from '../errors.js';
import type { Logger } from '../logger.js';

export type RedisClient = Awaited<ReturnType<typeof connectRedis>>;

/**
 * A connected node-redis client for one purpose (the socket adapter, the rate-limit counters):
 * each gets its own connection, since the adapter blocks on stream reads. Loaded only when
 * REDIS_URL is set, so a single-process setup never needs the package.
 */
export async function connectRedis(url: string, logger: Logger, purpose: string) {
  const { createClient } = await import('redis');
  const client = createClient({ url });
  client.on('error', (error: unknown) =>
    logger.error('Redis connection error', {
      purpose,
      error: errorText(error),
    }),
  );
  await client.connect();
  return client;
}
