import { holdResponseUntil } from '../auth/invalidation-barrier.js';
import type { Logger } from '../logger.js';
import { errorText } from '../errors.js';
import { connectRedis } from '../redis/connect-redis.js';
import type { PublicReadCache } from './public-read-cache.js';

const CHANNEL = 'coachhub:public-read-clears';

/**
 * Several processes (REDIS_URL): every clear of one process's public-read cache is published on a
 * Redis channel, and every process (this one too, harmlessly) clears its own on arrival; the
 * answer to the request that made the change waits for Redis to take it
 * (`awaitPrincipalInvalidations`), so that its caller's next read, wherever it lands, finds the
 * change (a booking made on one process is gone from the slots of the next read on another). A
 * subscribed connection can do nothing else, hence two. Returns what closes them.
 */
export async function sharePublicReadClears(
  cache: PublicReadCache,
  redisUrl: string,
  logger: Logger,
): Promise<() => Promise<void>> {
  const publisher = await connectRedis(redisUrl, logger, 'public read clears');
  const subscriber = await connectRedis(redisUrl, logger, 'public read clears (subscriber)');
  await subscriber.subscribe(CHANNEL, () => cache.clearHere());
  cache.shareClears(() => {
    const delivered = publisher.publish(CHANNEL, 'clear').catch((error: unknown) => {
      // The cache's TTL bounds how long other processes keep old answers when Redis is unreachable.
      logger.error('Could not share a public read cache clear', {
        error: errorText(error),
      });
    });
    holdResponseUntil(delivered);
  });
  return async () => {
    await Promise.allSettled([subscriber.quit(), publisher.quit()]);
  };
}
