import type { Weekday } from '@coachhub/shared/scheduling';
import { useTranslation } from 'react-i18next';

import { FieldError } from '@/components/form/field-error';
import { Button } from '@/components/ui/button';

import { weekdayName, weekdaysInOrder } from '../calendar/week-start';
import { newRowId } from './availability-values';
import type { AvailabilityProblems, IntervalRow, RowPaths } from './availability-values';
import { IntervalRowList } from './interval-row-list';

const MINUTES_PER_DAY = 24 * 60;
const toTime = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A new span after the day's last one (an hour long), or a working day for the first. */
export const nextInterval = (rows: readonly IntervalRow[]): IntervalRow => {
  const last = rows.at(-1);
  const [hours = NaN, minutes = NaN] = (last?.end ?? '').split(':').map(Number);
  const lastEnd = hours * 60 + minutes;
  if (!last || Number.isNaN(lastEnd) || lastEnd >= MINUTES_PER_DAY) {
    return { id: newRowId(), start: '09:00', end: '17:00' };
  }
  return {
    id: newRowId(),
    start: toTime(lastEnd),
    end: toTime(Math.min(lastEnd + 60, MINUTES_PER_DAY)),
  };
};

interface WeeklyEditorProps {
  weekly: Record<Weekday, IntervalRow[]>;
  onChange: (weekday: Weekday, rows: IntervalRow[]) => void;
  problems: AvailabilityProblems;
  paths: RowPaths;
}

/** Each weekday, in the reader's week order, with its spans of bookable hours. */
export const WeeklyEditor = ({ weekly, onChange, problems, paths }: WeeklyEditorProps) => {
  const { t, i18n } = useTranslation();
  return (
    <div className="weekly-editor">
      <FieldError problem={problems.weekly} />
      {weekdaysInOrder(i18n.language).map((day) => {
        const weekday = day as Weekday;
        const rows = weekly[weekday];
        const name = weekdayName(weekday, i18n.language);
        return (
          <fieldset key={weekday} className="weekday" data-testid={`weekday-${weekday}`}>
            <legend className="weekday__name">{name}</legend>
            <div className="weekday__rows">
              {rows.length === 0 && (
                <p className="weekday__off">{t('practice.availability.unavailable')}</p>
              )}
              <IntervalRowList
                rows={rows}
                paths={paths.weekly}
                problems={problems}
                labelFor={(index) =>
                  t('practice.availability.intervalLabel', { day: name, number: index + 1 })
                }
                onChange={(changed) => onChange(weekday, changed)}
              />
              <Button
                variant="ghost"
                className="weekday__add"
                onClick={() => onChange(weekday, [...rows, nextInterval(rows)])}
              >
                {t('practice.availability.addInterval', { day: name })}
              </Button>
            </div>
          </fieldset>
        );
      })}
    </div>
  );
};
