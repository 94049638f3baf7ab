/** One line or bar group of a chart; `color` is a CSS colour (a design token's `var(...)`). */
export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

/** One category on the x axis (a month, a day) with each series' value (null: no value). */
export interface ChartPoint {
  label: string;
  values: Record<string, number | null>;
}

/** What the drawing needs; the accessible table is drawn by `Chart` itself. */
export interface ChartViewProps {
  type: 'bar' | 'line';
  points: ChartPoint[];
  series: ChartSeries[];
  formatValue: (value: number) => string;
  /** Bars of the series stacked into one per category. */
  stacked?: boolean;
  /** The value axis' range when it is fixed (a rating: 1 to 5); from the data otherwise. */
  yDomain?: [number, number];
  height: number;
}
