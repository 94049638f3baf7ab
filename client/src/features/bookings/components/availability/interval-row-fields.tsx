import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { FieldError } from '@/components/form/field-error';
import type { FieldProblem } from '@/lib/field-problem';

import type { IntervalRow } from './availability-values';

interface IntervalRowFieldsProps {
  row: IntervalRow;
  /** e.g. "Monday, time 2": makes every input's name unique on the page. */
  label: string;
  problems: {
    start?: FieldProblem | undefined;
    end?: FieldProblem | undefined;
    row?: FieldProblem | undefined;
  };
  onChange: (row: IntervalRow) => void;
  onRemove: () => void;
}

/** One span of hours, "from - until", with its own problems next to it. */
export const IntervalRowFields = ({
  row,
  label,
  problems,
  onChange,
  onRemove,
}: IntervalRowFieldsProps) => {
  const { t } = useTranslation();
  const id = useId();
  const errors = (
    [
      ['start', problems.start],
      ['end', problems.end],
      ['row', problems.row],
    ] as const
  ).filter((entry): entry is readonly ['start' | 'end' | 'row', FieldProblem] => Boolean(entry[1]));
  const errorId = (part: string) => `${id}-${part}-error`;
  const describedBy = (part: 'start' | 'end') =>
    [problems[part] && errorId(part), problems.row && errorId('row')].filter(Boolean).join(' ') ||
    undefined;

  return (
    <div className="interval-row" role="group" aria-label={label} data-testid="interval-row">
      <div className="interval-row__fields">
        {(['start', 'end'] as const).map((part) => (
          <label key={part} className="interval-row__field">
            <span className="interval-row__label">
              {t(`practice.availability.${part}`)}
              <span className="visually-hidden"> ({label})</span>
            </span>
            <input
              className="field__control interval-row__input"
              value={row[part]}
              inputMode="numeric"
              autoComplete="off"
              placeholder="09:00"
              maxLength={5}
              aria-invalid={problems[part] || problems.row ? true : undefined}
              aria-describedby={describedBy(part)}
              onChange={(event) => onChange({ ...row, [part]: event.target.value })}
            />
          </label>
        ))}
        <button
          type="button"
          className="button button--ghost interval-row__remove"
          onClick={onRemove}
          aria-label={t('practice.availability.removeInterval', { label })}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {errors.map(([part, problem]) => (
        <FieldError key={part} id={errorId(part)} problem={problem} />
      ))}
    </div>
  );
};
