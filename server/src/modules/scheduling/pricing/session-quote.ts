import type { Quote } from '@coachhub/shared/pricing';
import type { ClientSession } from 'mongoose';
import { quotePrice, type ClientHistory } from '../../../domain/pricing.js';
import type { BookableSessionType } from '../session-types/session-type-lookup.js';
import { loadPricingRules } from './pricing-store.js';

/**
 * The price of one session of this type starting at `start`, under the coach's current rules:
 * the one quote both the quote endpoint and a new booking use. `clientHistory` (the client's
 * sessions with this coach) decides the first-session and volume discounts.
 */
export async function quoteSession(input: {
  coachId: string;
  sessionType: Pick<BookableSessionType, '_id' | 'durationMinutes' | 'title'>;
  start: Date;
  now: Date;
  clientHistory: ClientHistory;
  session?: ClientSession;
}): Promise<Quote> {
  const { sessionType } = input;
  return quotePrice({
    config: await loadPricingRules(input.coachId, input.session),
    sessionType: {
      _id: sessionType._id.toString(),
      durationMinutes: sessionType.durationMinutes,
      title: sessionType.title,
    },
    start: input.start,
    now: input.now,
    clientHistory: input.clientHistory,
  });
}
