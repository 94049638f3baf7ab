import type { CoachPaymentMonth } from '@coachhub/shared/dashboard';
import type { PaymentTransactionKind } from '@coachhub/shared/payment';
import type { Currency, Money } from '@coachhub/shared/pricing';
import type { LocalMonth } from './coach-figures.js';

/**
 * The coach's online payments in figures, over the same calendar months as the rest of the
 * overview (domain/coach-figures.ts). Only succeeded payments and refunds count, in the month
 * they succeeded. Amounts in the coach's current currency are summed; those in another one
 * (from before a change of currency) are kept apart per currency, never converted.
 */

/** One group of the transactions' aggregate: the succeeded ones of a kind, month and currency. */
export interface MonthlyPaymentAmounts {
  month: string;
  currency: Currency;
  kind: PaymentTransactionKind;
  /** Minor units of `currency`. */
  amount: number;
}

export interface PaymentFigures {
  received: number;
  refunded: number;
  net: number;
  months: CoachPaymentMonth[];
  otherCurrencies: Money[];
}

/** Every month of `months` (zeros for a quiet one) and their sums; other months are ignored. */
export function monthlyPayments(
  months: readonly LocalMonth[],
  groups: readonly MonthlyPaymentAmounts[],
  currency: Currency,
): PaymentFigures {
  const byMonth = new Map(
    months.map(({ month }): [string, CoachPaymentMonth] => [
      month,
      { month, received: 0, refunded: 0 },
    ]),
  );
  const others = new Map<Currency, number>();
  for (const group of groups) {
    const figures = byMonth.get(group.month);
    if (!figures) continue;
    const signed = group.kind === 'payment' ? group.amount : -group.amount;
    if (group.currency !== currency) {
      others.set(group.currency, (others.get(group.currency) ?? 0) + signed);
    } else if (group.kind === 'payment') {
      figures.received += group.amount;
    } else {
      figures.refunded += group.amount;
    }
  }
  const list = [...byMonth.values()];
  const received = list.reduce((sum, month) => sum + month.received, 0);
  const refunded = list.reduce((sum, month) => sum + month.refunded, 0);
  return {
    received,
    refunded,
    net: received - refunded,
    months: list,
    otherCurrencies: [...others.entries()]
      .filter(([, amount]) => amount !== 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, amount]) => ({ amount, currency: code })),
  };
}
