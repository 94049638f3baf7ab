import { ObjectId } from 'mongodb';
import { describe, expect, test } from 'vitest';
import { seedNumbers, useConformance } from './harness.js';

const h = useConformance('updates');
const seeded = (name: string) => seedNumbers(h.collection(name));

describe('update', () => {
  test('field operators: $set, $unset, $inc, $rename, $min, $max, $currentDate', async () => {
    const coll = h.collection('update_ops');
    await coll.insertOne({ _id: 1, a: 1, b: 2, low: 5, high: 5, old: 'x', nested: { k: 1 } });
    const res = await coll.updateOne(
      { _id: 1 },
      {
        $set: { 'nested.k': 2, 'nested.new': true },
        $unset: { b: '' },
        $inc: { a: 4 },
        $rename: { old: 'renamed' },
        $min: { low: 3 },
        $max: { high: 9 },
        $currentDate: { touched: true },
      },
    );
    expect(res).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    const doc = await coll.findOne({ _id: 1 });
    expect(doc).toMatchObject({ a: 5, low: 3, high: 9, renamed: 'x', nested: { k: 2, new: true } });
    expect(doc).not.toHaveProperty('b');
    expect(doc).not.toHaveProperty('old');
    expect(doc?.touched).toBeInstanceOf(Date);
  });

  test('an update that changes nothing is matched but not modified', async () => {
    const coll = h.collection('update_noop');
    await coll.insertOne({ _id: 1, a: 1 });
    await expect(coll.updateOne({ _id: 1 }, { $set: { a: 1 } })).resolves.toMatchObject({
      matchedCount: 1,
      modifiedCount: 0,
    });
  });

  test('replaceOne replaces the whole document and keeps _id', async () => {
    const coll = h.collection('replaced');
    await coll.insertOne({ _id: 1, a: 1, b: 2 });
    await coll.replaceOne({ _id: 1 }, { c: 3 });
    await expect(coll.findOne({ _id: 1 })).resolves.toEqual({ _id: 1, c: 3 });
  });

  test('upsert inserts from the filter, $set and $setOnInsert; later updates skip $setOnInsert', async () => {
    const coll = h.collection('upserted');
    const update = {
      $set: { seen: true },
      $setOnInsert: { createdBy: 'upsert' },
      $inc: { hits: 1 },
    };
    const first = await coll.updateOne({ email: 'a@x.io' }, update, { upsert: true });
    expect(first).toMatchObject({ matchedCount: 0, upsertedCount: 1 });
    expect(first.upsertedId).toBeInstanceOf(ObjectId);
    const second = await coll.updateOne(
      { email: 'a@x.io' },
      { ...update, $setOnInsert: { createdBy: 'again' } },
      { upsert: true },
    );
    expect(second).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });
    const docs = await coll.find({}, { projection: { _id: 0 } }).toArray();
    expect(docs).toEqual([{ email: 'a@x.io', seen: true, createdBy: 'upsert', hits: 2 }]);
  });

  test('updateMany updates every match', async () => {
    const coll = await seeded('update_many');
    const res = await coll.updateMany({ group: 'odd' }, { $set: { flagged: true } });
    expect(res).toMatchObject({ matchedCount: 5, modifiedCount: 5 });
    await expect(coll.countDocuments({ flagged: true })).resolves.toBe(5);
  });

  test('a pipeline-style update computes from other fields', async () => {
    const coll = h.collection('update_pipeline');
    await coll.insertMany([
      { _id: 1, a: 2, b: 3, drop: 'me' },
      { _id: 2, a: 10, b: 5, drop: 'me' },
    ]);
    await coll.updateMany({}, [{ $set: { total: { $add: ['$a', '$b'] } } }, { $unset: 'drop' }]);
    const docs = await coll.find().sort({ _id: 1 }).toArray();
    expect(docs).toEqual([
      { _id: 1, a: 2, b: 3, total: 5 },
      { _id: 2, a: 10, b: 5, total: 15 },
    ]);
  });

  test('modifying _id fails with ImmutableField', async () => {
    const coll = h.collection('immutable_id');
    await coll.insertOne({ _id: 1, a: 1 });
    await expect(coll.updateOne({ _id: 1 }, { $set: { _id: 2 } })).rejects.toMatchObject({
      code: 66,
      codeName: 'ImmutableField',
    });
    await expect(coll.replaceOne({ _id: 1 }, { _id: 3, a: 2 })).rejects.toMatchObject({ code: 66 });
    await expect(coll.findOne({ _id: 1 })).resolves.toEqual({ _id: 1, a: 1 });
  });
});

interface ArrayDoc {
  _id: number;
  scores: number[];
  tags: string[];
  junk: number[];
  q: number[];
  n: number;
}

interface ItemsDoc {
  _id: number;
  items: { sku: string; qty: number }[];
}

