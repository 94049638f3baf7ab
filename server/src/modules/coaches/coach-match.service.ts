import type { CoachMatch, CoachMatchRequest } from '@coachhub/shared/coach';
import { rankCoaches } from '../../domain/coach-match.js';
import { PUBLIC_COACHES } from './coach-directory.js';
import type { CoachPresenter } from './coach-presenter.js';
import { Coach } from './coach.model.js';

/** Coaches scored per request: those sharing a specialty, best rated first. Enough for any top 50. */
export const MATCH_CANDIDATES = 500;
export const DEFAULT_MATCH_LIMIT = 10;

/**
 * Ranks public coaches for a client's goals with the pure scorer in domain/coach-match.ts.
 * A coach without any requested specialty would score at most the other factors, so only
 * coaches sharing one are considered. The caller never matches themself.
 */
export function createCoachMatcher(presenter: CoachPresenter) {
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
      const ranked = rankCoaches(candidates, {
        specialties: request.specialties,
        ...(request.languages ? { languages: request.languages } : {}),
        ...(request.budget ? { budget: request.budget } : {}),
      }).slice(0, request.limit ?? DEFAULT_MATCH_LIMIT);
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
