import { useId } from 'react';
import type { ReactNode } from 'react';

import type { FieldProblem } from '@/lib/field-problem';

import { FieldError } from './field-error';
import './form.css';

/** What a control needs to be tied to its label, hint and error for assistive tech. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldFrameProps {
  label: string;
  hint?: string | undefined;
  problem?: FieldProblem | undefined;
  className?: string | undefined;
  children: (control: FieldControlProps) => ReactNode;
}

/** The label, hint and announced error around one form control; every field is built on it. */
export const FieldFrame = ({ label, hint, problem, className, children }: FieldFrameProps) => {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint && hintId, problem && errorId].filter(Boolean).join(' ');

  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({
        id,
        'aria-invalid': problem ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      <FieldError id={errorId} problem={problem} />
    </div>
  );
};
