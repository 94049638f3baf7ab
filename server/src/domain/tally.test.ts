import { describe, expect, it } from 'vitest';
import { sumOf, tally } from './tally.js';

describe('tally', () => {
  it('names every key, 0 where nothing was counted, and ignores unknown groups', () => {
    const counts = tally(['a', 'b', 'c'] as const, [
      { _id: 'a', count: 2 },
      { _id: 'zzz', count: 7 },
      { _id: 'c', count: 1 },
    ]);
    expect(counts).toEqual({ a: 2, b: 0, c: 1 });
    expect(sumOf(counts)).toBe(3);
  });
});
