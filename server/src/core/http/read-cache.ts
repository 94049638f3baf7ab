import { LRUCache } from 'lru-cache';

/**
 * Enough for the slot inputs and booking lists of many busy users; entries are small plain
 * objects (a coach's availability, a page of booking records).
 */
const MAX_ENTRIES = 5000;

/** One kind of kept read: a key names what was read, `load` reads it from the database. */
export interface KeptReads<T> {
  /**
   * The kept answer of `key`, or `load()`'s (kept, and shared with the callers asking while it
   * loads). Callers must treat what they get as read-only: the next caller gets the same object.
   */
  read(key: string, load: () => Promise<T>): Promise<T>;
}

/**
 * Database reads kept in this process between two changes: what the app reads again and again
 * (a coach's slot inputs, a user's booking list) and only a write changes. Cleared as a whole
 * with the public-read cache (server.ts: by every successful write request, by the domain events
 * of changes made outside a request, and by both from other processes through Redis), with the
 * same TTL as the safety net; a TTL of 0 reads through every time.
 */
export interface ReadCache {
  /**
   * The reads of one kind, kept apart from the others' by `namespace`. With `confirmed`, a kept
   * answer is given only once the database has answered a ping for this very read (`pingDatabase`):
   * for what must never be answered from memory while the database cannot be reached (it fails
   * as a read would, and the request answers 503), though a ping costs far less than the read.
   */
  kept<T>(namespace: string, options?: { confirmed?: boolean }): KeptReads<T>;
  clear(): void;
}

interface Entry {
  value: Promise<unknown>;
}

export interface ReadCacheOptions {
  /** How long a read may be kept without a change dropping it; 0 turns keeping off. */
  ttlMs: number;
  /**
   * False while the database is unreachable: nothing is answered from memory then (the request
   * reads, and answers 503 as every other does), and what was kept is dropped.
   */
  isDatabaseUp?: () => boolean;
  /**
   * One round trip to the database that fails as a read would when it cannot be reached; what
   * `confirmed` reads wait for. Without it they are never answered from memory.
   */
  pingDatabase?: () => Promise<unknown>;
}

export function createReadCache(options: ReadCacheOptions): ReadCache {
  const cache =
    options.ttlMs > 0
      ? new LRUCache<string, Entry>({ max: MAX_ENTRIES, ttl: options.ttlMs })
      : null;
  const isDatabaseUp = options.isDatabaseUp ?? (() => true);

  const { pingDatabase } = options;

  async function confirm(value: Promise<unknown>): Promise<unknown> {
    try {
      await pingDatabase?.();
    } catch (error) {
      // Unreachable: nothing kept is answered until it is read again.
      cache?.clear();
      throw error;
    }
    return value;
  }

  function read(
    fullKey: string,
    load: () => Promise<unknown>,
    confirmed: boolean,
  ): Promise<unknown> {
    if (!cache || (confirmed && !pingDatabase)) return load();
    if (!isDatabaseUp()) {
      cache.clear();
      return load();
    }
    const kept = cache.get(fullKey);
    if (kept) return confirmed ? confirm(kept.value) : kept.value;
    // Kept before it resolves, so that the callers of one burst share one read. A clear while it
    // loads drops it: whoever asks after the clear reads afresh.
    const entry: Entry = { value: load() };
    cache.set(fullKey, entry);
    entry.value.catch(() => {
      if (cache.get(fullKey) === entry) cache.delete(fullKey);
    });
    return entry.value;
  }

  return {
    kept<T>(namespace: string, keptOptions: { confirmed?: boolean } = {}): KeptReads<T> {
      const confirmed = keptOptions.confirmed === true;
      return {
        // Each namespace holds only what its own `load` returned, so its entries are T.
        read: (key, load) => read(`${namespace}\u0000${key}`, load, confirmed) as Promise<T>,
      };
    },
    clear() {
      cache?.clear();
    },
  };
}
