import { beforeAll, describe, expect, test } from 'vitest';
import { useConformance } from './harness.js';

const h = useConformance('aggregate');

beforeAll(async () => {
  // Read-only fixtures: items appear 3/2/1 times so $sortByCount has no ties.
  await h.collection('customers').insertMany([
    { _id: 'ann', name: 'Ann', city: 'Oslo' },
    { _id: 'bob', name: 'Bob', city: 'Rome' },
    { _id: 'cy', name: 'Cy', city: 'Oslo' },
  ]);
  await h.collection('orders').insertMany([
    { _id: 1, customer: 'ann', item: 'apple', qty: 5, price: 2, tags: ['fruit', 'red'] },
    { _id: 2, customer: 'ann', item: 'bread', qty: 1, price: 3, tags: ['bakery'] },
    { _id: 3, customer: 'bob', item: 'apple', qty: 2, price: 2, tags: ['fruit', 'red'] },
    { _id: 4, customer: 'bob', item: 'milk', qty: 3, price: 1, tags: ['dairy'] },
    { _id: 5, customer: 'ann', item: 'milk', qty: 2, price: 1, tags: ['dairy'] },
    { _id: 6, customer: 'cy', item: 'apple', qty: 1, price: 2, tags: ['fruit', 'red'] },
  ]);
});

const orders = (pipeline: object[]) => h.collection('orders').aggregate(pipeline).toArray();

describe('single-collection stages', () => {
  test('$match, $group with accumulators and $sort', async () => {
    const result = await orders([
      { $match: { item: { $ne: 'bread' } } },
      {
        $group: {
          _id: '$customer',
          spent: { $sum: { $multiply: ['$qty', '$price'] } },
          orders: { $sum: 1 },
          items: { $addToSet: '$item' },
        },
      },
      { $sort: { spent: -1 } },
    ]);
    expect(result.map(({ _id, spent, orders: n }) => ({ _id, spent, n }))).toEqual([
      { _id: 'ann', spent: 12, n: 2 },
      { _id: 'bob', spent: 7, n: 2 },
      { _id: 'cy', spent: 2, n: 1 },
    ]);
    expect(result[0]?.items.sort()).toEqual(['apple', 'milk']);
  });

  test('$group with _id null, $avg, $min and $max', async () => {
    await expect(
      orders([
        {
          $group: {
            _id: null,
            avgQty: { $avg: '$qty' },
            min: { $min: '$qty' },
            max: { $max: '$qty' },
          },
        },
      ]),
    ).resolves.toEqual([{ _id: null, avgQty: 14 / 6, min: 1, max: 5 }]);
  });

  test('$unwind then $count', async () => {
    await expect(orders([{ $unwind: '$tags' }, { $count: 'tagged' }])).resolves.toEqual([
      { tagged: 9 },
    ]);
  });

  test('$sortByCount groups and orders by frequency', async () => {
    await expect(orders([{ $sortByCount: '$item' }])).resolves.toEqual([
      { _id: 'apple', count: 3 },
      { _id: 'milk', count: 2 },
      { _id: 'bread', count: 1 },
    ]);
  });

  test('$project computes fields; $skip and $limit page the result', async () => {
    const result = await orders([
      { $sort: { _id: 1 } },
      { $skip: 1 },
      { $limit: 2 },
      { $project: { _id: 0, item: 1, amount: { $multiply: ['$qty', '$price'] } } },
    ]);
    expect(result).toEqual([
      { item: 'bread', amount: 3 },
      { item: 'apple', amount: 4 },
    ]);
  });

  test('$facet runs sub-pipelines over the same input', async () => {
    const [facets] = await orders([
      {
        $facet: {
          topItem: [{ $sortByCount: '$item' }, { $limit: 1 }],
          totals: [{ $group: { _id: null, qty: { $sum: '$qty' } } }],
        },
      },
    ]);
    expect(facets).toEqual({
      topItem: [{ _id: 'apple', count: 3 }],
      totals: [{ _id: null, qty: 14 }],
    });
  });

  test('aggregating a collection that does not exist yields nothing', async () => {
    await expect(
      h
        .collection('nothing_here')
        .aggregate([{ $match: {} }])
        .toArray(),
    ).resolves.toEqual([]);
  });
});

describe('$lookup', () => {
  test('localField/foreignField joins another collection', async () => {
    const result = await orders([
      { $lookup: { from: 'customers', localField: 'customer', foreignField: '_id', as: 'buyer' } },
      { $unwind: '$buyer' },
      { $match: { 'buyer.city': 'Oslo' } },
      { $sort: { _id: 1 } },
      { $project: { _id: 1, name: '$buyer.name' } },
    ]);
    expect(result).toEqual([
      { _id: 1, name: 'Ann' },
      { _id: 2, name: 'Ann' },
      { _id: 5, name: 'Ann' },
      { _id: 6, name: 'Cy' },
    ]);
  });

  test('pipeline form with let variables', async () => {
    const result = await h
      .collection('customers')
      .aggregate([
        {
          $lookup: {
            from: 'orders',
            let: { customerId: '$_id' },
            pipeline: [
              {
                $match: {
                  $expr: { $and: [{ $eq: ['$customer', '$$customerId'] }, { $gte: ['$qty', 3] }] },
                },
              },
              { $project: { _id: 0, item: 1 } },
            ],
            as: 'bigOrders',
          },
        },
        { $sort: { _id: 1 } },
        { $project: { bigOrders: 1 } },
      ])
      .toArray();
    expect(result).toEqual([
      { _id: 'ann', bigOrders: [{ item: 'apple' }] },
      { _id: 'bob', bigOrders: [{ item: 'milk' }] },
      { _id: 'cy', bigOrders: [] },
    ]);
  });
});
