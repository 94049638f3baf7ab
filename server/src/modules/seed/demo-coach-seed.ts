import { AppError } from '../../core/errors.js';
import { createCoach } from '../coaches/coach-creation.js';
import type { CoachLifecycle } from '../coaches/coach-lifecycle.js';
import { coachExists, importApprovedCoachProfile } from '../coaches/coach-records.js';
import { checkImage } from '../uploads/image-type.js';
import type { StorageDriver } from '../uploads/storage-driver.js';
import { findUserByEmail } from '../users/user-accounts.js';
import { DEMO_COACHES, type DemoCoach } from './demo-coaches.js';
import { avatarPng, distinctColour } from './demo-picture.js';

const slug = (coach: DemoCoach) => `seed-${coach.email.split('@')[0]?.replace(/\W+/g, '-')}`;

/**
 * Gives each demo coach account an approved profile with a generated picture, through the same
 * creation path as `become-coach` (so coach-created listeners run). Accounts that already have
 * a profile are skipped; pictures have fixed names, so restarts overwrite rather than pile up.
 * Returns how many profiles it created.
 */
export async function seedDemoCoaches(deps: {
  coachLifecycle: CoachLifecycle;
  pictures: StorageDriver;
}): Promise<number> {
  const created = await Promise.all(
    DEMO_COACHES.map(async (demo, index) => {
      const user = await findUserByEmail(demo.email);
      if (!user || user.role === 'admin' || (await coachExists(user._id.toString()))) return false;
      const picture = await deps.pictures.save(
        await checkImage(avatarPng(distinctColour(index, DEMO_COACHES.length))),
        'coach-pictures',
        { name: slug(demo) },
      );
      const { headline, specialties, languages, timeZone } = demo;
      try {
        await createCoach(
          user._id.toString(),
          { headline, specialties, languages, timeZone },
          deps.coachLifecycle,
        );
      } catch (error) {
        // Another process seeding the same database created it a moment ago.
        if (error instanceof AppError && error.status === 409) return false;
        throw error;
      }
      await importApprovedCoachProfile(user._id.toString(), {
        bio: demo.bio,
        certifications: demo.certifications,
        yearsOfExperience: demo.yearsOfExperience,
        coachProfilePicture: picture,
      });
      return true;
    }),
  );
  return created.filter(Boolean).length;
}
