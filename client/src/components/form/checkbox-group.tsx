import { useId } from 'react';

import type { FieldProblem } from '@/lib/field-problem';

import { FieldError } from './field-error';
import type { SelectOption } from './select-field';
import './form.css';

interface CheckboxGroupProps {
  legend: string;
  name: string;
  options: readonly SelectOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  hint?: string;
  problem?: FieldProblem | undefined;
  'data-testid'?: string;
}

/**
 * A list to pick several from (specialties, languages). A fieldset with a legend, so each box
 * is read as "Career, checkbox, Specialties"; the group's hint and error describe every box.
 * Choices keep the options' order, whatever order they were ticked in.
 */
export const CheckboxGroup = ({
  legend,
  name,
  options,
  value,
  onChange,
  hint,
  problem,
  'data-testid': testId,
}: CheckboxGroupProps) => {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint && hintId, problem && errorId].filter(Boolean).join(' ');

  const toggle = (option: string, checked: boolean) => {
    const chosen = new Set(value);
    if (checked) chosen.add(option);
    else chosen.delete(option);
    onChange(options.map((candidate) => candidate.value).filter((v) => chosen.has(v)));
  };

  return (
    <fieldset
      className="field checkbox-group"
      aria-describedby={describedBy || undefined}
      aria-invalid={problem ? true : undefined}
      data-testid={testId}
    >
      <legend className="field__label">{legend}</legend>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      <div className="checkbox-group__options">
        {options.map((option) => (
          <label key={option.value} className="checkbox-group__option">
            <input
              type="checkbox"
              name={name}
              value={option.value}
              checked={value.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <FieldError id={errorId} problem={problem} />
    </fieldset>
  );
};
