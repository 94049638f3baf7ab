import mongoose, { Schema, type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useConformance } from './harness.js';

const h = useConformance('mongoose');
let conn: Connection;

beforeAll(async () => {
  conn = await mongoose
    .createConnection(h.uri, { dbName: h.dbName, serverSelectionTimeoutMS: 5_000 })
    .asPromise();
});

afterAll(async () => {
  await conn?.close();
});

describe('models', () => {
  test('create, findById, update, lean and delete through a model', async () => {
    const Coach = conn.model(
      'Coach',
      new Schema({ name: String, rate: Number }, { timestamps: true }),
    );
    const created = await Coach.create({ name: 'Ada', rate: 50 });
    expect(created.createdAt).toBeInstanceOf(Date);

    const found = await Coach.findById(created._id);
    expect(found?.name).toBe('Ada');
    const updated = await Coach.findByIdAndUpdate(
      created._id,
      { $inc: { rate: 5 } },
      { returnDocument: 'after' },
    );
    expect(updated?.rate).toBe(55);
    await expect(Coach.findOne({ name: 'Ada' }).lean()).resolves.toMatchObject({ rate: 55 });

    await Coach.deleteOne({ _id: created._id });
    await expect(Coach.findById(created._id)).resolves.toBeNull();
  });

  test('a duplicate on a schema unique index rejects with 11000', async () => {
    const User = conn.model('User', new Schema({ email: { type: String, unique: true } }));
    await User.init(); // waits until Mongoose has built the schema's indexes
    await new User({ email: 'a@x.io' }).save();
    await expect(new User({ email: 'a@x.io' }).save()).rejects.toMatchObject({
      code: 11000,
      keyValue: { email: 'a@x.io' },
    });
    await expect(User.countDocuments()).resolves.toBe(1);
  });

  test('countDocuments applies the filter', async () => {
    const Slot = conn.model('Slot', new Schema({ free: Boolean }));
    await Slot.insertMany([{ free: true }, { free: false }, { free: true }]);
    await expect(Slot.countDocuments({ free: true })).resolves.toBe(2);
    await expect(Slot.estimatedDocumentCount()).resolves.toBe(3);
  });
});

describe('populate', () => {
  test('resolves single and array references across two models', async () => {
    const Person = conn.model('Person', new Schema({ name: String }));
    const Team = conn.model(
      'Team',
      new Schema({
        lead: { type: Schema.Types.ObjectId, ref: 'Person' },
        members: [{ type: Schema.Types.ObjectId, ref: 'Person' }],
      }),
    );
    const ann = await Person.create({ name: 'Ann' });
    const bob = await Person.create({ name: 'Bob' });
    const team = await Team.create({ lead: ann._id, members: [bob._id, ann._id] });

    const populated = await Team.findById(team._id)
      .populate<{ lead: { name: string } }>('lead')
      .populate<{ members: { name: string }[] }>('members', 'name')
      .orFail();
    expect(populated.lead.name).toBe('Ann');
    expect(populated.members.map((m) => m.name)).toEqual(['Bob', 'Ann']);
  });
});

describe('indexes', () => {
  test('syncIndexes drops indexes missing from the schema and builds the declared ones', async () => {
    const schema = new Schema({ a: String, b: String }, { autoIndex: false });
    schema.index({ a: 1 });
    const Synced = conn.model('Synced', schema);
    await Synced.createCollection();
    await Synced.collection.createIndex({ b: 1 });

    await expect(Synced.syncIndexes()).resolves.toEqual(['b_1']);
    const names = (await Synced.listIndexes()).map((index) => index.name).sort();
    expect(names).toEqual(['_id_', 'a_1']);
  });
});

describe('transactions', () => {
  const accountSchema = new Schema({ owner: String, balance: Number });

  test('connection.transaction() commits every write', async () => {
    const Account = conn.model('Account', accountSchema);
    await Account.init();
    await Account.create([
      { owner: 'ann', balance: 100 },
      { owner: 'bob', balance: 0 },
    ]);
    await conn.transaction(async (session) => {
      await Account.updateOne({ owner: 'ann' }, { $inc: { balance: -30 } }, { session });
      await Account.updateOne({ owner: 'bob' }, { $inc: { balance: 30 } }, { session });
      await Account.create([{ owner: 'cy', balance: 1 }], { session });
    });
    const balances = await Account.find().sort({ owner: 1 }).lean();
    expect(balances.map(({ owner, balance }) => [owner, balance])).toEqual([
      ['ann', 70],
      ['bob', 30],
      ['cy', 1],
    ]);
  });

  test('an error inside connection.transaction() rolls everything back', async () => {
    const Ledger = conn.model('Ledger', accountSchema);
    await Ledger.init();
    await Ledger.create({ owner: 'ann', balance: 100 });
    await expect(
      conn.transaction(async (session) => {
        await Ledger.updateOne({ owner: 'ann' }, { $inc: { balance: -100 } }, { session });
        await Ledger.create([{ owner: 'ghost', balance: 100 }], { session });
        throw new Error('insufficient approval');
      }),
    ).rejects.toThrow('insufficient approval');
    const rows = await Ledger.find().lean();
    expect(rows.map(({ owner, balance }) => [owner, balance])).toEqual([['ann', 100]]);
  });
});
