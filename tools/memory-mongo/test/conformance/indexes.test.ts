import { describe, expect, test } from 'vitest';
import { errorOf, useConformance } from './harness.js';

const h = useConformance('indexes');

const indexNames = async (name: string) =>
  (await h.collection(name).listIndexes().toArray()).map((index) => index.name).sort();

describe('createIndexes / listIndexes / dropIndexes', () => {
  test('a new collection has only the _id index', async () => {
    await h.db.createCollection('fresh');
    await expect(h.collection('fresh').listIndexes().toArray()).resolves.toEqual([
      expect.objectContaining({ name: '_id_', key: { _id: 1 } }),
    ]);
  });

  test('created indexes are listed with their key and options, and can be dropped', async () => {
    const coll = h.collection('managed');
    await expect(coll.createIndex({ email: 1 }, { unique: true })).resolves.toBe('email_1');
    await coll.createIndexes([{ key: { a: 1, b: -1 } }, { key: { c: 1 }, name: 'by_c' }]);
    const listed = await coll.listIndexes().toArray();
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'email_1', key: { email: 1 }, unique: true }),
        expect.objectContaining({ name: 'a_1_b_-1', key: { a: 1, b: -1 } }),
        expect.objectContaining({ name: 'by_c', key: { c: 1 } }),
      ]),
    );

    await coll.dropIndex('by_c');
    expect(await indexNames('managed')).toEqual(['_id_', 'a_1_b_-1', 'email_1']);
    await coll.dropIndexes();
    expect(await indexNames('managed')).toEqual(['_id_']);
  });

  test('creating an identical index again is a no-op', async () => {
    const coll = h.collection('idempotent');
    await coll.createIndex({ x: 1 });
    await expect(coll.createIndex({ x: 1 })).resolves.toBe('x_1');
    expect(await indexNames('idempotent')).toEqual(['_id_', 'x_1']);
  });

  test('TTL and 2dsphere index definitions are accepted and listed', async () => {
    const coll = h.collection('special');
    await coll.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 3600 });
    await coll.createIndex({ location: '2dsphere' });
    const listed = await coll.listIndexes().toArray();
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'expiresAt_1', expireAfterSeconds: 3600 }),
        expect.objectContaining({ name: 'location_2dsphere', key: { location: '2dsphere' } }),
      ]),
    );
  });

  test('dropping an index that does not exist fails with IndexNotFound', async () => {
    await h.collection('no_index').insertOne({ x: 1 });
    await expect(h.collection('no_index').dropIndex('nope_1')).rejects.toMatchObject({ code: 27 });
  });
});

