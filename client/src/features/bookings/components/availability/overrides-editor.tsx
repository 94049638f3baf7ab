import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';

import { newRowId } from './availability-values';
import type { AvailabilityProblems, OverrideRow, RowPaths } from './availability-values';
import { IntervalRowFields } from './interval-row-fields';
import { nextInterval } from './weekly-editor';

interface OverridesEditorProps {
  overrides: OverrideRow[];
  onChange: (overrides: OverrideRow[]) => void;
  problems: AvailabilityProblems;
  paths: RowPaths;
  /** Today in the coach's zone, `YYYY-MM-DD`: a new exception starts there. */
  today: string;
}

/** Single dates that differ from the week: a day off, or other hours. */
export const OverridesEditor = ({
  overrides,
  onChange,
  problems,
  paths,
  today,
}: OverridesEditorProps) => {
  const { t } = useTranslation();
  const update = (id: string, change: Partial<OverrideRow>) =>
    onChange(
      overrides.map((override) => (override.id === id ? { ...override, ...change } : override)),
    );

  return (
    <div className="overrides-editor">
      {problems.overrides && (
        <p className="field__error" role="alert">
          {t(problems.overrides.key, problems.overrides.values)}
        </p>
      )}
      {overrides.length === 0 && (
        <p className="field__hint">{t('practice.availability.noOverrides')}</p>
      )}
      {overrides.map((override, index) => {
        const path = paths.overrides.get(override.id) ?? '';
        const dateProblem = problems[`${path}.date`];
        const listProblem = problems[`${path}.intervals`];
        const number = index + 1;
        const dateErrorId = `${override.id}-date-error`;
        return (
          <fieldset key={override.id} className="override" data-testid="override">
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
                  onChange={(event) => update(override.id, { date: event.target.value })}
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
                        update(override.id, {
                          dayOff,
                          intervals:
                            !dayOff && override.intervals.length === 0
                              ? [nextInterval([])]
                              : override.intervals,
                        })
                      }
                    />
                    {t(
                      dayOff ? 'practice.availability.dayOff' : 'practice.availability.otherHours',
                    )}
                  </label>
                ))}
              </div>
              <Button
                variant="ghost"
                onClick={() =>
                  onChange(overrides.filter((candidate) => candidate.id !== override.id))
                }
                aria-label={t('practice.availability.removeOverride', { number })}
              >
                {t('practice.availability.remove')}
              </Button>
            </div>
            {!override.dayOff && (
              <div className="override__rows">
                {listProblem && (
                  <p className="field__error" role="alert">
                    {t(listProblem.key, listProblem.values)}
                  </p>
                )}
                {override.intervals.map((row, rowIndex) => {
                  const rowPath = paths.overrideIntervals.get(row.id) ?? '';
                  const rows = override.intervals;
                  return (
                    <IntervalRowFields
                      key={row.id}
                      row={row}
                      label={t('practice.availability.overrideIntervalLabel', {
                        number,
                        interval: rowIndex + 1,
                      })}
                      problems={{
                        start: problems[`${rowPath}.start`],
                        end: problems[`${rowPath}.end`],
                        row: problems[rowPath],
                      }}
                      onChange={(changed) =>
                        update(override.id, {
                          intervals: rows.map((candidate) =>
                            candidate.id === row.id ? changed : candidate,
                          ),
                        })
                      }
                      onRemove={() =>
                        update(override.id, {
                          intervals: rows.filter((candidate) => candidate.id !== row.id),
                        })
                      }
                    />
                  );
                })}
                <Button
                  variant="ghost"
                  onClick={() =>
                    update(override.id, {
                      intervals: [...override.intervals, nextInterval(override.intervals)],
                    })
                  }
                >
                  {t('practice.availability.addOverrideInterval')}
                </Button>
              </div>
            )}
          </fieldset>
        );
      })}
      <div>
        <Button
          variant="secondary"
          onClick={() =>
            onChange([...overrides, { id: newRowId(), date: today, dayOff: true, intervals: [] }])
          }
        >
          {t('practice.availability.addOverride')}
        </Button>
      </div>
    </div>
  );
};
