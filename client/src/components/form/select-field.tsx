import type { ComponentProps } from 'react';

import { FieldFrame } from './field-frame';

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
}: SelectFieldProps) => (
  <FieldFrame label={label} hint={hint} className={className}>
    {(control) => (
      <select {...control} className="field__control field__control--select" {...selectProps}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    )}
  </FieldFrame>
);
