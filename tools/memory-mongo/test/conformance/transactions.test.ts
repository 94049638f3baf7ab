import { setTimeout as sleep } from 'node:timers/promises';
import type { ClientSession } from 'mongodb';
import { afterEach, describe, expect, test } from 'vitest';
import { errorOf, recordCommands, useConformance, type TestDoc } from './harness.js';

const h = useConformance('transactions');

// Sessions opened by a test are ended afterwards even when an assertion failed mid-transaction.
const open: ClientSession[] = [];
const session = () => {
  const s = h.client.startSession();
  open.push(s);
  return s;
};
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.endSession()));
});

describe('sessions', () => {
  test('operations carry the session id; endSessions and killSessions are accepted', async () => {
    const client = await h.connect({ monitorCommands: true });
    const log = recordCommands(client);
    const s = client.startSession();
    const coll = client.db(h.dbName).collection('with_session');
    await coll.insertOne({ x: 1 }, { session: s });
    await expect(coll.findOne({ x: 1 }, { session: s })).resolves.toMatchObject({ x: 1 });
    const sessionId = s.id?.id.toString('hex');
    const lsids = log.started.map((event) => event.command.lsid?.id?.toString('hex'));
    expect(lsids).toEqual([sessionId, sessionId]);
    await s.endSession();
    const admin = client.db('admin');
    await expect(admin.command({ endSessions: [s.id] })).resolves.toMatchObject({ ok: 1 });
    await expect(admin.command({ killSessions: [] })).resolves.toMatchObject({ ok: 1 });
  });

  test('retryable writes send a txnNumber and succeed', async () => {
    const client = await h.connect({ retryWrites: true, monitorCommands: true });
    const log = recordCommands(client);
    const coll = client.db(h.dbName).collection<TestDoc>('retryable');
    await coll.insertOne({ _id: 1, n: 0 });
    await coll.updateOne({ _id: 1 }, { $inc: { n: 1 } });
    await coll.findOneAndUpdate({ _id: 1 }, { $inc: { n: 1 } });
    await coll.deleteOne({ _id: 2 });
    for (const name of ['insert', 'update', 'findAndModify', 'delete']) {
      expect(log.sent(name)[0]?.command).toHaveProperty('txnNumber');
    }
    await expect(coll.findOne()).resolves.toEqual({ _id: 1, n: 2 });
  });
});

describe('commit and abort', () => {
  test('withTransaction commits all its writes', async () => {
    const coll = h.collection('committed');
    await session().withTransaction(async (s) => {
      await coll.insertOne({ _id: 1 }, { session: s });
      await coll.insertOne({ _id: 2 }, { session: s });
    });
    await expect(coll.countDocuments()).resolves.toBe(2);
  });

  test('a transaction sees its own writes; others see them only after commit', async () => {
    const coll = h.collection('isolated');
    await coll.insertOne({ _id: 'existing', v: 0 });
    const s = session();
    s.startTransaction();
    await coll.insertOne({ _id: 'new' }, { session: s });
    await coll.updateOne({ _id: 'existing' }, { $set: { v: 1 } }, { session: s });

    await expect(coll.findOne({ _id: 'new' }, { session: s })).resolves.toEqual({ _id: 'new' });
    await expect(coll.countDocuments({}, { session: s })).resolves.toBe(2);
    await expect(coll.findOne({ _id: 'new' })).resolves.toBeNull();
    await expect(coll.findOne({ _id: 'existing' })).resolves.toEqual({ _id: 'existing', v: 0 });

    await s.commitTransaction();
    await expect(coll.findOne({ _id: 'new' })).resolves.toEqual({ _id: 'new' });
    await expect(coll.findOne({ _id: 'existing' })).resolves.toEqual({ _id: 'existing', v: 1 });
  });

  test('abort discards the writes', async () => {
    const coll = h.collection('aborted');
    await coll.insertOne({ _id: 1, v: 0 });
    const s = session();
    s.startTransaction();
    await coll.insertOne({ _id: 2 }, { session: s });
    await coll.updateOne({ _id: 1 }, { $set: { v: 1 } }, { session: s });
    await coll.deleteOne({ _id: 1 }, { session: s });
    await s.abortTransaction();
    await expect(coll.find().toArray()).resolves.toEqual([{ _id: 1, v: 0 }]);
  });
});

