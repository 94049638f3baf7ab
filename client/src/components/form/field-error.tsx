import { useTranslation } from 'react-i18next';

import type { FieldProblem } from '@/lib/field-problem';
import './form.css';

interface FieldErrorProps {
  problem: FieldProblem | undefined;
  /** Lets the control it is about name it in `aria-describedby`. */
  id?: string;
}

/** A problem's text, announced as it appears; nothing while there is none. */
export const FieldError = ({ problem, id }: FieldErrorProps) => {
  const { t } = useTranslation();
  if (!problem) return null;
  return (
    <p id={id} className="field__error" role="alert">
      {t(problem.key, problem.values)}
    </p>
  );
};
