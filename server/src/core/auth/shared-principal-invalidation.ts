import { errorText } from '../errors.js';
import type { Logger } from '../logger.js';
import { connectRedis } from '../redis/connect-redis.js';
import { holdResponseUntil } from './invalidation-barrier.js';
import type { PrincipalCache } from './principal-cache.js';

const CHANNEL = 'coachhub:principal-invalidation';

/** What one process tells the others to forget. */
type Invalidation = { kind: 'session' | 'user'; id: string };

/** Drops a cached principal here and, when the processes share Redis, in every other process. */
export interface PrincipalInvalidation {
  dropSession(sessionId: string): void;
  dropUser(userId: string): void;
  close(): Promise<void>;
}

function apply(cache: PrincipalCache, message: Invalidation) {
  if (message.kind === 'session') cache.dropSession(message.id);
  else cache.dropUser(message.id);
}

/** One process: its own cache is all there is. */
export function localPrincipalInvalidation(cache: PrincipalCache): PrincipalInvalidation {
  return {
    dropSession: (sessionId) => cache.dropSession(sessionId),
    dropUser: (userId) => cache.dropUser(userId),
    close: async () => {},
  };
}

function parse(raw: string): Invalidation | null {
  try {
    const message = JSON.parse(raw) as Partial<Invalidation>;
    if ((message.kind === 'session' || message.kind === 'user') && typeof message.id === 'string') {
      return { kind: message.kind, id: message.id };
    }
  } catch {
    // Not ours: ignored below.
  }
  return null;
}

/**
 * Several processes (REDIS_URL): each change is applied here at once, then published on a Redis
 * channel that every process (this one too, harmlessly) applies on arrival; the answer to the
 * request that made the change waits for Redis to take it (`awaitPrincipalInvalidations`). A
 * subscribed connection can do nothing else, hence two.
 */
export async function redisPrincipalInvalidation(
  cache: PrincipalCache,
  redisUrl: string,
  logger: Logger,
): Promise<PrincipalInvalidation> {
  const publisher = await connectRedis(redisUrl, logger, 'principal invalidation');
  const subscriber = await connectRedis(redisUrl, logger, 'principal invalidation (subscriber)');
  await subscriber.subscribe(CHANNEL, (raw) => {
    const message = parse(raw);
    if (message) apply(cache, message);
    else logger.warn('Ignored a malformed principal invalidation', { channel: CHANNEL });
  });

  function share(message: Invalidation) {
    apply(cache, message);
    const delivered = publisher
      .publish(CHANNEL, JSON.stringify(message))
      .catch((error: unknown) => {
        // The TTL bounds how long other processes keep the entry when Redis is unreachable.
        logger.error('Could not share a principal invalidation', {
          ...message,
          error: errorText(error),
        });
      });
    holdResponseUntil(delivered);
  }

  return {
    dropSession: (sessionId) => share({ kind: 'session', id: sessionId }),
    dropUser: (userId) => share({ kind: 'user', id: userId }),
    async close() {
      await Promise.allSettled([subscriber.quit(), publisher.quit()]);
    },
  };
}
