import { useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';

import type { ApiErrorCode } from '@/lib/api-error';
import { hasProblems, mergeProblems } from '@/lib/field-problem';
import type { FieldProblems } from '@/lib/field-problem';

import { splitServerError } from './server-problems';

/** The fields whose value is text, which `bind` can wire to an input or select. */
type TextFields<Values> = {
  [Field in keyof Values]: Values[Field] extends string ? Field : never;
}[keyof Values] &
  string;

/** The request a form sends, e.g. a React Query mutation: its failure is shown on the form. */
export interface FormSubmission {
  error: unknown;
  isError: boolean;
  reset: () => void;
}

/** What a valid submit can do with the form once the request has answered. */
export interface SubmitHelpers {
  /** For a refused request: focuses the field the server named, or else the form's alert. */
  focusFirstProblem: () => void;
  /** Back to the initial values, e.g. after a password change. */
  reset: () => void;
}

interface FormStateOptions<Values extends object> {
  /** Text fields are strings; lists (e.g. chosen specialties) and flags are allowed too. */
  initialValues: Values;
  validate: (values: Values) => FieldProblems<keyof Values & string>;
  /** Called with the values once they pass `validate`. */
  onValid: (values: Values, helpers: SubmitHelpers) => void;
  /**
   * Its error goes next to the fields it names (see `splitServerError`), the rest into
   * `formError`; an edit clears it, as the user is acting on it.
   */
  submission?: FormSubmission;
  /** Error codes that belong to one field, e.g. `{ EMAIL_TAKEN: 'email' }`. */
  fieldForCode?: Partial<Record<ApiErrorCode, keyof Values & string>>;
  /** Called on every edit instead of clearing the submission's error, e.g. to clear a success note too. */
  onEdit?: () => void;
}

/**
 * The behaviour all CoachHub forms share, rendered by `FormFrame`: problems appear on submit
 * (not while typing a first time), then disappear as soon as they are fixed; a failed submit
 * focuses the first problem; what the server refused is shown where the user can fix it.
 */
export const useFormState = <Values extends object>({
  initialValues,
  validate,
  onValid,
  submission,
  fieldForCode,
  onEdit,
}: FormStateOptions<Values>) => {
  const [values, setValues] = useState(initialValues);
  const [clientProblems, setClientProblems] = useState<FieldProblems<keyof Values & string>>({});
  const [attempted, setAttempted] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);

  const server = splitServerError(
    submission?.error,
    Object.keys(initialValues) as (keyof Values & string)[],
    fieldForCode,
  );
  const problems = mergeProblems(server.fieldProblems, clientProblems);

  const setValue = <Field extends keyof Values>(field: Field, value: Values[Field]) => {
    const next = { ...values, [field]: value };
    setValues(next);
    if (attempted) setClientProblems(validate(next));
    if (onEdit) onEdit();
    else if (submission?.isError) submission.reset();
  };

  /** `name`, `value` and `onChange` for a text field's input, textarea or select. */
  const bind = <Field extends TextFields<Values>>(field: Field) => ({
    name: field,
    value: values[field] as string,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      setValue(field, event.target.value as Values[Field]),
  });

  /** `bind` plus the field's problem, for a `TextField` or `TextAreaField`. */
  const field = <Field extends TextFields<Values>>(name: Field) => ({
    ...bind(name),
    problem: problems[name],
  });

  const focusFirstProblem = () => setFailedSubmits((count) => count + 1);
  const reset = () => {
    setValues(initialValues);
    setClientProblems({});
    setAttempted(false);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    const found = validate(values);
    setClientProblems(found);
    if (hasProblems(found)) focusFirstProblem();
    else onValid(values, { focusFirstProblem, reset });
  };

  return {
    values,
    /** The user's own mistakes first, then what the server said about the last submit. */
    problems,
    /** What no field can show, e.g. a network error. */
    formError: server.formError,
    /** Grows with every failed submit; `FormFrame` then focuses the first problem. */
    failedSubmits,
    setValue,
    bind,
    field,
    submit,
  };
};

/** What `useFormState` gives a form, e.g. for a component that renders some of its fields. */
export type FormState<Values extends object> = ReturnType<typeof useFormState<Values>>;
