import type { CoachDTO } from '@coachhub/shared/coach';
import type { Page } from '@coachhub/shared/pagination';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';

import { createFakeSocket } from '@/testing/fake-socket';
import { makeCoach, makePage } from '@/testing/fixtures';

import { pendingCoachesQueryOptions } from './get-pending-coaches';
import { followVerificationUpdates } from './use-verification-updates';

const pending = (id: string, firstName: string) =>
  makeCoach({
    _id: id,
    firstName,
    verification: { status: 'pending', reason: null, reviewedAt: null },
  });

const setup = (pages: Record<number, Page<CoachDTO>>) => {
  const queryClient = new QueryClient();
  for (const [page, data] of Object.entries(pages)) {
    queryClient.setQueryData(pendingCoachesQueryOptions(Number(page)).queryKey, data);
  }
  const { fake, socket } = createFakeSocket();
  const stop = followVerificationUpdates(socket, queryClient);
  const page = (number: number) =>
    queryClient.getQueryData(pendingCoachesQueryOptions(number).queryKey);
  const isStale = (number: number) =>
    queryClient.getQueryState(pendingCoachesQueryOptions(number).queryKey)?.isInvalidated;
  return { fake, stop, page, isStale };
};

describe('followVerificationUpdates', () => {
  it('appends a new applicant to the last cached page and counts them on every page', () => {
    const full = makePage([pending('c1', 'Ada'), pending('c2', 'Bea')], { limit: 2, total: 3 });
    const last = makePage([pending('c3', 'Cy')], { page: 2, limit: 2, total: 3 });
    const { fake, stop, page, isStale } = setup({ 1: full, 2: last });

    fake.fire('coach:verification_changed', { coach: pending('c4', 'Dee') });

    expect(page(1)?.items.map((coach) => coach._id)).toEqual(['c1', 'c2']);
    expect(page(1)?.total).toBe(4);
    expect(page(2)?.items.map((coach) => coach._id)).toEqual(['c3', 'c4']);
    expect(page(2)?.total).toBe(4);
    expect(isStale(1)).toBe(true);
    stop();
    expect(fake.listenerCount()).toBe(0);
  });

  it('does not count a coach twice when the event repeats', () => {
    const { fake, page } = setup({ 1: makePage([pending('c1', 'Ada')]) });
    const edited = { ...pending('c1', 'Ada'), headline: 'Resubmitted' };

    fake.fire('coach:verification_changed', { coach: edited });

    expect(page(1)).toMatchObject({ total: 1, items: [{ _id: 'c1', headline: 'Resubmitted' }] });
  });

  it('takes a coach another admin decided off the queue', () => {
    const { fake, page } = setup({ 1: makePage([pending('c1', 'Ada'), pending('c2', 'Bea')]) });

    fake.fire('coach:verification_changed', { coach: makeCoach({ _id: 'c1' }) });

    expect(page(1)).toMatchObject({ total: 1, items: [{ _id: 'c2' }] });
  });

  it('fetches the queue again after a reconnect', () => {
    const { fake, isStale } = setup({ 1: makePage([]) });
    expect(isStale(1)).toBe(false);
    fake.setConnected(true);
    expect(isStale(1)).toBe(true);
  });
});
