import { useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';

import { hasProblems } from '@/lib/field-problem';
import type { FieldProblems } from '@/lib/field-problem';

import { useFocusAfterSubmit } from './use-focus-after-submit';

interface FormStateOptions<Field extends string> {
  initialValues: Record<Field, string>;
  validate: (values: Record<Field, string>) => FieldProblems<Field>;
  /** Called on every edit, e.g. to clear the last submit's server error. */
  onEdit?: () => void;
}

/**
 * The behaviour all CoachHub forms share: problems appear on submit (not while typing a first
 * time), then disappear as soon as they are fixed; a failed submit focuses the first problem.
 */
export const useFormState = <Field extends string>({
  initialValues,
  validate,
  onEdit,
}: FormStateOptions<Field>) => {
  const { containerRef, focusFirstProblem } = useFocusAfterSubmit();
  const [values, setValues] = useState(initialValues);
  const [problems, setProblems] = useState<FieldProblems<Field>>({});
  const [attempted, setAttempted] = useState(false);

  const setValue = (field: Field, value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    if (attempted) setProblems(validate(next));
    onEdit?.();
  };

  /** `value` and `onChange` for a field's input or select. */
  const bind = (field: Field) => ({
    name: field,
    value: values[field],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      setValue(field, event.target.value),
  });

  const handleSubmit =
    (onValid: (values: Record<Field, string>) => void) => (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      setAttempted(true);
      const found = validate(values);
      setProblems(found);
      if (hasProblems(found)) focusFirstProblem();
      else onValid(values);
    };

  const reset = () => {
    setValues(initialValues);
    setProblems({});
    setAttempted(false);
  };

  return { containerRef, values, problems, setValue, bind, handleSubmit, focusFirstProblem, reset };
};
