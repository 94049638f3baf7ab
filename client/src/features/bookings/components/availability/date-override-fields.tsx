import { useTranslation } from 'react-i18next';

import { FieldError } from '@/components/form/field-error';
import { Button } from '@/components/ui/button';

import type { AvailabilityProblems, OverrideRow, RowPaths } from './availability-values';
import { IntervalRowList } from './interval-row-list';
import { nextInterval } from './weekly-editor';

interface DateOverrideFieldsProps {
  override: OverrideRow;
  /** Its place in the list, from 1: it tells apart the controls of several dates. */
  number: number;
  problems: AvailabilityProblems;
  paths: RowPaths;
  onChange: (change: Partial<OverrideRow>) => void;
  onRemove: () => void;
}

/** One date that differs from the week: the date, a day off or other hours, and those hours. */
export const DateOverrideFields = ({
  override,
  number,
  problems,
  paths,
  onChange,
  onRemove,
}: DateOverrideFieldsProps) => {
  const { t } = useTranslation();
  const path = paths.overrides.get(override.id) ?? '';
  const dateProblem = problems[`${path}.date`];
  const dateErrorId = `${override.id}-date-error`;

  return (
    <fieldset className="override" data-testid="override">
      <legend className="visually-hidden">
        {t('practice.availability.overrideLabel', { number })}
      </legend>
      <div className="override__head">
        <label className="field">
          <span className="field__label">
            {t('practice.availability.overrideDate')}
            <span className="visually-hidden"> ({number})</span>
          </span>
          <input
            type="date"
            className="field__control"
            value={override.date}
            aria-invalid={dateProblem ? true : undefined}
            aria-describedby={dateProblem ? dateErrorId : undefined}
            onChange={(event) => onChange({ date: event.target.value })}
          />
          {dateProblem && (
            <span id={dateErrorId} className="field__error" role="alert">
              {t(dateProblem.key, dateProblem.values)}
            </span>
          )}
        </label>
        <div
          className="override__kind"
          role="radiogroup"
          aria-label={t('practice.availability.overrideKind', { number })}
        >
          {([true, false] as const).map((dayOff) => (
            <label key={String(dayOff)} className="override__choice">
              <input
                type="radio"
                name={`${override.id}-kind`}
                checked={override.dayOff === dayOff}
                onChange={() =>
                  onChange({
                    dayOff,
                    // Other hours start with a working day rather than an empty list.
                    intervals:
                      !dayOff && override.intervals.length === 0
                        ? [nextInterval([])]
                        : override.intervals,
                  })
                }
              />
              {t(dayOff ? 'practice.availability.dayOff' : 'practice.availability.otherHours')}
            </label>
          ))}
        </div>
        <Button
          variant="ghost"
          onClick={onRemove}
          aria-label={t('practice.availability.removeOverride', { number })}
        >
          {t('practice.availability.remove')}
        </Button>
      </div>
      {!override.dayOff && (
        <div className="override__rows">
          <FieldError problem={problems[`${path}.intervals`]} />
          <IntervalRowList
            rows={override.intervals}
            paths={paths.overrideIntervals}
            problems={problems}
            labelFor={(index) =>
              t('practice.availability.overrideIntervalLabel', { number, interval: index + 1 })
            }
            onChange={(intervals) => onChange({ intervals })}
          />
          <Button
            variant="ghost"
            onClick={() =>
              onChange({ intervals: [...override.intervals, nextInterval(override.intervals)] })
            }
          >
            {t('practice.availability.addOverrideInterval')}
          </Button>
        </div>
      )}
    </fieldset>
  );
};
