import type { VerificationStatus } from '@coachhub/shared/coach';

/** What an admin checks before a coach is listed: credentials, not wording. */
export interface VettedFields {
  certifications: string[];
  yearsOfExperience: number | null;
}

/** The fields whose change an admin must see again before the profile stays listed. */
export const VETTED_FIELDS = ['certifications', 'yearsOfExperience'] as const;

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, index) => item === b[index]);

/** True when `changes` gives a vetted field a value other than the current one. */
export function changesVettedFields(
  current: VettedFields,
  changes: Partial<VettedFields>,
): boolean {
  if (changes.certifications !== undefined) {
    if (!sameList(current.certifications, changes.certifications)) return true;
  }
  return (
    changes.yearsOfExperience !== undefined &&
    changes.yearsOfExperience !== current.yearsOfExperience
  );
}

/**
 * A profile edit goes (back) to the verification queue when the coach was rejected (any edit is
 * a resubmission) or was approved and changed what the approval vouched for. A pending profile
 * stays pending; headline, bio and the like never need a new review.
 */
export function needsReview(
  status: VerificationStatus,
  current: VettedFields,
  changes: Partial<VettedFields>,
): boolean {
  if (status === 'rejected') return true;
  return status === 'approved' && changesVettedFields(current, changes);
}
