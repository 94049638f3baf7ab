/**
 * Per-key token buckets in this process: `capacity` tokens, refilled evenly over `windowMs`.
 * For limits on socket events, which express-rate-limit (HTTP only) cannot see. With several
 * server processes each one counts its own sockets' events.
 */
export interface TokenBuckets {
  /** Takes one token for `key`: ok, or how long until the next token. */
  take(key: string, now?: number): { ok: true } | { ok: false; retryAfterMs: number };
}

/** Above this many keys, full buckets (idle keys) are dropped. */
const SWEEP_ABOVE = 10_000;

export function createTokenBuckets(options: { capacity: number; windowMs: number }): TokenBuckets {
  const { capacity, windowMs } = options;
  const msPerToken = windowMs / capacity;
  const buckets = new Map<string, { tokens: number; at: number }>();

  const refilled = (bucket: { tokens: number; at: number }, now: number) =>
    Math.min(capacity, bucket.tokens + (now - bucket.at) / msPerToken);

  return {
    take(key, now = Date.now()) {
      if (buckets.size > SWEEP_ABOVE) {
        for (const [other, bucket] of buckets) {
          if (refilled(bucket, now) >= capacity) buckets.delete(other);
        }
      }
      const bucket = buckets.get(key);
      const tokens = bucket ? refilled(bucket, now) : capacity;
      if (bucket && tokens < 1) {
        // Left as it was: the refill keeps counting from the last token taken.
        const waited = now - bucket.at;
        return { ok: false, retryAfterMs: Math.ceil((1 - bucket.tokens) * msPerToken - waited) };
      }
      buckets.set(key, { tokens: tokens - 1, at: now });
      return { ok: true };
    },
  };
}
