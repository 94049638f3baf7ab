import mongoose, { Types } from 'mongoose';
import { coachTimeZoneOf, setCoachBookingSettings } from '../coaches/coach-records.js';
import { storeAvailability } from '../scheduling/availability/availability-store.js';
import { applyPriceChange } from '../scheduling/pricing/price-changes.js';
import {
  hasSessionTypes,
  importSessionTypes,
} from '../scheduling/session-types/session-type-import.js';
import { findUserByEmail } from '../users/user-accounts.js';
import { DEMO_COACHES } from './demo-coaches.js';
import { demoScheduleFor, type DemoSchedule } from './demo-scheduling.js';

/**
 * Gives every priced demo coach its session types, prices and availability (in the coach's
 * zone), one transaction per coach. A coach that already has session types is left alone, so
 * restarts keep whatever was changed through the app, and two processes seeding at once do it
 * once (the second one's transaction retries and then finds the types). Returns how many coaches
 * it set up.
 */
export async function seedDemoScheduling(): Promise<number> {
  let seeded = 0;
  for (const demo of DEMO_COACHES) {
    const schedule = demoScheduleFor(demo);
    if (!schedule) continue;
    const user = await findUserByEmail(demo.email);
    const timeZone = user ? await coachTimeZoneOf(user._id.toString()) : null;
    if (!user || timeZone === null) continue;
    const created = await seedCoach(user._id.toString(), timeZone, schedule);
    if (created) seeded += 1;
  }
  return seeded;
}

async function seedCoach(
  coachId: string,
  timeZone: string,
  schedule: DemoSchedule,
): Promise<boolean> {
  return mongoose.connection.transaction(async (session) => {
    if (await hasSessionTypes(coachId, session)) return false;
    const types = await importSessionTypes(
      coachId,
      schedule.sessionTypes.map((type) => ({
        title: type.title,
        slug: type.slug,
        durationMinutes: type.durationMinutes,
        mode: type.mode,
        description: type.description,
      })),
      session,
    );
    const idBySlug = new Map(types.map((type) => [type.slug, type._id]));
    const availability = { timeZone, ...schedule.availability };
    await storeAvailability(coachId, availability, session);
    await setCoachBookingSettings(coachId, availability.settings, session);
    await applyPriceChange(coachId, session, () => ({
      currency: schedule.currency,
      baseHourlyRate: schedule.baseHourlyRate,
      sessionTypeRates: schedule.sessionTypes.flatMap((type) => {
        const id = idBySlug.get(type.slug);
        return id && type.rate !== undefined ? [{ sessionTypeId: id, rate: type.rate }] : [];
      }),
      discounts: schedule.discounts.map((discount) => ({
        _id: new Types.ObjectId(),
        kind: discount.kind,
        label: discount.label,
        active: discount.active,
        percent: discount.percent,
        minSessions: discount.kind === 'volume' ? discount.minSessions : null,
        minDaysAhead: discount.kind === 'early_booking' ? discount.minDaysAhead : null,
      })),
      packages: schedule.packages.map(({ sessionTypeIds, ...item }) => ({
        _id: new Types.ObjectId(),
        ...item,
        sessionTypeIds: (sessionTypeIds ?? []).map((id) => new Types.ObjectId(id)),
      })),
    }));
    return true;
  });
}
