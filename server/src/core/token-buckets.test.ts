import { describe, expect, it } from 'vitest';
import { createTokenBuckets } from './token-buckets.js';

describe('token buckets', () => {
  it('allows a burst of `capacity`, then one token per window / capacity, per key', () => {
    const buckets = createTokenBuckets({ capacity: 3, windowMs: 3000 });
    const at = 1_000_000;
    expect([1, 2, 3].map(() => buckets.take('a', at).ok)).toEqual([true, true, true]);
    expect(buckets.take('a', at)).toEqual({ ok: false, retryAfterMs: 1000 });
    expect(buckets.take('b', at).ok).toBe(true);
    expect(buckets.take('a', at + 400)).toEqual({ ok: false, retryAfterMs: 600 });
    expect(buckets.take('a', at + 1000).ok).toBe(true);
    expect(buckets.take('a', at + 1000).ok).toBe(false);
    expect([1, 2, 3].map(() => buckets.take('a', at + 10_000).ok)).toEqual([true, true, true]);
  });

  it('throttles to one per interval with a capacity of one', () => {
    const typing = createTokenBuckets({ capacity: 1, windowMs: 2000 });
    expect(typing.take('u:c', 0).ok).toBe(true);
    expect(typing.take('u:c', 1999).ok).toBe(false);
    expect(typing.take('u:c', 2000).ok).toBe(true);
  });
});
