import { ObjectId } from 'mongodb';
import { describe, expect, test } from 'vitest';
import { seedNumbers, useConformance } from './harness.js';

const h = useConformance('crud');
const seeded = (name: string) => seedNumbers(h.collection(name));

describe('insert and find', () => {
  test('insertOne generates an ObjectId and insertMany reports every id', async () => {
    const coll = h.collection('inserted');
    const one = await coll.insertOne({ name: 'a' });
    expect(one.insertedId).toBeInstanceOf(ObjectId);
    const many = await coll.insertMany([{ name: 'b' }, { _id: 'fixed', name: 'c' }]);
    expect(many.insertedCount).toBe(2);
    expect(many.insertedIds[1]).toBe('fixed');
    await expect(coll.findOne({ _id: one.insertedId })).resolves.toMatchObject({ name: 'a' });
  });

  test('filter, projection, sort, skip and limit combine', async () => {
    const coll = await seeded('find_combo');
    const docs = await coll
      .find({ group: 'even' }, { projection: { _id: 0, n: 1 } })
      .sort({ n: -1 })
      .skip(1)
      .limit(2)
      .toArray();
    expect(docs).toEqual([{ n: 8 }, { n: 6 }]);
  });

  test('query operators: comparison, $in, $or, $exists, $regex and dot notation', async () => {
    const coll = await seeded('find_ops');
    const ids = async (filter: object) =>
      (await coll.find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);
    expect(await ids({ n: { $gt: 3, $lte: 5 } })).toEqual([4, 5]);
    expect(await ids({ n: { $in: [1, 9, 42] } })).toEqual([1, 9]);
    expect(await ids({ $or: [{ n: 2 }, { 'meta.square': 100 }] })).toEqual([2, 10]);
    expect(await ids({ missing: { $exists: true } })).toEqual([]);
    expect(await ids({ group: { $regex: /^ev/ }, n: { $lt: 5 } })).toEqual([2, 4]);
  });

  test('exclusion projection and nested inclusion', async () => {
    const coll = await seeded('find_projection');
    await expect(coll.findOne({ _id: 3 }, { projection: { meta: 0, group: 0 } })).resolves.toEqual({
      _id: 3,
      n: 3,
    });
    await expect(coll.findOne({ _id: 3 }, { projection: { 'meta.square': 1 } })).resolves.toEqual({
      _id: 3,
      meta: { square: 9 },
    });
  });

  test('a null filter value matches missing fields; arrays match by element', async () => {
    const coll = h.collection('find_null_array');
    await coll.insertMany([
      { _id: 1, tags: ['a', 'b'] },
      { _id: 2, tags: ['c'], v: null },
      { _id: 3, v: 1 },
    ]);
    const ids = async (filter: object) => (await coll.find(filter).toArray()).map((d) => d._id);
    expect((await ids({ v: null })).sort()).toEqual([1, 2]);
    expect(await ids({ tags: 'b' })).toEqual([1]);
    expect(await ids({ tags: { $size: 1 } })).toEqual([2]);
  });

  test('collation strength 2 makes equality case-insensitive', async () => {
    const coll = h.collection('collated');
    await coll.insertMany([
      { name: 'alice' },
      { name: 'Alice' },
      { name: 'ALICE' },
      { name: 'bob' },
    ]);
    await expect(coll.countDocuments({ name: 'alice' })).resolves.toBe(1);
    const found = await coll
      .find({ name: 'alice' }, { collation: { locale: 'en', strength: 2 } })
      .toArray();
    expect(found.map((d) => d.name).sort()).toEqual(['ALICE', 'Alice', 'alice']);
  });

  test('collation strength 1 also ignores diacritics', async () => {
    const coll = h.collection('collated_base');
    await coll.insertMany([{ word: 'café' }, { word: 'CAFE' }, { word: 'cafe' }, { word: 'caff' }]);
    const collation = { locale: 'fr', strength: 1 };
    await expect(coll.countDocuments({ word: 'Cafe' }, { collation })).resolves.toBe(3);
  });

  test('a hint naming an existing index does not change the result', async () => {
    const coll = await seeded('hinted');
    await coll.createIndex({ n: 1 });
    const docs = await coll
      .find({ n: { $gte: 9 } }, { hint: { n: 1 } })
      .sort({ n: 1 })
      .toArray();
    expect(docs.map((d) => d.n)).toEqual([9, 10]);
  });
});

describe('error shapes', () => {
  test('an unknown query operator fails with BadValue', async () => {
    const coll = await seeded('bad_query');
    await expect(coll.find({ n: { $frobnicate: 1 } }).toArray()).rejects.toMatchObject({
      code: 2,
      codeName: 'BadValue',
      message: expect.stringContaining('$frobnicate'),
    });
  });

  test('$inc on a non-numeric field fails with TypeMismatch and changes nothing', async () => {
    const coll = h.collection('bad_inc');
    await coll.insertOne({ _id: 1, name: 'text' });
    await expect(coll.updateOne({ _id: 1 }, { $inc: { name: 1 } })).rejects.toMatchObject({
      code: 14,
      codeName: 'TypeMismatch',
    });
    await expect(coll.findOne({ _id: 1 })).resolves.toEqual({ _id: 1, name: 'text' });
  });
});

describe('delete', () => {
  test('deleteOne removes one match and deleteMany removes all', async () => {
    const coll = await seeded('deleted');
    await expect(coll.deleteOne({ group: 'odd' })).resolves.toMatchObject({ deletedCount: 1 });
    await expect(coll.deleteMany({ group: 'odd' })).resolves.toMatchObject({ deletedCount: 4 });
    await expect(coll.deleteMany({ group: 'odd' })).resolves.toMatchObject({ deletedCount: 0 });
    await expect(coll.countDocuments()).resolves.toBe(5);
  });
});

describe('count and distinct', () => {
  test('countDocuments filters, estimatedDocumentCount counts the collection', async () => {
    const coll = await seeded('counted');
    await expect(coll.countDocuments({ n: { $gt: 7 } })).resolves.toBe(3);
    await expect(coll.countDocuments({}, { skip: 2, limit: 5 })).resolves.toBe(5);
    await expect(coll.estimatedDocumentCount()).resolves.toBe(10);
  });

  test('distinct flattens array values and applies the filter', async () => {
    const coll = h.collection('distinct_values');
    await coll.insertMany([
      { tags: ['a', 'b'], k: 1 },
      { tags: ['b', 'c'], k: 1 },
      { tags: 'd', k: 2 },
      { k: 2 },
    ]);
    expect((await coll.distinct('tags')).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect((await coll.distinct('tags', { k: 1 })).sort()).toEqual(['a', 'b', 'c']);
    expect((await coll.distinct('k')).sort()).toEqual([1, 2]);
  });
});
