import type { Quote, QuoteLine } from '@coachhub/shared/pricing';
import { useTranslation } from 'react-i18next';

import { formatMoney } from '@/lib/money';

/**
 * A quote's lines, each named by its kind in the reader's language, the total, and what of the
 * client's history the discounts counted (completed sessions only, for volume discounts).
 */
export const QuoteSummary = ({ quote }: { quote: Quote }) => {
  const { t, i18n } = useTranslation();
  const money = (amount: number) =>
    formatMoney({ amount, currency: quote.currency }, i18n.language);
  const line = (entry: QuoteLine, index: number) => (
    <div key={`${entry.kind}-${index}`} className="quote__line" data-kind={entry.kind}>
      <dt>
        {t(`booking.quote.kinds.${entry.kind}`)}
        {entry.label && <span className="quote__label">{entry.label}</span>}
      </dt>
      <dd>{money(entry.amount)}</dd>
    </div>
  );
  return (
    <>
      <dl className="quote" data-testid="quote">
        {quote.lines.map(line)}
        <div className="quote__line quote__line--total">
          <dt>{t('booking.quote.total')}</dt>
          <dd data-testid="quote-total">{money(quote.amount)}</dd>
        </div>
      </dl>
      {quote.history && (
        <p className="quote__history" data-testid="quote-history">
          {quote.history.firstSession
            ? t('booking.quote.history.first')
            : t('booking.quote.history.completed', { count: quote.history.completedSessions })}
        </p>
      )}
    </>
  );
};
