import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../test/test-server.js';
import { Booking } from './booking.model.js';

let t: TestServer;
const HOUR_MS = 3_600_000;
const PAGE = 5;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  await Booking.init();
});
afterAll(() => t.close());

interface Stage {
  stage: string;
  inputStage?: Stage;
}

function stagesOf(plan: Stage | undefined): string[] {
  return plan ? [plan.stage, ...stagesOf(plan.inputStage)] : [];
}

interface Explained {
  // MongoDB's slot-based engine nests the plan one level down.
  queryPlanner: { winningPlan: Stage & { queryPlan?: Stage } };
  executionStats: { totalDocsExamined: number; nReturned: number };
}

/**
 * A person's list page (`booking-queries.ts`: their bookings by start, ties by `_id`) comes in
 * order from an index and reads no more documents than the page holds, however many they have.
 */
describe.each(['client', 'coach'] as const)("a %s's bookings list page", (party) => {
  const person = new Types.ObjectId();

  beforeAll(async () => {
    // 40 bookings, several sharing a start, inserted out of order; others' bookings around them.
    const documents = Array.from({ length: 40 }, (_, index) => ({
      [party]: person,
      [party === 'client' ? 'coach' : 'client']: new Types.ObjectId(),
      start: new Date(Date.UTC(2030, 0, 1) + ((index * 7) % 13) * HOUR_MS),
      status: 'confirmed',
    }));
    const others = Array.from({ length: 40 }, (_, index) => ({
      client: new Types.ObjectId(),
      coach: new Types.ObjectId(),
      start: new Date(Date.UTC(2030, 0, 1) + index * HOUR_MS),
      status: 'confirmed',
    }));
    await Booking.collection.insertMany([...documents, ...others]);
  });

  it.each([1, -1] as const)('in order %i, from the index, stopping at the page', async (order) => {
    const page = (skip: number) =>
      Booking.find({ [party]: person })
        .sort({ start: order, _id: order })
        .skip(skip)
        .limit(PAGE);
    const explained = (await page(PAGE).explain('executionStats')) as unknown as Explained;
    const { winningPlan } = explained.queryPlanner;
    const stages = stagesOf(winningPlan.queryPlan ?? winningPlan);
    expect(stages).toContain('IXSCAN');
    expect(stages).not.toContain('SORT');
    expect(explained.executionStats.nReturned).toBe(PAGE);
    expect(explained.executionStats.totalDocsExamined).toBeLessThanOrEqual(2 * PAGE);

    // The same documents, in the same order, as sorting all of them would give.
    const all = await Booking.find({ [party]: person }).lean();
    const key = (doc: { start: Date; _id: Types.ObjectId }) =>
      `${doc.start.toISOString()} ${doc._id.toHexString()}`;
    const sorted = all.map(key).sort();
    if (order === -1) sorted.reverse();
    const pages = [];
    for (let skip = 0; skip < all.length; skip += PAGE) pages.push(...(await page(skip).lean()));
    expect(pages.map(key)).toEqual(sorted);
  });
});
