import { useId } from 'react';

import type { FieldProblem } from '@/lib/field-problem';

import { FieldError } from './field-error';
import type { SelectOption } from './select-field';
import './form.css';

interface RadioGroupProps {
  legend: string;
  name: string;
  options: readonly SelectOption[];
  /** Null while nothing is chosen. */
  value: string | null;
  onChange: (value: string) => void;
  hint?: string;
  problem?: FieldProblem | undefined;
}

/**
 * A list to pick one from, as a fieldset with a legend. The problem marks each radio, so a failed
 * submit focuses the first one and the error is read with it.
 */
export const RadioGroup = ({
  legend,
  name,
  options,
  value,
  onChange,
  hint,
  problem,
}: RadioGroupProps) => {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint && hintId, problem && errorId].filter(Boolean).join(' ');

  return (
    <fieldset className="field checkbox-group" aria-invalid={problem ? true : undefined}>
      <legend className="field__label">{legend}</legend>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      <div className="checkbox-group__options radio-group__options">
        {options.map((option) => (
          <label key={option.value} className="checkbox-group__option">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              aria-invalid={problem ? true : undefined}
              aria-describedby={describedBy || undefined}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <FieldError id={errorId} problem={problem} />
    </fieldset>
  );
};
