import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { Chart } from './chart';

describe('Chart', () => {
  it('names the figure and gives its figures as a table, with gaps said in words', () => {
    render(
      <Chart
        type="line"
        title="Average rating"
        description="Per month of reviews received."
        categoryLabel="Month"
        formatValue={(value) => value.toFixed(1)}
        series={[{ key: 'rating', label: 'Rating', color: 'var(--color-primary)' }]}
        points={[
          { label: 'May', values: { rating: 4.5 } },
          { label: 'June', values: { rating: null } },
        ]}
      />,
    );
    const figure = screen.getByRole('figure', { name: 'Average rating' });
    expect(figure).toHaveAccessibleDescription('Per month of reviews received.');
    const table = within(figure).getByRole('table', { name: 'Average rating' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual(['MonthRating', 'May4.5', 'Junenone']);
  });

  it('says there is nothing yet instead of drawing axes of zeros', () => {
    render(
      <Chart
        type="bar"
        title="Revenue"
        categoryLabel="Month"
        emptyText="Nothing in these months yet."
        formatValue={String}
        series={[{ key: 'revenue', label: 'Revenue', color: 'var(--color-primary)' }]}
        points={[
          { label: 'May', values: { revenue: 0 } },
          { label: 'June', values: { revenue: null } },
        ]}
      />,
    );
    expect(screen.getByTestId('chart-empty')).toHaveTextContent('Nothing in these months yet.');
    expect(screen.getByRole('table', { name: 'Revenue' })).toBeInTheDocument();
  });
});
