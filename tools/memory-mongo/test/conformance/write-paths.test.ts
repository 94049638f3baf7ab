import { ObjectId } from 'mongodb';
import { describe, expect, test } from 'vitest';
import { errorOf, useConformance } from './harness.js';

const h = useConformance('write_paths');

/**
 * Updates that keep or change indexed keys, read back through those indexes; lookups by `_id`
 * and by a unique key; the chat's conversation update. Each expectation is what a collection scan
 * (or MongoDB) gives.
 */
describe('indexes after updates', () => {
  test('a key changed, changed back and left alone is found under its current value only', async () => {
    const coll = h.collection('keys_cycle');
    await coll.createIndex({ email: 1 }, { unique: true });
    await coll.createIndex({ group: 1, score: -1 });
    await coll.insertMany([
      { _id: 1, email: 'a@example.com', group: 1, score: 5, note: 'x' },
      { _id: 2, email: 'b@example.com', group: 1, score: 7, note: 'x' },
    ]);
    await coll.updateOne({ _id: 1 }, { $set: { email: 'c@example.com' } });
    await coll.updateOne({ _id: 1 }, { $set: { note: 'y' } });
    await coll.updateOne({ _id: 1 }, { $set: { email: 'a@example.com', score: 9 } });
    await coll.updateOne({ _id: 1 }, { $set: { note: 'z' } });

    expect(await coll.findOne({ email: 'c@example.com' })).toBeNull();
    expect(await coll.findOne({ email: 'a@example.com' })).toMatchObject({ _id: 1, note: 'z' });
    const byScore = await coll.find({ group: 1 }).sort({ score: -1 }).toArray();
    expect(byScore.map((doc) => doc._id)).toEqual([1, 2]);
    expect(await coll.countDocuments({ group: 1, score: { $gte: 8 } })).toBe(1);
    // The unique key went back to its first value: another document cannot take it.
    const duplicate = await errorOf(coll.insertOne({ _id: 3, email: 'a@example.com' }));
    expect(duplicate.code).toBe(11000);
    // ... and the value it left is free again.
    await coll.insertOne({ _id: 4, email: 'c@example.com' });
  });

  test('an update to an array key field keeps every element findable', async () => {
    const coll = h.collection('keys_multikey');
    await coll.createIndex({ tags: 1, at: -1 });
    const first = new ObjectId();
    const second = new ObjectId();
    await coll.insertOne({ _id: 1, tags: [first, second], at: new Date(1000), n: 0 });
    await coll.updateOne({ _id: 1 }, { $inc: { n: 1 } });
    await coll.updateOne({ _id: 1 }, { $max: { at: new Date(2000) } });
    expect(await coll.find({ tags: second }).sort({ at: -1 }).toArray()).toEqual([
      { _id: 1, tags: [first, second], at: new Date(2000), n: 1 },
    ]);
    expect(await coll.countDocuments({ tags: first, at: { $lt: new Date(1500) } })).toBe(0);
  });

  test('ObjectId keys keep their byte order in index scans and sorts', async () => {
    const coll = h.collection('keys_object_ids');
    await coll.createIndex({ ref: 1 });
    const ids = [
      '000000000000000000000001',
      '00000000000000000000ff00',
      '0000000000ff000000000000',
      'ff0000000000000000000000',
      '7f0000000000000000000000',
    ].map((hex) => new ObjectId(hex));
    await coll.insertMany(ids.map((ref, i) => ({ _id: i, ref })));
    const sorted = await coll.find({}).sort({ ref: 1 }).toArray();
    expect(sorted.map((doc) => doc._id)).toEqual([0, 1, 2, 4, 3]);
    const above = await coll.find({ ref: { $gt: ids[2] } }).toArray();
    expect(above.map((doc) => doc._id).sort()).toEqual([3, 4]);
  });
});

