import type { Money } from '@coachhub/shared/pricing';
import type { BookingSettings } from '@coachhub/shared/scheduling';
import type { StoredImage } from '@coachhub/shared/user';
import type { ClientSession } from 'mongoose';
import { Coach } from './coach.model.js';

/**
 * The coaches module's published reads and writes for the scheduling modules above it, which
 * keep copies on the Coach document for the directory (`bookingSettings`, `priceFrom`).
 * Functions that take a `session` write inside the caller's transaction.
 */

export async function coachExists(userId: string, session?: ClientSession): Promise<boolean> {
  return (await Coach.exists({ user: userId }).session(session ?? null)) !== null;
}

/** The coach's time zone, or null for a user who is not a coach. */
export async function coachTimeZoneOf(
  userId: string,
  session?: ClientSession,
): Promise<string | null> {
  const coach = await Coach.findOne({ user: userId })
    .select('timeZone')
    .session(session ?? null)
    .lean();
  return coach?.timeZone ?? null;
}

/** Copies the booking settings onto the coach; false when the user is not a coach. */
export async function setCoachBookingSettings(
  userId: string,
  settings: BookingSettings,
  session: ClientSession,
): Promise<boolean> {
  const result = await Coach.updateOne(
    { user: userId },
    { $set: { bookingSettings: settings } },
    { session },
  );
  return result.matchedCount > 0;
}

/** The directory's price filter and sort: the lowest price the coach offers (null: none). */
export async function setCoachPriceFrom(
  userId: string,
  priceFrom: Money | null,
  session: ClientSession,
): Promise<void> {
  await Coach.updateOne({ user: userId }, { $set: { priceFrom } }, { session });
}

/** Profile fields written when a coach comes from elsewhere (the demo data), already approved. */
export interface ImportedCoachProfile {
  bio: string;
  certifications: string[];
  yearsOfExperience: number;
  coachProfilePicture: StoredImage | null;
  rating: { average: number; count: number };
}

export async function importApprovedCoachProfile(
  userId: string,
  profile: ImportedCoachProfile,
  now = new Date(),
): Promise<void> {
  await Coach.updateOne(
    { user: userId },
    {
      $set: {
        ...profile,
        verification: {
          status: 'approved',
          reason: null,
          submittedAt: now,
          reviewedAt: now,
          reviewedBy: null,
        },
      },
    },
  );
}
