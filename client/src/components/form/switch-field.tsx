import { useId } from 'react';
import type { ComponentProps } from 'react';

import './form.css';

interface SwitchFieldProps extends Omit<ComponentProps<'input'>, 'id' | 'type' | 'role'> {
  label: string;
  hint?: string;
}

/** An on/off setting that applies as a state ("Listed"), not an action: a checkbox with the switch role. */
export const SwitchField = ({ label, hint, className, ...inputProps }: SwitchFieldProps) => {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={['field switch-field', className].filter(Boolean).join(' ')}>
      <div className="switch-field__row">
        <input
          id={id}
          type="checkbox"
          role="switch"
          className="switch-field__input"
          aria-describedby={hint ? hintId : undefined}
          {...inputProps}
        />
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
      </div>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
};
