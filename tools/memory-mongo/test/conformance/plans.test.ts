import type { Document } from 'mongodb';
import { describe, expect, test } from 'vitest';
import { type TestDoc, useConformance } from './harness.js';

const h = useConformance('plans');

/** The winning plan of a find or aggregate explain (classic or slot-based engine shapes). */
function winningPlanOf(explain: Document): Document {
  const planner =
    (explain.queryPlanner as Document | undefined) ??
    ((explain.stages as Document[] | undefined)?.[0]?.$cursor?.queryPlanner as Document);
  const plan = planner.winningPlan as Document;
  return (plan.queryPlan as Document | undefined) ?? plan;
}

function executionStatsOf(explain: Document): Document {
  return (
    (explain.executionStats as Document | undefined) ??
    ((explain.stages as Document[] | undefined)?.[0]?.$cursor?.executionStats as Document)
  );
}

/** Every stage of a plan tree, outermost first. */
function stagesOf(plan: Document): Document[] {
  const children = [
    ...(plan.inputStage ? [plan.inputStage as Document] : []),
    ...((plan.inputStages as Document[] | undefined) ?? []),
  ];
  return [plan, ...children.flatMap(stagesOf)];
}

const stageNames = (explain: Document): string[] =>
  stagesOf(winningPlanOf(explain)).map((stage) => stage.stage as string);

const ixscanOf = (explain: Document): Document | undefined =>
  stagesOf(winningPlanOf(explain)).find((stage) => stage.stage === 'IXSCAN');