describe('conflicts and isolation', () => {
  test('a second transaction writing the same document fails with WriteConflict', async () => {
    const coll = h.collection('conflict');
    await coll.insertOne({ _id: 1, v: 0 });
    const first = session();
    const second = session();
    first.startTransaction();
    second.startTransaction();
    await coll.updateOne({ _id: 1 }, { $set: { v: 1 } }, { session: first });

    const error = await errorOf(
      coll.updateOne({ _id: 1 }, { $set: { v: 2 } }, { session: second }),
    );
    expect(error).toMatchObject({ code: 112, codeName: 'WriteConflict' });
    expect(error.hasErrorLabel('TransientTransactionError')).toBe(true);

    await first.commitTransaction();
    await second.abortTransaction();
    await expect(coll.findOne({ _id: 1 })).resolves.toEqual({ _id: 1, v: 1 });
  });

  test('after a write conflict the server has aborted the transaction: commit fails with NoSuchTransaction', async () => {
    const coll = h.collection('conflict_abort');
    await coll.insertOne({ _id: 1, v: 0 });
    const first = session();
    const second = session();
    first.startTransaction();
    second.startTransaction();
    await coll.insertOne({ _id: 2 }, { session: second });
    await coll.updateOne({ _id: 1 }, { $set: { v: 1 } }, { session: first });
    await errorOf(coll.updateOne({ _id: 1 }, { $set: { v: 2 } }, { session: second }));
    await expect(second.commitTransaction()).rejects.toMatchObject({ code: 251 });
    await first.commitTransaction();
    await expect(coll.findOne({ _id: 2 })).resolves.toBeNull();
  });

  test('concurrent withTransaction increments both apply; the retried one sees the first', async () => {
    const coll = h.collection('counter');
    await coll.insertOne({ _id: 'c', n: 0 });
    let firstWrote!: () => void;
    const firstHasWritten = new Promise<void>((resolve) => (firstWrote = resolve));
    let secondTried!: () => void;
    const secondHasTried = new Promise<void>((resolve) => (secondTried = resolve));
    const seenBySecond: number[] = [];
    let secondAttempts = 0;

    // The first holds its write open until the second has collided with it at least once
    // (bounded, so an engine that blocks instead of conflicting fails rather than deadlocks).
    const first = session().withTransaction(async (s) => {
      await coll.updateOne({ _id: 'c' }, { $inc: { n: 1 } }, { session: s });
      firstWrote();
      await Promise.race([secondHasTried, sleep(5_000)]);
    });
    await Promise.race([firstHasWritten, first]); // a failing first write fails the test now
    const second = session().withTransaction(async (s) => {
      secondAttempts += 1;
      try {
        const doc = await coll.findOneAndUpdate(
          { _id: 'c' },
          { $inc: { n: 10 } },
          { session: s, returnDocument: 'after' },
        );
        seenBySecond.push(doc?.n);
      } finally {
        secondTried();
      }
    });

    await Promise.all([first, second]);
    await expect(coll.findOne({ _id: 'c' })).resolves.toEqual({ _id: 'c', n: 11 });
    expect(seenBySecond).toEqual([11]);
    expect(secondAttempts).toBeGreaterThanOrEqual(2);
  });

  test('snapshot isolation: a document committed after the transaction started stays invisible', async () => {
    const coll = h.collection('snapshot');
    await coll.insertOne({ _id: 'before' });
    const s = session();
    s.startTransaction({ readConcern: { level: 'snapshot' } });
    // The snapshot is taken by the transaction's first operation, not by startTransaction.
    await expect(coll.countDocuments({}, { session: s })).resolves.toBe(1);
    await coll.insertOne({ _id: 'after' });

    await expect(coll.findOne({ _id: 'after' }, { session: s })).resolves.toBeNull();
    await expect(coll.countDocuments({}, { session: s })).resolves.toBe(1);
    await s.commitTransaction();
    await expect(coll.countDocuments()).resolves.toBe(2);
  });

  test('writing a document changed by others since the snapshot fails with WriteConflict', async () => {
    const coll = h.collection('stale_write');
    await coll.insertOne({ _id: 1, v: 0 });
    const s = session();
    s.startTransaction({ readConcern: { level: 'snapshot' } });
    await expect(coll.findOne({ _id: 1 }, { session: s })).resolves.toEqual({ _id: 1, v: 0 });
    await coll.updateOne({ _id: 1 }, { $set: { v: 5 } });

    const error = await errorOf(coll.updateOne({ _id: 1 }, { $inc: { v: 1 } }, { session: s }));
    expect(error).toMatchObject({ code: 112 });
    expect(error.hasErrorLabel('TransientTransactionError')).toBe(true);
    await s.abortTransaction();
    await expect(coll.findOne({ _id: 1 })).resolves.toEqual({ _id: 1, v: 5 });
  });

  test('an upsert racing a unique key committed after the snapshot is a WriteConflict, not 11000', async () => {
    const coll = h.collection('upsert_race');
    await coll.createIndex({ owner: 1 }, { unique: true });
    const s = session();
    s.startTransaction({ readConcern: { level: 'snapshot' } });
    await expect(coll.countDocuments({}, { session: s })).resolves.toBe(0);
    await coll.insertOne({ owner: 'coach-1', version: 1 });

    // The snapshot does not see the new document, so the upsert inserts and meets its key.
    const error = await errorOf(
      coll.updateOne({ owner: 'coach-1' }, { $inc: { version: 1 } }, { upsert: true, session: s }),
    );
    expect(error).toMatchObject({ code: 112 });
    expect(error.hasErrorLabel('TransientTransactionError')).toBe(true);
    await s.abortTransaction();
  });

  test('withTransaction retries such an upsert into an update of the committed document', async () => {
    const coll = h.collection('upsert_retry');
    await coll.createIndex({ owner: 1 }, { unique: true });
    let attempts = 0;
    await session().withTransaction(async (s) => {
      attempts += 1;
      await coll.countDocuments({}, { session: s });
      if (attempts === 1) await coll.insertOne({ owner: 'coach-2', version: 1 });
      await coll.updateOne(
        { owner: 'coach-2' },
        { $inc: { version: 1 } },
        { upsert: true, session: s },
      );
    });
    expect(attempts).toBe(2);
    const stored = await coll.find({ owner: 'coach-2' }).toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ version: 2 });
  });

  test('a non-transactional write to a document a transaction holds waits, then applies', async () => {
    const coll = h.collection('blocked');
    await coll.insertOne({ _id: 1, v: 0, w: 0 });
    const s = session();
    s.startTransaction();
    await coll.updateOne({ _id: 1 }, { $set: { v: 1 } }, { session: s });

    let settled = false;
    const outside = coll.updateOne({ _id: 1 }, { $inc: { w: 1 } });
    const markSettled = () => (settled = true);
    outside.then(markSettled, markSettled);
    await sleep(300);
    expect(settled).toBe(false);

    await s.commitTransaction();
    await expect(outside).resolves.toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    await expect(coll.findOne({ _id: 1 })).resolves.toEqual({ _id: 1, v: 1, w: 1 });
  });
});
