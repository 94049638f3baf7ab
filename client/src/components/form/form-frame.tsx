import type { ComponentProps, FormEvent } from 'react';

import type { ApiError } from '@/lib/api-error';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

import { FormAlert } from './form-alert';
import { useFocusFirstProblem } from './use-focus-after-submit';
import './form.css';

interface FormFrameProps extends Omit<ComponentProps<'form'>, 'noValidate' | 'onSubmit' | 'ref'> {
  /** The form's `useFormState`. */
  form: {
    submit: (event: FormEvent<HTMLFormElement>) => void;
    formError: ApiError | null;
    failedSubmits: number;
  };
}

/**
 * The form element of every `useFormState` form: our own checks replace the browser's
 * (`noValidate`) so problems read the same everywhere; a server error opens the form, and
 * a failed submit moves focus to the first problem.
 */
export const FormFrame = ({ form, className, children, ...formProps }: FormFrameProps) => {
  const errorMessage = useErrorMessage();
  const containerRef = useFocusFirstProblem(form.failedSubmits);
  return (
    <form
      ref={containerRef}
      className={['form', className].filter(Boolean).join(' ')}
      noValidate
      onSubmit={form.submit}
      {...formProps}
    >
      <FormAlert message={form.formError && errorMessage(form.formError)} />
      {children}
    </form>
  );
};
