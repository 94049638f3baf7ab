import { Binary, DBRef, ObjectId } from 'mongodb';
import { describe, expect, test } from 'vitest';
import { useConformance } from './harness.js';

const h = useConformance('query_ops');

const idsOf = async (coll: ReturnType<typeof h.collection>, filter: object) =>
  (await coll.find(filter).sort({ _id: 1 }).toArray()).map((doc) => doc._id);

describe('$all', () => {
  test('a non-array field matches when it equals the single $all element', async () => {
    const coll = h.collection('all_scalar');
    await coll.insertMany([
      { _id: 1, tag: 'ssl' },
      { _id: 2, tag: ['ssl', 'security'] },
      { _id: 3, tag: 'security' },
      { _id: 4, qty: { num: 50 } },
    ]);
    expect(await idsOf(coll, { tag: { $all: ['ssl'] } })).toEqual([1, 2]);
    expect(await idsOf(coll, { tag: { $all: ['ssl', 'security'] } })).toEqual([2]);
    expect(await idsOf(coll, { 'qty.num': { $all: [50] } })).toEqual([4]);
    expect(await idsOf(coll, { tag: { $all: [] } })).toEqual([]);
  });
});

describe('binary data', () => {
  const bin = (bytes: number[], subtype = 0) => new Binary(Buffer.from(bytes), subtype);

  test('$gt/$lt order BinData by length, then subtype, then bytes', async () => {
    const coll = h.collection('bin_compare');
    await coll.insertMany([
      { _id: 1, data: bin([9]) },
      { _id: 2, data: bin([1, 1]) },
      { _id: 3, data: bin([1, 1], 4) },
      { _id: 4, data: bin([2, 0]) },
      { _id: 5, data: bin([0, 0, 0]) },
      { _id: 6, data: 'not binary' },
    ]);
    expect(await idsOf(coll, { data: { $gt: bin([1, 1]) } })).toEqual([3, 4, 5]);
    expect(await idsOf(coll, { data: { $lt: bin([1, 1]) } })).toEqual([1]);
    expect(await idsOf(coll, { data: { $gte: bin([2, 0]), $lte: bin([1, 1], 4) } })).toEqual([
      3, 4,
    ]);
    expect(
      (
        await coll
          .find({ _id: { $lt: 6 } })
          .sort({ data: -1 })
          .toArray()
      ).map((doc) => doc._id),
    ).toEqual([5, 3, 4, 2, 1]);
  });

  test('$bitsAllSet, $bitsAnySet and $bitsAllClear test BinData bits', async () => {
    const coll = h.collection('bin_bits');
    // Bit 0 is the lowest bit of the first byte.
    await coll.insertMany([
      { _id: 1, flags: bin([0b0000_0101]) },
      { _id: 2, flags: bin([0b0000_0001, 0b0000_0010]) },
      { _id: 3, flags: bin([0]) },
      { _id: 4, flags: 5 },
    ]);
    expect(await idsOf(coll, { flags: { $bitsAllSet: [0, 2] } })).toEqual([1, 4]);
    expect(await idsOf(coll, { flags: { $bitsAnySet: [9] } })).toEqual([2]);
    expect(await idsOf(coll, { flags: { $bitsAllSet: bin([0b0000_0001, 0b0000_0010]) } })).toEqual([
      2,
    ]);
    expect(await idsOf(coll, { flags: { $bitsAllClear: [0, 1] } })).toEqual([3]);
    expect(await idsOf(coll, { flags: { $bitsAnySet: 4 } })).toEqual([1, 4]);
  });
});

describe('DBRef-style $id', () => {
  test('$elemMatch on a field named $id', async () => {
    const coll = h.collection('dbref');
    const [ann, bob] = [new ObjectId(), new ObjectId()];
    await coll.insertMany([
      { _id: 1, refs: [new DBRef('users', ann)] },
      { _id: 2, refs: [new DBRef('users', bob), new DBRef('users', ann)] },
      { _id: 3, refs: [new DBRef('users', bob)] },
    ]);
    expect(await idsOf(coll, { refs: { $elemMatch: { $id: ann } } })).toEqual([1, 2]);
    expect(await idsOf(coll, { refs: { $elemMatch: { $ref: 'users', $id: bob } } })).toEqual([
      2, 3,
    ]);
    expect(await idsOf(coll, { 'refs.$id': bob })).toEqual([2, 3]);
    const [doc] = await coll.find({ _id: 1 }).toArray();
    expect(doc?.refs[0]).toBeInstanceOf(DBRef);
  });
});
