/**
 * Errors MongoDB raises for writes and commands it refuses, with its codes and messages.
 */
import { describe, expect, test } from 'vitest';
import { errorOf, useConformance } from './harness.js';

const h = useConformance('errors');
const MAX_BSON = 16 * 1024 * 1024;

describe('the 16 MB document limit', () => {
  test('an insert over 16 MB is a write error with code 2 (object to insert too large)', async () => {
    const coll = h.collection('too_large_insert');
    // Past 16 MB but within the 16 KB the server lets a command carry on top of it.
    const error = await errorOf(coll.insertOne({ _id: 1, x: 'a'.repeat(MAX_BSON) }));
    expect(error).toMatchObject({ code: 2 });
    expect(error.message).toMatch(/^object to insert too large/);
    await expect(coll.countDocuments()).resolves.toBe(0);
  });

  test('an update making a document over 16 MB is BSONObjectTooLarge', async () => {
    const coll = h.collection('too_large_update');
    await coll.insertOne({ _id: 1, a: 'a'.repeat(9 * 1024 * 1024) });
    const error = await errorOf(
      coll.updateOne({ _id: 1 }, { $set: { b: 'b'.repeat(9 * 1024 * 1024) } }),
    );
    // 10334 BSONObjectTooLarge in current servers; 17419 (same message) before.
    expect([10334, 17419]).toContain(error.code);
    expect(error.message).toMatch(/Resulting document after update is larger than 16777216/);
    const stored = await coll.findOne({ _id: 1 }, { projection: { b: 1 } });
    expect(stored).toEqual({ _id: 1 });
  });
});

describe('update operator errors', () => {
  test('$push onto a field that is not an array is code 2', async () => {
    await h.collection('push_non_array').insertOne({ _id: 1, tags: 'one' });
    // Typed as the application believes it is: tags an array.
    const coll = h.db.collection<{ _id: number; tags: string[] }>('push_non_array');
    const error = await errorOf(coll.updateOne({ _id: 1 }, { $push: { tags: 'two' } }));
    expect(error).toMatchObject({ code: 2, codeName: 'BadValue' });
    expect(error.message).toBe(
      "The field 'tags' must be an array but is of type string in document {_id: 1}",
    );
    await expect(h.collection('push_non_array').findOne({ _id: 1 })).resolves.toEqual({
      _id: 1,
      tags: 'one',
    });
  });

  test('$set through an array with a non-numeric path element is code 28', async () => {
    const coll = h.collection('path_not_viable');
    await coll.insertOne({ _id: 1, arr: [1, 2], n: 5 });
    const error = await errorOf(coll.updateOne({ _id: 1 }, { $set: { 'arr.foo': 1 } }));
    expect(error).toMatchObject({ code: 28, codeName: 'PathNotViable' });
    expect(error.message).toMatch(/^Cannot create field 'foo' in element \{arr: /);
    await expect(coll.updateOne({ _id: 1 }, { $inc: { 'n.x': 1 } })).rejects.toMatchObject({
      code: 28,
    });
    // A numeric path element into an array is fine.
    await coll.updateOne({ _id: 1 }, { $set: { 'arr.1': 3 } });
    await expect(coll.findOne({ _id: 1 })).resolves.toEqual({ _id: 1, arr: [1, 3], n: 5 });
  });
});

describe('command errors', () => {
  test('create with capped and no size is code 72', async () => {
    const error = await errorOf(h.db.createCollection('capped_no_size', { capped: true }));
    expect(error).toMatchObject({ code: 72, codeName: 'InvalidOptions' });
    expect(error.message).toBe("the 'size' field is required when 'capped' is true");
  });

  test('an unknown pipeline stage is code 40324 naming the stage', async () => {
    const coll = h.collection('unknown_stage');
    await coll.insertOne({ _id: 1 });
    const error = await errorOf(coll.aggregate([{ $foo: {} }]).toArray());
    expect(error).toMatchObject({ code: 40324 });
    expect(error.message).toBe("Unrecognized pipeline stage name: '$foo'");
  });
});