describe('lookups by _id and unique keys', () => {
  test('_id equality, $eq and $in find exactly their documents, in natural order', async () => {
    const coll = h.collection('id_lookups');
    await coll.insertMany([{ _id: 3 }, { _id: 'three' }, { _id: 1 }, { _id: 2 }]);
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1 });
    expect(await coll.findOne({ _id: { $eq: 'three' } })).toEqual({ _id: 'three' });
    expect(await coll.find({ _id: { $in: [2, 3, 9] } }).toArray()).toEqual([
      { _id: 3 },
      { _id: 2 },
    ]);
    // Other conditions beside the equality still filter.
    expect(await coll.find({ _id: { $in: [2, 3], $ne: 3 } }).toArray()).toEqual([{ _id: 2 }]);
    expect(await coll.findOne({ _id: 1, missing: { $exists: true } })).toBeNull();
    expect(await coll.findOne({ _id: 9 })).toBeNull();
  });

  test('inside a transaction, a lookup by _id sees the transaction’s own insert and update', async () => {
    const coll = h.collection('id_lookups_txn');
    await coll.insertOne({ _id: 1, v: 'before' });
    const session = h.client.startSession();
    try {
      await session.withTransaction(async () => {
        await coll.insertOne({ _id: 2, v: 'new' }, { session });
        await coll.updateOne({ _id: 1 }, { $set: { v: 'changed' } }, { session });
        expect(await coll.findOne({ _id: 2 }, { session })).toEqual({ _id: 2, v: 'new' });
        expect(await coll.findOne({ _id: 1 }, { session })).toEqual({ _id: 1, v: 'changed' });
        expect(await coll.find({ _id: { $in: [1, 2] } }, { session }).toArray()).toHaveLength(2);
        // Outside the transaction nothing has happened yet.
        expect(await coll.findOne({ _id: 2 })).toBeNull();
      });
    } finally {
      await session.endSession();
    }
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, v: 'changed' });
  });

  test('a unique key lookup returns the one document, with different values each time', async () => {
    const coll = h.collection('unique_lookups');
    await coll.createIndex({ email: 1 }, { unique: true });
    await coll.insertMany([0, 1, 2, 3].map((i) => ({ _id: i, email: `p${i}@example.com` })));
    for (const i of [2, 0, 3, 1, 2]) {
      expect(await coll.findOne({ email: `p${i}@example.com` })).toEqual({
        _id: i,
        email: `p${i}@example.com`,
      });
    }
    expect(await coll.findOne({ email: 'nobody@example.com' })).toBeNull();
  });
});

describe("the chat's conversation update", () => {
  test('moves the activity and only the sender’s read mark forward, never back', async () => {
    const coll = h.collection('chat_update');
    await coll.createIndex({ participants: 1, lastActivityAt: -1 });
    const coach = new ObjectId();
    const client = new ObjectId();
    const start = new Date('2026-01-01T00:00:00Z');
    await coll.insertOne({
      _id: 1,
      participants: [coach, client],
      reads: [
        { user: coach, readAt: start },
        { user: client, readAt: start },
      ],
      lastActivityAt: start,
    });
    const send = (user: ObjectId, at: Date) =>
      coll.updateOne(
        { _id: 1 },
        { $max: { lastActivityAt: at }, $set: { 'reads.$[mine].readAt': at } },
        { arrayFilters: [{ 'mine.user': user, 'mine.readAt': { $lt: at } }] },
      );
    const later = new Date('2026-01-02T00:00:00Z');
    expect(await send(coach, later)).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    expect(await coll.findOne({ _id: 1 })).toEqual({
      _id: 1,
      participants: [coach, client],
      reads: [
        { user: coach, readAt: later },
        { user: client, readAt: start },
      ],
      lastActivityAt: later,
    });
    // The same send again changes nothing; an older one neither.
    expect(await send(coach, later)).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
    expect(await send(client, start)).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
    const latest = await coll
      .find({ participants: client })
      .sort({ lastActivityAt: -1 })
      .project({ lastActivityAt: 1 })
      .toArray();
    expect(latest).toEqual([{ _id: 1, lastActivityAt: later }]);
  });

  test('the positional $ still follows the filter, and a replacement in another order counts as modified', async () => {
    const coll = h.collection('positional_first');
    await coll.insertOne({
      _id: 1,
      items: [
        { k: 'a', n: 1 },
        { k: 'b', n: 1 },
      ],
      x: 1,
      y: 2,
    });
    expect(
      await coll.updateOne({ _id: 1, 'items.k': 'b' }, { $inc: { 'items.$.n': 5 } }),
    ).toMatchObject({ modifiedCount: 1 });
    expect((await coll.findOne({ _id: 1 }))?.items).toEqual([
      { k: 'a', n: 1 },
      { k: 'b', n: 6 },
    ]);
    expect(
      await coll.replaceOne(
        { _id: 1 },
        {
          y: 2,
          x: 1,
          items: [
            { k: 'a', n: 1 },
            { k: 'b', n: 6 },
          ],
        },
      ),
    ).toMatchObject({ modifiedCount: 1 });
    expect(await coll.updateOne({ _id: 1 }, { $set: { x: 1, y: 2 } })).toMatchObject({
      modifiedCount: 0,
    });
  });
});
