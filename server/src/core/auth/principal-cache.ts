import type { UserDTO } from '@coachhub/shared/user';
import { LRUCache } from 'lru-cache';

/** What authorization needs to know of a session and its account, as the database last said. */
export interface PrincipalState {
  /**
   * The whole account (role, status and two-factor state for authorization, and what
   * `/api/users/me` answers); never mutated.
   */
  account: Readonly<UserDTO>;
  /** False once the session was revoked (logout, password change, suspension, sign-out elsewhere). */
  sessionOpen: boolean;
}

export interface PrincipalCacheOptions {
  /** Sessions remembered at once; the least recently used leave first. */
  max: number;
  /** Safety net: an entry is read again after this long even if no invalidation reached us. */
  ttlMs: number;
}

/** A fill in progress: an invalidation of its session or user meanwhile makes its result unfit to keep. */
interface Fill {
  sessionId: string;
  userId: string;
  stale: boolean;
}

/**
 * The principal state of each session, so a signed-in request does not read the account and the
 * session again each time. Entries are dropped by the changes that alter them (`dropSession`,
 * `dropUser`, called from the domain events and, across processes, from Redis), and expire after
 * a short TTL anyway.
 *
 * A miss is filled from the database; an invalidation that arrives while that read is under way
 * marks the fill stale, and a stale result is answered to its own request (the read began before
 * the change) but never stored, so a value read before a suspension cannot outlive it.
 */
export function createPrincipalCache(options: PrincipalCacheOptions) {
  const entries = new LRUCache<string, PrincipalState>({ max: options.max, ttl: options.ttlMs });
  const fills = new Set<Fill>();

  function mark(matches: (fill: Fill) => boolean) {
    for (const fill of fills) if (matches(fill)) fill.stale = true;
  }

  return {
    /**
     * The state of `sessionId`, from memory or from `load` (which reads the database). The
     * session must belong to `userId` (the signed token says so); an entry for another user is
     * not used.
     */
    async get(
      sessionId: string,
      userId: string,
      load: () => Promise<PrincipalState | null>,
    ): Promise<PrincipalState | null> {
      const known = entries.get(sessionId);
      if (known && known.account._id === userId) return known;
      const fill: Fill = { sessionId, userId, stale: false };
      fills.add(fill);
      try {
        const loaded = await load();
        // Only a usable principal is kept: a refusal is read again, so it never hides a change.
        if (loaded && !fill.stale && loaded.account.status === 'active' && loaded.sessionOpen) {
          entries.set(sessionId, loaded);
        }
        return loaded;
      } finally {
        fills.delete(fill);
      }
    },

    /** One session changed (revoked). */
    dropSession(sessionId: string): void {
      entries.delete(sessionId);
      mark((fill) => fill.sessionId === sessionId);
    },

    /** The account changed (status, role, two-factor sign-in, profile): every session of it is read again. */
    dropUser(userId: string): void {
      // A walk over at most `max` entries; invalidations are rare next to reads.
      const ofUser = [...entries.entries()].filter(([, state]) => state.account._id === userId);
      for (const [sessionId] of ofUser) entries.delete(sessionId);
      mark((fill) => fill.userId === userId);
    },

    /** How many sessions are remembered (tests). */
    get size(): number {
      return entries.size;
    },
  };
}

export type PrincipalCache = ReturnType<typeof createPrincipalCache>;
