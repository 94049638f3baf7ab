import type { MongoClient } from 'mongodb';
import { beforeAll, describe, expect, test } from 'vitest';
import { recordCommands, useConformance } from './harness.js';

const h = useConformance('cursors');
const TOTAL = 1_600;

beforeAll(async () => {
  // Read-only fixture shared by every test: more documents than any single batch holds.
  await h.collection('many').insertMany(Array.from({ length: TOTAL }, (_, n) => ({ _id: n, n })));
});

/** A fresh monitored client, so each test sees only its own commands. */
async function monitored(): Promise<[MongoClient, ReturnType<typeof recordCommands>]> {
  const client = await h.connect({ monitorCommands: true });
  return [client, recordCommands(client)];
}

describe('batches and getMore', () => {
  test('a large find is consumed through getMore in batches of batchSize', async () => {
    const [client, log] = await monitored();
    const cursor = client.db(h.dbName).collection('many').find({}, { batchSize: 100 });
    const seen = new Set<number>();
    for await (const doc of cursor) seen.add(doc.n);
    expect(seen.size).toBe(TOTAL);

    const [find] = log.replies('find');
    expect(find?.cursor.firstBatch).toHaveLength(100);
    const getMores = log.replies('getMore');
    expect(getMores.length).toBeGreaterThanOrEqual(15);
    for (const reply of getMores) expect(reply.cursor.nextBatch.length).toBeLessThanOrEqual(100);
    // The server closes an exhausted cursor itself: the last reply carries cursor id 0.
    expect(Number(getMores.at(-1)?.cursor.id)).toBe(0);
    expect(log.sent('killCursors')).toHaveLength(0);
  });

  test('without batchSize the first batch holds 101 documents', async () => {
    const [client, log] = await monitored();
    await client.db(h.dbName).collection('many').find().toArray();
    expect(log.replies('find')[0]?.cursor.firstBatch).toHaveLength(101);
  });

  test('sort order holds across batches', async () => {
    const docs = await h.collection('many').find({}, { batchSize: 50 }).sort({ n: -1 }).toArray();
    expect(docs).toHaveLength(TOTAL);
    expect(docs.map((d) => d.n)).toEqual(Array.from({ length: TOTAL }, (_, i) => TOTAL - 1 - i));
  });

  test('an aggregate cursor is also paged with getMore', async () => {
    const [client, log] = await monitored();
    const docs = await client
      .db(h.dbName)
      .collection('many')
      .aggregate([{ $match: { n: { $gte: 100 } } }, { $sort: { n: 1 } }], { batchSize: 200 })
      .toArray();
    expect(docs).toHaveLength(TOTAL - 100);
    expect(docs[0]?.n).toBe(100);
    expect(log.sent('getMore').length).toBeGreaterThanOrEqual(7);
  });
});

describe('closing cursors', () => {
  test('cursor.close() sends killCursors and the cursor is gone', async () => {
    const [client, log] = await monitored();
    const db = client.db(h.dbName);
    const cursor = db.collection('many').find({}, { batchSize: 10 });
    await cursor.next();
    const cursorId = cursor.id;
    expect(Number(cursorId)).not.toBe(0);
    await cursor.close();

    const [killed] = log.replies('killCursors');
    expect(killed?.cursorsKilled.map(Number)).toEqual([Number(cursorId)]);
    await expect(db.command({ getMore: cursorId, collection: 'many' })).rejects.toMatchObject({
      code: 43,
      codeName: 'CursorNotFound',
    });
  });

  test('limit returns exactly that many documents and closes the cursor', async () => {
    const [client, log] = await monitored();
    const docs = await client
      .db(h.dbName)
      .collection('many')
      .find({}, { sort: { n: 1 }, limit: 250, batchSize: 100 })
      .toArray();
    expect(docs.map((d) => d.n)).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(log.sent('killCursors')).toHaveLength(0);
  });

  test('singleBatch returns one batch and leaves no cursor open', async () => {
    const [client, log] = await monitored();
    const docs = await client
      .db(h.dbName)
      .collection('many')
      .find({}, { batchSize: 10, singleBatch: true })
      .toArray();
    expect(docs).toHaveLength(10);
    expect(Number(log.replies('find')[0]?.cursor.id)).toBe(0);
    expect(log.sent('getMore')).toHaveLength(0);
  });
});
