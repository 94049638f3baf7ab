import { COACH_OVERVIEW_MONTHS, type CoachOverviewDTO } from '@coachhub/shared/dashboard';
import type { Principal } from '../../core/auth/principal.js';
import { notFound } from '../../core/errors.js';
import {
  monthlyFigures,
  monthlyRatings,
  recentMonths,
  weekOf,
} from '../../domain/coach-figures.js';
import { coachTimeZoneOf } from '../coaches/coach-records.js';
import type { PaymentsService } from '../payments/payments.service.js';
import { coachRatingsByMonth } from '../reviews/reviews.service.js';
import type { BookingsService } from '../scheduling/bookings/bookings.service.js';
import type { PricingService } from '../scheduling/pricing/pricing.service.js';

/** Figures for the people who run their practice here; each asks the modules that own the data. */
export function createDashboardService(deps: {
  bookings: Pick<BookingsService, 'coachFigures'>;
  pricing: Pick<PricingService, 'getConfig'>;
  /** Optional: without it the overview has no payments part. */
  payments?: Pick<PaymentsService, 'coachPayments'>;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());

  return {
    /**
     * The coach's week, waiting requests and last twelve months (revenue, sessions, the average
     * rating of the reviews received) and online payments, as calendar weeks and months in the coach's time zone and
     * amounts in the coach's current currency (domain/coach-figures.ts).
     */
    async coachOverview(coach: Principal): Promise<CoachOverviewDTO> {
      const at = now();
      const [timeZone, prices] = await Promise.all([
        coachTimeZoneOf(coach.userId),
        deps.pricing.getConfig(coach.userId, coach),
      ]);
      if (timeZone === null) throw notFound('Coach');
      const months = recentMonths(timeZone, at, COACH_OVERVIEW_MONTHS);
      const week = weekOf(timeZone, at);
      const monthsFrom = new Date(months[0]?.start ?? at.getTime());
      const [figures, ratings, payments] = await Promise.all([
        deps.bookings.coachFigures({
          coachId: coach.userId,
          timeZone,
          monthsFrom,
          now: at,
          weekEnd: new Date(week.end),
        }),
        coachRatingsByMonth({ coachId: coach.userId, timeZone, from: monthsFrom, to: at }),
        deps.payments?.coachPayments({
          coachId: coach.userId,
          months,
          currency: prices.currency,
          now: at,
        }),
      ]);
      return {
        timeZone,
        currency: prices.currency,
        asOf: at.toISOString(),
        thisWeek: {
          start: new Date(week.start).toISOString(),
          end: new Date(week.end).toISOString(),
          upcomingSessions: figures.upcomingThisWeek,
        },
        requests: {
          pendingBookings: figures.pendingBookings,
          pendingReschedules: figures.pendingReschedules,
        },
        ...monthlyFigures(months, figures.monthly, prices.currency),
        ratings: monthlyRatings(months, ratings),
        ...(payments ? { payments } : {}),
      };
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
