import type { TranslationKey } from '@/lib/i18n/translation-key';

/** A field's problem, kept as a key so it re-translates when the language changes. */
export interface FieldProblem {
  key: TranslationKey;
  values?: Record<string, string | number>;
}

export type FieldProblems<Field extends string> = Partial<Record<Field, FieldProblem>>;

export const hasProblems = (problems: Partial<Record<string, FieldProblem>>): boolean =>
  Object.values(problems).some(Boolean);

/** The user's own mistakes (client checks) win over what the server said about the last submit. */
export const mergeProblems = <Field extends string>(
  fromServer: FieldProblems<Field>,
  fromClient: FieldProblems<Field>,
): FieldProblems<Field> => {
  const merged: FieldProblems<Field> = { ...fromServer };
  for (const field of Object.keys(fromClient) as Field[]) {
    const problem = fromClient[field];
    if (problem) merged[field] = problem;
  }
  return merged;
};
