import { useId } from 'react';
import type { ComponentProps } from 'react';

import './form.css';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps extends Omit<ComponentProps<'select'>, 'id'> {
  label: string;
  hint?: string;
  options: readonly SelectOption[];
}

export const SelectField = ({
  label,
  hint,
  options,
  className,
  ...selectProps
}: SelectFieldProps) => {
  const id = useId();
  const hintId = `${id}-hint`;

  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="field__control field__control--select"
        aria-describedby={hint ? hintId : undefined}
        {...selectProps}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
};
