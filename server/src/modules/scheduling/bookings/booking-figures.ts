import type { Currency } from '@coachhub/shared/pricing';
import { Types, type PipelineStage } from 'mongoose';
import type { MonthlyAmounts } from '../../../domain/coach-figures.js';
import { Booking } from './booking.model.js';

/** What the coach's overview asks of a coach's bookings. */
export interface CoachFiguresInput {
  coachId: string;
  /** Months are grouped as calendar months in this IANA zone. */
  timeZone: string;
  /** The first instant of the oldest month counted. */
  monthsFrom: Date;
  now: Date;
  /** The end of the current week: confirmed sessions from `now` until then are this week's. */
  weekEnd: Date;
}

export interface CoachFigures {
  /** Completed sessions by the month they started, fees by the month they were charged. */
  monthly: MonthlyAmounts[];
  upcomingThisWeek: number;
  pendingBookings: number;
  pendingReschedules: number;
}

interface MonthlyGroup {
  _id: { month: string; currency: Currency };
  count: number;
  amount: number;
}

interface FiguresFacets {
  sessions: MonthlyGroup[];
  fees: MonthlyGroup[];
  upcoming: { count: number }[];
  pendingBookings: { count: number }[];
  pendingReschedules: { count: number }[];
}

const monthIn = (field: string, timeZone: string) => ({
  $dateToString: { format: '%Y-%m', date: field, timezone: timeZone },
});

const countOf = (facet: { count: number }[]) => facet[0]?.count ?? 0;

/**
 * A coach's figures in one aggregate over their bookings: the completed sessions' stored quotes
 * and the stored cancellation fees per month (and currency), the confirmed sessions still ahead
 * this week, and the requests waiting for the coach (new bookings, clients' moves) that can still
 * be answered (their time lies ahead).
 */
export async function coachFigures(input: CoachFiguresInput): Promise<CoachFigures> {
  const { now, monthsFrom, timeZone } = input;
  const pipeline: PipelineStage[] = [
    { $match: { coach: new Types.ObjectId(input.coachId) } },
    {
      $facet: {
        sessions: [
          { $match: { status: 'completed', start: { $gte: monthsFrom, $lte: now } } },
          {
            $group: {
              _id: { month: monthIn('$start', timeZone), currency: '$quote.currency' },
              count: { $sum: 1 },
              amount: { $sum: '$quote.amount' },
            },
          },
        ],
        fees: [
          {
            $match: {
              status: 'cancelled',
              'cancellation.fee.amount': { $gt: 0 },
              'cancellation.at': { $gte: monthsFrom, $lte: now },
            },
          },
          {
            $group: {
              _id: {
                month: monthIn('$cancellation.at', timeZone),
                currency: '$cancellation.fee.currency',
              },
              count: { $sum: 1 },
              amount: { $sum: '$cancellation.fee.amount' },
            },
          },
        ],
        upcoming: [
          { $match: { status: 'confirmed', start: { $gte: now, $lt: input.weekEnd } } },
          { $count: 'count' },
        ],
        pendingBookings: [
          { $match: { status: 'pending', start: { $gt: now } } },
          { $count: 'count' },
        ],
        pendingReschedules: [
          {
            $match: {
              status: 'confirmed',
              start: { $gt: now },
              'pendingReschedule.start': { $gt: now },
            },
          },
          { $count: 'count' },
        ],
      },
    },
  ];
  const [facets] = await Booking.aggregate<FiguresFacets>(pipeline);
  const groups = (kind: MonthlyAmounts['kind'], list: MonthlyGroup[] = []): MonthlyAmounts[] =>
    list.map(({ _id, count, amount }) => ({ ..._id, kind, count, amount }));
  return {
    monthly: [...groups('sessions', facets?.sessions), ...groups('fees', facets?.fees)],
    upcomingThisWeek: countOf(facets?.upcoming ?? []),
    pendingBookings: countOf(facets?.pendingBookings ?? []),
    pendingReschedules: countOf(facets?.pendingReschedules ?? []),
  };
}
