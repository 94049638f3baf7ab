import type { AvailabilityProblems, IntervalRow } from './availability-values';
import { IntervalRowFields } from './interval-row-fields';

interface IntervalRowListProps {
  rows: IntervalRow[];
  /** Each row's place in the request, by row id (see `rowPaths`): where its problems are. */
  paths: Map<string, string>;
  problems: AvailabilityProblems;
  /** Names the row at `index` (from 0), e.g. "Monday, time 2". */
  labelFor: (index: number) => string;
  onChange: (rows: IntervalRow[]) => void;
}

/** The spans of one weekday or one exceptional date, each editable and removable. */
export const IntervalRowList = ({
  rows,
  paths,
  problems,
  labelFor,
  onChange,
}: IntervalRowListProps) =>
  rows.map((row, index) => {
    const path = paths.get(row.id) ?? '';
    return (
      <IntervalRowFields
        key={row.id}
        row={row}
        label={labelFor(index)}
        problems={{
          start: problems[`${path}.start`],
          end: problems[`${path}.end`],
          row: problems[path],
        }}
        onChange={(changed) =>
          onChange(rows.map((candidate) => (candidate.id === row.id ? changed : candidate)))
        }
        onRemove={() => onChange(rows.filter((candidate) => candidate.id !== row.id))}
      />
    );
  });