describe('array updates', () => {
  test('$push with $each/$sort/$slice, $addToSet, $pull, $pop and $inc', async () => {
    const coll = h.db.collection<ArrayDoc>('array_ops');
    await coll.insertOne({
      _id: 1,
      scores: [5, 1],
      tags: ['a'],
      junk: [1, 2, 3, 2],
      q: [1, 2, 3],
      n: 1,
    });
    await coll.updateOne(
      { _id: 1 },
      {
        $push: { scores: { $each: [9, 3], $sort: -1, $slice: 3 } },
        $addToSet: { tags: { $each: ['a', 'b', 'b'] } },
        $pull: { junk: { $gte: 2 } },
        $pop: { q: -1 },
        $inc: { n: -3 },
      },
    );
    await expect(coll.findOne({ _id: 1 })).resolves.toEqual({
      _id: 1,
      scores: [9, 5, 3],
      tags: ['a', 'b'],
      junk: [1],
      q: [2, 3],
      n: -2,
    });
  });

  test('$pull with a condition on embedded documents', async () => {
    const coll = h.db.collection<ItemsDoc>('array_pull_docs');
    await coll.insertOne({
      _id: 1,
      items: [
        { sku: 'a', qty: 0 },
        { sku: 'b', qty: 2 },
      ],
    });
    await coll.updateOne({ _id: 1 }, { $pull: { items: { qty: 0 } } });
    await expect(coll.findOne({ _id: 1 })).resolves.toEqual({
      _id: 1,
      items: [{ sku: 'b', qty: 2 }],
    });
  });

  test('the positional $ operator updates the first matched element', async () => {
    const coll = h.collection('positional');
    await coll.insertOne({
      _id: 1,
      items: [
        { sku: 'a', qty: 1 },
        { sku: 'b', qty: 1 },
      ],
    });
    await coll.updateOne({ _id: 1, 'items.sku': 'b' }, { $set: { 'items.$.qty': 5 } });
    const doc = await coll.findOne({ _id: 1 });
    expect(doc?.items).toEqual([
      { sku: 'a', qty: 1 },
      { sku: 'b', qty: 5 },
    ]);
  });

  test('arrayFilters and $[] update the selected elements', async () => {
    const coll = h.collection('array_filters');
    await coll.insertOne({
      _id: 1,
      grades: [
        { grade: 80, mean: 75 },
        { grade: 90, mean: 80 },
        { grade: 95, mean: 85 },
      ],
      counts: [1, 2, 3],
    });
    await coll.updateOne(
      { _id: 1 },
      { $set: { 'grades.$[high].mean': 100 }, $inc: { 'counts.$[]': 10 } },
      { arrayFilters: [{ 'high.grade': { $gte: 85 } }] },
    );
    await expect(coll.findOne({ _id: 1 })).resolves.toEqual({
      _id: 1,
      grades: [
        { grade: 80, mean: 75 },
        { grade: 90, mean: 100 },
        { grade: 95, mean: 100 },
      ],
      counts: [11, 12, 13],
    });
  });
});

describe('findAndModify', () => {
  test('findOneAndUpdate returns the document before or after the update', async () => {
    const coll = h.collection('fam_return');
    await coll.insertOne({ _id: 1, n: 1 });
    await expect(
      coll.findOneAndUpdate({ _id: 1 }, { $inc: { n: 1 } }, { returnDocument: 'before' }),
    ).resolves.toEqual({ _id: 1, n: 1 });
    await expect(
      coll.findOneAndUpdate({ _id: 1 }, { $inc: { n: 1 } }, { returnDocument: 'after' }),
    ).resolves.toEqual({ _id: 1, n: 3 });
    await expect(coll.findOneAndUpdate({ _id: 99 }, { $inc: { n: 1 } })).resolves.toBeNull();
  });

  test('findOneAndUpdate honours sort and projection', async () => {
    const coll = await seeded('fam_sort');
    const doc = await coll.findOneAndUpdate(
      { group: 'even' },
      { $set: { picked: true } },
      { sort: { n: -1 }, projection: { _id: 0, n: 1, picked: 1 }, returnDocument: 'after' },
    );
    expect(doc).toEqual({ n: 10, picked: true });
  });

  test('findOneAndUpdate with upsert creates and returns the new document', async () => {
    const coll = h.collection('fam_upsert');
    const doc = await coll.findOneAndUpdate(
      { _id: 'counter' },
      { $inc: { seq: 1 } },
      { upsert: true, returnDocument: 'after' },
    );
    expect(doc).toEqual({ _id: 'counter', seq: 1 });
  });

  test('findOneAndDelete removes and returns the first document in sort order', async () => {
    const coll = await seeded('fam_delete');
    await expect(
      coll.findOneAndDelete({ group: 'odd' }, { sort: { n: -1 }, projection: { n: 1 } }),
    ).resolves.toEqual({ _id: 9, n: 9 });
    await expect(coll.countDocuments({ group: 'odd' })).resolves.toBe(4);
  });

  test('findOneAndReplace replaces the document', async () => {
    const coll = h.collection('fam_replace');
    await coll.insertOne({ _id: 1, a: 1 });
    await expect(
      coll.findOneAndReplace({ _id: 1 }, { b: 2 }, { returnDocument: 'after' }),
    ).resolves.toEqual({ _id: 1, b: 2 });
  });
});
