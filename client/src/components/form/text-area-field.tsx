import type { ComponentProps } from 'react';

import type { FieldProblem } from '@/lib/field-problem';
import { FieldFrame } from './field-frame';

interface TextAreaFieldProps extends Omit<ComponentProps<'textarea'>, 'id'> {
  label: string;
  hint?: string;
  problem?: FieldProblem | undefined;
}

/** The multi-line sibling of `TextField`. */
export const TextAreaField = ({
  label,
  hint,
  problem,
  className,
  rows = 5,
  ...textAreaProps
}: TextAreaFieldProps) => (
  <FieldFrame label={label} hint={hint} problem={problem} className={className}>
    {(control) => (
      <textarea
        {...control}
        rows={rows}
        className="field__control field__control--textarea"
        {...textAreaProps}
      />
    )}
  </FieldFrame>
);
