import { useId } from 'react';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';

import type { FieldProblem } from '@/lib/field-problem';
import './form.css';

interface TextAreaFieldProps extends Omit<ComponentProps<'textarea'>, 'id'> {
  label: string;
  hint?: string;
  problem?: FieldProblem | undefined;
}

/** The multi-line sibling of `TextField`, with its hint and error tied to it the same way. */
export const TextAreaField = ({
  label,
  hint,
  problem,
  className,
  rows = 5,
  ...textAreaProps
}: TextAreaFieldProps) => {
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
      <textarea
        id={id}
        rows={rows}
        className="field__control field__control--textarea"
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...textAreaProps}
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
