import { Double, Int32, Long, ObjectId, type Document } from 'mongodb';
import { describe, expect, test } from 'vitest';
import { type TestDoc, useConformance } from './harness.js';

const h = useConformance('equality_lookups');

/** A small seeded generator, so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The first document a forced collection scan finds: what any lookup must answer. */
async function scanned(collection: ReturnType<typeof h.collection>, filter: Document) {
  const [first] = await collection.find(filter).hint({ $natural: 1 }).limit(1).toArray();
  return first ?? null;
}

describe('lookups by equality on _id or a unique key (findOne, findById)', () => {
  test('answer what a collection scan answers, across types, index kinds and writes', async () => {
    const next = random(20261202);
    const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)] as T;
    const coll = h.collection('people');
    const ids: unknown[] = [];
    const docs: TestDoc[] = [];
    for (let i = 0; i < 60; i++) {
      // _id of several types; numbers as int32, double and int64 (equal values match each other).
      const _id = [i, `p${i}`, new ObjectId(), new Date(Date.UTC(2026, 0, 1, 0, i))][i % 4];
      ids.push(_id);
      docs.push({
        _id: _id as TestDoc['_id'],
        email: `person${i}@example.com`,
        n: [new Int32(i), new Double(i + 0.5), Long.fromNumber(1000 + i)][i % 3],
        ...(i % 3 === 0 ? {} : { handle: `h${i}` }),
        code: `c${i}`,
        active: i % 2 === 0,
        profile: { slug: `slug-${i}` },
        tags: [`t${i}`, `u${i}`],
        nick: i % 2 ? `Nick${i}` : `nick${i}`,
      });
    }
    await coll.createIndexes([
      { key: { email: 1 }, unique: true },
      { key: { n: 1 }, unique: true },
      { key: { handle: 1 }, unique: true, sparse: true },
      { key: { code: 1 }, unique: true, partialFilterExpression: { active: true } },
      { key: { 'profile.slug': 1 }, unique: true },
      { key: { tags: 1 }, unique: true },
      { key: { nick: 1 }, unique: true, collation: { locale: 'en', strength: 2 } },
    ]);
    await coll.insertMany(docs);
    // Writes after the build: a key moves, a document goes, one is replaced.
    await coll.updateOne(
      { email: 'person5@example.com' },
      { $set: { email: 'moved@example.com' } },
    );
    await coll.deleteOne({ email: 'person6@example.com' });
    await coll.replaceOne(
      { email: 'person7@example.com' },
      { email: 'replaced@example.com', n: 7777, code: 'c7', tags: ['t7'] },
    );

    const lookups: Array<() => Document> = [
      () => ({ _id: pick(ids) }),
      () => ({ _id: pick([3, 3.0, Long.fromNumber(4), new Double(8), 'p1', 'P1', 'missing']) }),
      () => ({ email: `person${Math.floor(next() * 64)}@example.com` }),
      () => ({ email: pick(['moved@example.com', 'replaced@example.com', 'PERSON1@example.com']) }),
      () => ({ n: pick([0, 3, 1.5, 4.5, 1002, Long.fromNumber(1005), new Int32(9), 7777, 2]) }),
      () => ({ handle: pick(['h1', 'h2', 'h3', 'h30']) }),
      () => ({ code: pick(['c0', 'c1', 'c2', 'c7', 'c9']) }),
      () => ({ 'profile.slug': `slug-${Math.floor(next() * 64)}` }),
      () => ({ tags: pick(['t1', 'u2', 't7', 'u7', 'x']) }),
      () => ({ nick: pick(['nick2', 'NICK2', 'Nick3', 'nick3']) }),
      () => ({ active: pick([true, false]) }),
    ];
    let found = 0;
    for (let round = 0; round < 200; round++) {
      const filter = pick(lookups)();
      const expected = await scanned(coll, filter);
      const actual = await coll.findOne(filter);
      expect(actual, JSON.stringify(filter)).toEqual(expected);
      if (actual) found++;
    }
    // Most lookups name a document that is there.
    expect(found).toBeGreaterThan(100);
    // The moved key answers under its new value only; the deleted one not at all.
    expect(await coll.findOne({ email: 'person5@example.com' })).toBeNull();
    expect(await coll.findOne({ email: 'moved@example.com' })).toMatchObject({ code: 'c5' });
    expect(await coll.findOne({ email: 'person6@example.com' })).toBeNull();
    expect(await coll.findOne({ n: Long.fromNumber(7777) })).toMatchObject({
      email: 'replaced@example.com',
    });
  });

  test('a lookup in a transaction sees its snapshot and its own writes', async () => {
    const coll = h.collection('in_transaction');
    await coll.createIndex({ email: 1 }, { unique: true });
    await coll.insertMany([
      { _id: 1, email: 'ada@example.com' },
      { _id: 2, email: 'bo@example.com' },
    ]);
    const session = h.client.startSession();
    try {
      session.startTransaction();
      expect(await coll.findOne({ email: 'ada@example.com' }, { session })).toMatchObject({
        _id: 1,
      });
      await coll.insertOne({ _id: 3, email: 'cy@example.com' }, { session });
      await coll.updateOne({ _id: 1 }, { $set: { email: 'ada@new.example.com' } }, { session });
      expect(await coll.findOne({ email: 'cy@example.com' }, { session })).toMatchObject({
        _id: 3,
      });
      expect(await coll.findOne({ _id: 3 }, { session })).toMatchObject({ _id: 3 });
      expect(await coll.findOne({ email: 'ada@example.com' }, { session })).toBeNull();
      // Outside the transaction: none of it yet.
      expect(await coll.findOne({ email: 'cy@example.com' })).toBeNull();
      expect(await coll.findOne({ _id: 3 })).toBeNull();
      expect(await coll.findOne({ email: 'ada@example.com' })).toMatchObject({ _id: 1 });
      // Committed by another writer after the snapshot: unseen inside.
      await coll.deleteOne({ _id: 2 });
      expect(await coll.findOne({ email: 'bo@example.com' }, { session })).toMatchObject({
        _id: 2,
      });
      await session.commitTransaction();
    } finally {
      await session.endSession();
    }
    expect(await coll.findOne({ email: 'cy@example.com' })).toMatchObject({ _id: 3 });
    expect(await coll.findOne({ email: 'ada@new.example.com' })).toMatchObject({ _id: 1 });
    expect(await coll.findOne({ email: 'bo@example.com' })).toBeNull();
  });

  test("a collection's default collation applies to a lookup by its unique key", async () => {
    await h.db.createCollection('folded', { collation: { locale: 'en', strength: 2 } });
    const coll = h.collection('folded');
    await coll.createIndex({ email: 1 }, { unique: true });
    await coll.insertOne({ _id: 1, email: 'Ada@Example.com' });
    expect(await coll.findOne({ email: 'ada@example.com' })).toMatchObject({ _id: 1 });
    expect(await coll.findOne({ _id: 1 })).toMatchObject({ email: 'Ada@Example.com' });
  });

  test('options beside the filter still apply: projection, skip, sort, an explicit collation', async () => {
    const coll = h.collection('options');
    await coll.createIndex({ email: 1 }, { unique: true });
    await coll.insertOne({ _id: 1, email: 'ada@example.com', name: 'Ada', city: 'Paris' });
    expect(
      await coll.findOne({ email: 'ada@example.com' }, { projection: { name: 1, _id: 0 } }),
    ).toEqual({ name: 'Ada' });
    expect(await coll.findOne({ email: 'ada@example.com' }, { skip: 1 })).toBeNull();
    expect(
      await coll.findOne(
        { email: 'ADA@example.com' },
        { collation: { locale: 'en', strength: 2 } },
      ),
    ).toMatchObject({ _id: 1 });
    expect(await coll.findOne({ email: 'ADA@example.com' })).toBeNull();
    expect(await coll.findOne({ email: 'ada@example.com' }, { sort: { city: 1 } })).toMatchObject({
      _id: 1,
    });
  });

  test('explain still reports the plan: IDHACK for _id, IXSCAN through the unique index', async () => {
    const coll = h.collection('explained');
    await coll.createIndex({ email: 1 }, { unique: true });
    await coll.insertMany([
      { _id: 1, email: 'ada@example.com' },
      { _id: 2, email: 'bo@example.com' },
    ]);
    const planOf = async (filter: Document): Promise<string> => {
      const explain = await coll.find(filter).limit(1).explain('queryPlanner');
      return JSON.stringify(explain.queryPlanner.winningPlan);
    };
    // MongoDB 8 reports its express stages (EXPRESS_IDHACK, EXPRESS_IXSCAN) for these.
    expect(await planOf({ _id: 1 })).toMatch(/IDHACK/);
    const byEmail = await planOf({ email: 'bo@example.com' });
    expect(byEmail).toMatch(/IXSCAN/);
    expect(byEmail).toContain('email_1');
  });
});
