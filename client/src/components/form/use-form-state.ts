import { useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';

import { hasProblems } from '@/lib/field-problem';
import type { FieldProblems } from '@/lib/field-problem';

import { useFocusAfterSubmit } from './use-focus-after-submit';

/** The fields whose value is text, which `bind` can wire to an input or select. */
type TextFields<Values> = {
  [Field in keyof Values]: Values[Field] extends string ? Field : never;
}[keyof Values] &
  string;

interface FormStateOptions<Values extends object> {
  /** Text fields are strings; lists (e.g. chosen specialties) and flags are allowed too. */
  initialValues: Values;
  validate: (values: Values) => FieldProblems<keyof Values & string>;
  /** Called on every edit, e.g. to clear the last submit's server error. */
  onEdit?: () => void;
}

/**
 * The behaviour all CoachHub forms share: problems appear on submit (not while typing a first
 * time), then disappear as soon as they are fixed; a failed submit focuses the first problem.
 */
export const useFormState = <Values extends object>({
  initialValues,
  validate,
  onEdit,
}: FormStateOptions<Values>) => {
  const { containerRef, focusFirstProblem } = useFocusAfterSubmit();
  const [values, setValues] = useState(initialValues);
  const [problems, setProblems] = useState<FieldProblems<keyof Values & string>>({});
  const [attempted, setAttempted] = useState(false);

  const setValue = <Field extends keyof Values>(field: Field, value: Values[Field]) => {
    const next = { ...values, [field]: value };
    setValues(next);
    if (attempted) setProblems(validate(next));
    onEdit?.();
  };

  /** `value` and `onChange` for a text field's input, textarea or select. */
  const bind = <Field extends TextFields<Values>>(field: Field) => ({
    name: field,
    value: values[field] as string,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      setValue(field, event.target.value as Values[Field]),
  });

  const handleSubmit =
    (onValid: (values: Values) => void) => (event: FormEvent<HTMLFormElement>) => {
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
