import type { CoachPaymentEntry, CoachPaymentsOverview } from '@coachhub/shared/dashboard';
import type {
  PaymentProviderName,
  PaymentTransactionKind,
  PaymentTransactionStatus,
} from '@coachhub/shared/payment';
import type { Currency } from '@coachhub/shared/pricing';
import { Types, type PipelineStage } from 'mongoose';
import type { LocalMonth } from '../../domain/coach-figures.js';
import { monthlyPayments, type MonthlyPaymentAmounts } from '../../domain/coach-payments.js';
import { bookingTitles } from '../scheduling/bookings/booking-titles.js';
import { findUserSummaries } from '../users/user-accounts.js';
import { PaymentTransaction } from './payment-transaction.model.js';

/** What the coach's overview asks of the coach's payments. */
export interface CoachPaymentsInput {
  coachId: string;
  /** Calendar months in the coach's zone (`recentMonths`), oldest first. */
  months: readonly LocalMonth[];
  /** The coach's current currency: only amounts in it are summed. */
  currency: Currency;
  now: Date;
}

/** How many transactions the recent list shows. */
export const RECENT_PAYMENTS = 10;

interface RecentRow {
  _id: Types.ObjectId;
  kind: PaymentTransactionKind;
  amount: number;
  currency: Currency;
  status: PaymentTransactionStatus;
  lastAt: Date;
  client: Types.ObjectId;
  booking?: Types.ObjectId | null;
  /** Package purchases are paid through the same records, naming the purchase instead. */
  purchase?: Types.ObjectId | null;
}

interface PaymentFacets {
  monthly: { _id: Omit<MonthlyPaymentAmounts, 'amount'>; amount: number }[];
  recent: RecentRow[];
}

/** When a transaction succeeded: its status change to `succeeded` (else its last update). */
const succeededAt = {
  $ifNull: [
    {
      $arrayElemAt: [
        {
          $map: {
            input: {
              $filter: {
                input: '$statusHistory',
                as: 'change',
                cond: { $eq: ['$$change.status', 'succeeded'] },
              },
            },
            as: 'change',
            in: '$$change.at',
          },
        },
        0,
      ],
    },
    '$updatedAt',
  ],
};

/**
 * The `YYYY-MM` of the month (of `months`, bounded in the coach's zone by Luxon) an instant falls
 * in. The bounds come from the domain rather than `$dateToString`'s `timezone`, which the embedded
 * engine accepts only as `Area/City` (not `UTC`, `Etc/GMT+5` or three-part names).
 */
const monthOf = (field: string, months: readonly LocalMonth[]) => ({
  $switch: {
    branches: months.map((month) => ({
      case: {
        $and: [{ $gte: [field, new Date(month.start)] }, { $lt: [field, new Date(month.end)] }],
      },
      then: month.month,
    })),
    default: null,
  },
});

/**
 * The coach's online payments in one aggregate: succeeded payments and refunds per month (by when
 * they succeeded, in the coach's zone), kind and currency, and the latest transactions of any
 * status. The recent ones are then named: the client, and the booked session's title.
 */
export async function coachPaymentFigures(
  provider: PaymentProviderName,
  input: CoachPaymentsInput,
): Promise<CoachPaymentsOverview> {
  const from = new Date(input.months[0]?.start ?? input.now.getTime());
  const pipeline: PipelineStage[] = [
    { $match: { coach: new Types.ObjectId(input.coachId) } },
    {
      $addFields: {
        succeededAt,
        lastAt: { $ifNull: [{ $arrayElemAt: ['$statusHistory.at', -1] }, '$updatedAt'] },
      },
    },
    {
      $facet: {
        monthly: [
          { $match: { status: 'succeeded', succeededAt: { $gte: from, $lte: input.now } } },
          {
            $group: {
              _id: {
                month: monthOf('$succeededAt', input.months),
                currency: '$currency',
                kind: '$kind',
              },
              amount: { $sum: '$amount' },
            },
          },
        ],
        recent: [
          { $sort: { lastAt: -1, _id: -1 } },
          { $limit: RECENT_PAYMENTS },
          {
            $project: {
              kind: 1,
              amount: 1,
              currency: 1,
              status: 1,
              lastAt: 1,
              client: 1,
              booking: 1,
              purchase: 1,
            },
          },
        ],
      },
    },
  ];
  const [facets] = await PaymentTransaction.aggregate<PaymentFacets>(pipeline);
  const groups = (facets?.monthly ?? []).map(({ _id, amount }) => ({ ..._id, amount }));
  return {
    provider,
    currency: input.currency,
    ...monthlyPayments(input.months, groups, input.currency),
    recent: await namedEntries(facets?.recent ?? []),
  };
}

async function namedEntries(rows: readonly RecentRow[]): Promise<CoachPaymentEntry[]> {
  const bookingIds = rows.flatMap((row) => (row.booking ? [row.booking.toString()] : []));
  const [clients, titles] = await Promise.all([
    findUserSummaries([...new Set(rows.map((row) => row.client.toString()))]),
    bookingTitles([...new Set(bookingIds)]),
  ]);
  const names = new Map(clients.map((c) => [c._id, `${c.firstName} ${c.lastName}`.trim()]));
  return rows.map((row) => {
    const bookingId = row.booking?.toString();
    const title = bookingId ? titles.get(bookingId) : undefined;
    return {
      kind: row.kind,
      amount: row.amount,
      currency: row.currency,
      status: row.status,
      at: new Date(row.lastAt).toISOString(),
      ...(bookingId ? { bookingId } : {}),
      ...(row.purchase ? { purchaseId: row.purchase.toString() } : {}),
      clientName: names.get(row.client.toString()) ?? '',
      ...(title ? { sessionTitle: title } : {}),
    };
  });
}

/** With the manual provider clients pay the coach at the session: nothing is collected here. */
export function paidAtSession(input: CoachPaymentsInput): CoachPaymentsOverview {
  return {
    provider: 'manual',
    currency: input.currency,
    ...monthlyPayments(input.months, [], input.currency),
    recent: [],
  };
}
