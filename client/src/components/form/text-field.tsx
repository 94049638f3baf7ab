import { useId } from 'react';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';

import type { FieldProblem } from '@/lib/field-problem';
import './form.css';

interface TextFieldProps extends Omit<ComponentProps<'input'>, 'id'> {
  label: string;
  hint?: string;
  problem?: FieldProblem | undefined;
}

/** A labelled input whose hint and error are tied to it for assistive tech. */
export const TextField = ({ label, hint, problem, className, ...inputProps }: TextFieldProps) => {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint && hintId, problem && errorId].filter(Boolean).join(' ');

  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="field__control"
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...inputProps}
      />
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {problem && (
        <p id={errorId} className="field__error" role="alert">
          {t(problem.key, problem.values)}
        </p>
      )}
    </div>
  );
};
