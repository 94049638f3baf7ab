import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';

import type { ChartPoint, ChartSeries, ChartViewProps } from './chart-types';
import './chart.css';

export type { ChartPoint, ChartSeries } from './chart-types';

const ChartView = lazy(() => import('./chart-view'));

const isEmpty = (points: ChartPoint[]) =>
  points.every((point) => Object.values(point.values).every((value) => !value));

interface ChartProps extends Omit<ChartViewProps, 'height'> {
  title: string;
  /** A sentence under the title that says what the figures mean. */
  description?: string;
  /** The heading of the table's first column, naming what the categories are ("Month"). */
  categoryLabel: string;
  /** Said instead of drawing when every value is zero or missing (axes of nothing mislead). */
  emptyText?: string;
  height?: number;
}

/**
 * A titled chart with the same figures as a table for screen readers: the drawing is hidden
 * from them (it says nothing a table does not), the table is hidden from sight. The drawing
 * library loads on first use, never with the app.
 */
export const Chart = ({
  title,
  description,
  categoryLabel,
  height = 240,
  emptyText,
  ...view
}: ChartProps) => {
  const { t } = useTranslation();
  const titleId = useId();
  const descriptionId = useId();
  return (
    <figure
      className="chart"
      aria-labelledby={titleId}
      {...(description ? { 'aria-describedby': descriptionId } : {})}
    >
      <figcaption className="chart__caption">
        <span id={titleId} className="chart__title">
          {title}
        </span>
        {description && (
          <span id={descriptionId} className="chart__description">
            {description}
          </span>
        )}
      </figcaption>
      <div className="chart__drawing" aria-hidden="true" style={{ minHeight: height }}>
        {emptyText && isEmpty(view.points) ? (
          <div className="chart__placeholder" data-testid="chart-empty">
            {emptyText}
          </div>
        ) : (
          <Suspense fallback={<div className="chart__placeholder">{t('charts.loading')}</div>}>
            <ChartView {...view} height={height} />
          </Suspense>
        )}
      </div>
      <ChartTable title={title} categoryLabel={categoryLabel} {...view} />
    </figure>
  );
};

const ChartTable = ({
  title,
  categoryLabel,
  points,
  series,
  formatValue,
}: Pick<ChartProps, 'title' | 'categoryLabel' | 'points' | 'series' | 'formatValue'>) => {
  const { t } = useTranslation();
  return (
    <table className="visually-hidden">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{categoryLabel}</th>
          {series.map((item) => (
            <th key={item.key} scope="col">
              {item.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {points.map((point: ChartPoint) => (
          <tr key={point.label}>
            <th scope="row">{point.label}</th>
            {series.map((item: ChartSeries) => {
              const value = point.values[item.key];
              return (
                <td key={item.key}>
                  {value === null || value === undefined ? t('charts.noValue') : formatValue(value)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
};
