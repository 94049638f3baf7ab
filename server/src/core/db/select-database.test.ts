import { describe, expect, it } from 'vitest';
import { needsMongodProbe, selectDatabase } from './select-database.js';

const uri = 'mongodb://db:27017/coachhub?replicaSet=rs0';
const offline = { binaryPath: null, downloadReachable: false };

describe('selectDatabase', () => {
  it('uses MONGODB_URI when set, whatever else is configured', () => {
    const settings = { mongodbUri: uri, forcedEmbedded: 'memory-mongo' as const };
    expect(needsMongodProbe(settings)).toBe(false);
    expect(selectDatabase(settings)).toMatchObject({ kind: 'external', uri });
  });

  it('honours EMBEDDED_DB without probing', () => {
    for (const forcedEmbedded of ['memory-mongo', 'mongodb-memory-server'] as const) {
      const settings = { mongodbUri: null, forcedEmbedded };
      expect(needsMongodProbe(settings)).toBe(false);
      expect(selectDatabase(settings).kind).toBe(forcedEmbedded);
    }
  });

  it('prefers a mongod binary that is already on the machine', () => {
    const settings = { mongodbUri: null, forcedEmbedded: null };
    expect(needsMongodProbe(settings)).toBe(true);
    expect(
      selectDatabase(settings, { binaryPath: '/usr/bin/mongod', downloadReachable: false }),
    ).toMatchObject({ kind: 'mongodb-memory-server', binaryPath: '/usr/bin/mongod' });
  });

  it('downloads mongod when none is present but the download host answers', () => {
    expect(
      selectDatabase(
        { mongodbUri: null, forcedEmbedded: null },
        { binaryPath: null, downloadReachable: true },
      ),
    ).toMatchObject({ kind: 'mongodb-memory-server', binaryPath: null });
  });

  it('falls back to memory-mongo on an offline machine without mongod', () => {
    expect(selectDatabase({ mongodbUri: null, forcedEmbedded: null }, offline).kind).toBe(
      'memory-mongo',
    );
  });

  it('refuses to guess when the probe is missing', () => {
    expect(() => selectDatabase({ mongodbUri: null, forcedEmbedded: null })).toThrow(/probe/);
  });

  it('explains each choice for the boot log line', () => {
    expect(selectDatabase({ mongodbUri: null, forcedEmbedded: null }, offline).reason).toMatch(
      /none can be downloaded/,
    );
  });
});
