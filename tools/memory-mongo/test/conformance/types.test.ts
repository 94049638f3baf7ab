import {
  BSON,
  Binary,
  Decimal128,
  Double,
  Int32,
  Long,
  ObjectId,
  UUID,
  type Document,
} from 'mongodb';
import { describe, expect, test } from 'vitest';
import { useConformance } from './harness.js';

const h = useConformance('types');

/** Inserts one document and reads it back by _id with the given read options. */
async function roundTrip(name: string, doc: Document, options: BSON.DeserializeOptions = {}) {
  const coll = h.db.collection(name);
  const { insertedId } = await coll.insertOne(doc);
  return coll.findOne({ _id: insertedId }, options);
}

describe('BSON types survive a round trip', () => {
  test('ObjectId and Date (to the millisecond, before 1970 and far ahead)', async () => {
    const ref = new ObjectId();
    const dates = [new Date('1969-07-20T20:17:40.123Z'), new Date('2999-12-31T23:59:59.999Z')];
    const back = await roundTrip('oid_date', { ref, dates });
    expect(back?.ref).toBeInstanceOf(ObjectId);
    expect(back?.ref.equals(ref)).toBe(true);
    expect(back?._id).toBeInstanceOf(ObjectId);
    expect(back?.dates.map((d: Date) => d.toISOString())).toEqual(
      dates.map((d) => d.toISOString()),
    );
  });

  test('Decimal128 keeps every digit and its exponent', async () => {
    const values = [
      '0.1',
      '1.50',
      '-0',
      '1.000E-10',
      '-1234567890.123456789012345678901234',
      '1E+6111',
    ];
    const back = await roundTrip('decimal', {
      values: values.map((v) => Decimal128.fromString(v)),
    });
    expect(back?.values.map((d: Decimal128) => d.toString())).toEqual(values);
  });

  test('Long beyond 2^53 keeps its exact value', async () => {
    const big = Long.fromString('9223372036854775807');
    const odd = Long.fromString('9007199254740993');
    const back = await roundTrip('long', { big, odd }, { useBigInt64: true });
    expect(back?.big).toBe(9223372036854775807n);
    expect(back?.odd).toBe(9007199254740993n);
  });

  test('Int32, Long and Double keep their BSON type', async () => {
    const doc = { i: new Int32(7), l: Long.fromNumber(7), d: new Double(7), f: 7.25 };
    const back = await roundTrip('numbers', doc, { promoteValues: false });
    expect(back?.i).toEqual(new Int32(7));
    expect(back?.l).toEqual(Long.fromNumber(7));
    expect(back?.d).toEqual(new Double(7));
    expect(back?.f).toEqual(new Double(7.25));
  });

  test('Binary keeps its bytes and subtype; UUIDs stay UUIDs', async () => {
    const bytes = new Binary(Buffer.from([0, 1, 2, 254, 255]));
    const uuid = new UUID();
    const back = await roundTrip('binary', { bytes, uuid });
    expect(back?.bytes.sub_type).toBe(0);
    expect(Buffer.from(back?.bytes.buffer)).toEqual(Buffer.from([0, 1, 2, 254, 255]));
    expect(back?.uuid.sub_type).toBe(4);
    expect(back?.uuid.toUUID().toHexString()).toBe(uuid.toHexString());
  });

  test('nested documents and arrays come back identical, field order included', async () => {
    const doc = {
      zeta: 1,
      alpha: { deep: { deeper: [1, 'two', { three: [3, [4, 5]] }, null, true] } },
      empty: { obj: {}, arr: [] },
      text: 'naïve café ✓ 日本語',
      mixed: [{ a: 1 }, [], 2.5, false],
    };
    const back = await roundTrip('nested', { _id: 'nested', ...doc });
    expect(back).toEqual({ _id: 'nested', ...doc });
    expect(Object.keys(back ?? {})).toEqual(['_id', 'zeta', 'alpha', 'empty', 'text', 'mixed']);
  });

  test('a rich document is byte-for-byte identical after the round trip', async () => {
    const doc = {
      _id: new ObjectId(),
      when: new Date(1_700_000_000_123),
      price: Decimal128.fromString('19.990'),
      count: Long.fromString('12345678901234'),
      small: new Int32(-5),
      ratio: new Double(0.5),
      blob: new Binary(Buffer.from('hello')),
      nested: { list: [new Int32(1), { at: new Date(0) }] },
    };
    const back = await roundTrip('bytes', doc, { promoteValues: false, promoteBuffers: false });
    expect(Buffer.from(BSON.serialize(back ?? {})).toString('hex')).toBe(
      Buffer.from(BSON.serialize(doc)).toString('hex'),
    );
  });
});

describe('typed values in queries', () => {
  test('$type tells the stored numeric types apart', async () => {
    const coll = h.db.collection<{ _id: string; v: unknown }>('typed');
    await coll.insertMany([
      { _id: 'int', v: new Int32(1) },
      { _id: 'long', v: Long.fromNumber(1) },
      { _id: 'double', v: new Double(1) },
      { _id: 'decimal', v: Decimal128.fromString('1') },
    ]);
    for (const type of ['int', 'long', 'double', 'decimal'] as const) {
      const found = await coll.find({ v: { $type: type } }).toArray();
      expect(found.map((d) => d._id)).toEqual([type]);
    }
  });

  test('numbers compare by value across BSON numeric types', async () => {
    const coll = h.db.collection<{ _id: string; v: unknown }>('numeric_equal');
    await coll.insertMany([
      { _id: 'int', v: new Int32(5) },
      { _id: 'long', v: Long.fromNumber(5) },
      { _id: 'double', v: new Double(5) },
      { _id: 'decimal', v: Decimal128.fromString('5.0') },
      { _id: 'other', v: 6 },
    ]);
    const equal = await coll.find({ v: 5 }).toArray();
    expect(equal.map((d) => d._id).sort()).toEqual(['decimal', 'double', 'int', 'long']);
    const greater = await coll.find({ v: { $gt: Long.fromNumber(5) } }).toArray();
    expect(greater.map((d) => d._id)).toEqual(['other']);
  });

  test('queries match ObjectId, Date ranges and Decimal128 comparisons', async () => {
    const coll = h.db.collection('typed_queries');
    const owner = new ObjectId();
    await coll.insertMany([
      { owner, at: new Date('2024-01-01T00:00:00Z'), price: Decimal128.fromString('9.99') },
      {
        owner: new ObjectId(),
        at: new Date('2025-01-01T00:00:00Z'),
        price: Decimal128.fromString('20.00'),
      },
    ]);
    await expect(coll.countDocuments({ owner })).resolves.toBe(1);
    await expect(
      coll.countDocuments({ at: { $gte: new Date('2024-06-01T00:00:00Z') } }),
    ).resolves.toBe(1);
    await expect(
      coll.countDocuments({ price: { $lt: Decimal128.fromString('10') } }),
    ).resolves.toBe(1);
  });
});
