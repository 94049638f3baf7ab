import type { CollationOptions } from 'mongodb';
import { describe, expect, test } from 'vitest';
import { errorOf, type TestDoc, useConformance } from './harness.js';

const h = useConformance('collation');

async function words(name: string, list: string[]) {
  const coll = h.collection(name);
  await coll.insertMany(list.map((word, i) => ({ _id: i + 1, word })));
  return coll;
}

const sorted = async (coll: ReturnType<typeof h.collection>, collation?: CollationOptions) =>
  (
    await coll
      .find({}, collation ? { collation } : {})
      .sort({ word: 1 })
      .toArray()
  ).map((doc) => doc.word as string);

describe('locales and options', () => {
  test('MongoDB locale names: en_US, fr and de@collation=phonebook', async () => {
    const coll = await words('locales', ['Muller', 'Müller', 'Mueller']);
    await expect(
      coll.countDocuments({ word: 'MULLER' }, { collation: { locale: 'en_US', strength: 2 } }),
    ).resolves.toBe(1);
    await expect(
      coll.countDocuments({ word: 'muller' }, { collation: { locale: 'fr', strength: 1 } }),
    ).resolves.toBe(2);
    expect(await sorted(coll, { locale: 'de' })).toEqual(['Mueller', 'Muller', 'Müller']);
    // The German phone book sorts ü as ue.
    expect(await sorted(coll, { locale: 'de@collation=phonebook' })).toEqual([
      'Mueller',
      'Müller',
      'Muller',
    ]);
    await expect(
      coll.countDocuments({ word: 'muller' }, { collation: { locale: 'simple' } }),
    ).resolves.toBe(0);
  });

  test('strength 3 (the default) tells case apart; caseLevel keeps case at strength 1', async () => {
    const coll = await words('strength', ['cafe', 'Cafe', 'café']);
    const ids = async (collation: CollationOptions) =>
      (await coll.find({ word: 'cafe' }, { collation }).sort({ _id: 1 }).toArray()).map(
        (doc) => doc._id,
      );
    expect(await ids({ locale: 'en' })).toEqual([1]);
    expect(await ids({ locale: 'en', strength: 3 })).toEqual([1]);
    expect(await ids({ locale: 'en', strength: 2 })).toEqual([1, 2]);
    expect(await ids({ locale: 'en', strength: 1 })).toEqual([1, 2, 3]);
    expect(await ids({ locale: 'en', strength: 1, caseLevel: true })).toEqual([1, 3]);
  });

  test('numericOrdering compares and sorts digit runs by their numeric value', async () => {
    const coll = await words('numeric', ['10', '9', '100', '2']);
    expect(await sorted(coll, { locale: 'en' })).toEqual(['10', '100', '2', '9']);
    await expect(coll.countDocuments({ word: { $gt: '9' } })).resolves.toBe(0);
    await expect(
      coll.countDocuments(
        { word: { $gt: '9' } },
        { collation: { locale: 'en', numericOrdering: true } },
      ),
    ).resolves.toBe(2);
    expect(await sorted(coll, { locale: 'en', numericOrdering: true })).toEqual([
      '2',
      '9',
      '10',
      '100',
    ]);
  });

  test("an unknown locale is BadValue: Field 'locale' is invalid", async () => {
    const coll = await words('invalid', ['a']);
    const error = await errorOf(coll.find({}, { collation: { locale: 'xx' } }).toArray());
    expect(error.code).toBe(2);
    expect(error.message).toContain("Field 'locale' is invalid in:");
    const created = await errorOf(
      h.db.createCollection('invalid_default', { collation: { locale: 'nowhere' } }),
    );
    expect(created.code).toBe(2);
    expect(created.message).toContain("Field 'locale' is invalid in:");
  });
});

describe("a collection's default collation", () => {
  test('is listed by listCollections and applies to queries and sorts without a collation', async () => {
    const coll = await h.db.createCollection<TestDoc>('with_default', {
      collation: { locale: 'en_US', strength: 2, numericOrdering: true },
    });
    const [info] = await h.db
      .listCollections({ name: 'with_default' }, { nameOnly: false })
      .toArray();
    expect(info?.options?.collation).toMatchObject({
      locale: 'en_US',
      strength: 2,
      numericOrdering: true,
      caseLevel: false,
    });
    await coll.insertMany([
      { _id: 1, word: 'Item 10' },
      { _id: 2, word: 'item 9' },
      { _id: 3, word: 'ITEM 100' },
    ]);
    await expect(coll.countDocuments({ word: 'item 10' })).resolves.toBe(1);
    expect((await coll.find({}).sort({ word: 1 }).toArray()).map((doc) => doc._id)).toEqual([
      2, 1, 3,
    ]);
    // An operation's own collation wins, `simple` included.
    await expect(
      coll.countDocuments({ word: 'item 10' }, { collation: { locale: 'simple' } }),
    ).resolves.toBe(0);
    await expect(coll.deleteMany({ word: 'ITEM 9' })).resolves.toMatchObject({ deletedCount: 1 });
  });

  test('a unique index takes the default collation and is listed with it', async () => {
    const coll = await h.db.createCollection<TestDoc>('default_unique', {
      collation: { locale: 'en', strength: 2 },
    });
    await coll.createIndex({ email: 1 }, { unique: true });
    const index = (await coll.listIndexes().toArray()).find((spec) => spec.name === 'email_1');
    expect(index?.collation).toMatchObject({ locale: 'en', strength: 2 });
    await coll.insertOne({ email: 'ann@example.com' });
    const error = await errorOf(coll.insertOne({ email: 'ANN@example.com' }));
    expect(error.code).toBe(11000);
  });
});

describe("an index's own collation", () => {
  test('a unique index with strength 1 rejects keys differing only by case and accents', async () => {
    const coll = h.collection('index_collation');
    await coll.createIndex({ name: 1 }, { unique: true, collation: { locale: 'fr', strength: 1 } });
    await coll.insertOne({ name: 'José' });
    const error = await errorOf(coll.insertOne({ name: 'JOSE' }));
    expect(error.code).toBe(11000);
    // With caseLevel, strength 1 still tells case apart.
    const cased = h.collection('index_collation_case');
    await cased.createIndex(
      { name: 1 },
      { unique: true, collation: { locale: 'en', strength: 1, caseLevel: true } },
    );
    await cased.insertMany([{ name: 'José' }, { name: 'JOSE' }]);
    expect((await errorOf(cased.insertOne({ name: 'Jose' }))).code).toBe(11000);
    // A simple-collation index on another field still tells case apart.
    await coll.createIndex({ code: 1 }, { unique: true });
    await coll.insertMany([
      { name: 'Ann', code: 'a' },
      { name: 'Bob', code: 'A' },
    ]);
  });
});
