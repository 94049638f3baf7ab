import { describe, expect, test } from 'vitest';
import { useConformance } from './harness.js';

const h = useConformance('collections');

const collectionNames = async () =>
  (await h.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);

describe('create', () => {
  test('creates an empty collection that listCollections reports', async () => {
    await h.db.createCollection('created');
    const [info] = await h.db.listCollections({ name: 'created' }).toArray();
    expect(info).toMatchObject({ name: 'created', type: 'collection' });
    await expect(h.collection('created').countDocuments()).resolves.toBe(0);
  });

  test('creating an existing collection with other options fails with NamespaceExists', async () => {
    // Since 7.0 mongod accepts a repeat create with identical options, so the options differ.
    await h.db.createCollection('taken');
    await expect(
      h.db.createCollection('taken', { validator: { name: { $type: 'string' } } }),
    ).rejects.toMatchObject({ code: 48, codeName: 'NamespaceExists' });
  });

  test('the first insert creates a collection implicitly', async () => {
    await h.collection('implicit').insertOne({ x: 1 });
    expect(await collectionNames()).toContain('implicit');
  });
});

describe('drop', () => {
  test('drop removes the collection and its documents', async () => {
    await h.collection('dropped').insertMany([{ x: 1 }, { x: 2 }]);
    await expect(h.collection('dropped').drop()).resolves.toBe(true);
    expect(await collectionNames()).not.toContain('dropped');
    await expect(h.collection('dropped').countDocuments()).resolves.toBe(0);
  });
});

describe('listCollections', () => {
  test('filters by name and returns only name and type with nameOnly', async () => {
    await h.db.createCollection('listed_a');
    await h.db.createCollection('listed_b');
    const infos = await h.db.listCollections({ name: 'listed_b' }, { nameOnly: true }).toArray();
    expect(infos).toEqual([{ name: 'listed_b', type: 'collection' }]);
  });

  test('filters with query operators', async () => {
    await h.db.createCollection('prefix_one');
    await h.db.createCollection('prefix_two');
    const infos = await h.db.listCollections({ name: { $regex: /^prefix_/ } }).toArray();
    expect(infos.map((c) => c.name).sort()).toEqual(['prefix_one', 'prefix_two']);
  });

  test('full listing includes options and info', async () => {
    await h.db.createCollection('detailed');
    const [info] = await h.db.listCollections({ name: 'detailed' }).toArray();
    expect(info).toMatchObject({ name: 'detailed', type: 'collection', options: {} });
  });
});

describe('renameCollection', () => {
  test('moves the documents to the new name', async () => {
    await h.collection('old_name').insertMany([{ _id: 1 }, { _id: 2 }]);
    await h.db.renameCollection('old_name', 'new_name');
    const names = await collectionNames();
    expect(names).toContain('new_name');
    expect(names).not.toContain('old_name');
    await expect(h.collection('new_name').countDocuments()).resolves.toBe(2);
  });

  test('refuses to overwrite an existing target unless dropTarget is set', async () => {
    await h.collection('rename_src').insertOne({ from: 'src' });
    await h.collection('rename_dst').insertOne({ from: 'dst' });
    await expect(h.db.renameCollection('rename_src', 'rename_dst')).rejects.toMatchObject({
      code: 48,
    });
    await h.db.renameCollection('rename_src', 'rename_dst', { dropTarget: true });
    const docs = await h
      .collection('rename_dst')
      .find({}, { projection: { _id: 0 } })
      .toArray();
    expect(docs).toEqual([{ from: 'src' }]);
  });
});
