import type { CoachDTO, CoachSort, CoachSpecialty } from '@coachhub/shared/coach';
import type { Page } from '@coachhub/shared/pagination';
import type { Currency } from '@coachhub/shared/pricing';
import type { PipelineStage, QueryFilter } from 'mongoose';
import type { CoachPresenter } from './coach-presenter.js';
import { Coach, type CoachFields, type CoachRecord } from './coach.model.js';

/** The validated `GET /api/coaches` query (numbers parsed, defaults applied). */
export interface DirectorySearch {
  q?: string;
  specialty?: CoachSpecialty;
  language?: string;
  minPrice?: number;
  maxPrice?: number;
  currency?: Currency;
  minRating?: number;
  sort: CoachSort;
  page: number;
  limit: number;
}

/** Who may appear in the directory and the matcher (domain.md "Coaches and discovery"). */
export const PUBLIC_COACHES = {
  'verification.status': 'approved',
  listed: true,
  userStatus: 'active',
} as const;

export function directoryFilter(search: DirectorySearch): QueryFilter<CoachFields> {
  const filter: QueryFilter<CoachFields> = { ...PUBLIC_COACHES };
  if (search.q) filter.$text = { $search: search.q };
  if (search.specialty) filter.specialties = search.specialty;
  if (search.language) filter.languages = search.language;
  if (search.currency) filter['priceFrom.currency'] = search.currency;
  if (search.minPrice !== undefined || search.maxPrice !== undefined) {
    filter['priceFrom.amount'] = {
      ...(search.minPrice !== undefined ? { $gte: search.minPrice } : {}),
      ...(search.maxPrice !== undefined ? { $lte: search.maxPrice } : {}),
    };
  }
  if (search.minRating !== undefined) filter['rating.average'] = { $gte: search.minRating };
  return filter;
}

const BY_RATING = { 'rating.average': -1, 'rating.count': -1, _id: 1 } as const;

/** The sort of one search: computed sort keys (if any) and the order. */
function ordering(search: DirectorySearch): {
  keys: PipelineStage.AddFields['$addFields'] | null;
  sort: PipelineStage.Sort['$sort'];
} {
  if (search.sort === 'price') {
    return {
      // Coaches without a price go after every priced one.
      keys: {
        _priceMissing: {
          $cond: [{ $eq: [{ $ifNull: ['$priceFrom.amount', null] }, null] }, 1, 0],
        },
      },
      sort: { _priceMissing: 1, 'priceFrom.amount': 1, ...BY_RATING },
    };
  }
  if (search.sort === 'relevance' && search.q) {
    return { keys: { _relevance: { $meta: 'textScore' } }, sort: { _relevance: -1, ...BY_RATING } };
  }
  return { keys: null, sort: { ...BY_RATING } };
}

/**
 * One pass over the matching coaches gives both the page and the total: the filter (with
 * `$text` first, as MongoDB requires), then `$facet` for the sorted page and the count. Measured
 * faster than a separate count on the embedded engine; should a directory ever grow to many tens
 * of thousands, an index-sorted page query plus a count avoids materialising every match.
 */
export function directoryPipeline(search: DirectorySearch): PipelineStage[] {
  const { keys, sort } = ordering(search);
  return [
    { $match: directoryFilter(search) },
    ...(keys ? [{ $addFields: keys }] : []),
    {
      $facet: {
        items: [
          { $sort: sort },
          { $skip: (search.page - 1) * search.limit },
          { $limit: search.limit },
        ],
        total: [{ $count: 'count' }],
      },
    },
  ];
}

interface DirectoryFacets {
  items: CoachRecord[];
  total: { count: number }[];
}

/** One aggregate for the page and its total, then the presenter (users + presence). */
export function createCoachDirectory(presenter: CoachPresenter) {
  return {
    async search(search: DirectorySearch): Promise<Page<CoachDTO>> {
      const [result] = await Coach.aggregate<DirectoryFacets>(directoryPipeline(search));
      return {
        items: await presenter.present(result?.items ?? []),
        page: search.page,
        limit: search.limit,
        total: result?.total[0]?.count ?? 0,
      };
    },
  };
}

export type CoachDirectory = ReturnType<typeof createCoachDirectory>;
