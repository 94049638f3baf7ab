import { Binary, Decimal128, Double, Int32, Long, ObjectId } from 'mongodb';
import { describe, expect, test } from 'vitest';
import { useConformance } from './harness.js';

const h = useConformance('reply_documents');

/**
 * What reads return is each document's current version, with every type as stored, however the
 * document was written and however it is read (first batch, getMore, aggregate, projection).
 */
describe('documents in read replies', () => {
  test('a document reads back with its types, in its field order, through every read', async () => {
    const coll = h.collection('types');
    const stored = {
      _id: new ObjectId(),
      email: 'rené@example.com',
      int: new Int32(7),
      whole: new Double(2),
      fraction: new Double(2.5),
      long: Long.fromNumber(2 ** 40),
      decimal: Decimal128.fromString('1.10'),
      bytes: new Binary(Buffer.from([1, 2, 3])),
      at: new Date('2026-01-02T03:04:05.006Z'),
      nested: { list: [new Int32(1), 'two', { three: new Int32(3) }], empty: {} },
      none: null,
    };
    await coll.createIndex({ email: 1 }, { unique: true });
    await coll.insertOne(stored);
    // Unpromoted, so each number reads back as the BSON type it was stored as.
    const options = { promoteValues: false } as const;
    const byKey = await coll.findOne({ email: 'rené@example.com' }, options);
    const byId = await coll.findOne({ _id: stored._id }, options);
    const [aggregated] = await coll.aggregate([{ $match: {} }], options).toArray();
    for (const doc of [byKey, byId, aggregated]) {
      expect(doc).toEqual(stored);
      expect(Object.keys(doc ?? {})).toEqual(Object.keys(stored));
    }
  });

  test('after updates and a replacement, reads return the current version only', async () => {
    const coll = h.collection('versions');
    await coll.createIndex({ key: 1 }, { unique: true });
    await coll.insertOne({ _id: 1, key: 'a', n: 1, note: 'first' });
    expect(await coll.findOne({ key: 'a' })).toEqual({ _id: 1, key: 'a', n: 1, note: 'first' });
    await coll.updateOne({ key: 'a' }, { $inc: { n: 1 }, $set: { note: 'second' } });
    expect(await coll.findOne({ key: 'a' })).toEqual({ _id: 1, key: 'a', n: 2, note: 'second' });
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, key: 'a', n: 2, note: 'second' });
    await coll.replaceOne({ _id: 1 }, { key: 'a', replaced: true });
    expect(await coll.findOne({ key: 'a' })).toEqual({ _id: 1, key: 'a', replaced: true });
    await coll.findOneAndUpdate({ _id: 1 }, { $unset: { replaced: '' } });
    expect(await coll.find({}).toArray()).toEqual([{ _id: 1, key: 'a' }]);
    await coll.deleteOne({ _id: 1 });
    expect(await coll.findOne({ key: 'a' })).toBeNull();
  });

  test('a projected read leaves the stored document whole for the next read', async () => {
    const coll = h.collection('projected');
    await coll.insertOne({ _id: 1, name: 'Ada', email: 'ada@example.com', age: 36 });
    expect(await coll.findOne({ _id: 1 }, { projection: { email: 1 } })).toEqual({
      _id: 1,
      email: 'ada@example.com',
    });
    expect(await coll.findOne({ _id: 1 })).toEqual({
      _id: 1,
      name: 'Ada',
      email: 'ada@example.com',
      age: 36,
    });
  });

  test('many documents come back whole through getMore batches, in order', async () => {
    const coll = h.collection('batches');
    const docs = Array.from({ length: 250 }, (_, i) => ({ _id: i, text: 'x'.repeat(i % 40), i }));
    await coll.insertMany(docs);
    await coll.updateMany({ i: { $mod: [3, 0] } }, { $set: { third: true } });
    const expected = docs.map((doc) => (doc.i % 3 === 0 ? { ...doc, third: true } : doc));
    expect(await coll.find({}).batchSize(7).toArray()).toEqual(expected);
    expect(await coll.aggregate([{ $sort: { _id: 1 } }], { batchSize: 11 }).toArray()).toEqual(
      expected,
    );
  });
});
