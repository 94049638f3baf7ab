import type { CoachMatch, CoachMatchRequest } from '@coachhub/shared/coach';
import { AVAILABILITY_HORIZON_DAYS, rankCoaches } from '../../domain/coach-match.js';
import { preferredRanges, shareInPreferredTimes } from '../../domain/preferred-times.js';
import { PUBLIC_COACHES } from './coach-directory.js';
import type { CoachPresenter } from './coach-presenter.js';
import { Coach } from './coach.model.js';

/**
 * A coach's free slots within `withinDays` of `now`, in time order (the scheduling feature
 * provides them; this module does not import it).
 */
export type FreeSlotsLookup = (
  coachId: string,
  now: Date,
  withinDays: number,
) => Promise<ReadonlyArray<{ start: string; end: string }>>;

/** How many more candidates than asked for get their availability looked up. */
const AVAILABILITY_SHORTLIST = 3;
const DAY_MS = 24 * 3_600_000;

/** Coaches scored per request: those sharing a specialty, best rated first. Enough for any top 50. */
export const MATCH_CANDIDATES = 500;
export const DEFAULT_MATCH_LIMIT = 10;

/**
 * Ranks public coaches for a client's goals with the pure scorer in domain/coach-match.ts.
 * A coach without any requested specialty would score at most the other factors, so only
 * coaches sharing one are considered. The caller never matches themself.
 */
export function createCoachMatcher(presenter: CoachPresenter, freeSlots?: FreeSlotsLookup) {
  return {
    async match(request: CoachMatchRequest, callerId?: string): Promise<CoachMatch[]> {
      const candidates = await Coach.find({
        ...PUBLIC_COACHES,
        specialties: { $in: request.specialties },
        ...(callerId ? { user: { $ne: callerId } } : {}),
      })
        .sort({ 'rating.average': -1, 'rating.count': -1, _id: 1 })
        .limit(MATCH_CANDIDATES)
        .lean();
      const criteria = {
        specialties: request.specialties,
        ...(request.languages ? { languages: request.languages } : {}),
        ...(request.budget ? { budget: request.budget } : {}),
        ...(request.preferredTimes ? { preferredTimes: request.preferredTimes } : {}),
      };
      const limit = request.limit ?? DEFAULT_MATCH_LIMIT;
      // Slots are costly to compute, and availability weighs little: rank on the other factors
      // first, then let availability reorder the front runners.
      const front = rankCoaches(candidates, criteria).slice(0, limit * AVAILABILITY_SHORTLIST);
      const now = new Date();
      const horizonEnd = now.getTime() + AVAILABILITY_HORIZON_DAYS * DAY_MS;
      // The client's wishes as instants of the horizon, in their zone (UTC when not given).
      const preferred = request.preferredTimes?.length
        ? preferredRanges(
            request.preferredTimes,
            request.timeZone ?? 'UTC',
            now.getTime(),
            horizonEnd,
          )
        : null;
      const withAvailability = await Promise.all(
        front.map(async ({ candidate }) => {
          const slots = freeSlots
            ? await freeSlots(candidate.user.toString(), now, AVAILABILITY_HORIZON_DAYS)
            : [];
          const free = slots.map((slot) => ({
            start: Date.parse(slot.start),
            end: Date.parse(slot.end),
          }));
          const first = free[0];
          const firstSlotInDays = first ? (first.start - now.getTime()) / DAY_MS : null;
          const preferredShare = preferred ? shareInPreferredTimes(free, preferred) : null;
          return { ...candidate, firstSlotInDays, preferredShare };
        }),
      );
      const ranked = rankCoaches(withAvailability, criteria).slice(0, limit);
      const coaches = await presenter.present(ranked.map((entry) => entry.candidate));
      const byUserId = new Map(coaches.map((coach) => [coach._id, coach]));
      return ranked.flatMap(({ candidate, score, factors }) => {
        const coach = byUserId.get(candidate.user.toString());
        return coach ? [{ coach, score, factors }] : [];
      });
    },
  };
}

export type CoachMatcher = ReturnType<typeof createCoachMatcher>;
