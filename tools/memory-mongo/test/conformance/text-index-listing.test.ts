import mongoose, { Schema, type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useConformance } from './harness.js';

const h = useConformance('text_listing');
let conn: Connection;

beforeAll(async () => {
  conn = await mongoose
    .createConnection(h.uri, { dbName: h.dbName, serverSelectionTimeoutMS: 5_000 })
    .asPromise();
});

afterAll(async () => {
  await conn?.close();
});

describe('compound text indexes', () => {
  test('listIndexes shows the non-text keys around _fts/_ftsx, with weights', async () => {
    const coll = h.collection('compound_text');
    await coll.createIndex(
      { category: 1, title: 'text', body: 'text' },
      { weights: { title: 5 }, name: 'category_text' },
    );
    const index = (await coll.listIndexes().toArray()).find(
      (spec) => spec.name === 'category_text',
    );
    expect(index).toMatchObject({
      key: { category: 1, _fts: 'text', _ftsx: 1 },
      weights: { title: 5, body: 1 },
      default_language: 'english',
      language_override: 'language',
      textIndexVersion: 3,
    });
    expect(Object.keys(index?.key ?? {})).toEqual(['category', '_fts', '_ftsx']);
  });

  test('Mongoose syncIndexes changes nothing on a second run and diffIndexes is empty', async () => {
    const schema = new Schema({ category: String, title: String, body: String });
    schema.index({ category: 1, title: 'text', body: 'text' });
    const Article = conn.model('Article', schema);
    await Article.syncIndexes();
    const before = await Article.listIndexes();

    const calls: string[] = [];
    conn.set('debug', (_collection: string, method: string) => calls.push(method));
    try {
      await expect(Article.syncIndexes()).resolves.toEqual([]);
    } finally {
      conn.set('debug', false);
    }
    expect(calls.filter((method) => /index/i.test(method) && method !== 'listIndexes')).toEqual([]);
    await expect(Article.diffIndexes()).resolves.toEqual({ toDrop: [], toCreate: [] });
    await expect(Article.listIndexes()).resolves.toEqual(before);
  });
});
