import { MongoBulkWriteError, type AnyBulkWriteOperation } from 'mongodb';
import { describe, expect, test } from 'vitest';
import { errorOf, useConformance, type TestDoc } from './harness.js';

const h = useConformance('bulk');

const ids = async (name: string) =>
  (await h.collection(name).find().sort({ _id: 1 }).toArray()).map((d) => d._id);

/** A duplicate _id at index 2, followed by operations that only run if the batch continues. */
const withDuplicate: AnyBulkWriteOperation<TestDoc>[] = [
  { insertOne: { document: { _id: 1 } } },
  { insertOne: { document: { _id: 2 } } },
  { insertOne: { document: { _id: 1 } } },
  { insertOne: { document: { _id: 3 } } },
  { deleteOne: { filter: { _id: 2 } } },
];

describe('bulkWrite', () => {
  test('mixed operations report every count', async () => {
    const coll = h.collection('mixed');
    await coll.insertMany([
      { _id: 1, n: 1 },
      { _id: 2, n: 2 },
      { _id: 3, n: 3 },
    ]);
    const result = await coll.bulkWrite([
      { insertOne: { document: { _id: 4, n: 4 } } },
      { updateOne: { filter: { _id: 1 }, update: { $set: { n: 10 } } } },
      { updateMany: { filter: { n: { $lt: 4 } }, update: { $set: { low: true } } } },
      { replaceOne: { filter: { _id: 2 }, replacement: { n: 20 } } },
      { deleteOne: { filter: { _id: 3 } } },
      { updateOne: { filter: { _id: 5 }, update: { $set: { n: 5 } }, upsert: true } },
      { deleteMany: { filter: { n: { $gte: 10 } } } },
    ]);
    expect(result).toMatchObject({
      insertedCount: 1,
      matchedCount: 4,
      modifiedCount: 4,
      deletedCount: 3,
      upsertedCount: 1,
      upsertedIds: { 5: 5 },
    });
    await expect(coll.find().sort({ _id: 1 }).toArray()).resolves.toEqual([
      { _id: 4, n: 4 },
      { _id: 5, n: 5 },
    ]);
  });

  test('ordered: stops at the first error, which names the failing index', async () => {
    const error = await errorOf(
      h.collection('ordered').bulkWrite(withDuplicate, { ordered: true }),
    );
    expect(error).toMatchObject({ code: 11000, insertedCount: 2, deletedCount: 0 });
    expect(error).toHaveProperty('writeErrors', [
      expect.objectContaining({ index: 2, code: 11000 }),
    ]);
    expect(await ids('ordered')).toEqual([1, 2]);
  });

  test('unordered: continues past errors and reports each one', async () => {
    const error = await errorOf(
      h.collection('unordered').bulkWrite(withDuplicate, { ordered: false }),
    );
    expect(error).toMatchObject({ code: 11000, insertedCount: 3, deletedCount: 1 });
    expect(error).toHaveProperty('writeErrors', [
      expect.objectContaining({ index: 2, code: 11000 }),
    ]);
    expect(await ids('unordered')).toEqual([1, 3]);
  });

  test('unordered insertMany reports several write errors with their indexes', async () => {
    const docs = [{ _id: 1 }, { _id: 1 }, { _id: 2 }, { _id: 2 }, { _id: 3 }];
    const error = await errorOf(h.collection('many_errors').insertMany(docs, { ordered: false }));
    expect(error).toBeInstanceOf(MongoBulkWriteError);
    expect(error).toMatchObject({ insertedCount: 3 });
    const writeErrors = [(error as MongoBulkWriteError).writeErrors].flat();
    expect(writeErrors.map(({ index, code }) => ({ index, code }))).toEqual([
      { index: 1, code: 11000 },
      { index: 3, code: 11000 },
    ]);
    expect(await ids('many_errors')).toEqual([1, 2, 3]);
  });
});
