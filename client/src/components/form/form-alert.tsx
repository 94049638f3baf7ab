import type { Ref } from 'react';

import './form.css';

interface FormAlertProps {
  message: string | null;
  tone?: 'error' | 'success';
  ref?: Ref<HTMLDivElement>;
}

/**
 * A form-level message (a server error, or a success note). Errors are alerts, announced at
 * once; it can take focus so keyboard users land on what went wrong.
 */
export const FormAlert = ({ message, tone = 'error', ref }: FormAlertProps) => {
  if (!message) return null;
  return (
    <div
      ref={ref}
      className={`form-alert form-alert--${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      tabIndex={-1}
      data-testid={`form-${tone}`}
    >
      {message}
    </div>
  );
};
