import type { Quote } from '@coachhub/shared/pricing';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { QuoteSummary } from './quote-summary';

const quote: Quote = {
  amount: 8100,
  currency: 'EUR',
  lines: [
    { kind: 'base', label: 'Career deep dive', amount: 9000 },
    { kind: 'volume', label: 'Loyal', amount: -900, discountId: 'd2' },
  ],
};

describe('QuoteSummary', () => {
  it('says how many completed sessions the discounts counted', () => {
    render(
      <QuoteSummary quote={{ ...quote, history: { completedSessions: 3, firstSession: false } }} />,
    );
    expect(screen.getByTestId('quote-history')).toHaveTextContent(
      '3 completed sessions counted for discounts.',
    );
  });

  it('says nothing of history for a quote without it (made before it was counted)', () => {
    render(<QuoteSummary quote={quote} />);
    expect(screen.getByTestId('quote-total')).toHaveTextContent('€81.00');
    expect(screen.queryByTestId('quote-history')).toBeNull();
  });
});
