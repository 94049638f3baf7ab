import { useId, type InputHTMLAttributes } from 'react';

import type { FieldProblem } from '@/lib/field-problem';

import { FieldError } from './field-error';
import type { SelectOption } from './select-field';
import './form.css';

export interface ChoiceGroupProps {
  legend: string;
  name: string;
  options: readonly SelectOption[];
  hint?: string;
  problem?: FieldProblem | undefined;
  'data-testid'?: string;
}

interface ChoiceGroupFrameProps extends ChoiceGroupProps {
  type: 'checkbox' | 'radio';
  /** What makes each option's input checked and what happens when it is clicked. */
  inputFor: (
    option: SelectOption,
  ) => Pick<InputHTMLAttributes<HTMLInputElement>, 'checked' | 'onChange'>;
  /**
   * Where the hint and the error are announced: on the group (checkboxes: read once for the list),
   * or on each input (radios: a failed submit focuses the first one, which then reads the error).
   */
  describe: 'group' | 'each';
  className?: string;
}

/** The fieldset, legend, hint, options and error that the checkbox and radio groups share. */
export const ChoiceGroupFrame = ({
  legend,
  name,
  options,
  hint,
  problem,
  'data-testid': testId,
  type,
  inputFor,
  describe,
  className,
}: ChoiceGroupFrameProps) => {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint && hintId, problem && errorId].filter(Boolean).join(' ') || undefined;
  const invalid = problem ? true : undefined;

  return (
    <fieldset
      className="field checkbox-group"
      aria-describedby={describe === 'group' ? describedBy : undefined}
      aria-invalid={invalid}
      data-testid={testId}
    >
      <legend className="field__label">{legend}</legend>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      <div className={['checkbox-group__options', className].filter(Boolean).join(' ')}>
        {options.map((option) => (
          <label key={option.value} className="checkbox-group__option">
            <input
              type={type}
              name={name}
              value={option.value}
              {...inputFor(option)}
              aria-invalid={describe === 'each' ? invalid : undefined}
              aria-describedby={describe === 'each' ? describedBy : undefined}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <FieldError id={errorId} problem={problem} />
    </fieldset>
  );
};
