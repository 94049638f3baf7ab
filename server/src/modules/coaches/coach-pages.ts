import type { PublicPageData } from '@coachhub/shared/page-render';
import { DEFAULT_PAGE_LIMIT } from '@coachhub/shared/pagination';
import { AppError } from '../../core/errors.js';
import type { CoachDirectory } from './coach-directory.js';
import type { CoachesService } from './coaches.service.js';

/** A coach's id as the API's routes accept it: anything else names no coach. */
const OBJECT_ID = /^[0-9a-f]{24}$/i;

/**
 * What the server-rendered public pages show (core/http/page-render.ts): the directory and a
 * coach's profile exactly as `GET /api/coaches` and `GET /api/coaches/:userId` answer a visitor,
 * from the same services and the one CoachDTO builder, without a request to itself.
 */
export function createCoachPageData(deps: {
  coaches: CoachesService;
  directory: CoachDirectory;
}): PublicPageData {
  return {
    coachDirectory: (query) =>
      deps.directory.search({
        ...query,
        sort: query.sort ?? 'relevance',
        page: query.page ?? 1,
        limit: query.limit ?? DEFAULT_PAGE_LIMIT,
      }),
    async coachProfile(userId) {
      if (!OBJECT_ID.test(userId)) return null;
      try {
        return await deps.coaches.getCoach(userId, undefined);
      } catch (error) {
        if (error instanceof AppError && error.status === 404) return null;
        throw error;
      }
    },
  };
}
