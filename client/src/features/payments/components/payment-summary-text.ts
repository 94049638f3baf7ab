import type { BookingPaymentSummary } from '@coachhub/shared/payment';
import type { TFunction } from 'i18next';

import { formatTime } from '@/lib/format';
import type { FormatContext } from '@/lib/format';
import { formatMoney } from '@/lib/money';

/**
 * One line on where a booking's payment stands, amounts in the booking's currency, and the
 * refund still under way when there is one.
 */
export const paymentSummaryText = (
  payment: BookingPaymentSummary,
  t: TFunction,
  format: FormatContext,
): string => {
  const summary = settledText(payment, t, format);
  const pending = payment.amountRefundPending ?? 0;
  if (pending <= 0) return summary;
  return t('payments.summary.refundPending', {
    summary,
    amount: formatMoney({ amount: pending, currency: payment.currency }, format.locale),
  });
};

const settledText = (
  payment: BookingPaymentSummary,
  t: TFunction,
  format: FormatContext,
): string => {
  const money = (amount: number) =>
    formatMoney({ amount, currency: payment.currency }, format.locale);
  if (payment.method === 'credit') return t('payments.summary.credit');
  switch (payment.status) {
    case 'due_at_session':
      return t('payments.summary.due_at_session', { amount: money(payment.amountDue) });
    case 'awaiting_payment':
      return payment.holdExpiresAt
        ? t('payments.summary.awaiting_payment', {
            amount: money(payment.amountDue),
            time: formatTime(payment.holdExpiresAt, format),
          })
        : t('payments.summary.awaitingNoHold', { amount: money(payment.amountDue) });
    case 'paid':
      return t('payments.summary.paid', { amount: money(payment.amountPaid) });
    case 'partially_refunded':
    case 'refunded':
      return t('payments.summary.refunded', {
        paid: money(payment.amountPaid),
        refunded: money(payment.amountRefunded),
      });
    case 'not_paid':
      return t('payments.summary.not_paid');
  }
};
