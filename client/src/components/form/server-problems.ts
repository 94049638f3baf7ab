import { toApiError } from '@/lib/api-error';
import type { ApiError, ApiErrorCode } from '@/lib/api-error';

import type { FieldProblems } from '@/lib/field-problem';

interface SplitServerError<Field extends string> {
  fieldProblems: FieldProblems<Field>;
  /** What cannot be pinned to one field; shown as the form's alert. */
  formError: ApiError | null;
}

/**
 * Places a failed submit's error where the user can fix it: codes that belong to one field
 * (e.g. `EMAIL_TAKEN` -> email) and the fields a `VALIDATION_FAILED` lists go next to those
 * fields; everything else becomes a form-level message.
 */
export const splitServerError = <Field extends string>(
  error: unknown,
  fields: readonly Field[],
  fieldForCode: Partial<Record<ApiErrorCode, Field>> = {},
): SplitServerError<Field> => {
  if (!error) return { fieldProblems: {}, formError: null };
  const apiError = toApiError(error);
  const codeField = fieldForCode[apiError.code];
  if (codeField) {
    const fieldProblems: FieldProblems<Field> = {};
    fieldProblems[codeField] = { key: `errors.${apiError.code}` };
    return { fieldProblems, formError: null };
  }
  const fieldProblems: FieldProblems<Field> = {};
  for (const issue of apiError.fieldIssues) {
    const field = fields.find((candidate) => candidate === issue.field);
    if (field) fieldProblems[field] = { key: 'validation.invalidValue' };
  }
  return { fieldProblems, formError: apiError };
};
