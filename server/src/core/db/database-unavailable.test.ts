import { MongoNetworkError, MongoServerError, MongoServerSelectionError } from 'mongodb';
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-unavailable.js';

describe('isDatabaseUnavailable', () => {
  it('recognises the errors of an unreachable database', () => {
    expect(isDatabaseUnavailable(new MongoNetworkError('connection reset'))).toBe(true);
    expect(
      isDatabaseUnavailable(
        new MongoServerSelectionError('Server selection timed out', {
          type: 'Unknown',
          servers: new Map(),
          stale: false,
          compatible: true,
          heartbeatFrequencyMS: 10_000,
          localThresholdMS: 15,
          setName: null,
          maxElectionId: null,
          maxSetVersion: null,
          commonWireVersion: 0,
          logicalSessionTimeoutMinutes: null,
        } as unknown as ConstructorParameters<typeof MongoServerSelectionError>[1]),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        new mongoose.Error('Operation `users.findOne()` buffering timed out after 1500ms'),
      ),
    ).toBe(true);
    const wrapped = new Error('Transaction failed', { cause: new MongoNetworkError('gone') });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
  });

  it('leaves other errors alone', () => {
    expect(isDatabaseUnavailable(new MongoServerError({ message: 'E11000', code: 11000 }))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(new Error('Something else'))).toBe(false);
    expect(isDatabaseUnavailable(new mongoose.Error('Validation failed'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
