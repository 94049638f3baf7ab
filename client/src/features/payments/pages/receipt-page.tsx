import type { PaymentTransactionDTO, ReceiptDTO } from '@coachhub/shared/payment';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';

import { Button } from '@/components/ui/button';
import { PageTitle } from '@/components/ui/page-title';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { paths } from '@/config/paths';
import { formatDateTime, formatTime } from '@/lib/format';
import { useErrorMessage } from '@/lib/i18n/use-error-message';
import { formatMoney } from '@/lib/money';
import { useFormatContext } from '@/lib/use-format-context';

import { useReceipt } from '../api/get-receipt';
import { paymentSummaryText } from '../components/payment-summary-text';
import './receipt-page.css';

const Receipt = ({ receipt }: { receipt: ReceiptDTO }) => {
  const { t } = useTranslation();
  const format = useFormatContext();
  const { payment, session } = receipt;
  const money = (amount: number) =>
    formatMoney({ amount, currency: payment.currency }, format.locale);
  const dateTime = (value: string) =>
    formatDateTime(value, format, { dateStyle: 'medium', timeStyle: 'short' });

  const transactionKind = (transaction: PaymentTransactionDTO) =>
    transaction.kind === 'refund' && transaction.reason
      ? `${t('payments.transactionKinds.refund')} (${t(`payments.receipt.reasons.${transaction.reason}`)})`
      : t(`payments.transactionKinds.${transaction.kind}`);

  return (
    <article className="receipt" aria-labelledby="receipt-heading" data-testid="receipt">
      <h1 id="receipt-heading">
        {t('payments.receipt.heading', { reference: receipt.reference })}
      </h1>
      <dl className="receipt__facts">
        <div>
          <dt>{t('payments.receipt.reference')}</dt>
          <dd data-testid="receipt-reference">{receipt.reference}</dd>
        </div>
        <div>
          <dt>{t('payments.receipt.issued')}</dt>
          <dd>{dateTime(receipt.issuedAt)}</dd>
        </div>
        <div>
          <dt>{t('payments.receipt.session')}</dt>
          <dd>
            {session.title} · {t('booking.minutes', { count: session.durationMinutes })}
          </dd>
        </div>
        <div>
          <dt>{t('payments.receipt.date')}</dt>
          <dd>
            <time dateTime={session.start}>
              {formatDateTime(session.start, format, { dateStyle: 'full' })},{' '}
              {formatTime(session.start, format)}–{formatTime(session.end, format)}
            </time>
          </dd>
        </div>
        <div>
          <dt>{t('payments.receipt.coach')}</dt>
          <dd>{receipt.coach.name}</dd>
        </div>
        <div>
          <dt>{t('payments.receipt.client')}</dt>
          <dd>{receipt.client.name}</dd>
        </div>
        <div>
          <dt>{t('payments.receipt.payment')}</dt>
          <dd data-testid="receipt-payment">{paymentSummaryText(payment, t, format)}</dd>
        </div>
      </dl>

      <table className="receipt__table" data-testid="receipt-lines">
        <caption>{t('payments.receipt.price')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('payments.receipt.item')}</th>
            <th scope="col" className="receipt__amount">
              {t('payments.receipt.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {receipt.lines.map((line, index) => (
            <tr key={`${line.kind}-${index}`}>
              <td>
                {t(`booking.quote.kinds.${line.kind}`)}
                {line.label && ` · ${line.label}`}
              </td>
              <td className="receipt__amount">{money(line.amount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('payments.receipt.total')}</th>
            <td className="receipt__amount">{money(payment.amountDue)}</td>
          </tr>
          <tr>
            <th scope="row">{t('payments.receipt.paid')}</th>
            <td className="receipt__amount" data-testid="receipt-paid">
              {money(payment.amountPaid)}
            </td>
          </tr>
          {payment.amountRefunded > 0 && (
            <tr>
              <th scope="row">{t('payments.receipt.refunded')}</th>
              <td className="receipt__amount" data-testid="receipt-refunded">
                {money(payment.amountRefunded)}
              </td>
            </tr>
          )}
        </tfoot>
      </table>

      {receipt.transactions.length > 0 ? (
        <ScrollRegion className="receipt__scroll" labelledBy="receipt-transactions-caption">
          <table className="receipt__table" data-testid="receipt-transactions">
            <caption id="receipt-transactions-caption">
              {t('payments.receipt.transactions')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('payments.receipt.kind')}</th>
                <th scope="col" className="receipt__amount">
                  {t('payments.receipt.amount')}
                </th>
                <th scope="col">{t('payments.receipt.status')}</th>
                <th scope="col">{t('payments.receipt.when')}</th>
              </tr>
            </thead>
            <tbody>
              {receipt.transactions.map((transaction) => (
                <tr key={transaction._id} data-kind={transaction.kind}>
                  <td>{transactionKind(transaction)}</td>
                  <td className="receipt__amount">
                    {formatMoney(
                      { amount: transaction.amount, currency: transaction.currency },
                      format.locale,
                    )}
                  </td>
                  <td className="receipt__nowrap">
                    {t(`payments.transactionStatuses.${transaction.status}`)}
                  </td>
                  <td className="receipt__nowrap">{dateTime(transaction.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : (
        <p>{t('payments.receipt.noTransactions')}</p>
      )}
    </article>
  );
};

/**
 * `/bookings/:bookingId/receipt` (the booking's two participants): what the booking cost, what was
 * paid and refunded and when, ready to print (the print stylesheet leaves only the receipt).
 */
export const ReceiptPage = () => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { bookingId = '' } = useParams();
  const receipt = useReceipt(bookingId);

  return (
    <div className="receipt-page">
      <PageTitle
        title={
          receipt.data
            ? t('payments.receipt.heading', { reference: receipt.data.reference })
            : t('payments.receipt.title')
        }
      />
      <div className="receipt-page__tools">
        <Link to={paths.app.bookings.getHref()}>{t('payments.receipt.back')}</Link>
        {receipt.data && (
          <Button onClick={() => window.print()}>{t('payments.receipt.print')}</Button>
        )}
      </div>
      {receipt.isPending && <p role="status">{t('payments.receipt.loading')}</p>}
      {receipt.isError && (
        <div role="alert" className="message-page">
          <h1>{t('payments.receipt.title')}</h1>
          <p>
            {t('payments.receipt.loadFailed')} {errorMessage(receipt.error)}
          </p>
          <Button variant="secondary" onClick={() => void receipt.refetch()}>
            {t('booking.retry')}
          </Button>
        </div>
      )}
      {receipt.data && <Receipt receipt={receipt.data} />}
    </div>
  );
};
