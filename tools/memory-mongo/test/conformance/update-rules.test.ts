/**
 * Update rules MongoDB documents and Mongoose relies on: which paths of one update conflict,
 * when `_id` may appear in an update, `$pull` with `$or`/`$and`, and `$`-prefixed field names
 * (allowed since MongoDB 5.0).
 */
import type { Document, UpdateFilter } from 'mongodb';
import mongoose, { Schema, type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { errorOf, useConformance } from './harness.js';

const h = useConformance('update_rules');
let conn: Connection;

beforeAll(async () => {
  conn = await mongoose
    .createConnection(h.uri, { dbName: h.dbName, serverSelectionTimeoutMS: 5_000 })
    .asPromise();
});

afterAll(async () => {
  await conn?.close();
});

describe('positional paths into one array element', () => {
  test('$set of two fields of the element matched by $', async () => {
    const coll = h.collection('positional_two_fields');
    await coll.insertOne({
      _id: 1,
      children: [
        { id: 'a', name: 'A', qty: 1 },
        { id: 'b', name: 'B', qty: 1 },
      ],
    });
    const at = new Date('2024-05-01T10:00:00Z');
    const res = await coll.updateOne(
      { _id: 1, 'children.id': 'b' },
      {
        $set: { 'children.$.name': 'Bee', 'children.$.updatedAt': at },
        $inc: { 'children.$.qty': 2 },
      },
    );
    expect(res).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    await expect(coll.findOne({ _id: 1 })).resolves.toEqual({
      _id: 1,
      children: [
        { id: 'a', name: 'A', qty: 1 },
        { id: 'b', name: 'Bee', qty: 3, updatedAt: at },
      ],
    });
  });

  test('the $ position comes from the document before the update', async () => {
    const coll = h.collection('positional_matched_field');
    await coll.insertOne({
      _id: 1,
      items: [
        { sku: 'a', qty: 1 },
        { sku: 'b', qty: 1 },
      ],
    });
    await coll.updateOne(
      { _id: 1, 'items.sku': 'b' },
      { $set: { 'items.$.sku': 'c', 'items.$.qty': 9 } },
    );
    await expect(coll.findOne({ _id: 1 })).resolves.toEqual({
      _id: 1,
      items: [
        { sku: 'a', qty: 1 },
        { sku: 'c', qty: 9 },
      ],
    });
  });

  test('$[] and $[<identifier>] with two fields of the same elements', async () => {
    const coll = h.collection('positional_all_filtered');
    await coll.insertOne({
      _id: 1,
      grades: [
        { grade: 80, mean: 75 },
        { grade: 90, mean: 80 },
      ],
    });
    await coll.updateOne(
      { _id: 1 },
      {
        $set: { 'grades.$[].seen': true, 'grades.$[high].grade': 0, 'grades.$[high].top': true },
        $inc: { 'grades.$[].mean': 1 },
      },
      { arrayFilters: [{ 'high.grade': { $gte: 85 } }] },
    );
    await expect(coll.findOne({ _id: 1 })).resolves.toEqual({
      _id: 1,
      grades: [
        { grade: 80, mean: 76, seen: true },
        { grade: 0, mean: 81, seen: true, top: true },
      ],
    });
  });

  test('the same path twice, or a path and its prefix, conflict with code 40', async () => {
    const coll = h.collection('positional_conflicts');
    await coll.insertOne({ _id: 1, a: [{ b: 1 }], n: 1 });
    const conflicts = [
      { $set: { 'a.$.b': 2 }, $inc: { 'a.$.b': 1 } },
      { $set: { 'a.$.b': 2, 'a.$': { b: 3 } } },
      { $set: { 'a.$[].b': 2 }, $unset: { a: '' } },
      { $set: { n: 2 }, $inc: { n: 1 } },
    ];
    for (const update of conflicts) {
      const error = await errorOf(coll.updateOne({ _id: 1, 'a.b': 1 }, update));
      expect(error).toMatchObject({ code: 40, codeName: 'ConflictingUpdateOperators' });
    }
    await expect(coll.findOne({ _id: 1 })).resolves.toEqual({ _id: 1, a: [{ b: 1 }], n: 1 });
  });

  test('Mongoose: updating a timestamped subdocument through $', async () => {
    const Parent = conn.model(
      'PositionalParent',
      new Schema({
        title: String,
        children: [new Schema({ name: String }, { timestamps: true })],
      }),
    );
    const parent = await Parent.create({ title: 'p', children: [{ name: 'a' }, { name: 'b' }] });
    const child = parent.children[1];
    const res = await Parent.updateOne(
      { 'children._id': child?._id },
      { $set: { 'children.$.name': 'n' } },
    );
    expect(res).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    const stored = await Parent.findById(parent._id).lean();
    expect(stored?.children.map((c) => c.name)).toEqual(['a', 'n']);
    const updatedAt = (stored?.children[1] as { updatedAt?: Date } | undefined)?.updatedAt;
    expect(updatedAt).toBeInstanceOf(Date);
  });
});

describe('_id in updates and upserts', () => {
  test('$set of _id to its current value succeeds; another value is code 66', async () => {
    const coll = h.collection('id_same_value');
    await coll.insertOne({ _id: 1, a: 1 });
    await expect(coll.updateOne({ _id: 1 }, { $set: { _id: 1, a: 2 } })).resolves.toMatchObject({
      matchedCount: 1,
      modifiedCount: 1,
    });
    await expect(coll.updateOne({ _id: 1 }, { $set: { _id: 1 } })).resolves.toMatchObject({
      matchedCount: 1,
      modifiedCount: 0,
    });
    await expect(coll.replaceOne({ _id: 1 }, { _id: 1, a: 3 })).resolves.toMatchObject({
      modifiedCount: 1,
    });
    await expect(coll.updateOne({ _id: 1 }, { $set: { _id: 2 } })).rejects.toMatchObject({
      code: 66,
      codeName: 'ImmutableField',
    });
    await expect(coll.findOne({ _id: 1 })).resolves.toEqual({ _id: 1, a: 3 });
  });

  test('an upsert carrying the same _id as its filter succeeds', async () => {
    const coll = h.collection('id_upsert');
    await coll.updateOne({ _id: 'x' }, { $set: { _id: 'x', a: 1 } }, { upsert: true });
    await coll.replaceOne({ _id: 'y' }, { _id: 'y', a: 2 }, { upsert: true });
    await coll.updateOne(
      { _id: 'z' },
      { $setOnInsert: { _id: 'z' }, $set: { a: 3 } },
      { upsert: true },
    );
    await coll.updateOne({ name: 'w' }, { $setOnInsert: { _id: 'w' } }, { upsert: true });
    await expect(coll.find().sort({ _id: 1 }).toArray()).resolves.toEqual([
      { _id: 'w', name: 'w' },
      { _id: 'x', a: 1 },
      { _id: 'y', a: 2 },
      { _id: 'z', a: 3 },
    ]);
  });

  test('an upsert whose update changes the filter _id is code 66', async () => {
    const coll = h.collection('id_upsert_change');
    await expect(
      coll.updateOne({ _id: 1 }, { $set: { _id: 2 } }, { upsert: true }),
    ).rejects.toMatchObject({ code: 66 });
    await expect(
      coll.replaceOne({ _id: 1 }, { _id: 2, a: 1 }, { upsert: true }),
    ).rejects.toMatchObject({ code: 66 });
    await expect(coll.countDocuments()).resolves.toBe(0);
  });
});

interface PullDoc {
  _id: number;
  items: { a: number; b: number }[];
  tags: { k: string; v: number }[];
}

describe('$pull with $or and $and', () => {
  test('removes the elements matching the whole condition', async () => {
    const coll = h.db.collection<PullDoc>('pull_logical');
    await coll.insertOne({
      _id: 1,
      items: [
        { a: 1, b: 1 },
        { a: 2, b: 2 },
        { a: 3, b: 3 },
        { a: 1, b: 3 },
      ],
      tags: [
        { k: 'x', v: 1 },
        { k: 'x', v: 2 },
        { k: 'y', v: 2 },
      ],
    });
    // The driver's typings leave logical operators out of $pull conditions; MongoDB takes them.
    const pull: Document = {
      $pull: {
        items: { $or: [{ a: 1 }, { b: 2 }] },
        tags: { $and: [{ k: 'x' }, { v: { $gte: 2 } }] },
      },
    };
    await coll.updateOne({ _id: 1 }, pull as UpdateFilter<PullDoc>);
    await expect(coll.findOne({ _id: 1 })).resolves.toEqual({
      _id: 1,
      items: [{ a: 3, b: 3 }],
      tags: [
        { k: 'x', v: 1 },
        { k: 'y', v: 2 },
      ],
    });
  });

  test('Mongoose: pulling an element of an array without _id', async () => {
    const List = conn.model(
      'PullList',
      new Schema({ entries: [new Schema({ a: Number, b: String }, { _id: false })] }),
    );
    const list = await List.create({
      entries: [
        { a: 1, b: 'x' },
        { a: 2, b: 'y' },
      ],
    });
    list.entries.pull({ a: 1, b: 'x' });
    await list.save();
    const stored = await List.findById(list._id).lean();
    expect(stored?.entries).toEqual([{ a: 2, b: 'y' }]);
  });
});

describe('$-prefixed field names (MongoDB 5.0+)', () => {
  test('inserts may carry $-prefixed field names at the top level and nested', async () => {
    const coll = h.collection('dollar_insert');
    await coll.insertOne({ _id: 1, $price: 50, quantity: 30 });
    await coll.insertOne({ _id: 2, location: { $db: 'novels', $inc: true } });
    await expect(coll.find().sort({ _id: 1 }).toArray()).resolves.toEqual([
      { _id: 1, $price: 50, quantity: 30 },
      { _id: 2, location: { $db: 'novels', $inc: true } },
    ]);
  });

  test('$setField in a pipeline update and $getField in an aggregation', async () => {
    const coll = h.collection('dollar_set_field');
    await coll.insertOne({ _id: 1, item: 'sweatshirt', qty: 300 });
    await coll.updateOne({ _id: 1 }, [
      {
        $replaceWith: {
          $setField: { field: { $literal: '$price' }, input: '$$ROOT', value: 45.99 },
        },
      },
    ]);
    await expect(coll.findOne({ _id: 1 })).resolves.toEqual({
      _id: 1,
      item: 'sweatshirt',
      qty: 300,
      $price: 45.99,
    });
    const priced = await coll
      .aggregate([
        { $match: { $expr: { $gt: [{ $getField: { $literal: '$price' } }, 40] } } },
        { $project: { _id: 0, item: 1, price: { $getField: { $literal: '$price' } } } },
      ])
      .toArray();
    expect(priced).toEqual([{ item: 'sweatshirt', price: 45.99 }]);
  });

  test('an upsert that inserts may $set a $-prefixed field', async () => {
    const coll = h.collection('dollar_upsert');
    await coll.updateOne(
      { date: '2021-07-07' },
      { $set: { phone: 25.17, $hotel: 320.1 } },
      { upsert: true },
    );
    await expect(coll.findOne({ date: '2021-07-07' }, { projection: { _id: 0 } })).resolves.toEqual(
      { date: '2021-07-07', phone: 25.17, $hotel: 320.1 },
    );
  });

  test('$set of a nested $-prefixed field of an existing document', async () => {
    const coll = h.collection('dollar_nested_set');
    await coll.insertOne({ _id: 'E123', address: { $number: 123, $street: 'Elm Road' } });
    await coll.updateOne({ _id: 'E123' }, { $set: { 'address.$street': 'Elm Ave' } });
    await expect(coll.findOne({ _id: 'E123' })).resolves.toEqual({
      _id: 'E123',
      address: { $number: 123, $street: 'Elm Ave' },
    });
  });
});
