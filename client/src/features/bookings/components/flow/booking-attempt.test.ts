import { describe, expect, it } from 'vitest';

import { attemptFor } from './booking-attempt';

const request = { coachId: 'c1', sessionTypeId: 's1', start: '2026-06-01T08:00:00.000Z' };

describe('attemptFor', () => {
  it('keeps the key for a retry of the same request', () => {
    let keys = 0;
    const newKey = () => `key-${(keys += 1)}`;
    const first = attemptFor(null, request, newKey);
    expect(attemptFor(first, { ...request }, newKey)).toBe(first);
    expect(first.key).toBe('key-1');
  });

  it('starts a new attempt with a new key when anything changes', () => {
    let keys = 0;
    const newKey = () => `key-${(keys += 1)}`;
    const first = attemptFor(null, request, newKey);
    expect(attemptFor(first, { ...request, start: '2026-06-01T09:00:00.000Z' }, newKey).key).toBe(
      'key-2',
    );
    expect(attemptFor(first, { ...request, notes: 'Hi' }, newKey).key).toBe('key-3');
  });
});
