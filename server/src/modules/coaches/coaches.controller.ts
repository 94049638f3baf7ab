import type {
  BecomeCoachRequest,
  CoachMatchRequest,
  UpdateCoachRequest,
} from '@coachhub/shared/coach';
import { DEFAULT_PAGE_LIMIT } from '@coachhub/shared/pagination';
import type { RequestHandler } from 'express';
import { callerOf, principalOf } from '../../core/auth/auth.middleware.js';
import { validated } from '../../core/validation.js';
import { uploadedBytes } from '../uploads/image-upload.middleware.js';
import type { CoachDirectory, DirectorySearch } from './coach-directory.js';
import type { CoachMatcher } from './coach-match.service.js';
import type { CoachesService } from './coaches.service.js';

type SearchInput = Partial<DirectorySearch>;

export function createCoachesController(deps: {
  coaches: CoachesService;
  directory: CoachDirectory;
  matcher: CoachMatcher;
}) {
  const { coaches } = deps;

  const search: RequestHandler = async (req, res) => {
    const input = validated<SearchInput>(req);
    res.json(
      await deps.directory.search({
        ...input,
        sort: input.sort ?? 'relevance',
        page: input.page ?? 1,
        limit: input.limit ?? DEFAULT_PAGE_LIMIT,
      }),
    );
  };

  const match: RequestHandler = async (req, res) => {
    res.json(await deps.matcher.match(validated<CoachMatchRequest>(req), callerOf(req)?.userId));
  };

  const getCoach: RequestHandler = async (req, res) => {
    const { userId } = validated<{ userId: string }>(req);
    res.json(await coaches.getCoach(userId, callerOf(req)));
  };

  const updateCoach: RequestHandler = async (req, res) => {
    const { userId, ...changes } = validated<UpdateCoachRequest & { userId: string }>(req);
    res.json(await coaches.updateCoach(userId, principalOf(req), changes));
  };

  const setPicture: RequestHandler = async (req, res) => {
    const { userId } = validated<{ userId: string }>(req);
    res.json(await coaches.setCoachPicture(userId, principalOf(req), uploadedBytes(req)));
  };

  const becomeCoach: RequestHandler = async (req, res) => {
    const profile = validated<BecomeCoachRequest>(req);
    res.status(201).json(await coaches.becomeCoach(principalOf(req).userId, profile));
  };

  return { search, match, getCoach, updateCoach, setPicture, becomeCoach };
}

export type CoachesController = ReturnType<typeof createCoachesController>;
