import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

import type { ChartViewProps } from './chart-types';

/**
 * The drawing itself (recharts). Imported only through `Chart`'s lazy boundary, so the library
 * stays out of the first load and out of pages without charts.
 */
const ChartView = ({
  type,
  points,
  series,
  formatValue,
  stacked,
  height,
  yDomain,
}: ChartViewProps) => {
  const data = points.map((point) => ({ label: point.label, ...point.values }));
  const axes = (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="var(--color-border)" vertical={false} />
      <XAxis dataKey="label" tick={{ fill: 'var(--color-text-muted)', fontSize: 12 }} />
      <YAxis
        tickFormatter={(value: number) => formatValue(value)}
        tick={{ fill: 'var(--color-text-muted)', fontSize: 12 }}
        width="auto"
        allowDecimals={false}
        {...(yDomain ? { domain: yDomain } : {})}
      />
      <Tooltip
        formatter={(value) => (typeof value === 'number' ? formatValue(value) : String(value))}
        contentStyle={{
          background: 'var(--color-surface)',
          border: '1px solid var(--color-border)',
          borderRadius: 'var(--radius-sm)',
        }}
      />
      {series.length > 1 && <Legend />}
    </>
  );
  const style = { width: '100%', height };
  if (type === 'line') {
    return (
      <LineChart data={data} style={style} responsive accessibilityLayer={false}>
        {axes}
        {series.map(({ key, label, color }) => (
          <Line
            key={key}
            dataKey={key}
            name={label}
            stroke={color}
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    );
  }
  return (
    <BarChart data={data} style={style} responsive accessibilityLayer={false}>
      {axes}
      {series.map(({ key, label, color }) => (
        <Bar
          key={key}
          dataKey={key}
          name={label}
          fill={color}
          isAnimationActive={false}
          {...(stacked ? { stackId: 'total' } : {})}
        />
      ))}
    </BarChart>
  );
};

export default ChartView;
