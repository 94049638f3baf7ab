import type { ComponentProps } from 'react';

import type { FieldProblem } from '@/lib/field-problem';
import { FieldFrame } from './field-frame';

interface TextFieldProps extends Omit<ComponentProps<'input'>, 'id'> {
  label: string;
  hint?: string;
  problem?: FieldProblem | undefined;
}

/** A labelled input whose hint and error are tied to it for assistive tech. */
export const TextField = ({ label, hint, problem, className, ...inputProps }: TextFieldProps) => (
  <FieldFrame label={label} hint={hint} problem={problem} className={className}>
    {(control) => <input {...control} className="field__control" {...inputProps} />}
  </FieldFrame>
);
