import type { Page } from './pagination.js';
import type { Currency, Money } from './pricing.js';
import type { Role } from './roles.js';
import type { WeeklyInterval } from './scheduling.js';
import type { StoredImage, UserDTO } from './user.js';

/**
 * What a coach can work on. Stored and exchanged as these slugs; the client translates them,
 * and the directory filter and the matcher compare them exactly.
 */
export const COACH_SPECIALTIES = [
  'career',
  'leadership',
  'executive',
  'business',
  'entrepreneurship',
  'life',
  'relationships',
  'parenting',
  'health',
  'fitness',
  'nutrition',
  'mindfulness',
  'stress',
  'confidence',
  'communication',
  'public-speaking',
  'productivity',
  'finance',
] as const;
export type CoachSpecialty = (typeof COACH_SPECIALTIES)[number];

/** Set by admins: only `approved` coaches appear in the directory and the matcher. */
export const VERIFICATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** Directory orders. `relevance` without `q` falls back to `rating`. */
export const COACH_SORTS = ['relevance', 'rating', 'price'] as const;
export type CoachSort = (typeof COACH_SORTS)[number];

/** Bounds the server enforces on profile fields; the client's form uses the same ones. */
export const COACH_PROFILE_LIMITS = {
  headlineLength: 120,
  bioLength: 4000,
  specialties: 10,
  languages: 10,
  certifications: 20,
  certificationLength: 200,
  maxYearsOfExperience: 70,
} as const;

export interface CoachRating {
  /** 0 when there are no reviews yet; otherwise 1-5. */
  average: number;
  count: number;
}

export interface CoachVerificationDTO {
  status: VerificationStatus;
  /** The admin's reason for a rejection; null otherwise. */
  reason: string | null;
  /** ISO instant of the last admin decision; null while never reviewed. */
  reviewedAt: string | null;
}

export const PRESENCE_STATUSES = ['online', 'offline'] as const;
export type PresenceStatus = (typeof PRESENCE_STATUSES)[number];

/**
 * The one shape of a coach on every route and socket event (architecture.md, "The canonical
 * Coach DTO"). `_id` is the coach's user id. Never carries the email, tokens or admin ids.
 * Show `coachProfilePicture` and fall back to `profilePicture`.
 */
export interface CoachDTO {
  _id: string;
  firstName: string;
  lastName: string;
  role: Role;
  /** Presence: `online` while at least one socket of this user is connected. */
  status: PresenceStatus;
  /** The same presence as a flag (kept for clients that read it). */
  online: boolean;
  profilePicture: StoredImage | null;
  coachProfilePicture: StoredImage | null;
  headline: string;
  bio: string;
  specialties: CoachSpecialty[];
  /** ISO 639-1 codes, e.g. "en", "de". */
  languages: string[];
  certifications: string[];
  yearsOfExperience: number;
  rating: CoachRating;
  /** The cheapest session price (minor units); null until the coach's pricing is known. */
  priceFrom: Money | null;
  /** IANA name, e.g. "Europe/Berlin". */
  timeZone: string;
  verification: CoachVerificationDTO;
  /** false: hidden from the directory and the matcher, still reachable by its link. */
  listed: boolean;
}

/** `POST /api/users/me/become-coach` */
export interface BecomeCoachRequest {
  headline?: string;
  specialties?: CoachSpecialty[];
  languages?: string[];
  timeZone?: string;
}

export interface BecomeCoachResponse {
  user: UserDTO;
  coach: CoachDTO;
}

/** `PATCH /api/coaches/:userId` (the coach themself); names change through `PATCH /api/users/me`. */
export interface UpdateCoachRequest {
  headline?: string;
  bio?: string;
  specialties?: CoachSpecialty[];
  languages?: string[];
  certifications?: string[];
  yearsOfExperience?: number;
  timeZone?: string;
  listed?: boolean;
}

/**
 * `GET /api/coaches` query. Prices are minor units; pass `currency` so that amounts in other
 * currencies are not compared with yours.
 */
export interface CoachDirectoryQuery {
  q?: string;
  specialty?: CoachSpecialty;
  language?: string;
  minPrice?: number;
  maxPrice?: number;
  currency?: Currency;
  minRating?: number;
  sort?: CoachSort;
  page?: number;
  limit?: number;
}

export type CoachDirectoryPage = Page<CoachDTO>;

/** `POST /api/coaches/:userId/profile-picture` (multipart field `file`). */
export interface CoachProfilePictureResponse {
  coachProfilePicture: StoredImage;
}

/** `POST /api/admin/coaches/:userId/approve`: the reason is optional, it goes to the audit log. */
export interface ApproveCoachRequest {
  reason?: string;
}

/** `POST /api/admin/coaches/:userId/reject`: the coach sees the reason. */
export interface RejectCoachRequest {
  reason: string;
}

/** `POST /api/coaches/match` */
export interface CoachMatchRequest {
  /** The client's goals: at least one. */
  specialties: CoachSpecialty[];
  languages?: string[];
  /** Most the client wants to pay per session, minor units. */
  budget?: { max: number; currency: Currency };
  /** Wall-clock times in `timeZone` (the caller's zone, UTC when absent). */
  preferredTimes?: WeeklyInterval[];
  timeZone?: string;
  /** How many coaches to return, 1-50 (default 10). */
  limit?: number;
}

/** Each factor's contribution to `score` (they add up to it); each is at most its weight. */
export interface CoachMatchFactors {
  specialty: number;
  language: number;
  budget: number;
  rating: number;
  availability: number;
}

/**
 * The most each factor can contribute to a match `score` (they add up to 100): a factor's
 * contribution divided by its weight is how well the coach fits on that point. The matcher and
 * the client's explanation of a match read the same numbers.
 */
export const COACH_MATCH_WEIGHTS: Readonly<CoachMatchFactors> = {
  specialty: 40,
  language: 25,
  budget: 15,
  rating: 15,
  availability: 5,
};

export interface CoachMatch {
  coach: CoachDTO;
  /** 0-100, higher is better. */
  score: number;
  factors: CoachMatchFactors;
}

export type CoachMatchResponse = CoachMatch[];

/** Socket `coach:updated`, to the coach themself, e.g. after an admin's verification decision. */
export interface CoachUpdatedEvent {
  coach: CoachDTO;
}

/**
 * Socket `coach:verification_changed`, to every admin: a coach entered the verification queue
 * (`coach.verification.status` is `pending`: applied, or resubmitted after an edit) or left it
 * (approved or rejected, by any admin).
 */
export interface CoachVerificationEvent {
  coach: CoachDTO;
}
