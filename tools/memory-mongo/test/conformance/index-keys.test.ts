import { describe, expect, test } from 'vitest';
import { useConformance } from './harness.js';

const h = useConformance('index_keys');

/**
 * Index keys shared by several documents, then by one, then by none, read through the index
 * (`hint`) after each change; and a collection large enough that the index's ordered keys span
 * many nodes, read by ranges and sorts in both directions after inserts and deletes. Each
 * expectation is what a collection scan (or MongoDB) gives.
 */
describe('index keys', () => {
  test('a key held by one, several, one and no documents finds exactly those', async () => {
    const coll = h.collection('shared_key');
    await coll.createIndex({ tag: 1 });
    const ids = async (): Promise<unknown[]> =>
      (await coll.find({ tag: 'a' }).hint({ tag: 1 }).toArray()).map((doc) => doc._id);
    await coll.insertOne({ _id: 1, tag: 'a' });
    expect(await ids()).toEqual([1]);
    await coll.insertMany([
      { _id: 2, tag: 'a' },
      { _id: 3, tag: 'a' },
    ]);
    expect(await ids()).toEqual([1, 2, 3]);
    await coll.deleteOne({ _id: 1 });
    await coll.updateOne({ _id: 3 }, { $set: { tag: 'b' } });
    expect(await ids()).toEqual([2]);
    await coll.deleteOne({ _id: 2 });
    expect(await ids()).toEqual([]);
    await coll.insertOne({ _id: 4, tag: 'a' });
    expect(await ids()).toEqual([4]);
    expect(await coll.countDocuments({ tag: 'b' })).toBe(1);
  });

  test('ranges and sorts over thousands of keys, after inserts and deletes in the middle', async () => {
    const coll = h.collection('many_keys');
    await coll.createIndex({ group: 1, score: -1 });
    const docs = Array.from({ length: 6_000 }, (_, i) => ({
      _id: i,
      group: i % 3,
      score: (i * 7919) % 6_000,
    }));
    await coll.insertMany(docs);
    // Every other document of the middle third goes.
    await coll.deleteMany({ _id: { $gte: 2_000, $lt: 4_000 }, score: { $mod: [2, 0] } });
    const kept = docs.filter((doc) => doc._id < 2_000 || doc._id >= 4_000 || doc.score % 2 === 1);

    const range = await coll
      .find({ group: 1, score: { $gte: 1_000, $lt: 3_000 } })
      .hint({ group: 1, score: -1 })
      .toArray();
    const expected = kept
      .filter((doc) => doc.group === 1 && doc.score >= 1_000 && doc.score < 3_000)
      .sort((a, b) => b.score - a.score);
    expect(range.map((doc) => doc._id).sort()).toEqual(expected.map((doc) => doc._id).sort());

    const top = await coll.find({ group: 2 }).sort({ score: -1 }).limit(25).toArray();
    const bottom = await coll.find({ group: 2 }).sort({ score: 1 }).skip(10).limit(25).toArray();
    const inGroup = kept.filter((doc) => doc.group === 2).sort((a, b) => b.score - a.score);
    expect(top.map((doc) => doc._id)).toEqual(inGroup.slice(0, 25).map((doc) => doc._id));
    expect(bottom.map((doc) => doc._id)).toEqual(
      [...inGroup]
        .reverse()
        .slice(10, 35)
        .map((doc) => doc._id),
    );
    const explained = await coll
      .find({ group: 2 })
      .sort({ score: 1 })
      .limit(25)
      .explain('executionStats');
    // It stops after the limit instead of reading the group's 1,700 keys (MongoDB reads 25; the
    // engine also reads the key after the last, to see that no tie follows).
    expect(explained.executionStats.totalKeysExamined).toBeLessThanOrEqual(26);
    expect(await coll.countDocuments({ group: 0, score: { $lt: 600 } })).toBe(
      kept.filter((doc) => doc.group === 0 && doc.score < 600).length,
    );
  });
});
