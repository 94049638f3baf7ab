import { describe, expect, test } from 'vitest';
import { useConformance } from './harness.js';

const h = useConformance('handshake');

describe('hello / isMaster', () => {
  test('hello reports a writable primary of a replica set', async () => {
    const hello = await h.db.admin().command({ hello: 1 });
    expect(hello).toMatchObject({ ok: 1, isWritablePrimary: true, setName: expect.any(String) });
    // The member is host:port, or the Unix socket's path for a client that came through it.
    expect(hello.me).toMatch(/^[^:/]+:\d+$|^\/.+\.sock$/);
    expect(hello.hosts).toContain(hello.me);
    // The driver needs sessions (transactions, retryable writes) and a current wire version.
    expect(hello.logicalSessionTimeoutMinutes).toBeGreaterThan(0);
    expect(hello.maxWireVersion).toBeGreaterThanOrEqual(17);
    const replicaSet = new URLSearchParams(h.uri.split('?')[1] ?? '').get('replicaSet');
    if (replicaSet) expect(hello.setName).toBe(replicaSet);
  });

  test('hello advertises the documented size limits the driver batches by', async () => {
    const hello = await h.db.admin().command({ hello: 1 });
    expect(hello).toMatchObject({
      maxBsonObjectSize: 16 * 1024 * 1024,
      maxMessageSizeBytes: 48_000_000,
      maxWriteBatchSize: 100_000,
    });
  });

  test('the legacy isMaster command still answers', async () => {
    const reply = await h.db.admin().command({ isMaster: 1 });
    expect(reply).toMatchObject({ ok: 1, ismaster: true, setName: expect.any(String) });
  });
});

describe('admin commands', () => {
  test('ping', async () => {
    await expect(h.db.admin().command({ ping: 1 })).resolves.toMatchObject({ ok: 1 });
  });

  test('buildInfo reports a version', async () => {
    const info = await h.db.admin().command({ buildInfo: 1 });
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(info.versionArray).toEqual(expect.arrayContaining([expect.any(Number)]));
  });

  test('getParameter returns the feature compatibility version', async () => {
    const reply = await h.db.admin().command({ getParameter: 1, featureCompatibilityVersion: 1 });
    expect(reply.featureCompatibilityVersion).toMatchObject({ version: expect.any(String) });
  });

  test('serverStatus returns basic process information', async () => {
    const status = await h.db.admin().command({ serverStatus: 1 });
    expect(status).toMatchObject({ ok: 1, version: expect.any(String) });
    expect(status.uptime).toBeGreaterThanOrEqual(0);
    expect(status.localTime).toBeInstanceOf(Date);
  });

  test('listDatabases includes a database once it holds data', async () => {
    await h.collection('present').insertOne({ x: 1 });
    const { databases } = await h.db.admin().listDatabases();
    expect(databases.map((db) => db.name)).toContain(h.dbName);
    const named = await h.db.admin().listDatabases({ nameOnly: true });
    expect(named.databases.map((db) => db.name)).toContain(h.dbName);
  });

  test('dropDatabase removes the database and its collections', async () => {
    const other = h.client.db(`${h.dbName}_drop`);
    await other.collection('doomed').insertOne({ x: 1 });
    await expect(other.dropDatabase()).resolves.toBe(true);
    const { databases } = await h.db.admin().listDatabases({ nameOnly: true });
    expect(databases.map((db) => db.name)).not.toContain(other.databaseName);
    await expect(other.collection('doomed').countDocuments()).resolves.toBe(0);
  });

  test('an unsupported command fails with CommandNotFound naming it', async () => {
    await expect(h.db.command({ frobnicateWidgets: 1 })).rejects.toMatchObject({
      code: 59,
      codeName: 'CommandNotFound',
      message: expect.stringContaining('frobnicateWidgets'),
    });
  });
});
