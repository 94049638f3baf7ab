import { describe, expect, test } from 'vitest';
import { useConformance } from './harness.js';

const h = useConformance('projections');

async function seeded(name: string) {
  const coll = h.collection(name);
  await coll.insertMany([
    {
      _id: 1,
      title: 'first',
      scores: [70, 85, 92, 60],
      grades: [
        { subject: 'math', mark: 80 },
        { subject: 'art', mark: 95 },
        { subject: 'music', mark: 91 },
      ],
      meta: { views: 3, likes: 1 },
    },
    { _id: 2, title: 'second', scores: [95, 40], grades: [{ subject: 'math', mark: 99 }] },
  ]);
  return coll;
}

describe('positional projection field.$', () => {
  test('returns the first array element matching the query condition on that array', async () => {
    const coll = await seeded('positional');
    await expect(
      coll.findOne({ _id: 1, scores: { $gt: 80 } }, { projection: { 'scores.$': 1 } }),
    ).resolves.toEqual({ _id: 1, scores: [85] });
    await expect(
      coll.findOne({ 'grades.mark': { $gte: 90 } }, { projection: { title: 1, 'grades.$': 1 } }),
    ).resolves.toEqual({ _id: 1, title: 'first', grades: [{ subject: 'art', mark: 95 }] });
  });

  test('findOneAndUpdate projects the positional element too', async () => {
    const coll = await seeded('positional_fam');
    const found = await coll.findOneAndUpdate(
      { _id: 2, scores: { $lt: 50 } },
      { $set: { seen: true } },
      { projection: { 'scores.$': 1 } },
    );
    expect(found).toEqual({ _id: 2, scores: [40] });
  });
});

describe('$slice projection', () => {
  test('$slice alone is an exclusion: every other field stays', async () => {
    const coll = await seeded('slice_alone');
    await expect(
      coll.findOne({ _id: 1 }, { projection: { scores: { $slice: 2 } } }),
    ).resolves.toEqual({
      _id: 1,
      title: 'first',
      scores: [70, 85],
      grades: [
        { subject: 'math', mark: 80 },
        { subject: 'art', mark: 95 },
        { subject: 'music', mark: 91 },
      ],
      meta: { views: 3, likes: 1 },
    });
  });

  test('$slice with an inclusion returns only the included fields', async () => {
    const coll = await seeded('slice_inclusion');
    await expect(
      coll.findOne({ _id: 1 }, { projection: { scores: { $slice: -1 }, title: 1 } }),
    ).resolves.toEqual({ _id: 1, title: 'first', scores: [60] });
  });

  test('$slice with an exclusion and [skip, limit]', async () => {
    const coll = await seeded('slice_exclusion');
    await expect(
      coll.findOne(
        { _id: 1 },
        { projection: { scores: { $slice: [1, 2] }, grades: 0, meta: 0, _id: 0 } },
      ),
    ).resolves.toEqual({ title: 'first', scores: [85, 92] });
    await expect(
      coll.findOne(
        { _id: 1 },
        { projection: { scores: { $slice: [-3, 2] }, title: 0, grades: 0 } },
      ),
    ).resolves.toEqual({ _id: 1, scores: [85, 92], meta: { views: 3, likes: 1 } });
  });
});

describe('$elemMatch projection', () => {
  test('operator conditions pick the first matching element', async () => {
    const coll = await seeded('elem_match');
    await expect(
      coll.findOne({ _id: 1 }, { projection: { grades: { $elemMatch: { mark: { $gte: 90 } } } } }),
    ).resolves.toEqual({ _id: 1, grades: [{ subject: 'art', mark: 95 }] });
    await expect(
      coll.findOne(
        { _id: 1 },
        {
          projection: {
            title: 1,
            grades: { $elemMatch: { subject: { $in: ['music', 'drama'] }, mark: { $lt: 95 } } },
          },
        },
      ),
    ).resolves.toEqual({ _id: 1, title: 'first', grades: [{ subject: 'music', mark: 91 }] });
  });

  test('a document without a matching element has no such field', async () => {
    const coll = await seeded('elem_match_none');
    const docs = await coll
      .find({}, { projection: { grades: { $elemMatch: { subject: 'art' } } } })
      .sort({ _id: 1 })
      .toArray();
    expect(docs).toEqual([{ _id: 1, grades: [{ subject: 'art', mark: 95 }] }, { _id: 2 }]);
  });
});

describe('field order', () => {
  test('an $elemMatch field comes after the other included fields', async () => {
    const coll = await seeded('order_elem_match');
    const doc = await coll.findOne(
      { _id: 1 },
      { projection: { grades: { $elemMatch: { mark: { $gt: 90 } } }, meta: 1, title: 1 } },
    );
    expect(Object.keys(doc ?? {})).toEqual(['_id', 'title', 'meta', 'grades']);
  });

  test("an inclusion keeps the document's field order with _id first", async () => {
    const coll = await seeded('order');
    const doc = await coll.findOne({ _id: 1 }, { projection: { meta: 1, title: 1 } });
    expect(Object.keys(doc ?? {})).toEqual(['_id', 'title', 'meta']);
    const nested = await coll.findOne(
      { _id: 1 },
      { projection: { 'meta.likes': 1, 'meta.views': 1, _id: 1 } },
    );
    expect(Object.keys(nested?.meta ?? {})).toEqual(['views', 'likes']);
    expect(Object.keys(nested ?? {})).toEqual(['_id', 'meta']);
  });
});