/** A small seeded generator, so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('query plans through indexes (explain)', () => {
  test('an equality prefix, $in and a range on the next key scan the index with those bounds', async () => {
    const coll = h.collection('bookings');
    await coll.createIndex({ coach: 1, status: 1, start: 1 });
    const statuses = ['pending', 'confirmed', 'cancelled'];
    await coll.insertMany(
      Array.from({ length: 120 }, (_, i) => ({
        _id: i,
        coach: `c${i % 3}`,
        status: statuses[(i % 7) % 3],
        start: i,
        end: i + 2,
      })),
    );
    const filter = {
      coach: 'c1',
      status: { $in: ['pending', 'confirmed'] },
      start: { $lt: 100 },
      end: { $gt: 40 },
    };
    const explain = await coll.find(filter).explain('executionStats');
    const ixscan = ixscanOf(explain);
    expect(ixscan).toMatchObject({
      keyPattern: { coach: 1, status: 1, start: 1 },
      indexName: 'coach_1_status_1_start_1',
      direction: 'forward',
      indexBounds: {
        coach: ['["c1", "c1"]'],
        status: ['["confirmed", "confirmed"]', '["pending", "pending"]'],
        start: ['[-inf.0, 100)'],
      },
    });
    expect(stageNames(explain)).not.toContain('COLLSCAN');
    const found = await coll.find(filter).toArray();
    const scanned = await coll.find(filter).hint({ $natural: 1 }).toArray();
    expect(found.map((doc) => doc._id).sort()).toEqual(scanned.map((doc) => doc._id).sort());
    const stats = executionStatsOf(explain);
    expect(stats.nReturned).toBe(found.length);
    // Only the keys inside the bounds are read, not the collection.
    expect(stats.totalDocsExamined).toBeLessThan(40);
    expect(stats.totalKeysExamined).toBeLessThan(40);
  });

  test('a two-sided range after an equality prefix is one interval', async () => {
    const coll = h.collection('ranges');
    await coll.createIndex({ coach: 1, start: 1 });
    await coll.insertMany(Array.from({ length: 50 }, (_, i) => ({ coach: `c${i % 2}`, start: i })));
    const explain = await coll
      .find({ coach: 'c0', start: { $gte: 10, $lt: 20 } })
      .explain('executionStats');
    expect(ixscanOf(explain)?.indexBounds).toEqual({
      coach: ['["c0", "c0"]'],
      start: ['[10, 20)'],
    });
    expect(executionStatsOf(explain).nReturned).toBe(5);
  });

  test('hint { $natural: 1 } forces a collection scan', async () => {
    const coll = h.collection('ranges');
    const explain = await coll
      .find({ coach: 'c0', start: { $gte: 10 } })
      .hint({ $natural: 1 })
      .explain('executionStats');
    expect(stageNames(explain)).toContain('COLLSCAN');
    expect(ixscanOf(explain)).toBeUndefined();
    expect(executionStatsOf(explain).totalDocsExamined).toBe(50);
  });

  test('a sort the index gives after an equality prefix needs no SORT stage, forward or backward', async () => {
    const coll = h.collection('scores');
    await coll.createIndex({ group: 1, score: 1 });
    await coll.insertMany(
      Array.from({ length: 200 }, (_, i) => ({ _id: i, group: i % 4, score: (i * 37) % 101 })),
    );
    for (const direction of [1, -1] as const) {
      const cursor = () => coll.find({ group: 2, score: { $gte: 10 } }).sort({ score: direction });
      const explain = await cursor().explain('executionStats');
      expect(stageNames(explain)).not.toContain('SORT');
      expect(ixscanOf(explain)?.direction).toBe(direction === 1 ? 'forward' : 'backward');
      const found = await cursor().toArray();
      const scores = found.map((doc) => doc.score as number);
      expect(scores).toEqual([...scores].sort((a, b) => (a - b) * direction));
      const scanned = await cursor().hint({ $natural: 1 }).toArray();
      expect(scores).toEqual(scanned.map((doc) => doc.score));
    }
  });

  test('a limited sorted query stops after the keys it needs (keys and documents examined)', async () => {
    const coll = h.collection('limited');
    await coll.createIndex({ n: 1 });
    await coll.insertMany(Array.from({ length: 100 }, (_, i) => ({ _id: i, n: i })));
    const explain = await coll
      .find({ n: { $gte: 10 } })
      .sort({ n: 1 })
      .limit(5)
      .explain('executionStats');
    expect(stageNames(explain)).toContain('LIMIT');
    expect(stageNames(explain)).not.toContain('SORT');
    const stats = executionStatsOf(explain);
    expect(stats.nReturned).toBe(5);
    expect(stats.totalDocsExamined).toBe(5);
    expect(stats.totalKeysExamined).toBeGreaterThanOrEqual(5);
    expect(stats.totalKeysExamined).toBeLessThanOrEqual(6);

    const scan = await coll
      .find({ n: { $gte: 10 } })
      .sort({ n: 1 })
      .limit(5)
      .hint({ $natural: 1 })
      .explain('executionStats');
    expect(stageNames(scan)).toEqual(expect.arrayContaining(['SORT', 'COLLSCAN']));
    expect(executionStatsOf(scan).totalDocsExamined).toBe(100);
  });

  test('an unindexed sort is a SORT over a COLLSCAN', async () => {
    const explain = await h
      .collection('limited')
      .find({ other: { $exists: false } })
      .sort({ missing: 1 })
      .explain('queryPlanner');
    expect(stageNames(explain)).toEqual(expect.arrayContaining(['SORT', 'COLLSCAN']));
  });

  test('aggregate explain shows the index a leading $match and $sort use', async () => {
    const coll = h.collection('scores');
    const explain = await coll
      .aggregate([{ $match: { group: 1, score: { $lt: 50 } } }, { $sort: { score: -1 } }])
      .explain('executionStats');
    const ixscan = ixscanOf(explain);
    expect(ixscan).toMatchObject({ indexName: 'group_1_score_1', direction: 'backward' });
    expect(stageNames(explain)).not.toContain('COLLSCAN');
  });

  test('indexed pages equal a collection scan on random data (arrays, missing fields, mixed types)', async () => {
    const coll = h.collection('random');
    const next = random(20261201);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const scalar = (): unknown =>
      pick([
        () => Math.floor(next() * 20),
        () => Math.floor(next() * 20) + 0.5,
        () => pick(['a', 'b', 'c', 'm', 'z', '']),
        () => null,
        () => new Date(Date.UTC(2026, 0, 1 + Math.floor(next() * 10))),
        () => next() < 0.5,
      ])();
    const docs: TestDoc[] = Array.from({ length: 300 }, (_, i) => {
      const doc: TestDoc = { _id: i, k: Math.floor(next() * 4) };
      if (next() < 0.85) doc.b = scalar();
      const shape = next();
      if (shape < 0.3) doc.a = Array.from({ length: Math.floor(next() * 4) }, scalar);
      else if (shape < 0.85) doc.a = scalar();
      return doc;
    });
    await coll.insertMany(docs);
    await coll.createIndexes([
      { key: { b: 1, _id: 1 } },
      { key: { k: 1, b: -1, _id: -1 } },
      { key: { a: 1 } },
      { key: { k: 1, a: 1 } },
    ]);
    // A few writes after the index build: updates move keys, deletes remove them.
    await coll.updateMany({ _id: { $in: [3, 30, 33] } }, { $set: { b: 7, a: [1, 'm'] } });
    await coll.deleteMany({ _id: { $in: [4, 40] } });

    const value = (): unknown =>
      pick([
        () => Math.floor(next() * 20),
        () => pick(['a', 'c', 'm']),
        () => new Date(Date.UTC(2026, 0, 1 + Math.floor(next() * 10))),
      ])();
    const filters = (): Document =>
      pick([
        () => ({ b: { $gt: value() } }),
        () => ({ b: { $lte: value() } }),
        () => ({ b: { $gte: 3, $lt: 12 } }),
        () => ({ k: Math.floor(next() * 4), b: { $lt: value() } }),
        () => ({ k: { $in: [0, 2] }, b: { $gte: value() } }),
        () => ({ a: { $gt: 3, $lt: 9 } }),
        () => ({ a: value() }),
        () => ({ k: Math.floor(next() * 4), a: { $gte: value() } }),
        () => ({ a: { $in: [1, 'm', 5] } }),
        () => ({ b: { $in: [1, 'c', 7] }, k: { $gte: 1 } }),
        () => ({}),
      ])();
    const sorts: Array<Document | undefined> = [
      undefined,
      { b: 1, _id: 1 },
      { b: -1, _id: -1 },
      { k: 1, b: -1, _id: -1 },
      { k: -1, b: 1, _id: 1 },
      { a: 1, _id: 1 },
    ];
    let indexScans = 0;
    for (let round = 0; round < 150; round++) {
      const filter = filters();
      const sort = pick(sorts);
      const skip = pick([0, 0, 3, 17]);
      const limit = pick([0, 5, 20]);
      const cursor = (natural: boolean) => {
        let found = coll.find(filter);
        if (sort) found = found.sort(sort).skip(skip).limit(limit);
        return natural ? found.hint({ $natural: 1 }) : found;
      };
      const [indexed, scanned, explain] = await Promise.all([
        cursor(false).toArray(),
        cursor(true).toArray(),
        cursor(false).explain('queryPlanner'),
      ]);
      if (ixscanOf(explain)) indexScans++;
      const ids = (found: TestDoc[]) => found.map((doc) => doc._id);
      const context = JSON.stringify({ filter, sort, skip, limit });
      if (sort) expect(ids(indexed), context).toEqual(ids(scanned));
      else expect(ids(indexed).sort(), context).toEqual(ids(scanned).sort());
    }
    // Most of these queries have an index that fits.
    expect(indexScans).toBeGreaterThan(75);
  });

  test('a transaction reads its snapshot and its own writes through an index', async () => {
    const coll = h.collection('snapshot');
    await coll.createIndex({ g: 1, n: 1 });
    await coll.insertMany(Array.from({ length: 20 }, (_, i) => ({ _id: i, g: i % 2, n: i })));
    const session = h.client.startSession();
    try {
      session.startTransaction();
      const inTxn = (natural: boolean) => {
        const cursor = coll.find({ g: 0, n: { $gte: 4 } }, { session }).sort({ n: -1 });
        return (natural ? cursor.hint({ $natural: 1 }) : cursor).toArray();
      };
      expect((await inTxn(false)).map((doc) => doc.n)).toEqual([18, 16, 14, 12, 10, 8, 6, 4]);
      // Its own writes: visible, in sort order.
      await coll.insertOne({ _id: 101, g: 0, n: 9 }, { session });
      await coll.updateOne({ _id: 8 }, { $set: { n: 3 } }, { session });
      const own = await inTxn(false);
      expect(own).toEqual(await inTxn(true));
      expect(own.map((doc) => doc.n)).toEqual([18, 16, 14, 12, 10, 9, 6, 4]);
      // Committed by others after the snapshot: invisible to the transaction.
      await coll.insertOne({ _id: 100, g: 0, n: 50 });
      await coll.updateOne({ _id: 6 }, { $set: { n: 1 } });
      expect(await inTxn(false)).toEqual(own);
      expect(await inTxn(true)).toEqual(own);
      await session.abortTransaction();
    } finally {
      await session.endSession();
    }
    const after = await coll
      .find({ g: 0, n: { $gte: 4 } })
      .sort({ n: -1 })
      .toArray();
    expect(after.map((doc) => doc.n)).toEqual([50, 18, 16, 14, 12, 10, 8, 4]);
  });
});
