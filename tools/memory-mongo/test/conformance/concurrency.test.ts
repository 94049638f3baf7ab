import { describe, expect, test } from 'vitest';
import { useConformance, type TestDoc } from './harness.js';

const h = useConformance('concurrency');

describe('many connections at once', () => {
  test('concurrent increments from several clients are all applied', async () => {
    await h.collection('counter').insertOne({ _id: 'c', n: 0 });
    const clients = await Promise.all([1, 2, 3].map(() => h.connect({ maxPoolSize: 10 })));
    await Promise.all(
      clients.flatMap((client) =>
        Array.from({ length: 50 }, () =>
          client
            .db(h.dbName)
            .collection<TestDoc>('counter')
            .updateOne({ _id: 'c' }, { $inc: { n: 1 } }),
        ),
      ),
    );
    await expect(h.collection('counter').findOne({ _id: 'c' })).resolves.toEqual({
      _id: 'c',
      n: 150,
    });
  });

  test('racing inserts of the same unique key: exactly one wins', async () => {
    const coll = h.collection('race');
    await coll.createIndex({ slot: 1 }, { unique: true });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => coll.insertOne({ slot: '09:00', by: i })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failures = results.filter((r) => r.status === 'rejected');
    expect(failures).toHaveLength(19);
    for (const failure of failures) expect(failure.reason).toMatchObject({ code: 11000 });
    await expect(coll.countDocuments()).resolves.toBe(1);
  });

  test('each command applies atomically: readers never see half of a multi-field update', async () => {
    const coll = h.collection('atomic');
    await coll.insertOne({ _id: 1, a: 0, b: 0 });
    const writes = Array.from({ length: 50 }, (_, i) =>
      coll.updateOne({ _id: 1 }, { $set: { a: i + 1, b: i + 1 } }),
    );
    const reads = Array.from({ length: 50 }, () => coll.findOne({ _id: 1 }));
    const [, docs] = await Promise.all([Promise.all(writes), Promise.all(reads)]);
    for (const doc of docs) expect(doc?.a).toBe(doc?.b);
  });
});
