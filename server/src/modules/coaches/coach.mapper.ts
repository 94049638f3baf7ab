import type { CoachDTO } from '@coachhub/shared/coach';
import type { StoredImage } from '@coachhub/shared/user';
import type { UserRecord } from '../users/user.types.js';
import type { CoachRecord } from './coach.model.js';

/** The user fields a CoachDTO shows; the presenter selects exactly these. */
export type CoachUser = Pick<
  UserRecord,
  '_id' | 'firstName' | 'lastName' | 'role' | 'profilePicture'
>;
export const COACH_USER_FIELDS = 'firstName lastName role profilePicture';

const image = (stored: StoredImage | null | undefined): StoredImage | null =>
  stored ? { url: stored.url, publicId: stored.publicId } : null;

/**
 * The only function that builds a CoachDTO (architecture.md, "The canonical Coach DTO").
 * Field by field, so nothing private on either document (email, reviewer, settings) slips out.
 */
export function toCoachDTO(user: CoachUser, coach: CoachRecord, online: boolean): CoachDTO {
  return {
    _id: user._id.toString(),
    firstName: user.firstName,
    lastName: user.lastName,
    role: user.role,
    status: online ? 'online' : 'offline',
    online,
    profilePicture: image(user.profilePicture),
    coachProfilePicture: image(coach.coachProfilePicture),
    headline: coach.headline,
    bio: coach.bio,
    specialties: [...coach.specialties],
    languages: [...coach.languages],
    certifications: [...coach.certifications],
    yearsOfExperience: coach.yearsOfExperience,
    rating: { average: coach.rating.average, count: coach.rating.count },
    priceFrom: coach.priceFrom
      ? { amount: coach.priceFrom.amount, currency: coach.priceFrom.currency }
      : null,
    timeZone: coach.timeZone,
    verification: {
      status: coach.verification.status,
      reason: coach.verification.reason ?? null,
      reviewedAt: coach.verification.reviewedAt?.toISOString() ?? null,
    },
    listed: coach.listed,
  };
}