describe('unique indexes', () => {
  test('a duplicate key fails with 11000 and reports keyPattern and keyValue', async () => {
    const coll = h.collection('unique_email');
    await coll.createIndex({ email: 1 }, { unique: true });
    await coll.insertOne({ email: 'a@x.io' });
    await expect(coll.insertOne({ email: 'a@x.io' })).rejects.toMatchObject({
      code: 11000,
      keyPattern: { email: 1 },
      keyValue: { email: 'a@x.io' },
    });
    await expect(coll.countDocuments()).resolves.toBe(1);
  });

  test('an update that would create a duplicate fails with 11000', async () => {
    const coll = h.collection('unique_update');
    await coll.createIndex({ email: 1 }, { unique: true });
    await coll.insertMany([{ email: 'a@x.io' }, { email: 'b@x.io' }]);
    await expect(
      coll.updateOne({ email: 'b@x.io' }, { $set: { email: 'a@x.io' } }),
    ).rejects.toMatchObject({ code: 11000, keyValue: { email: 'a@x.io' } });
    await expect(coll.countDocuments({ email: 'b@x.io' })).resolves.toBe(1);
  });

  test('a non-sparse unique index treats a missing field as null, once', async () => {
    const coll = h.collection('unique_missing');
    await coll.createIndex({ email: 1 }, { unique: true });
    await coll.insertOne({ name: 'first' });
    await expect(coll.insertOne({ name: 'second' })).rejects.toMatchObject({
      code: 11000,
      keyValue: { email: null },
    });
  });

  test('compound unique: only the full combination must be unique', async () => {
    const coll = h.collection('unique_compound');
    await coll.createIndex({ coach: 1, slot: 1 }, { unique: true });
    await coll.insertMany([
      { coach: 'a', slot: 1 },
      { coach: 'a', slot: 2 },
      { coach: 'b', slot: 1 },
    ]);
    await expect(coll.insertOne({ coach: 'a', slot: 1 })).rejects.toMatchObject({
      code: 11000,
      keyPattern: { coach: 1, slot: 1 },
      keyValue: { coach: 'a', slot: 1 },
    });
  });

  test('sparse unique lets several documents miss the field', async () => {
    const coll = h.collection('unique_sparse');
    await coll.createIndex({ phone: 1 }, { unique: true, sparse: true });
    await coll.insertMany([{ name: 'a' }, { name: 'b' }, { name: 'c', phone: '123' }]);
    await expect(coll.insertOne({ name: 'd', phone: '123' })).rejects.toMatchObject({
      code: 11000,
    });
    await expect(coll.countDocuments()).resolves.toBe(3);
  });

  test('a partialFilterExpression unique index only constrains matching documents', async () => {
    const coll = h.collection('unique_partial');
    await coll.createIndex(
      { email: 1 },
      { unique: true, partialFilterExpression: { active: true } },
    );
    await coll.insertMany([
      { email: 'a@x.io', active: false },
      { email: 'a@x.io', active: false },
      { email: 'a@x.io', active: true },
    ]);
    await expect(coll.insertOne({ email: 'a@x.io', active: true })).rejects.toMatchObject({
      code: 11000,
    });
    await expect(coll.countDocuments()).resolves.toBe(3);
  });

  test('building a unique index over existing duplicates fails and leaves no index', async () => {
    const coll = h.collection('unique_late');
    await coll.insertMany([{ email: 'a@x.io' }, { email: 'a@x.io' }]);
    await expect(coll.createIndex({ email: 1 }, { unique: true })).rejects.toMatchObject({
      code: 11000,
    });
    expect(await indexNames('unique_late')).toEqual(['_id_']);
  });

  test('_id is always unique', async () => {
    const coll = h.collection('unique_id');
    await coll.insertOne({ _id: 7 });
    await expect(coll.insertOne({ _id: 7 })).rejects.toMatchObject({
      code: 11000,
      keyPattern: { _id: 1 },
      keyValue: { _id: 7 },
    });
  });
});

describe('text indexes', () => {
  test('$text matches any search term and textScore ranks the results', async () => {
    const coll = h.collection('articles');
    await coll.createIndex({ title: 'text', body: 'text' });
    await coll.insertMany([
      { _id: 1, title: 'Morning', body: 'coffee coffee coffee beans' },
      { _id: 2, title: 'Cake', body: 'coffee cake cream today' },
      { _id: 3, title: 'Tea time', body: 'green tea leaves' },
      { _id: 4, title: 'Water', body: 'still water only' },
    ]);
    const coffee = await coll
      .find({ $text: { $search: 'Coffee' } }, { projection: { score: { $meta: 'textScore' } } })
      .sort({ score: { $meta: 'textScore' } })
      .toArray();
    expect(coffee.map((d) => d._id)).toEqual([1, 2]);
    expect(coffee[0]?.score).toBeGreaterThan(coffee[1]?.score);

    const either = await coll.find({ $text: { $search: 'coffee tea' } }).toArray();
    expect(either.map((d) => d._id).sort()).toEqual([1, 2, 3]);
  });

  test('$text without a text index fails with IndexNotFound', async () => {
    await h.collection('no_text').insertOne({ body: 'coffee' });
    await expect(
      h
        .collection('no_text')
        .find({ $text: { $search: 'coffee' } })
        .toArray(),
    ).rejects.toMatchObject({ code: 27 });
  });

  test('a collection can have only one text index', async () => {
    const coll = h.collection('one_text');
    await coll.createIndex({ title: 'text' });
    // mongod reports IndexOptionsConflict (85); some versions use CannotCreateIndex (67).
    const error = await errorOf(coll.createIndex({ body: 'text' }));
    expect(error.code).toBeOneOf([85, 67]);
    expect(await indexNames('one_text')).toEqual(['_id_', 'title_text']);
  });
});
