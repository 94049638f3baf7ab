import type { CoachDTO } from '@coachhub/shared/coach';
import type { Page } from '@coachhub/shared/pagination';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

export const PENDING_PAGE_SIZE = 20;

export const getPendingCoaches = async (page: number): Promise<Page<CoachDTO>> => {
  const { data } = await apiClient.get<Page<CoachDTO>>('/admin/coaches/pending', {
    params: { page, limit: PENDING_PAGE_SIZE },
  });
  return data;
};

const PENDING_KEY = ['admin', 'coaches', 'pending'] as const;

export const pendingCoachesQueryOptions = (page: number) =>
  queryOptions({
    queryKey: [...PENDING_KEY, page],
    queryFn: () => getPendingCoaches(page),
  });

export const usePendingCoaches = (page: number) =>
  useQuery({ ...pendingCoachesQueryOptions(page), placeholderData: keepPreviousData });

/**
 * Takes a decided coach off every cached queue page at once, before the server answers.
 * Returns what puts the pages back, for when the decision fails.
 */
export const removePendingCoach = async (
  queryClient: QueryClient,
  userId: string,
): Promise<() => void> => {
  // A refetch landing now would bring the coach back before the decision is saved.
  await queryClient.cancelQueries({ queryKey: PENDING_KEY });
  const snapshot = queryClient.getQueriesData<Page<CoachDTO>>({ queryKey: PENDING_KEY });
  queryClient.setQueriesData<Page<CoachDTO>>({ queryKey: PENDING_KEY }, (page) =>
    page && page.items.some((coach) => coach._id === userId)
      ? {
          ...page,
          items: page.items.filter((coach) => coach._id !== userId),
          total: page.total - 1,
        }
      : page,
  );
  return () => snapshot.forEach(([queryKey, data]) => queryClient.setQueryData(queryKey, data));
};

/** After a decision, the queue is fetched again: later pages move up, others may have decided too. */
export const invalidatePendingCoaches = (queryClient: QueryClient): Promise<void> =>
  queryClient.invalidateQueries({ queryKey: PENDING_KEY });

const isLastPage = (page: Page<CoachDTO>) => page.page * page.limit >= page.total;

/**
 * A coach joined the queue (applied, or resubmitted after an edit) or left it (an admin decided),
 * as `coach:verification_changed` says. Shown at once: a coach already listed is replaced in
 * place, a new one is appended to a cached last page with room (the queue is oldest first), a
 * decided one leaves every page. Then the queue is fetched again, since only the server knows the
 * page boundaries.
 */
export const putCoachInQueue = (queryClient: QueryClient, coach: CoachDTO): Promise<void> => {
  const waiting = coach.verification.status === 'pending';
  const listed = queryClient
    .getQueriesData<Page<CoachDTO>>({ queryKey: PENDING_KEY })
    .some(([, page]) => page?.items.some((item) => item._id === coach._id));
  queryClient.setQueriesData<Page<CoachDTO>>({ queryKey: PENDING_KEY }, (page) => {
    if (!page) return page;
    const here = page.items.some((item) => item._id === coach._id);
    if (here && waiting) {
      return { ...page, items: page.items.map((item) => (item._id === coach._id ? coach : item)) };
    }
    if (here) {
      return {
        ...page,
        items: page.items.filter((item) => item._id !== coach._id),
        total: page.total - 1,
      };
    }
    if (!waiting || listed) return page;
    const room = isLastPage(page) && page.items.length < page.limit;
    return {
      ...page,
      items: room ? [...page.items, coach] : page.items,
      total: page.total + 1,
    };
  });
  return invalidatePendingCoaches(queryClient);
};
